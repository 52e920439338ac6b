// The demo lakehouse MCP server in process (LakehouseServer through a ToolSession, a real mart file):
// waiting for a mart still being built (with progress), a mart that failed or is not a database, the time
// limit, the default row cap, column types from declarations and values, the read-only connection as a
// second line of defence behind the guard, the schema-comment reader, and the demo flags.
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "demo/lakehouseserver.h"
#include "demo/martcatalog.h"
#include "demo/martconnection.h"
#include "lakehousefixture.h"

#include <filesystem>
#include <fstream>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakehousefixture;

namespace {

// What a session sent back: notifications and the answer.
struct Inbox
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<Json> notifications;
    std::optional<std::optional<std::string>> answer;

    mcp::Replies replies()
    {
        mcp::Replies replies;
        replies.notify = [this](std::string message) {
            std::lock_guard lock(mutex);
            notifications.push_back(Json::parse(message));
            changed.notify_all();
        };
        replies.answer = [this](std::optional<std::string> message) {
            std::lock_guard lock(mutex);
            answer = std::move(message);
            changed.notify_all();
        };
        return replies;
    }

    bool waitNotifications(std::size_t count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 30s, [&] { return notifications.size() >= count; });
    }

    Json waitResult()
    {
        std::unique_lock lock(mutex);
        if (!changed.wait_for(lock, 60s, [&] { return answer.has_value(); }) || !answer->has_value())
            return Json("no answer");
        return Json::parse(**answer)["result"];
    }
};

Json call(mcp::ToolSession &session, const std::string &tool, Json arguments, Json meta = nullptr)
{
    Inbox inbox;
    Json params = {{"name", tool}, {"arguments", std::move(arguments)}};
    if (!meta.is_null())
        params["_meta"] = std::move(meta);
    (void)session.receive(
        Json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/call"}, {"params", params}}.dump(),
        inbox.replies());
    return inbox.waitResult();
}

std::unique_ptr<mcp::ToolSession> openSession(demo::LakehouseServer &server)
{
    auto session = server.toolServer()->openSession();
    Inbox inbox;
    (void)session->receive(Json{{"jsonrpc", "2.0"},
                                {"id", 0},
                                {"method", "initialize"},
                                {"params", {{"protocolVersion", "2025-11-25"}}}}
                               .dump(),
                           inbox.replies());
    (void)inbox.waitResult();
    return session;
}

} // namespace

class LakehouseServerCoreTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_mart;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_mart = m_dir.filePath("mart.sqlite3").toStdString();
        const demo::World world(demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)});
        auto built = demo::buildLakehouseMart(world, m_mart);
        QVERIFY2(built.ok(), built.ok() ? "" : built.error().message.c_str());
    }

    void callsWaitForTheMartWithProgress()
    {
        demo::LakehouseServer server;
        auto session = openSession(server);
        Inbox inbox;
        QVERIFY(session->receive(Json{{"jsonrpc", "2.0"},
                                      {"id", 5},
                                      {"method", "tools/call"},
                                      {"params",
                                       {{"name", "execute_sql"},
                                        {"arguments", {{"sql", "SELECT COUNT(*) FROM dim_item"}}},
                                        {"_meta", {{"progressToken", "wait"}}}}}}
                                     .dump(),
                                 inbox.replies()));
        QVERIFY(inbox.waitNotifications(1)); // still waiting, and saying so
        {
            std::lock_guard lock(inbox.mutex);
            const Json &note = inbox.notifications.front();
            JSON_COMPARE(note["params"]["progressToken"], "wait");
            QVERIFY(note["params"]["message"].get<std::string>().find("waiting for the lakehouse mart") !=
                    std::string::npos);
            QVERIFY(!inbox.answer.has_value());
        }
        server.setMart(m_mart);
        const Json result = inbox.waitResult();
        QVERIFY2(!isError(result), result.dump().c_str());
        JSON_COMPARE(result["structuredContent"]["rows"],
                     directRows(m_mart, "SELECT COUNT(*) FROM dim_item"));
    }

    void aMartThatFailedIsNamed()
    {
        demo::LakehouseServer server;
        auto session = openSession(server);
        server.setMartFailed(makeError(ErrorKind::Storage, "the disk is full"));
        for (const char *tool : {"list_tables", "execute_sql"}) {
            const Json result =
                call(*session, tool,
                     std::string(tool) == "list_tables" ? Json::object() : Json{{"sql", "SELECT 1"}});
            QVERIFY(isError(result));
            QVERIFY2(text(result).find("could not be built") != std::string::npos &&
                         text(result).find("the disk is full") != std::string::npos,
                     text(result).c_str());
        }
    }

    void aFileThatIsNotAMartIsAToolError()
    {
        const std::string junk = m_dir.filePath("junk.sqlite3").toStdString();
        std::ofstream(junk)
            << "this is not a database, just text that is long enough to look like a header....";
        demo::LakehouseServer server;
        server.setMart(junk);
        auto session = openSession(server);
        Json result = call(*session, "list_tables", Json::object());
        QVERIFY(isError(result));
        QVERIFY2(text(result).find("not a database") != std::string::npos, text(result).c_str());
        result = call(*session, "execute_sql", {{"sql", "SELECT 1 FROM dim_item"}});
        QVERIFY(isError(result));
        server.setMart(m_dir.filePath("missing.sqlite3").toStdString());
        QVERIFY(isError(call(*session, "list_tables", Json::object())));
    }

    void theTimeLimitStopsALongQuery()
    {
        demo::LakehouseOptions options;
        options.timeLimitMs = 200;
        demo::LakehouseServer server(options);
        server.setMart(m_mart);
        auto session = openSession(server);
        const Json result = call(*session, "execute_sql", {{"sql", kLongQuery}});
        QVERIFY(isError(result));
        QVERIFY2(text(result).find("time limit of 200 ms") != std::string::npos, text(result).c_str());
    }

    void progressIsSentWhileAQueryRuns()
    {
        demo::LakehouseOptions options;
        options.timeLimitMs = 1500;
        demo::LakehouseServer server(options);
        server.setMart(m_mart);
        auto session = openSession(server);
        Inbox inbox;
        (void)session->receive(Json{{"jsonrpc", "2.0"},
                                    {"id", 6},
                                    {"method", "tools/call"},
                                    {"params",
                                     {{"name", "execute_sql"},
                                      {"arguments", {{"sql", kLongQuery}}},
                                      {"_meta", {{"progressToken", 6}}}}}}
                                   .dump(),
                               inbox.replies());
        QVERIFY(isError(inbox.waitResult()));
        std::lock_guard lock(inbox.mutex);
        QVERIFY(!inbox.notifications.empty());
        double last = 0;
        for (const auto &note : inbox.notifications) {
            QVERIFY(note["params"]["progress"].get<double>() > last);
            last = note["params"]["progress"].get<double>();
            QVERIFY(note["params"]["message"].get<std::string>().find("query running for") !=
                    std::string::npos);
        }
    }

    void theDefaultCapIsTenThousandRows()
    {
        demo::LakehouseServer server;
        server.setMart(m_mart);
        auto session = openSession(server);
        const Json data =
            call(*session, "execute_sql",
                 {{"sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10001) "
                          "SELECT x FROM c"}})["structuredContent"];
        JSON_COMPARE(data["rowCount"], 10000);
        JSON_COMPARE(data["truncated"], true);
        JSON_COMPARE(data["rows"].back(), Json::array({10000}));
    }

    void columnTypesComeFromDeclarationsAndValues_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("types");
        QTest::addColumn<QString>("firstRow");
        QTest::newRow("each storage class") << "SELECT 1 AS i, 1.5 AS r, 'x' AS t, NULL AS n, x'00ff' AS b"
                                            << R"(["integer","real","text","null","blob"])"
                                            << R"([1,1.5,"x",null,"00ff"])";
        QTest::newRow("integers and reals") << "SELECT 1 AS v UNION ALL SELECT 2.5 UNION ALL SELECT NULL"
                                            << R"(["real"])"
                                            << "[1]";
        QTest::newRow("numbers and text") << "SELECT 1 AS v UNION ALL SELECT 'a'"
                                          << R"(["text"])"
                                          << "[1]";
        QTest::newRow("declared, all null") << "SELECT contract_price, account_number FROM fact_invoice_line "
                                               "WHERE contract_price IS NULL LIMIT 3"
                                            << R"(["real","text"])"
                                            << "";
        QTest::newRow("declared, no rows")
            << "SELECT employees, annual_revenue, city FROM dim_account WHERE 0"
            << R"(["integer","real","text"])"
            << "";
        QTest::newRow("infinity") << "SELECT 1e999 AS big"
                                  << R"(["real"])"
                                  << "[null]";
        QTest::newRow("not utf-8") << "SELECT CAST(x'ff41' AS TEXT) AS odd"
                                   << R"(["text"])"
                                   << "";
    }

    void columnTypesComeFromDeclarationsAndValues()
    {
        QFETCH(QString, sql);
        QFETCH(QString, types);
        QFETCH(QString, firstRow);
        demo::LakehouseServer server;
        server.setMart(m_mart);
        auto session = openSession(server);
        const Json result = call(*session, "execute_sql", {{"sql", sql.toStdString()}});
        QVERIFY2(!isError(result), result.dump().c_str());
        Json seen = Json::array();
        for (const auto &column : result["structuredContent"]["columns"])
            seen.push_back(column["type"]);
        JSON_COMPARE(seen, Json::parse(types.toStdString()));
        if (!firstRow.isEmpty())
            JSON_COMPARE(result["structuredContent"]["rows"][0], Json::parse(firstRow.toStdString()));
    }

    void theConnectionRefusesWritesEvenPastTheGuard_data()
    {
        QTest::addColumn<int>("trust");
        QTest::addColumn<QString>("sql");
        const int untrusted = int(demo::MartConnection::Trust::Untrusted);
        const int ours = int(demo::MartConnection::Trust::Ours);
        QTest::newRow("delete") << untrusted << "DELETE FROM dim_item";
        QTest::newRow("attach") << untrusted << "ATTACH DATABASE ':memory:' AS other";
        QTest::newRow("pragma off") << untrusted << "PRAGMA query_only = 0";
        QTest::newRow("create temp") << untrusted << "CREATE TEMP TABLE t(x)";
        QTest::newRow("begin") << untrusted << "BEGIN IMMEDIATE";
        QTest::newRow("load extension") << untrusted << "SELECT load_extension('libc.so.6')";
        QTest::newRow("huge value") << untrusted << "SELECT zeroblob(100000000)";
        QTest::newRow("insert, trusted") << ours << "INSERT INTO mart_info VALUES ('a', 'b')";
        QTest::newRow("update, trusted") << ours << "UPDATE dim_item SET unit_cost = 0";
        QTest::newRow("attach, trusted") << ours << "ATTACH DATABASE ':memory:' AS other";
    }

    void theConnectionRefusesWritesEvenPastTheGuard()
    {
        QFETCH(int, trust);
        QFETCH(QString, sql);
        const auto before = std::filesystem::last_write_time(m_mart);
        auto connection = demo::MartConnection::open(m_mart, demo::MartConnection::Trust(trust));
        QVERIFY(connection.ok());
        char *error = nullptr;
        const int rc =
            sqlite3_exec(connection.value().handle(), sql.toUtf8().constData(), nullptr, nullptr, &error);
        sqlite3_free(error);
        QVERIFY2(rc != SQLITE_OK, qPrintable(sql));
        QVERIFY(std::filesystem::last_write_time(m_mart) == before);
        JSON_COMPARE(directRows(m_mart, "SELECT COUNT(*) FROM mart_info"), Json::parse("[[4]]"));
    }

    void aMissingMartDoesNotOpen()
    {
        auto connection = demo::MartConnection::open(m_dir.filePath("nope.sqlite3").toStdString(),
                                                     demo::MartConnection::Trust::Ours);
        QVERIFY(!connection.ok());
        QVERIFY(
            !std::filesystem::exists(m_dir.filePath("nope.sqlite3").toStdString())); // nothing was created
    }

    void schemaCommentsAreRead()
    {
        auto comments = demo::readSchemaComments("CREATE TABLE t( -- the table\n"
                                                 "    a TEXT, b INTEGER,   -- about b\n"
                                                 "    \"we\"\"ird col\" REAL,  -- quoted -- twice\n"
                                                 "    [br] TEXT, PRIMARY KEY (a, b)); -- br, not the key\n");
        QCOMPARE(comments.table, std::string("the table"));
        QCOMPARE(comments.columns,
                 (std::map<std::string, std::string>{
                     {"b", "about b"}, {"we\"ird col", "quoted -- twice"}, {"br", "br, not the key"}}));
        // Odd or broken text gives what it can, never a crash.
        for (const char *odd :
             {"", "--", "CREATE TABLE t(", "CREATE TABLE t('unterminated -- x\n)", "/* open",
              "CREATE TABLE t(a TEXT /* c\n -- d */, b INT) -- end", ")))(((", "CREATE TABLE t([a"})
            (void)demo::readSchemaComments(odd);
        QCOMPARE(demo::readSchemaComments("CREATE TABLE t(a INT)").table, std::string());
    }

    void theCatalogSortsTablesAndReadsColumns()
    {
        auto catalog = demo::loadMartCatalog(m_mart);
        QVERIFY(catalog.ok());
        QCOMPARE(catalog.value().size(), std::size_t(7));
        QCOMPARE(catalog.value().front().name, std::string("account_propensity"));
        const auto &info = catalog.value().back();
        QCOMPARE(info.name, std::string("mart_info"));
        QCOMPARE(info.rowCount, std::int64_t(4));
        QVERIFY(info.description.find("seed") != std::string::npos);
        QCOMPARE(info.columns.size(), std::size_t(2));
        QVERIFY(info.columns[0].primaryKey);
        QVERIFY(!demo::loadMartCatalog(m_dir.filePath("nope.sqlite3").toStdString()).ok());
    }

    void theLakehouseFlagsParse()
    {
        auto parsed = demo::parseDemoArguments(
            {"--lakehouse-latency", "250", "--lakehouse-max-rows", "5", "--lakehouse-port", "0",
             "--lakehouse-token", "tok", "--lakehouse-fault", "sql-error", "--no-lakehouse", "--other"});
        QVERIFY(parsed.ok());
        const auto &options = parsed.value().options;
        QCOMPARE(options.lakehouseLatencyMs, 250);
        QCOMPARE(options.lakehouseMaxRows, 5);
        QCOMPARE(options.lakehouseToken, std::string("tok"));
        QVERIFY(options.lakehouseFault == demo::LakehouseFault::SqlError);
        QVERIFY(!options.lakehouse);
        QCOMPARE(parsed.value().rest, std::vector<std::string>{"--other"});
        QVERIFY(demo::demoUsage().find("--lakehouse-max-rows") != std::string::npos);

        const auto defaults = demo::parseDemoArguments({});
        QVERIFY(defaults.ok() && defaults.value().options.lakehouse);
        QCOMPARE(defaults.value().options.lakehouseMaxRows, 10000);
        for (auto bad : std::vector<std::vector<std::string>>{{"--lakehouse-max-rows", "0"},
                                                              {"--lakehouse-max-rows", "many"},
                                                              {"--lakehouse-latency", "-1"},
                                                              {"--lakehouse-port", "70000"},
                                                              {"--lakehouse-fault", "meltdown"},
                                                              {"--lakehouse-token", ""},
                                                              {"--lakehouse-token"}})
            QVERIFY2(!demo::parseDemoArguments(bad).ok(), bad.front().c_str());
    }

    void theLakehouseEnvironmentIsRead()
    {
        qputenv("LAKESHORE_DEMO_LAKEHOUSE_LATENCY_MS", "40");
        qputenv("LAKESHORE_DEMO_LAKEHOUSE_FAULT", "mart-unavailable");
        auto parsed = demo::parseDemoArguments({"--lakehouse-latency", "7"});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().options.lakehouseLatencyMs, 7); // a flag wins over the environment
        QVERIFY(parsed.value().options.lakehouseFault == demo::LakehouseFault::MartUnavailable);
        QCOMPARE(demo::parseDemoArguments({}).value().options.lakehouseLatencyMs, 40);
        qputenv("LAKESHORE_DEMO_LAKEHOUSE_LATENCY_MS", "soon");
        QVERIFY(!demo::parseDemoArguments({}).ok());
        qunsetenv("LAKESHORE_DEMO_LAKEHOUSE_LATENCY_MS");
        qputenv("LAKESHORE_DEMO_LAKEHOUSE_FAULT", "oops");
        QVERIFY(!demo::parseDemoArguments({}).ok());
        qunsetenv("LAKESHORE_DEMO_LAKEHOUSE_FAULT");
    }
};

QTEST_GUILESS_MAIN(LakehouseServerCoreTest)
#include "tst_lakehouseservercore.moc"
