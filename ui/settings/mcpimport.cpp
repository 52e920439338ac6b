#include "mcpimport.h"

#include "guithread.h"
#include "mcp/serverimport.h"
#include "session.h"

#include <algorithm>
#include <QFile>
#include <QFileInfo>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

struct Preview
{
    QString error;
    QVariantList rows;
    QStringList notes;
    std::vector<mcp::McpServerConfig> servers;
};

QString issueText(const mcp::ImportIssue &issue)
{
    return issue.severity == mcp::ImportIssue::Severity::Refused
               ? McpImport::tr("Not added: %1").arg(QString::fromStdString(issue.message))
               : McpImport::tr("Note: %1").arg(QString::fromStdString(issue.message));
}

Preview buildPreview(const std::string &text, const QStringList &existingNames)
{
    Preview preview;
    mcp::ImportOptions options;
    for (const QString &name : existingNames)
        options.existingNames.push_back(name.toStdString());
    auto imported = mcp::importMcpServers(text, options);
    if (!imported) {
        preview.error = QString::fromStdString(imported.error().message);
        return preview;
    }
    const mcp::ImportedServers &result = imported.value();
    auto issuesOf = [&result](const std::string &entry) {
        QStringList lines;
        for (const auto &issue : result.issues)
            if (issue.entry == entry)
                lines << issueText(issue);
        return lines;
    };
    for (std::size_t i = 0; i < result.servers.size(); ++i) {
        const mcp::McpServerConfig &server = result.servers[i];
        preview.rows.append(QVariantMap{
            {QStringLiteral("name"), QString::fromStdString(server.name)},
            {QStringLiteral("entryName"), QString::fromStdString(result.entryNames[i])},
            {QStringLiteral("accepted"), true},
            {QStringLiteral("transport"), QString::fromLatin1(mcp::serverTransportName(server.transport))},
            {QStringLiteral("summary"), QString::fromStdString(mcp::launchSummary(server))},
            {QStringLiteral("issues"), issuesOf(result.entryNames[i])}});
    }
    std::vector<std::string> refused;
    for (const auto &issue : result.issues) {
        if (issue.entry.empty() && issue.severity == mcp::ImportIssue::Severity::Warning)
            preview.notes << QString::fromStdString(issue.message);
        else if (issue.severity == mcp::ImportIssue::Severity::Refused &&
                 std::find(refused.begin(), refused.end(), issue.entry) == refused.end())
            refused.push_back(issue.entry);
    }
    for (const auto &entry : refused)
        preview.rows.append(QVariantMap{{QStringLiteral("name"), QString::fromStdString(entry)},
                                        {QStringLiteral("entryName"), QString::fromStdString(entry)},
                                        {QStringLiteral("accepted"), false},
                                        {QStringLiteral("transport"), QString()},
                                        {QStringLiteral("summary"), QString()},
                                        {QStringLiteral("issues"), issuesOf(entry)}});
    preview.servers = result.servers;
    return preview;
}

} // namespace

McpImport::McpImport(QObject *parent) : QObject(parent) {}

int McpImport::commandCount() const
{
    return static_cast<int>(std::count_if(m_pending.begin(), m_pending.end(), [](const auto &server) {
        return server.transport == mcp::ServerTransport::Stdio;
    }));
}

void McpImport::clear()
{
    ++m_generation;
    m_busy = false;
    m_source.clear();
    m_error.clear();
    m_rows.clear();
    m_notes.clear();
    m_pending.clear();
    m_consent = false;
    Q_EMIT changed();
    Q_EMIT consentChanged();
}

void McpImport::previewText(const QString &text)
{
    const std::string bytes = text.toStdString();
    start(tr("pasted text"), [bytes](QString &) { return bytes; });
}

void McpImport::previewFile(const QUrl &url)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    start(QFileInfo(path).fileName(), [path](QString &problem) -> std::string {
        QFile file(path);
        const QFileInfo info(path);
        if (info.isDir()) {
            problem = tr("%1 is a folder, not a file.").arg(path);
            return {};
        }
        if (info.exists() && info.size() > static_cast<qint64>(mcp::kMaxImportBytes)) {
            problem = tr("%1 is larger than 1 MB; that is not an MCP configuration file.").arg(path);
            return {};
        }
        if (!file.open(QIODevice::ReadOnly)) {
            problem = tr("%1 could not be read: %2").arg(path, file.errorString());
            return {};
        }
        // One byte past the limit, so a file that grew meanwhile is still refused by size.
        return file.read(static_cast<qint64>(mcp::kMaxImportBytes) + 1).toStdString();
    });
}

void McpImport::start(QString source, std::function<std::string(QString &problem)> read)
{
    const int generation = ++m_generation;
    m_busy = true;
    m_source = std::move(source);
    m_error.clear();
    m_rows.clear();
    m_notes.clear();
    m_pending.clear();
    m_consent = false;
    Q_EMIT changed();
    Q_EMIT consentChanged();
    QPointer<McpImport> self(this);
    const QStringList existing = m_existingNames;
    auto job = [self, generation, existing, read = std::move(read)] {
        QString problem;
        const std::string text = read(problem);
        Preview preview = problem.isEmpty() ? buildPreview(text, existing) : Preview{problem, {}, {}, {}};
        postToGui(self, [generation, preview = std::move(preview)](McpImport *import) mutable {
            if (generation != import->m_generation)
                return;
            import->m_busy = false;
            import->m_error = preview.error;
            import->m_rows = preview.rows;
            import->m_notes = preview.notes;
            import->m_pending = std::move(preview.servers);
            Q_EMIT import->changed();
            Q_EMIT import->consentChanged();
        });
    };
    // File reads belong on the disk thread; with no session (a bare test) it runs here.
    if (Session *session = Session::instance())
        session->withStore([job](store::SettingsStore *) { job(); });
    else
        job();
}
