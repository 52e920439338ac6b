#include "nodepeer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace lakeshore::testing {

namespace {

const char *kInstallHint = "; run the README's test command, which installs the test peers with "
                           "`npm ci --prefix tests/peers`";

// Empty when node and the package are there, else what is missing.
QString missingPeer(const QString &peers, const QString &requiredPackage)
{
    if (QStandardPaths::findExecutable("node").isEmpty())
        return QString("node is not on PATH") + kInstallHint;
    if (!QFileInfo::exists(peers + "/node_modules/" + requiredPackage + "/package.json"))
        return "the test peer " + requiredPackage + " is not installed in " + peers + "/node_modules" +
               kInstallHint;
    return {};
}

} // namespace

QString runPeerScript(const QString &script, const QStringList &arguments, const QString &requiredPackage,
                      QByteArray &output, int timeoutMs)
{
    const QString peers = QStringLiteral(LAKESHORE_PEERS_DIR);
    if (QString missing = missingPeer(peers, requiredPackage); !missing.isEmpty())
        return missing;
    QProcess process;
    process.setWorkingDirectory(peers);
    process.start(QStandardPaths::findExecutable("node"), QStringList{peers + "/" + script} + arguments);
    if (!process.waitForStarted(5000))
        return "could not start node: " + process.errorString();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return script + " did not finish within " + QString::number(timeoutMs / 1000) + " s";
    }
    output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return script + " failed (exit " + QString::number(process.exitCode()) +
               "): " + QString::fromUtf8(process.readAllStandardError().left(2000));
    return {};
}

NodePeer::~NodePeer()
{
    stop();
}

QString NodePeer::start(const QString &script, const QStringList &arguments, const QString &requiredPackage,
                        const QString &stderrFile, int timeoutMs)
{
    const QString peers = QStringLiteral(LAKESHORE_PEERS_DIR);
    if (QString missing = missingPeer(peers, requiredPackage); !missing.isEmpty())
        return missing;
    const QString node = QStandardPaths::findExecutable("node");

    m_process.setProgram(node);
    m_process.setArguments(QStringList{peers + "/" + script} + arguments);
    m_process.setWorkingDirectory(peers);
    m_process.setStandardErrorFile(stderrFile);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return "could not start node: " + m_process.errorString();

    QByteArray output;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        output += m_process.readAllStandardOutput();
        const qsizetype at = output.indexOf("listening ");
        const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
        if (end > at) {
            m_url = output.mid(at + 10, end - at - 10).trimmed().toStdString();
            return {};
        }
    }
    stop();
    QFile errors(stderrFile);
    errors.open(QIODevice::ReadOnly);
    return script + " did not report \"listening\" within " + QString::number(timeoutMs / 1000) +
           " s; stdout: " + QString::fromUtf8(output.left(1000)) +
           "; stderr: " + QString::fromUtf8(errors.readAll().left(2000));
}

void NodePeer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the peer scripts exit when stdin closes
    if (m_process.waitForFinished(3000))
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

} // namespace lakeshore::testing
