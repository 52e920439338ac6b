// The demo lakehouse MCP server as the demo tenant serves it: Streamable HTTP on its own loopback port,
// the mart built from the tenant's (small) world into a private temporary file. Raw POSTs from our
// HttpClient: list/describe/execute against a direct SQLite read, guard refusals, row caps, a bad table,
// wrong argument types, cancelling a long query, the HTTP session/header/Origin/Accept rules, the bearer
// token, the fault and latency knobs, and the temporary file's life.
#include "demo/demotenant.h"
#include "lakehousefixture.h"

#include <filesystem>
#include <fstream>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace lakeshore;
using namespace lakehousefixture;

namespace {

demo::DemoOptions smallTenant()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)};
    return options;
}

std::unique_ptr<demo::DemoTenant> startTenant(demo::DemoOptions options)
{
    auto started = demo::DemoTenant::start(std::move(options));
    if (!started)
        qFatal("demo tenant: %s", started.error().message.c_str());
    return std::move(started).value();
}

int mode(const std::string &path)
{
    struct stat info
    {
    };
    return ::stat(path.c_str(), &info) == 0 ? static_cast<int>(info.st_mode & 0777) : -1;
}

} // namespace

class LakehouseServerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<McpHttp> m_mcp;

private slots:
    void initTestCase()
    {
        auto options = smallTenant();
        options.lakehouseMaxRows = 25;
        m_tenant = startTenant(options);
        QVERIFY(m_tenant->lakehouseMcpUrl().rfind("http://127.0.0.1:", 0) == 0);
        QVERIFY(m_tenant->lakehouseMcpUrl().size() > 4 &&
                m_tenant->lakehouseMcpUrl().substr(m_tenant->lakehouseMcpUrl().size() - 4) == "/mcp");
        m_mcp = std::make_unique<McpHttp>(m_tenant->lakehouseMcpUrl());
        const Json init = m_mcp->initialize();
        JSON_COMPARE(init["protocolVersion"], "2025-11-25");
        JSON_COMPARE(init["serverInfo"]["name"], "lakeshore-demo-lakehouse");
        QVERIFY(init["instructions"].get<std::string>().find("territory") != std::string::npos);
        QVERIFY(m_tenant->waitForLakehouseMart(60000).ok());
    }

    void cleanupTestCase()
    {
        m_mcp.reset();
        m_tenant.reset();
    }

    void theToolsAreReadOnlyAndDescribed()
    {
        auto response = m_mcp->post({{"jsonrpc", "2.0"}, {"id", "l"}, {"method", "tools/list"}});
        QCOMPARE(response.status, 200);
        const Json tools = Json::parse(response.body)["result"]["tools"];
        std::vector<std::string> names;
        for (const auto &tool : tools) {
            names.push_back(tool["name"].get<std::string>());
            JSON_COMPARE(tool["annotations"]["readOnlyHint"], true);
            JSON_COMPARE(tool["annotations"]["destructiveHint"], false);
            JSON_COMPARE(tool["inputSchema"]["type"], "object");
            QVERIFY(tool["outputSchema"].is_object());
        }
        QCOMPARE(names, (std::vector<std::string>{"list_tables", "describe_table", "execute_sql"}));
    }

    void listTablesMatchesTheMart()
    {
        const Json result = m_mcp->call("list_tables");
        QVERIFY2(!isError(result), result.dump().c_str());
        const std::string path = m_tenant->lakehouseMartPath();
        std::set<std::string> names;
        for (const auto &table : result["structuredContent"]["tables"]) {
            const std::string name = table["name"].get<std::string>();
            names.insert(name);
            QVERIFY2(!table["description"].get<std::string>().empty(), name.c_str());
            JSON_COMPARE(Json::array({Json::array({table["rowCount"]})}),
                         directRows(path, "SELECT COUNT(*) FROM " + name));
        }
        QCOMPARE(names, (std::set<std::string>{"account_propensity", "agg_account_month", "contract_price",
                                               "dim_account", "dim_item", "fact_invoice_line", "mart_info"}));
        // The text block carries the same JSON for clients that only read content.
        JSON_COMPARE(Json::parse(text(result)), result["structuredContent"]);
    }

    void describeTableReadsTheSchemaComments()
    {
        const Json result = m_mcp->call("describe_table", {{"table", "fact_invoice_line"}});
        QVERIFY2(!isError(result), result.dump().c_str());
        const Json &table = result["structuredContent"];
        QVERIFY(table["description"].get<std::string>().find("one row per invoice line") !=
                std::string::npos);
        std::map<std::string, Json> columns;
        for (const auto &column : table["columns"])
            columns[column["name"].get<std::string>()] = column;
        QCOMPARE(columns.size(), std::size_t(15));
        JSON_COMPARE(columns["quantity"]["type"], "REAL");
        JSON_COMPARE(columns["quantity"]["notNull"], true);
        QVERIFY(columns["contract_price"]["description"].get<std::string>().find("lowest contract price") !=
                std::string::npos);
        QVERIFY(columns["off_contract"]["description"].get<std::string>().find("no contract price") !=
                std::string::npos);
        // A comment after the closing ");" is not part of the CREATE text SQLite keeps: nothing to read
        // there.
        JSON_COMPARE(columns["price_variance"]["description"], "");
        JSON_COMPARE(columns["invoice_number"]["description"], "");
        // No territory here on purpose: the CRM owns it.
        QVERIFY(!columns.count("territory"));
        const Json account = m_mcp->call("describe_table", {{"table", "DIM_ACCOUNT"}})["structuredContent"];
        JSON_COMPARE(account["name"], "dim_account");
        JSON_COMPARE(account["columns"][0]["primaryKey"], true);
    }

    void anUnknownTableListsTheTables()
    {
        const Json result = m_mcp->call("describe_table", {{"table", "territories"}});
        QVERIFY(isError(result));
        const std::string message = text(result);
        QVERIFY2(message.find("territories") != std::string::npos &&
                     message.find("fact_invoice_line") != std::string::npos &&
                     message.find("dim_account") != std::string::npos,
                 message.c_str());
    }

    void executeSqlReturnsTheRowsSQLiteReads()
    {
        const std::string sql = "SELECT account_number, month, revenue, invoice_count, NULL AS none_here "
                                "FROM agg_account_month ORDER BY account_number, month LIMIT 20";
        const Json result = m_mcp->call("execute_sql", {{"sql", sql}});
        QVERIFY2(!isError(result), result.dump().c_str());
        const Json &data = result["structuredContent"];
        JSON_COMPARE(data["rows"], directRows(m_tenant->lakehouseMartPath(), sql));
        JSON_COMPARE(data["rowCount"], 20);
        JSON_COMPARE(data["truncated"], false);
        QVERIFY(data["elapsedMs"].is_number());
        JSON_COMPARE(data["columns"],
                     Json::parse(R"([{"name":"account_number","type":"text"},{"name":"month","type":"text"},
            {"name":"revenue","type":"real"},{"name":"invoice_count","type":"integer"},{"name":"none_here","type":"null"}])"));
        JSON_COMPARE(Json::parse(text(result)), data);
    }

    void theGuardRefusesAnythingButOneSelect_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("delete") << "DELETE FROM dim_item";
        QTest::newRow("second statement") << "SELECT 1; SELECT 2";
        QTest::newRow("select then drop") << "SELECT 1; DROP TABLE dim_item";
        QTest::newRow("attach") << "ATTACH DATABASE '/tmp/x.db' AS x";
        QTest::newRow("pragma") << "PRAGMA writable_schema = 1";
        QTest::newRow("insert") << "INSERT INTO mart_info VALUES ('a', 'b')";
        QTest::newRow("update in cte") << "WITH x AS (SELECT 1) UPDATE dim_item SET unit_cost = 0";
        QTest::newRow("vacuum into") << "VACUUM INTO '/tmp/copy.db'";
        QTest::newRow("create") << "CREATE TABLE t(x)";
        QTest::newRow("comment smuggling") << "SELECT 1 /* ; */ ; DELETE FROM dim_item";
    }

    void theGuardRefusesAnythingButOneSelect()
    {
        QFETCH(QString, sql);
        const Json result = m_mcp->call("execute_sql", {{"sql", sql.toStdString()}});
        QVERIFY(isError(result));
        QVERIFY2(text(result).find("query guard") != std::string::npos, text(result).c_str());
        // The mart is untouched.
        JSON_COMPARE(m_mcp->call("execute_sql",
                                 {{"sql", "SELECT COUNT(*) FROM dim_item"}})["structuredContent"]["rows"],
                     directRows(m_tenant->lakehouseMartPath(), "SELECT COUNT(*) FROM dim_item"));
    }

    void rowsAreCapped()
    {
        // max_rows asks for fewer ...
        Json data = m_mcp->call("execute_sql", {{"sql", "SELECT * FROM fact_invoice_line"},
                                                {"max_rows", 5}})["structuredContent"];
        JSON_COMPARE(data["rowCount"], 5);
        JSON_COMPARE(data["truncated"], true);
        QCOMPARE(data["rows"].size(), std::size_t(5));
        // ... exactly the cap is not truncation ...
        data = m_mcp->call("execute_sql",
                           {{"sql", "SELECT * FROM dim_item LIMIT 5"}, {"max_rows", 5}})["structuredContent"];
        JSON_COMPARE(data["truncated"], false);
        // ... and never more than the server's cap (25 for this tenant, --lakehouse-max-rows).
        data = m_mcp->call("execute_sql", {{"sql", "SELECT * FROM fact_invoice_line"},
                                           {"max_rows", 1000}})["structuredContent"];
        JSON_COMPARE(data["rowCount"], 25);
        JSON_COMPARE(data["truncated"], true);
        data = m_mcp->call("execute_sql", {{"sql", "SELECT * FROM fact_invoice_line"}})["structuredContent"];
        JSON_COMPARE(data["rowCount"], 25);
    }

    void wrongArgumentsAreToolErrors_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sql missing") << "execute_sql"
                                     << "{}"
                                     << "sql is required";
        QTest::newRow("sql a number") << "execute_sql"
                                      << R"({"sql":42})"
                                      << "sql must be a string";
        QTest::newRow("sql empty") << "execute_sql"
                                   << R"({"sql":""})"
                                   << "at least 1 characters";
        QTest::newRow("max_rows a string") << "execute_sql"
                                           << R"({"sql":"SELECT 1","max_rows":"5"})"
                                           << "max_rows must be an integer";
        QTest::newRow("max_rows zero") << "execute_sql"
                                       << R"({"sql":"SELECT 1","max_rows":0})"
                                       << "at least 1";
        QTest::newRow("unknown argument") << "execute_sql"
                                          << R"({"sql":"SELECT 1","limit":5})"
                                          << "limit is not an argument";
        QTest::newRow("table missing") << "describe_table"
                                       << "{}"
                                       << "table is required";
        QTest::newRow("table an array") << "describe_table"
                                        << R"({"table":["dim_item"]})"
                                        << "must be a string";
        QTest::newRow("list_tables with arguments") << "list_tables"
                                                    << R"({"x":1})"
                                                    << "x is not an argument";
    }

    void wrongArgumentsAreToolErrors()
    {
        QFETCH(QString, tool);
        QFETCH(QString, arguments);
        QFETCH(QString, expected);
        const Json result = m_mcp->call(tool.toStdString(), Json::parse(arguments.toStdString()));
        QVERIFY2(isError(result), result.dump().c_str());
        QVERIFY2(text(result).find(expected.toStdString()) != std::string::npos, text(result).c_str());
    }

    void sqliteErrorsAreToolErrors()
    {
        const Json result = m_mcp->call("execute_sql", {{"sql", "SELECT no_such_column FROM dim_item"}});
        QVERIFY(isError(result));
        QVERIFY2(text(result).find("no such column") != std::string::npos, text(result).c_str());
    }

    void anUnknownToolIsAProtocolError()
    {
        auto response = m_mcp->post(m_mcp->request("drop_table", {{"table", "dim_item"}}));
        QCOMPARE(response.status, 200);
        JSON_COMPARE(Json::parse(response.body)["error"]["code"], -32602);
    }

    void aLongQueryIsCancelled()
    {
        auto call = m_mcp->postAsync(m_mcp->request("execute_sql", {{"sql", kLongQuery}}, "long"));
        // The cancel can only reach a call the server has seen: repeat it until the call ends.
        const Json cancel = {
            {"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", "long"}}}};
        for (int i = 0; i < 400 && !call->done(); ++i) {
            QCOMPARE(m_mcp->post(cancel).status, 202);
            std::this_thread::sleep_for(25ms);
        }
        QVERIFY(call->wait());
        QVERIFY(call->value->ok());
        QCOMPARE(call->value->value().status, 202); // cancelled: no answer owed
        // The session goes on.
        JSON_COMPARE(m_mcp->call("execute_sql", {{"sql", "SELECT 1 AS one"}})["structuredContent"]["rows"],
                     Json::parse("[[1]]"));
    }

    void theHttpRulesHold()
    {
        McpHttp fresh(m_tenant->lakehouseMcpUrl());
        auto noSession = fresh.post(fresh.request("list_tables", Json::object()));
        QCOMPARE(noSession.status, 400);
        QCOMPARE(
            fresh.post({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "ping"}}, {{"Mcp-Session-Id", "forged"}})
                .status,
            404);
        QCOMPARE(fresh
                     .post({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}},
                           {{"Origin", "http://evil.example"}})
                     .status,
                 403);
        QCOMPARE(fresh.post(nullptr, {}, "GET").status, 405);
        QVERIFY(!fresh.initialize().is_null());
        auto badVersion = fresh.post({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "ping"}},
                                     {{"MCP-Protocol-Version", "2030-01-01"}});
        QCOMPARE(badVersion.status, 400);
        QVERIFY(badVersion.body.find("2025-06-18") != std::string::npos);
        auto jsonOnly =
            fresh.post({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "ping"}}, {{"Accept", "application/json"}});
        QCOMPARE(jsonOnly.status, 406);
        QCOMPARE(fresh.post(nullptr, {}, "DELETE").status, 200);
        QCOMPARE(fresh.post({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "ping"}}).status, 404);
    }

    void theBearerTokenIsDemandedWhenSet()
    {
        auto options = smallTenant();
        options.lakehouseToken = "lake-token";
        options.lakehouseFault = demo::LakehouseFault::MartUnavailable; // no mart needed here
        auto tenant = startTenant(options);
        McpHttp anonymous(tenant->lakehouseMcpUrl());
        QVERIFY(anonymous.initialize().is_null());
        McpHttp wrong(tenant->lakehouseMcpUrl(), "other-token");
        QVERIFY(wrong.initialize().is_null());
        McpHttp right(tenant->lakehouseMcpUrl(), "lake-token");
        QVERIFY(!right.initialize().is_null());
        // The CRM and ERP keep their own auth (none here).
        const Json result = right.call("list_tables");
        QVERIFY(isError(result));
        QVERIFY2(text(result).find("could not be built") != std::string::npos &&
                     text(result).find("mart-unavailable") != std::string::npos,
                 text(result).c_str());
    }

    void theSqlFaultFailsExecuteSqlOnly()
    {
        auto options = smallTenant();
        options.lakehouseFault = demo::LakehouseFault::SqlError;
        auto tenant = startTenant(options);
        McpHttp mcp(tenant->lakehouseMcpUrl());
        QVERIFY(!mcp.initialize().is_null());
        const Json failed = mcp.call("execute_sql", {{"sql", "SELECT 1"}});
        QVERIFY(isError(failed));
        QVERIFY2(text(failed).find("sql-error") != std::string::npos, text(failed).c_str());
        QVERIFY(!isError(mcp.call("list_tables")));
    }

    void latencyIsCancellable()
    {
        auto options = smallTenant();
        options.lakehouseLatencyMs = 600000; // a call would wait ten minutes: only a cancel ends it
        auto tenant = startTenant(options);
        McpHttp mcp(tenant->lakehouseMcpUrl());
        QVERIFY(!mcp.initialize().is_null());
        auto call = mcp.postAsync(mcp.request("list_tables", Json::object(), "slow"));
        const Json cancel = {
            {"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", "slow"}}}};
        for (int i = 0; i < 400 && !call->done(); ++i) {
            (void)mcp.post(cancel);
            std::this_thread::sleep_for(25ms);
        }
        QVERIFY(call->wait());
        QCOMPARE(call->value->value().status, 202);
    }

    void theMartFileIsPrivateAndRemoved()
    {
        auto tenant = startTenant(smallTenant());
        QVERIFY(tenant->waitForLakehouseMart(60000).ok());
        const std::string path = tenant->lakehouseMartPath();
        QVERIFY(std::filesystem::exists(path));
        QCOMPARE(mode(path), 0600);
        QCOMPARE(mode(std::filesystem::path(path).parent_path().string()), 0700);
        tenant.reset();
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(std::filesystem::path(path).parent_path()));
    }

    void martsLeftByDeadProcessesAreSweptAway()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted());
        const auto deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        const std::filesystem::path base = tmp.path().toStdString();
        const auto stale = base / ("lakeshore-mart-" + std::to_string(deadPid) + "-abc123");
        const auto alive = base / ("lakeshore-mart-" + std::to_string(::getppid()) + "-def456");
        const auto other = base / "lakeshore-mart-notapid";
        for (const auto &dir : {stale, alive, other}) {
            std::filesystem::create_directory(dir);
            std::ofstream(dir / "lakehouse.sqlite3") << "x";
        }
        const QByteArray saved = qgetenv("TMPDIR");
        qputenv("TMPDIR", tmp.path().toUtf8());
        auto tenant = startTenant(smallTenant());
        if (saved.isEmpty())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", saved);
        QVERIFY(tenant->waitForLakehouseMart(60000).ok());
        QVERIFY(tenant->lakehouseMartPath().rfind(tmp.path().toStdString(), 0) == 0);
        QVERIFY(!std::filesystem::exists(stale));
        QVERIFY(std::filesystem::exists(alive));
        QVERIFY(std::filesystem::exists(other));
    }

    void stoppingTheTenantCancelsRunningQueries()
    {
        auto tenant = startTenant(smallTenant());
        QVERIFY(tenant->waitForLakehouseMart(60000).ok());
        McpHttp mcp(tenant->lakehouseMcpUrl());
        QVERIFY(!mcp.initialize().is_null());
        auto call = mcp.postAsync(mcp.request("execute_sql", {{"sql", kLongQuery}}));
        std::this_thread::sleep_for(100ms);
        tenant.reset(); // would wait out the 30 s time limit if the query were not cancelled
        QVERIFY(call->wait());
        // Cancelled: the session ended under it (404) or the connection went; never a time-limit answer.
        QVERIFY(!call->value->ok() || call->value->value().status != 200);
    }

    void noLakehouseWhenSwitchedOff()
    {
        auto options = smallTenant();
        options.lakehouse = false;
        auto tenant = startTenant(options);
        QVERIFY(tenant->lakehouseMcpUrl().empty());
        QVERIFY(tenant->lakehouseMartPath().empty());
        QVERIFY(!tenant->waitForLakehouseMart(10).ok());
    }
};

QTEST_GUILESS_MAIN(LakehouseServerTest)
#include "tst_lakehouseserver.moc"
