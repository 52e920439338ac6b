// MCP servers and lakehouse connections in the settings store, on real SQLite files: round trips,
// secrets sealed at rest (the raw bytes of the database, its WAL and the key file are searched) and bound
// to their row and column, stored rows this build cannot read, the server-in-use rule, the active
// connection, and a version-1 database (written here with the frozen version-1 schema) migrating.
#include "store/migrations.h"
#include "storetesthelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace lakeshore;
using namespace storetest;

namespace {

std::unique_ptr<store::SettingsStore> openOrDie(const Paths &paths)
{
    auto store = open(paths);
    if (!store.ok())
        qFatal("could not open the store: %s", store.error().describe().c_str());
    return std::move(store).value();
}

mcp::McpServerConfig stdioServer(const std::string &name = "Local lake")
{
    mcp::McpServerConfig config;
    config.name = name;
    config.command = "npx";
    config.args = {"-y", "@bytebase/dbhub", "--dsn", "postgres://rep@localhost/sales"};
    config.env = {{"DB_PASSWORD", "ENV-SECRET-91c2"}, {"DEBUG", "1"}};
    config.cwd = "/srv/lake";
    config.timeoutMs = 45000;
    return config;
}

mcp::McpServerConfig httpServer(const std::string &name = "Databricks")
{
    mcp::McpServerConfig config;
    config.name = name;
    config.transport = mcp::ServerTransport::Http;
    config.url = "https://adb-1.azuredatabricks.net/api/2.0/mcp/sql";
    config.headers = {{"X-Org", "HEADER-SECRET-44d1"}};
    config.bearerToken = "BEARER-SECRET-0b7e";
    config.enabled = false;
    return config;
}

mcp::LakehouseConnection connectionFor(const std::string &serverId, const std::string &name = "Sales")
{
    mcp::LakehouseConnection connection;
    connection.name = name;
    connection.serverId = serverId;
    connection.route = mcp::LakehouseRoute::Llm;
    connection.sqlTool = "execute_sql";
    connection.sqlArgument = "statement";
    connection.dialect = mcp::LakehouseDialect::Databricks;
    connection.meta = R"({"warehouse_id":"wh-1"})";
    connection.maxRows = 2500;
    connection.llm = {"https://api.openai.com/v1", "gpt-4.1", "LLM-KEY-SECRET-e5a0"};
    return connection;
}

std::string saveOrDie(store::SettingsStore &store, const mcp::McpServerConfig &config)
{
    auto saved = store.saveMcpServer(config);
    if (!saved.ok())
        qFatal("could not save: %s", saved.error().describe().c_str());
    return saved.value();
}

std::string saveOrDie(store::SettingsStore &store, const mcp::LakehouseConnection &connection)
{
    auto saved = store.saveLakehouseConnection(connection);
    if (!saved.ok())
        qFatal("could not save: %s", saved.error().describe().c_str());
    return saved.value();
}

store::McpServerList listOrDie(store::SettingsStore &store)
{
    auto list = store.mcpServers();
    if (!list.ok())
        qFatal("could not list: %s", list.error().describe().c_str());
    return std::move(list).value();
}

store::LakehouseConnectionList connectionsOrDie(store::SettingsStore &store)
{
    auto list = store.lakehouseConnections();
    if (!list.ok())
        qFatal("could not list: %s", list.error().describe().c_str());
    return std::move(list).value();
}

// The frozen version-1 schema, as Lakeshore 0.1 wrote it.
constexpr const char *kVersion1 = R"sql(
CREATE TABLE connection (service TEXT PRIMARY KEY NOT NULL, base_url TEXT NOT NULL, auth_kind TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL DEFAULT '', token_url TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '', timeout_ms INTEGER NOT NULL, secret BLOB);
CREATE TABLE preference (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
INSERT INTO connection (service, base_url, auth_kind, timeout_ms) VALUES ('crm', 'https://crm.example.com/api/', 'none', 15000);
INSERT INTO preference (key, value) VALUES ('connections.mode', 'custom');
PRAGMA user_version = 1;
)sql";

} // namespace

class McpServersStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void serversRoundTrip()
    {
        Paths paths;
        std::string stdioId, httpId;
        {
            auto store = openOrDie(paths);
            QVERIFY(listOrDie(*store).servers.empty());
            stdioId = saveOrDie(*store, stdioServer());
            httpId = saveOrDie(*store, httpServer());
            QCOMPARE(int(stdioId.size()), 16);
            QVERIFY(stdioId != httpId);
        }
        auto store = openOrDie(paths); // read back from the file, not from memory
        const store::McpServerList list = listOrDie(*store);
        QVERIFY(list.unreadable.empty());
        QCOMPARE(int(list.servers.size()), 2);
        mcp::McpServerConfig expectedHttp = httpServer();
        expectedHttp.id = httpId;
        mcp::McpServerConfig expectedStdio = stdioServer();
        expectedStdio.id = stdioId;
        QVERIFY(list.servers[0] == expectedHttp); // by name: Databricks, Local lake
        QVERIFY(list.servers[1] == expectedStdio);
        auto one = store->mcpServer(stdioId);
        STORE_VERIFY_OK(one);
        QVERIFY(one.value().has_value() && *one.value() == expectedStdio);
        auto none = store->mcpServer("no-such-id");
        STORE_VERIFY_OK(none);
        QVERIFY(!none.value().has_value());
    }

    void saveReplacesByIdAndRefusesARemovedOne()
    {
        Paths paths;
        auto store = openOrDie(paths);
        mcp::McpServerConfig config = stdioServer();
        config.id = saveOrDie(*store, config);
        config.name = "Renamed";
        config.args = {"--read-only"};
        config.env.clear();
        QCOMPARE(saveOrDie(*store, config), config.id);
        const store::McpServerList list = listOrDie(*store);
        QCOMPARE(int(list.servers.size()), 1);
        QVERIFY(list.servers[0] == config);
        QCOMPARE(rawQueryText(paths.database, "SELECT typeof(env) FROM mcp_server"), QStringLiteral("null"));

        STORE_VERIFY_OK(store->removeMcpServer(config.id));
        auto again = store->saveMcpServer(config);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::NotFound);
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM mcp_server"), QStringLiteral("0"));
    }

    void namesAreUniqueWithoutRegardToCase()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, stdioServer("Lake"));
        auto clash = store->saveMcpServer(httpServer("LAKE"));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().kind, ErrorKind::Invalid);
        QVERIFY2(clash.error().message.find("exists already") != std::string::npos,
                 clash.error().message.c_str());
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM mcp_server"), QStringLiteral("1"));
    }

    void invalidServersAreNotSaved()
    {
        Paths paths;
        auto store = openOrDie(paths);
        mcp::McpServerConfig config = httpServer();
        config.url = "ftp://nowhere";
        auto saved = store->saveMcpServer(config);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, ErrorKind::Invalid);
        QVERIFY(saved.error().message.find("url") != std::string::npos);
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM mcp_server"), QStringLiteral("0"));
    }

    void secretsAreNotOnDiskInClear()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string serverId = saveOrDie(*store, stdioServer());
        saveOrDie(*store, httpServer());
        saveOrDie(*store, connectionFor(serverId));
        QCOMPARE(rawQueryText(paths.database, "SELECT typeof(env) FROM mcp_server WHERE transport = 'stdio'"),
                 QStringLiteral("blob"));
        QCOMPARE(
            rawQueryText(paths.database, "SELECT typeof(headers) FROM mcp_server WHERE transport = 'http'"),
            QStringLiteral("blob"));
        QCOMPARE(rawQueryText(paths.database,
                              "SELECT typeof(bearer_token) FROM mcp_server WHERE transport = 'http'"),
                 QStringLiteral("blob"));
        QCOMPARE(rawQueryText(paths.database, "SELECT typeof(llm_api_key) FROM lakehouse_connection"),
                 QStringLiteral("blob"));

        const QString wal = paths.database + QStringLiteral("-wal");
        const auto check = [&](const QString &when) {
            for (const char *secret :
                 {"ENV-SECRET-91c2", "HEADER-SECRET-44d1", "BEARER-SECRET-0b7e", "LLM-KEY-SECRET-e5a0"}) {
                for (const QString &file : {paths.database, wal, paths.key})
                    QVERIFY2(
                        !readBytes(file).contains(secret),
                        qPrintable(QStringLiteral("%1 in %2 (%3)").arg(QLatin1String(secret), file, when)));
            }
        };
        QVERIFY(readBytes(wal).size() > 0);
        check(QStringLiteral("open"));
        store.reset();
        check(QStringLiteral("closed"));
    }

    void secretsCannotMoveBetweenRowsOrColumns()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, stdioServer("A"));
        saveOrDie(*store, stdioServer("B"));
        saveOrDie(*store, httpServer("C"));
        QVERIFY(rawExec(paths.database,
                        "UPDATE mcp_server SET env = (SELECT env FROM mcp_server WHERE name = 'A') "
                        "WHERE name = 'B'"));
        QVERIFY(rawExec(paths.database, "UPDATE mcp_server SET headers = bearer_token WHERE name = 'C'"));
        const store::McpServerList list = listOrDie(*store);
        QCOMPARE(int(list.servers.size()), 1);
        QCOMPARE(list.servers[0].name, std::string("A"));
        QCOMPARE(int(list.unreadable.size()), 2);
        for (const auto &row : list.unreadable) {
            QCOMPARE(row.error.kind, ErrorKind::Storage);
            QVERIFY2(row.error.message.find(row.name == "B" ? "env" : "headers") != std::string::npos,
                     row.error.message.c_str());
            QVERIFY(row.error.message.find("SECRET") == std::string::npos);
        }
    }

    void tamperedSecretBlobIsAnErrorAndTheRowCanBeRemoved()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, stdioServer());
        const std::string id = saveOrDie(*store, httpServer());
        // Flips the last byte (part of the GCM tag).
        QVERIFY(rawExec(
            paths.database,
            "UPDATE mcp_server SET bearer_token = CAST(substr(bearer_token, 1, length(bearer_token) - 1) "
            "|| (CASE WHEN substr(bearer_token, -1) = x'00' THEN x'01' ELSE x'00' END) AS BLOB) "
            "WHERE transport = 'http'"));
        const store::McpServerList list = listOrDie(*store);
        QCOMPARE(int(list.servers.size()), 1);
        QCOMPARE(int(list.unreadable.size()), 1);
        const store::UnreadableRow &row = list.unreadable[0];
        QCOMPARE(row.id, id);
        QCOMPARE(row.name, std::string("Databricks"));
        QCOMPARE(row.error.kind, ErrorKind::Storage);
        QVERIFY2(row.error.message.find("'Databricks': bearer_token cannot be decrypted") !=
                     std::string::npos,
                 row.error.message.c_str());
        auto one = store->mcpServer(id);
        QVERIFY(!one.ok());
        STORE_VERIFY_OK(store->removeMcpServer(id));
        QCOMPARE(listOrDie(*store).unreadable.size(), size_t(0));
    }

    void unreadableServerRowsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("expectedWords");
        QTest::newRow("unknown transport") << QByteArray("UPDATE mcp_server SET transport = 'sse'")
                                           << QByteArray("transport 'sse' is not a transport");
        QTest::newRow("args not json")
            << QByteArray("UPDATE mcp_server SET args = '-y pkg'") << QByteArray("args is not a JSON array");
        QTest::newRow("args object") << QByteArray("UPDATE mcp_server SET args = '{}'")
                                     << QByteArray("args is not a JSON array");
        QTest::newRow("args number") << QByteArray("UPDATE mcp_server SET args = '[\"-y\", 3]'")
                                     << QByteArray("args holds a value that is not a string");
        QTest::newRow("timeout text") << QByteArray("UPDATE mcp_server SET timeout_ms = 'soon'")
                                      << QByteArray("timeout_ms is not a whole number");
        QTest::newRow("timeout range")
            << QByteArray("UPDATE mcp_server SET timeout_ms = 5") << QByteArray("timeout_ms 5 is outside");
        QTest::newRow("enabled 2") << QByteArray("UPDATE mcp_server SET enabled = 2")
                                   << QByteArray("enabled is not 0 or 1");
        QTest::newRow("env as text") << QByteArray("UPDATE mcp_server SET env = 'DB_PASSWORD=x'")
                                     << QByteArray("env is not an encrypted value");
        QTest::newRow("bearer as text") << QByteArray("UPDATE mcp_server SET bearer_token = 'abc'")
                                        << QByteArray("bearer_token is not an encrypted value");
        QTest::newRow("empty command")
            << QByteArray("UPDATE mcp_server SET command = ''") << QByteArray("command is empty");
        QTest::newRow("truncated env") << QByteArray("UPDATE mcp_server SET env = substr(env, 1, 20)")
                                       << QByteArray("env cannot be decrypted");
    }

    void unreadableServerRowsNameTheField()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, expectedWords);
        Paths paths;
        auto store = openOrDie(paths);
        const std::string id = saveOrDie(*store, stdioServer("Bad one"));
        saveOrDie(*store, httpServer("Good one"));
        QVERIFY(rawExec(paths.database, (sql + " WHERE name = 'Bad one'").constData()));
        const store::McpServerList list = listOrDie(*store);
        QCOMPARE(int(list.servers.size()), 1);
        QCOMPARE(list.servers[0].name, std::string("Good one"));
        QCOMPARE(int(list.unreadable.size()), 1);
        QCOMPARE(list.unreadable[0].id, id);
        const std::string &message = list.unreadable[0].error.message;
        QVERIFY2(message.find("'Bad one'") != std::string::npos, message.c_str());
        QVERIFY2(message.find(expectedWords.toStdString()) != std::string::npos, message.c_str());
        QVERIFY(message.find("SECRET") == std::string::npos);
        QVERIFY(!store->mcpServer(id).ok());
    }

    void connectionsRoundTrip()
    {
        Paths paths;
        std::string serverId, connectionId;
        {
            auto store = openOrDie(paths);
            serverId = saveOrDie(*store, httpServer());
            connectionId = saveOrDie(*store, connectionFor(serverId));
            mcp::LakehouseConnection semantic = connectionFor(serverId, "Semantic");
            semantic.route = mcp::LakehouseRoute::Semantic;
            semantic.llm = {};
            semantic.sqlTool.clear();
            semantic.meta.clear();
            saveOrDie(*store, semantic);
        }
        auto store = openOrDie(paths);
        const store::LakehouseConnectionList list = connectionsOrDie(*store);
        QVERIFY(list.unreadable.empty());
        QCOMPARE(int(list.connections.size()), 2);
        mcp::LakehouseConnection expected = connectionFor(serverId);
        expected.id = connectionId;
        QVERIFY(list.connections[0] == expected); // by name: Sales, Semantic
        QCOMPARE(list.connections[1].meta, std::string("{}"));
        QCOMPARE(list.connections[1].llm.apiKey, std::string());
        auto one = store->lakehouseConnection(connectionId);
        STORE_VERIFY_OK(one);
        QVERIFY(one.value().has_value() && *one.value() == expected);
    }

    void connectionsNeedAStoredServerAndAUniqueName()
    {
        Paths paths;
        auto store = openOrDie(paths);
        auto orphan = store->saveLakehouseConnection(connectionFor("0000000000000000"));
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().kind, ErrorKind::NotFound);
        const std::string serverId = saveOrDie(*store, httpServer());
        saveOrDie(*store, connectionFor(serverId, "Sales"));
        auto clash = store->saveLakehouseConnection(connectionFor(serverId, "sales"));
        QVERIFY(!clash.ok());
        QVERIFY(clash.error().message.find("exists already") != std::string::npos);
        mcp::LakehouseConnection invalid = connectionFor(serverId, "Other");
        invalid.meta = "[]";
        auto refused = store->saveLakehouseConnection(invalid);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.find("_meta is an array") != std::string::npos);
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM lakehouse_connection"),
                 QStringLiteral("1"));
    }

    void serverInUseIsNotRemoved()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string serverId = saveOrDie(*store, httpServer());
        const std::string a = saveOrDie(*store, connectionFor(serverId, "Sales"));
        const std::string b = saveOrDie(*store, connectionFor(serverId, "Finance"));
        const Status refused = store->removeMcpServer(serverId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Invalid);
        QVERIFY2(refused.error().message.find("'Finance', 'Sales'") != std::string::npos,
                 refused.error().message.c_str());
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM mcp_server"), QStringLiteral("1"));
        STORE_VERIFY_OK(store->removeLakehouseConnection(a));
        STORE_VERIFY_OK(store->removeLakehouseConnection(b));
        STORE_VERIFY_OK(store->removeMcpServer(serverId));
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM mcp_server"), QStringLiteral("0"));
    }

    void unreadableConnectionRowsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("expectedWords");
        QTest::addColumn<int>("kind");
        const int invalid = int(ErrorKind::Invalid);
        QTest::newRow("route") << QByteArray("UPDATE lakehouse_connection SET route = 'genie'")
                               << QByteArray("route 'genie' is not a route") << invalid;
        QTest::newRow("dialect") << QByteArray("UPDATE lakehouse_connection SET dialect = 'oracle'")
                                 << QByteArray("dialect 'oracle' is not a dialect") << invalid;
        QTest::newRow("meta array") << QByteArray("UPDATE lakehouse_connection SET meta = '[1]'")
                                    << QByteArray("meta is not usable: _meta is an array") << invalid;
        QTest::newRow("meta bad json")
            << QByteArray("UPDATE lakehouse_connection SET meta = '{warehouse'")
            << QByteArray("meta is not usable: _meta is not valid JSON at line 1") << invalid;
        QTest::newRow("max rows zero") << QByteArray("UPDATE lakehouse_connection SET max_rows = 0")
                                       << QByteArray("max_rows 0 is outside") << invalid;
        QTest::newRow("max rows text") << QByteArray("UPDATE lakehouse_connection SET max_rows = 'all'")
                                       << QByteArray("max_rows is not a whole number") << invalid;
        QTest::newRow("key as text") << QByteArray("UPDATE lakehouse_connection SET llm_api_key = 'sk'")
                                     << QByteArray("llm_api_key is not an encrypted value") << invalid;
        QTest::newRow("key tampered")
            << QByteArray(
                   "UPDATE lakehouse_connection SET llm_api_key = CAST(substr(llm_api_key, 1, "
                   "length(llm_api_key) "
                   "- 1) || (CASE WHEN substr(llm_api_key, -1) = x'00' THEN x'01' ELSE x'00' END) AS BLOB)")
            << QByteArray("llm_api_key cannot be decrypted") << int(ErrorKind::Storage);
        QTest::newRow("llm url") << QByteArray("UPDATE lakehouse_connection SET llm_base_url = 'gopher://x'")
                                 << QByteArray("LLM base URL") << invalid;
    }

    void unreadableConnectionRowsNameTheField()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, expectedWords);
        QFETCH(int, kind);
        Paths paths;
        auto store = openOrDie(paths);
        const std::string serverId = saveOrDie(*store, httpServer());
        const std::string id = saveOrDie(*store, connectionFor(serverId, "Broken"));
        saveOrDie(*store, connectionFor(serverId, "Fine"));
        QVERIFY(rawExec(paths.database, (sql + " WHERE name = 'Broken'").constData()));
        const store::LakehouseConnectionList list = connectionsOrDie(*store);
        QCOMPARE(int(list.connections.size()), 1);
        QCOMPARE(int(list.unreadable.size()), 1);
        const store::UnreadableRow &row = list.unreadable[0];
        QCOMPARE(row.id, id);
        QCOMPARE(int(row.error.kind), kind);
        QVERIFY2(row.error.message.find("'Broken'") != std::string::npos, row.error.message.c_str());
        QVERIFY2(row.error.message.find(expectedWords.toStdString()) != std::string::npos,
                 row.error.message.c_str());
        QVERIFY(row.error.message.find("SECRET") == std::string::npos);
    }

    void activeConnectionPreference()
    {
        Paths paths;
        auto store = openOrDie(paths);
        auto none = store->activeLakehouseConnectionId();
        STORE_VERIFY_OK(none);
        QCOMPARE(none.value(), std::string());
        const std::string serverId = saveOrDie(*store, httpServer());
        const std::string id = saveOrDie(*store, connectionFor(serverId));
        const std::string other = saveOrDie(*store, connectionFor(serverId, "Other"));

        const Status unknown = store->setActiveLakehouseConnectionId("ffffffffffffffff");
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        STORE_VERIFY_OK(store->setActiveLakehouseConnectionId(id));
        QCOMPARE(store->activeLakehouseConnectionId().value(), id);
        QCOMPARE(rawQueryText(paths.database, "SELECT value FROM preference WHERE key = 'lakehouse.active'"),
                 QString::fromStdString(id));

        STORE_VERIFY_OK(store->removeLakehouseConnection(other)); // not the active one: it stays
        QCOMPARE(store->activeLakehouseConnectionId().value(), id);
        STORE_VERIFY_OK(store->removeLakehouseConnection(id));
        QCOMPARE(store->activeLakehouseConnectionId().value(), std::string());

        const std::string again = saveOrDie(*store, connectionFor(serverId, "Again"));
        STORE_VERIFY_OK(store->setActiveLakehouseConnectionId(again));
        STORE_VERIFY_OK(store->setActiveLakehouseConnectionId(""));
        QCOMPARE(store->activeLakehouseConnectionId().value(), std::string());
    }

    void chosenLakehouseCarriesItsServerAndSecrets()
    {
        Paths paths;
        auto store = openOrDie(paths);
        auto none = store->chosenLakehouse();
        STORE_VERIFY_OK(none);
        QVERIFY(!none.value());

        const std::string serverId = saveOrDie(*store, httpServer());
        const std::string id = saveOrDie(*store, connectionFor(serverId));
        STORE_VERIFY_OK(store->setActiveLakehouseConnectionId(id));
        auto chosen = store->chosenLakehouse();
        STORE_VERIFY_OK(chosen);
        QVERIFY(chosen.value());
        QCOMPARE(chosen.value()->connection.id, id);
        QCOMPARE(chosen.value()->connection.llm.apiKey, std::string("LLM-KEY-SECRET-e5a0"));
        QCOMPARE(chosen.value()->server.id, serverId);
        QCOMPARE(chosen.value()->server.bearerToken, std::string("BEARER-SECRET-0b7e"));

        // Its server's secret no longer decrypts: an error naming the connection, no secret in it.
        QVERIFY(rawExec(paths.database, "UPDATE mcp_server SET bearer_token = headers"));
        auto broken = store->chosenLakehouse();
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.find("'Sales'") != std::string::npos, broken.error().message.c_str());
        QVERIFY(broken.error().message.find("SECRET") == std::string::npos);

        // Its own key no longer decrypts: an error too.
        const std::string fine = saveOrDie(*store, stdioServer());
        const std::string second = saveOrDie(*store, connectionFor(fine, "Second"));
        QVERIFY(rawExec(paths.database,
                        "UPDATE lakehouse_connection SET llm_api_key = X'00' WHERE name = 'Second'"));
        STORE_VERIFY_OK(store->setActiveLakehouseConnectionId(second));
        auto unreadable = store->chosenLakehouse();
        QVERIFY(!unreadable.ok());
        QVERIFY2(unreadable.error().message.find("chosen lakehouse connection") != std::string::npos,
                 unreadable.error().message.c_str());

        // Removed: none is chosen again.
        STORE_VERIFY_OK(store->removeLakehouseConnection(second));
        auto cleared = store->chosenLakehouse();
        STORE_VERIFY_OK(cleared);
        QVERIFY(!cleared.value());
    }

    void version1DatabaseMigrates()
    {
        Paths paths;
        QVERIFY(QDir().mkpath(QFileInfo(paths.database).path()));
        const QByteArray version1 = QByteArray(kVersion1) +
                                    "PRAGMA application_id = " + QByteArray::number(store::kApplicationId) +
                                    ";";
        QVERIFY(rawExec(paths.database, version1.constData(), true));
        QCOMPARE(rawQueryText(paths.database, "PRAGMA user_version"), QStringLiteral("1"));

        auto store = openOrDie(paths);
        QCOMPARE(store->schemaVersion(), store::latestSchemaVersion());
        QVERIFY(store->schemaVersion() >= 2);
        auto crm = store->connection(sources::Service::Crm);
        STORE_VERIFY_OK(crm);
        QVERIFY(crm.value().has_value());
        QCOMPARE(crm.value()->baseUrl, std::string("https://crm.example.com/api/"));
        QCOMPARE(store->value("connections.mode").value().value_or(""), std::string("custom"));
        QVERIFY(listOrDie(*store).servers.empty());
        const std::string serverId = saveOrDie(*store, stdioServer());
        saveOrDie(*store, connectionFor(serverId));
        store.reset();
        QCOMPARE(rawQueryText(paths.database, "PRAGMA user_version"),
                 QString::number(store::latestSchemaVersion()));
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM lakehouse_connection"),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(McpServersStoreTest)
#include "tst_mcpservers.moc"
