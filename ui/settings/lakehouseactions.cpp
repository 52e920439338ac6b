// McpServersController's lakehouse connections: edit, save, remove, choose the active one, and Test
// (the connection's server answers, and has the SQL tool the connection names or one that looks like it).
#include "errortext.h"
#include "guithread.h"
#include "mcpprobe.h"
#include "mcpserverscontroller.h"
#include "session.h"
#include "store/settingsstore.h"

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Tools whose names suggest they run SQL, for a connection that leaves the SQL tool to detection.
QStringList sqlToolCandidates(const std::vector<mcp::Tool> &tools)
{
    QStringList names;
    for (const auto &tool : tools) {
        const QString name = qs(tool.name);
        if (name.contains(QLatin1String("sql"), Qt::CaseInsensitive) ||
            name.contains(QLatin1String("query"), Qt::CaseInsensitive))
            names << name;
    }
    return names;
}

QString toolReport(const mcp::LakehouseConnection &connection, const McpProbeResult &probed, bool &ok)
{
    const QString connected = McpServersController::tr("Connected to %1 (MCP %2): %n tool(s).", nullptr,
                                                       static_cast<int>(probed.tools.size()))
                                  .arg(qs(probed.identity.name), qs(probed.identity.protocolVersion));
    ok = true;
    if (connection.route == mcp::LakehouseRoute::ServerNl)
        return connected;
    if (!connection.sqlTool.empty()) {
        for (const auto &tool : probed.tools)
            if (tool.name == connection.sqlTool)
                return connected + QLatin1Char(' ') +
                       McpServersController::tr("The SQL tool “%1” is there.").arg(qs(connection.sqlTool));
        ok = false;
        return connected + QLatin1Char(' ') +
               McpServersController::tr("It has no tool named “%1”.").arg(qs(connection.sqlTool));
    }
    const QStringList candidates = sqlToolCandidates(probed.tools);
    if (candidates.isEmpty()) {
        ok = false;
        return connected + QLatin1Char(' ') +
               McpServersController::tr("None of its tools looks like a SQL tool; name the SQL tool.");
    }
    return connected + QLatin1Char(' ') +
           McpServersController::tr("SQL tool candidates: %1.").arg(candidates.join(QStringLiteral(", ")));
}

} // namespace

void McpServersController::newConnection()
{
    cancelTest();
    m_lakehouseForm->load(std::nullopt, false);
    // The first server is the likely choice.
    if (m_servers->count() > 0)
        m_lakehouseForm->setProperty("serverId", m_servers->get(0).value(QStringLiteral("serverId")));
    setDialogError({});
}

bool McpServersController::editConnection(const QString &connectionId)
{
    const std::string id = connectionId.toStdString();
    const auto found = m_maskedConnections.find(id);
    if (found == m_maskedConnections.end())
        return false;
    cancelTest();
    m_lakehouseForm->load(found->second, m_connectionHasKey[id]);
    setDialogError({});
    return true;
}

void McpServersController::saveConnection()
{
    if (const QString problem = m_lakehouseForm->validate(); !problem.isEmpty()) {
        setDialogError(problem);
        return;
    }
    const mcp::LakehouseConnection typed = m_lakehouseForm->toConnection();
    const bool keepKey = m_lakehouseForm->keepsStoredApiKey();
    writeAndReload(
        [typed, keepKey](store::SettingsStore &store) -> QString {
            mcp::LakehouseConnection connection = typed;
            if (keepKey) {
                auto stored = store.lakehouseConnection(connection.id);
                if (!stored || !stored.value() || stored.value()->llm.apiKey.empty())
                    return tr("The connection was not saved: the stored API key is gone; type it again.");
                connection.llm.apiKey = stored.value()->llm.apiKey;
            }
            auto saved = store.saveLakehouseConnection(connection);
            if (!saved)
                return tr("The connection was not saved: %1").arg(qs(saved.error().message));
            // The first connection is the one to use.
            auto active = store.activeLakehouseConnectionId();
            if (active && active.value().empty())
                if (auto set = store.setActiveLakehouseConnectionId(saved.value()); !set)
                    return tr("The connection was saved but not chosen: %1").arg(qs(set.error().message));
            return {};
        },
        [name = qs(typed.name)](McpServersController *c) {
            c->setMessage(tr("Saved the lakehouse connection “%1”.").arg(name), false);
            Q_EMIT c->connectionSaved();
        },
        true);
}

void McpServersController::removeConnection(const QString &connectionId)
{
    const std::string id = connectionId.toStdString();
    writeAndReload(
        [id](store::SettingsStore &store) -> QString {
            auto removed = store.removeLakehouseConnection(id);
            return removed ? QString()
                           : tr("The connection was not removed: %1").arg(qs(removed.error().message));
        },
        [](McpServersController *c) { c->setMessage(tr("Removed the lakehouse connection."), false); },
        false);
}

void McpServersController::setActiveConnection(const QString &connectionId)
{
    const std::string id = connectionId.toStdString();
    writeAndReload(
        [id](store::SettingsStore &store) -> QString {
            auto set = store.setActiveLakehouseConnectionId(id);
            return set ? QString() : tr("The connection was not chosen: %1").arg(qs(set.error().message));
        },
        [id](McpServersController *c) {
            c->setMessage(id.empty() ? tr("The assistant now uses the embedded demo lakehouse.")
                                     : tr("The assistant now uses the chosen lakehouse connection."),
                          false);
        },
        false);
}

void McpServersController::testConnection()
{
    Session *session = Session::instance();
    if (!session)
        return;
    if (const QString problem = m_lakehouseForm->validate(); !problem.isEmpty()) {
        m_lakehouseForm->setTestState(false, problem, false);
        return;
    }
    cancelTest();
    m_lakehouseForm->setTestState(true, tr("Testing…"), false);
    const mcp::LakehouseConnection connection = m_lakehouseForm->toConnection();
    const CancelToken token = m_testCancel;
    QPointer<LakehouseForm> form(m_lakehouseForm);
    std::weak_ptr<McpProbe> probe = m_probe;
    auto report = [form, token, connection](Result<McpProbeResult> result) {
        postToGui(form, [token, connection, result = std::move(result)](LakehouseForm *f) {
            if (token.cancelled())
                return;
            if (!result) {
                f->setTestState(false, ui::errorText(result.error(), tr("MCP server")), false);
                return;
            }
            bool ok = false;
            const QString text = toolReport(connection, result.value(), ok);
            f->setTestState(false, text, ok);
        });
    };
    session->withStore([connection, token, probe, report](store::SettingsStore *store) {
        if (!store) {
            report(makeError(ErrorKind::Storage, "the settings store is not open"));
            return;
        }
        auto server = store->mcpServer(connection.serverId);
        if (!server) {
            report(server.error());
            return;
        }
        if (!server.value()) {
            report(makeError(ErrorKind::NotFound, "its MCP server is no longer stored"));
            return;
        }
        if (auto runner = probe.lock())
            runner->run(*server.value(), token, report);
    });
}
