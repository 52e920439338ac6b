// Settings → Lakehouse: the MCP servers and lakehouse connections in the settings store (read and written
// on its disk thread), their editors, Test (an MCP handshake and tools/list off the GUI thread, with the
// server's timeout and Cancel), Import… of mcpServers JSON, and which connection the assistant uses.
// The GUI never holds a stored secret: forms show which exist, and the disk thread merges them back in.
#pragma once

#include "core/canceltoken.h"
#include "lakehouseform.h"
#include "mcpimport.h"
#include "mcpserverform.h"
#include "mcpserverlistmodel.h"

#include <map>
#include <memory>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class McpProbe;
struct McpSnapshot;
namespace lakeshore::store {
class SettingsStore;
}

class McpServersController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(McpServerListModel *servers READ servers CONSTANT)
    Q_PROPERTY(McpServerForm *serverForm READ serverForm CONSTANT)
    Q_PROPERTY(LakehouseForm *lakehouseForm READ lakehouseForm CONSTANT)
    Q_PROPERTY(McpImport *importer READ importer CONSTANT)
    // {connectionId, name, serverId, serverName, route, dialect, active, problem}
    Q_PROPERTY(QVariantList connections READ connections NOTIFY connectionsChanged)
    Q_PROPERTY(QString activeConnectionId READ activeConnectionId NOTIFY connectionsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY stateChanged)
    Q_PROPERTY(QString dialogError READ dialogError NOTIFY stateChanged) // for the editor that is open

public:
    explicit McpServersController(QObject *parent = nullptr);
    ~McpServersController() override;

    [[nodiscard]] McpServerListModel *servers() const { return m_servers; }
    [[nodiscard]] McpServerForm *serverForm() const { return m_serverForm; }
    [[nodiscard]] LakehouseForm *lakehouseForm() const { return m_lakehouseForm; }
    [[nodiscard]] McpImport *importer() const { return m_import; }
    [[nodiscard]] QVariantList connections() const { return m_connections; }
    [[nodiscard]] QString activeConnectionId() const { return m_activeConnectionId; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] bool canSave() const;
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool messageIsError() const { return m_messageIsError; }
    [[nodiscard]] QString dialogError() const { return m_dialogError; }

    Q_INVOKABLE void load();

    Q_INVOKABLE void newServer();
    Q_INVOKABLE bool editServer(const QString &serverId); // false for an unknown or unreadable one
    Q_INVOKABLE void saveServer();                        // serverSaved() when done
    Q_INVOKABLE void removeServer(const QString &serverId);
    Q_INVOKABLE void testServer(); // the server form's values
    Q_INVOKABLE void cancelTest();

    Q_INVOKABLE void newConnection();
    Q_INVOKABLE bool editConnection(const QString &connectionId);
    Q_INVOKABLE void saveConnection(); // connectionSaved() when done
    Q_INVOKABLE void removeConnection(const QString &connectionId);
    Q_INVOKABLE void setActiveConnection(const QString &connectionId); // empty = the demo lakehouse
    Q_INVOKABLE void testConnection();                                 // the lakehouse form's values

    Q_INVOKABLE void beginImport();   // clears the importer and tells it the names in use
    Q_INVOKABLE void confirmImport(); // importSaved() when done

Q_SIGNALS:
    void connectionsChanged();
    void stateChanged();
    void serverSaved();
    void connectionSaved();
    void importSaved();

private:
    using StoreJob = std::function<QString(lakeshore::store::SettingsStore &store)>;
    // Runs job on the disk thread (it returns an English problem, or empty), reloads, and on the GUI
    // thread shows the problem or calls after().
    void writeAndReload(StoreJob job, std::function<void(McpServersController *)> after, bool toDialog);
    void apply(const McpSnapshot &snapshot);
    void setMessage(QString text, bool isError);
    void setDialogError(QString text);

    McpServerListModel *m_servers;
    McpServerForm *m_serverForm;
    LakehouseForm *m_lakehouseForm;
    McpImport *m_import;
    QVariantList m_connections;
    QString m_activeConnectionId;
    std::map<std::string, lakeshore::mcp::McpServerConfig> m_maskedServers;         // by id
    std::map<std::string, lakeshore::mcp::LakehouseConnection> m_maskedConnections; // by id, no API key
    std::map<std::string, bool> m_connectionHasKey;
    bool m_busy = false;
    QString m_message;
    bool m_messageIsError = false;
    QString m_dialogError;
    lakeshore::CancelToken m_testCancel;
    std::shared_ptr<McpProbe> m_probe;
};
