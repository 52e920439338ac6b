// A saved lakehouse connection and its MCP server as the Assistant's setup: every field carried over,
// and connections that cannot be used (invalid, another server, a server turned off or invalid, bad _meta)
// refused with a message naming the connection. Running the setup is tst_assistantcontroller's part.
#include "assistant/connectionsetup.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::assistant;

namespace {

mcp::McpServerConfig warehouseServer()
{
    mcp::McpServerConfig server;
    server.id = "s1";
    server.name = "Warehouse";
    server.transport = mcp::ServerTransport::Http;
    server.url = "https://adb-1.azuredatabricks.net/api/2.0/mcp/sql";
    server.bearerToken = "token";
    server.timeoutMs = 45000;
    return server;
}

mcp::LakehouseConnection salesConnection()
{
    mcp::LakehouseConnection connection;
    connection.id = "c1";
    connection.name = "Sales mart";
    connection.serverId = "s1";
    connection.route = mcp::LakehouseRoute::Llm;
    connection.sqlTool = "execute_sql";
    connection.sqlArgument = "statement";
    connection.dialect = mcp::LakehouseDialect::Databricks;
    connection.meta = R"({"warehouse_id":"wh-1"})";
    connection.maxRows = 2500;
    connection.llm = {"http://127.0.0.1:11434/v1", "llama3", "key-1"};
    return connection;
}

QString refusal(const mcp::LakehouseConnection &connection, const mcp::McpServerConfig &server)
{
    auto setup = setupForConnection(connection, server);
    if (setup.ok())
        return {};
    if (setup.error().kind != ErrorKind::Invalid)
        return QStringLiteral("wrong kind: ") + QString::fromStdString(setup.error().message);
    return QString::fromStdString(setup.error().message);
}

} // namespace

class ConnectionSetupTest : public QObject
{
    Q_OBJECT

private slots:
    void carriesEveryField()
    {
        auto setup = setupForConnection(salesConnection(), warehouseServer());
        QVERIFY2(setup.ok(), setup.ok() ? "" : setup.error().message.c_str());
        const LakehouseSetup &made = setup.value();
        QCOMPARE(made.label, std::string("Sales mart"));
        QCOMPARE(int(made.route), int(Route::Llm));
        QCOMPARE(made.sqlTool, std::string("execute_sql"));
        QCOMPARE(made.sqlArgument, std::string("statement"));
        QCOMPARE(int(made.dialect), int(SqlDialect::Databricks));
        QCOMPARE(made.meta.dump(), std::string(R"({"warehouse_id":"wh-1"})"));
        QCOMPARE(made.maxRows, 2500);
        QCOMPARE(made.callTimeoutMs, 45000);
        QCOMPARE(made.clientOptions.initializeTimeoutMs, 45000);
        QCOMPARE(made.clientOptions.listTimeoutMs, 45000);
        QCOMPARE(made.chat.baseUrl, std::string("http://127.0.0.1:11434/v1"));
        QCOMPARE(made.chat.model, std::string("llama3"));
        QCOMPARE(made.chat.apiKey, std::string("key-1"));
        QVERIFY(made.transport);
        QVERIFY(made.transport() != nullptr);
        QVERIFY(!made.model); // the caller adds the semantic model
    }

    void otherRoutesLeaveTheChatModelOut()
    {
        mcp::LakehouseConnection connection = salesConnection();
        connection.route = mcp::LakehouseRoute::ServerNl;
        connection.meta = "{}";
        auto setup = setupForConnection(connection, warehouseServer());
        QVERIFY(setup.ok());
        QCOMPARE(int(setup.value().route), int(Route::ServerNl));
        QVERIFY(setup.value().chat.apiKey.empty());
        QVERIFY(setup.value().meta.is_null()); // nothing to send
    }

    void mapsEveryDialect_data()
    {
        QTest::addColumn<int>("stored");
        QTest::addColumn<int>("used");
        QTest::newRow("databricks") << int(mcp::LakehouseDialect::Databricks) << int(SqlDialect::Databricks);
        QTest::newRow("snowflake") << int(mcp::LakehouseDialect::Snowflake) << int(SqlDialect::Snowflake);
        QTest::newRow("postgres") << int(mcp::LakehouseDialect::Postgres) << int(SqlDialect::PostgreSQL);
        QTest::newRow("sqlite") << int(mcp::LakehouseDialect::Sqlite) << int(SqlDialect::SQLite);
        QTest::newRow("generic") << int(mcp::LakehouseDialect::Generic) << int(SqlDialect::Generic);
    }

    void mapsEveryDialect()
    {
        QFETCH(int, stored);
        QFETCH(int, used);
        QCOMPARE(int(assistantDialect(static_cast<mcp::LakehouseDialect>(stored))), used);
    }

    void refusesWhatCannotBeUsed()
    {
        mcp::LakehouseConnection connection = salesConnection();
        mcp::McpServerConfig server = warehouseServer();

        server.enabled = false;
        QVERIFY(refusal(connection, server).contains(QStringLiteral("“Sales mart”")) ||
                refusal(connection, server).contains(QStringLiteral("\"Sales mart\"")));
        QVERIFY(refusal(connection, server).contains(QStringLiteral("turned off")));
        server.enabled = true;

        server.id = "s2";
        QVERIFY(refusal(connection, server).contains(QStringLiteral("not stored")));
        server.id = "s1";

        server.url = "ftp://example.com/mcp";
        QVERIFY(refusal(connection, server).contains(QStringLiteral("Sales mart")));
        server = warehouseServer();

        connection.meta = "{\"warehouse_id\":";
        QVERIFY(refusal(connection, server).contains(QStringLiteral("Sales mart")));
        connection.meta = "[1]";
        QVERIFY(!refusal(connection, server).isEmpty());
        connection = salesConnection();

        connection.maxRows = 0;
        QVERIFY(refusal(connection, server).contains(QStringLiteral("max rows")));
        connection = salesConnection();

        connection.llm.baseUrl = "not a url";
        QVERIFY(!refusal(connection, server).isEmpty());
        connection = salesConnection();

        connection.name = "";
        QVERIFY(!refusal(connection, server).isEmpty());

        QVERIFY(refusal(salesConnection(), warehouseServer()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ConnectionSetupTest)

#include "tst_connectionsetup.moc"
