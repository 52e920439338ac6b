#include "mcpserverscontroller.h"

#include "errortext.h"
#include "guithread.h"
#include "mcpprobe.h"
#include "mcpsnapshot.h"
#include "session.h"
#include "store/settingsstore.h"

#include <algorithm>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString routeText(mcp::LakehouseRoute route)
{
    return QString::fromLatin1(mcp::routeName(route));
}

} // namespace

McpServersController::McpServersController(QObject *parent)
    : QObject(parent), m_servers(new McpServerListModel(this)), m_serverForm(new McpServerForm(this)),
      m_lakehouseForm(new LakehouseForm(this)), m_import(new McpImport(this)),
      m_probe(std::make_shared<McpProbe>())
{
    if (Session *session = Session::instance())
        connect(session, &Session::readyChanged, this, &McpServersController::stateChanged);
}

McpServersController::~McpServersController()
{
    m_testCancel.cancel();
}

bool McpServersController::canSave() const
{
    const Session *session = Session::instance();
    return session && session->hasSettingsStore() && !m_busy;
}

void McpServersController::setMessage(QString text, bool isError)
{
    m_message = std::move(text);
    m_messageIsError = isError;
    Q_EMIT stateChanged();
}

void McpServersController::setDialogError(QString text)
{
    m_dialogError = std::move(text);
    Q_EMIT stateChanged();
}

void McpServersController::load()
{
    Session *session = Session::instance();
    if (!session)
        return;
    m_busy = true;
    Q_EMIT stateChanged();
    QPointer<McpServersController> self(this);
    session->withStore([self](store::SettingsStore *store) {
        auto snapshot = std::make_shared<McpSnapshot>(readSnapshot(store));
        postToGui(self, [snapshot](McpServersController *c) {
            c->m_busy = false;
            c->apply(*snapshot);
            if (!snapshot->problem.empty())
                c->setMessage(tr("The MCP servers could not be read: %1").arg(qs(snapshot->problem)), true);
            else
                Q_EMIT c->stateChanged();
        });
    });
}

void McpServersController::apply(const McpSnapshot &snapshot)
{
    m_maskedServers.clear();
    std::map<std::string, QString> serverNames;
    for (const auto &server : snapshot.servers) {
        m_maskedServers[server.id] = server;
        serverNames[server.id] = qs(server.name);
    }
    for (const auto &row : snapshot.unreadableServers)
        serverNames[row.id] = qs(row.name);

    m_maskedConnections.clear();
    m_connectionHasKey = snapshot.connectionHasKey;
    std::map<std::string, QStringList> usedBy;
    QVariantList connections;
    for (const auto &connection : snapshot.connections) {
        m_maskedConnections[connection.id] = connection;
        usedBy[connection.serverId] << qs(connection.name);
        connections.append(QVariantMap{
            {QStringLiteral("connectionId"), qs(connection.id)},
            {QStringLiteral("name"), qs(connection.name)},
            {QStringLiteral("serverId"), qs(connection.serverId)},
            {QStringLiteral("serverName"), serverNames[connection.serverId]},
            {QStringLiteral("route"), routeText(connection.route)},
            {QStringLiteral("dialect"), QString::fromLatin1(mcp::dialectName(connection.dialect))},
            {QStringLiteral("active"), connection.id == snapshot.activeConnectionId},
            {QStringLiteral("problem"), QString()}});
    }
    for (const auto &row : snapshot.unreadableConnections)
        connections.append(QVariantMap{{QStringLiteral("connectionId"), qs(row.id)},
                                       {QStringLiteral("name"), qs(row.name)},
                                       {QStringLiteral("serverId"), QString()},
                                       {QStringLiteral("serverName"), QString()},
                                       {QStringLiteral("route"), QString()},
                                       {QStringLiteral("dialect"), QString()},
                                       {QStringLiteral("active"), row.id == snapshot.activeConnectionId},
                                       {QStringLiteral("problem"), qs(row.error.message)}});

    std::vector<McpServerListModel::Row> rows;
    for (const auto &server : snapshot.servers) {
        const auto summary = snapshot.summaries.find(server.id);
        rows.push_back({qs(server.id), qs(server.name),
                        QString::fromLatin1(mcp::serverTransportName(server.transport)),
                        summary == snapshot.summaries.end() ? QString() : qs(summary->second), server.enabled,
                        usedBy[server.id].join(QStringLiteral(", ")), QString()});
    }
    for (const auto &row : snapshot.unreadableServers)
        rows.push_back({qs(row.id), qs(row.name), QString(), QString(), false,
                        usedBy[row.id].join(QStringLiteral(", ")), qs(row.error.message)});
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
    m_servers->setRows(std::move(rows));
    m_connections = connections;
    m_activeConnectionId = qs(snapshot.activeConnectionId);
    Q_EMIT connectionsChanged();
}

void McpServersController::writeAndReload(StoreJob job, std::function<void(McpServersController *)> after,
                                          bool toDialog)
{
    Session *session = Session::instance();
    if (!session || !canSave())
        return;
    m_busy = true;
    if (toDialog)
        m_dialogError.clear();
    Q_EMIT stateChanged();
    QPointer<McpServersController> self(this);
    session->withStore(
        [self, job = std::move(job), after = std::move(after), toDialog](store::SettingsStore *store) {
            const QString problem = store ? job(*store) : tr("the settings store is not open");
            auto snapshot = std::make_shared<McpSnapshot>(readSnapshot(store));
            postToGui(self, [problem, snapshot, after, toDialog](McpServersController *c) {
                c->m_busy = false;
                c->apply(*snapshot);
                if (!problem.isEmpty()) {
                    if (toDialog)
                        c->setDialogError(problem);
                    else
                        c->setMessage(problem, true);
                    return;
                }
                Q_EMIT c->stateChanged();
                after(c);
            });
        }); // Queued after the write on the same disk thread: the assistant sees what was just saved.
    session->reloadLakehouse();
}

void McpServersController::newServer()
{
    cancelTest();
    m_serverForm->load(std::nullopt);
    setDialogError({});
}

bool McpServersController::editServer(const QString &serverId)
{
    const auto found = m_maskedServers.find(serverId.toStdString());
    if (found == m_maskedServers.end())
        return false;
    cancelTest();
    m_serverForm->load(found->second);
    setDialogError({});
    return true;
}

void McpServersController::saveServer()
{
    if (const QString problem = m_serverForm->validate(); !problem.isEmpty()) {
        setDialogError(problem);
        return;
    }
    const mcp::McpServerConfig typed = m_serverForm->toConfig();
    const KeptSecrets kept = m_serverForm->kept();
    writeAndReload(
        [typed, kept](store::SettingsStore &store) -> QString {
            mcp::McpServerConfig config = typed;
            std::optional<mcp::McpServerConfig> stored;
            if (!config.id.empty()) {
                auto read = store.mcpServer(config.id);
                // An unreadable stored row can still be replaced when every secret was typed again.
                if (read)
                    stored = read.value();
            }
            if (auto merged = mergeStoredSecrets(config, kept, stored); !merged)
                return tr("The server was not saved: %1").arg(qs(merged.error().message));
            auto saved = store.saveMcpServer(config);
            return saved ? QString() : tr("The server was not saved: %1").arg(qs(saved.error().message));
        },
        [name = QString::fromStdString(typed.name)](McpServersController *c) {
            c->setMessage(tr("Saved the MCP server “%1”.").arg(name), false);
            Q_EMIT c->serverSaved();
        },
        true);
}

void McpServersController::removeServer(const QString &serverId)
{
    const std::string id = serverId.toStdString();
    writeAndReload(
        [id](store::SettingsStore &store) -> QString {
            auto removed = store.removeMcpServer(id);
            return removed ? QString()
                           : tr("The server was not removed: %1").arg(qs(removed.error().message));
        },
        [](McpServersController *c) { c->setMessage(tr("Removed the MCP server."), false); }, false);
}

void McpServersController::cancelTest()
{
    m_testCancel.cancel();
    m_testCancel = CancelToken();
    if (m_serverForm->testing())
        m_serverForm->setTestState(false, tr("The test was cancelled."), false);
    if (m_lakehouseForm->testing())
        m_lakehouseForm->setTestState(false, tr("The test was cancelled."), false);
}

void McpServersController::testServer()
{
    Session *session = Session::instance();
    if (!session)
        return;
    if (const QString problem = m_serverForm->validate(); !problem.isEmpty()) {
        m_serverForm->setTestState(false, problem, false);
        return;
    }
    cancelTest();
    m_serverForm->setTestState(true, tr("Testing…"), false);
    const mcp::McpServerConfig typed = m_serverForm->toConfig();
    const KeptSecrets kept = m_serverForm->kept();
    const CancelToken token = m_testCancel;
    QPointer<McpServerForm> form(m_serverForm);
    std::weak_ptr<McpProbe> probe = m_probe;
    auto report = [form, token](Result<McpProbeResult> result) {
        postToGui(form, [token, result = std::move(result)](McpServerForm *f) {
            if (token.cancelled())
                return;
            if (!result) {
                f->setTestState(false, ui::errorText(result.error(), tr("MCP server")), false);
                return;
            }
            const McpProbeResult &probed = result.value();
            f->setTestState(
                false,
                tr("Connected to %1 (MCP %2) in %3 ms: %n tool(s).", nullptr,
                   static_cast<int>(probed.tools.size()))
                    .arg(qs(probed.identity.name.empty() ? std::string("?") : probed.identity.name),
                         qs(probed.identity.protocolVersion))
                    .arg(qRound(probed.elapsedMs)),
                true);
        });
    };
    session->withStore([typed, kept, token, probe, report](store::SettingsStore *store) {
        mcp::McpServerConfig config = typed;
        std::optional<mcp::McpServerConfig> stored;
        if (store && !config.id.empty())
            if (auto read = store->mcpServer(config.id); read)
                stored = read.value();
        if (auto merged = mergeStoredSecrets(config, kept, stored); !merged) {
            report(merged.error());
            return;
        }
        if (auto runner = probe.lock())
            runner->run(config, token, report);
    });
}

void McpServersController::beginImport()
{
    m_import->clear();
    m_import->setExistingNames(m_servers->names());
}

void McpServersController::confirmImport()
{
    if (!m_import->canConfirm())
        return;
    const std::vector<mcp::McpServerConfig> pending = m_import->pending();
    writeAndReload(
        [pending](store::SettingsStore &store) -> QString {
            QStringList failed;
            for (const auto &server : pending)
                if (auto saved = store.saveMcpServer(server); !saved)
                    failed << qs(saved.error().message);
            return failed.isEmpty()
                       ? QString()
                       : tr("%n server(s) could not be added: %1", nullptr, static_cast<int>(failed.size()))
                             .arg(failed.join(QStringLiteral("; ")));
        },
        [count = static_cast<int>(pending.size())](McpServersController *c) {
            c->m_import->clear();
            c->setMessage(tr("Added %n MCP server(s).", nullptr, count), false);
            Q_EMIT c->importSaved();
        },
        true);
}
