// The demo lakehouse MCP server over stdio as a REAL CHILD PROCESS (`lakeshore-demo --lakehouse-stdio`),
// driven with our own StdioTransport and RpcSession: the handshake, the tools against a direct SQLite read
// of the same mart (written by `lakeshore-demo --build-mart`), guard refusals, bad arguments, cancelling a
// long query, raw bad lines, and the command line's modes and their refusals.
#include "lakehousefixture.h"
#include "mcp/rpcsession.h"
#include "mcp/stdiotransport.h"

#include <csignal>
#include <filesystem>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace lakehousefixture;

namespace {

const std::string kDemo = LAKESHORE_DEMO_BINARY;
const std::vector<std::string> kSmall = {"--demo-size", "small", "--demo-today", "2026-11-21"};

struct Reply
{
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<Result<Json>> value;

    std::function<void(Result<Json>)> callback()
    {
        return [this](Result<Json> result) {
            std::lock_guard lock(mutex);
            value = std::move(result);
            changed.notify_all();
        };
    }

    Result<Json> wait()
    {
        std::unique_lock lock(mutex);
        if (!changed.wait_for(lock, 60s, [&] { return value.has_value(); }))
            return makeError(ErrorKind::Timeout, "test: no reply");
        return *value;
    }
};

CallOptions options(int timeoutMs = 60000)
{
    CallOptions call;
    call.timeoutMs = timeoutMs;
    return call;
}

std::unique_ptr<RpcSession> startChild(std::vector<std::string> arguments)
{
    StdioServerConfig config;
    config.command = kDemo;
    config.args = {"--lakehouse-stdio"};
    config.args.insert(config.args.end(), arguments.begin(), arguments.end());
    auto session = std::make_unique<RpcSession>(std::make_unique<StdioTransport>(config));
    if (!session->start())
        return nullptr;
    Reply init;
    session->request("initialize",
                     {{"protocolVersion", "2025-06-18"},
                      {"capabilities", Json::object()},
                      {"clientInfo", {{"name", "tst"}, {"version", "1"}}}},
                     options(), init.callback());
    auto result = init.wait();
    if (!result || result.value()["protocolVersion"] != "2025-06-18")
        return nullptr;
    session->setProtocolVersion("2025-06-18");
    (void)session->notify("notifications/initialized", Json::object());
    return session;
}

Json callTool(RpcSession &session, const std::string &tool, Json arguments)
{
    Reply reply;
    session.request("tools/call", {{"name", tool}, {"arguments", std::move(arguments)}}, options(),
                    reply.callback());
    auto result = reply.wait();
    return result ? result.value() : Json{{"error", result.error().message}};
}

// Runs lakeshore-demo to its end; returns the exit code (-1 when it did not finish) and its output.
std::pair<int, QString> runDemo(const QStringList &arguments)
{
    QProcess process;
    process.start(QString::fromStdString(kDemo), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

} // namespace

class LakehouseServerStdioTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_mart;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_mart = m_dir.filePath("mart.sqlite3").toStdString();
        auto [code, output] = runDemo({"--build-mart", QString::fromStdString(m_mart), "--demo-size", "small",
                                       "--demo-today", "2026-11-21"});
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY(output.contains(QStringLiteral("invoice lines")));
        QVERIFY(std::filesystem::exists(m_mart));
    }

    void servesAGivenMart()
    {
        auto session = startChild({"--mart", m_mart});
        QVERIFY(session);
        Reply list;
        session->request("tools/list", Json::object(), options(), list.callback());
        auto tools = list.wait();
        QVERIFY(tools.ok());
        QCOMPARE(tools.value()["tools"].size(), std::size_t(3));

        const std::string sql =
            "SELECT d.account_number, d.account_name, p.churn_score FROM dim_account d "
            "JOIN account_propensity p USING (account_number) ORDER BY p.churn_score DESC, "
            "d.account_number LIMIT 15";
        const Json result = callTool(*session, "execute_sql", {{"sql", sql}});
        QVERIFY2(!isError(result), result.dump().c_str());
        JSON_COMPARE(result["structuredContent"]["rows"], directRows(m_mart, sql));
        JSON_COMPARE(result["structuredContent"]["columns"][2],
                     Json::parse(R"({"name":"churn_score","type":"real"})"));

        const Json tables = callTool(*session, "list_tables", Json::object());
        QCOMPARE(tables["structuredContent"]["tables"].size(), std::size_t(7));
        const Json described = callTool(*session, "describe_table", {{"table", "contract_price"}});
        QVERIFY(described["structuredContent"]["description"].get<std::string>().find("valid from/to") !=
                std::string::npos);
        QTRY_VERIFY(session->diagnostics().find("execute_sql: 15 rows") !=
                    std::string::npos); // its stderr log
    }

    void refusesWhatItMustOverStdio()
    {
        auto session = startChild({"--mart", m_mart});
        QVERIFY(session);
        for (const char *sql : {"DELETE FROM dim_item", "SELECT 1; SELECT 2", "ATTACH 'x.db' AS x"}) {
            const Json result = callTool(*session, "execute_sql", {{"sql", sql}});
            QVERIFY2(isError(result) && text(result).find("query guard") != std::string::npos,
                     result.dump().c_str());
        }
        Json result = callTool(*session, "describe_table", {{"table", "nope"}});
        QVERIFY(isError(result) && text(result).find("dim_item") != std::string::npos);
        result = callTool(*session, "execute_sql", {{"sql", Json::array({"SELECT 1"})}});
        QVERIFY(isError(result) && text(result).find("sql must be a string") != std::string::npos);
        Reply unknown;
        session->request("tools/call", {{"name", "nope"}, {"arguments", Json::object()}}, options(),
                         unknown.callback());
        auto error = unknown.wait();
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, std::string("-32602"));
        JSON_COMPARE(directRows(m_mart, "SELECT COUNT(*) > 0 FROM dim_item"), Json::parse("[[1]]"));
    }

    void aLongQueryIsCancelled()
    {
        auto session = startChild({"--mart", m_mart});
        QVERIFY(session);
        CallOptions call = options();
        // The first progress note proves the query runs; cancelling then sends notifications/cancelled.
        call.onProgress = [cancel = call.cancel](const Progress &) { cancel.cancel(); };
        Reply reply;
        session->request("tools/call", {{"name", "execute_sql"}, {"arguments", {{"sql", kLongQuery}}}}, call,
                         reply.callback());
        auto result = reply.wait();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        // The server stopped the query (it logs it) rather than running it to its time limit.
        QTRY_VERIFY_WITH_TIMEOUT(session->diagnostics().find("execute_sql: cancelled") != std::string::npos,
                                 20000);
        QVERIFY(!isError(callTool(*session, "execute_sql", {{"sql", "SELECT 1"}})));
    }

    void buildsItsOwnMartByDefault()
    {
        auto session = startChild(kSmall);
        QVERIFY(session);
        const Json result =
            callTool(*session, "execute_sql", {{"sql", "SELECT value FROM mart_info WHERE key = 'seed'"}});
        QVERIFY2(!isError(result), result.dump().c_str());
        JSON_COMPARE(result["structuredContent"]["rows"], Json::parse(R"([["1847"]])"));
        const std::string log = session->diagnostics();
        const auto at = log.find("building the lakehouse mart at ");
        QVERIFY2(at != std::string::npos, log.c_str());
        const std::string path = log.substr(at + 31, log.find('\n', at) - at - 31);
        QVERIFY2(std::filesystem::exists(path), path.c_str());
        session->close(); // stdin closed: the child exits and removes its temporary mart
        QTRY_VERIFY_WITH_TIMEOUT(!std::filesystem::exists(std::filesystem::path(path).parent_path()), 20000);
    }

    void aTerminatedServerRemovesItsMart()
    {
        QProcess process;
        process.start(QString::fromStdString(kDemo), {"--lakehouse-stdio", "--demo-size", "small"});
        QVERIFY(process.waitForStarted());
        QString log;
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += QString::fromUtf8(process.readAllStandardError())).contains("mart ready") &&
                log.contains("building the lakehouse mart at "),
            30000);
        const QString line = log.mid(log.indexOf("building the lakehouse mart at ") + 31).section('\n', 0, 0);
        QVERIFY(std::filesystem::exists(line.toStdString()));
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!std::filesystem::exists(line.toStdString()));
        QVERIFY(process.readAllStandardOutput().isEmpty()); // stdout is for MCP messages only
    }

    void badLinesFromTheClientAreAnswered()
    {
        StdioServerConfig config{kDemo, {"--lakehouse-stdio", "--mart", m_mart}, {}, {}, 1u << 20};
        StdioTransport transport(config);
        std::mutex mutex;
        std::condition_variable changed;
        std::vector<std::string> lines;
        Transport::Handlers handlers;
        handlers.onMessage = [&](std::string line) {
            std::lock_guard lock(mutex);
            lines.push_back(std::move(line));
            changed.notify_all();
        };
        handlers.onClosed = [](Error) {};
        QVERIFY(transport.start(handlers).ok());
        QVERIFY(transport.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                    .ok()); // not initialized
        QVERIFY(transport.send("not json at all").ok());
        QVERIFY(transport.send("[]").ok());
        QVERIFY(transport.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").ok());
        std::unique_lock lock(mutex);
        QVERIFY(changed.wait_for(lock, 30s, [&] { return lines.size() >= 4; }));
        JSON_COMPARE(Json::parse(lines[0])["error"]["code"], -32600);
        JSON_COMPARE(Json::parse(lines[1])["error"]["code"], -32700);
        JSON_COMPARE(Json::parse(lines[2])["error"]["code"], -32600);
        JSON_COMPARE(Json::parse(lines[3])["result"], Json::object());
        lock.unlock();
        transport.close();
    }

    void theModesRefuseBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing mart")
            << QStringList{"--lakehouse-stdio", "--mart", "/no/such/mart.sqlite3"} << 2 << "no such file";
        QTest::newRow("mart without stdio") << QStringList{"--mart", "x.sqlite3"} << 2 << "--mart is for";
        QTest::newRow("mart without path")
            << QStringList{"--lakehouse-stdio", "--mart"} << 2 << "needs a file path";
        QTest::newRow("both modes") << QStringList{"--lakehouse-stdio", "--build-mart", "x"} << 2
                                    << "separate modes";
        QTest::newRow("unknown option") << QStringList{"--lakehouse-sdtio"} << 2 << "unknown option";
        QTest::newRow("bad flag value")
            << QStringList{"--lakehouse-max-rows", "0"} << 2 << "--lakehouse-max-rows";
    }

    void theModesRefuseBadCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto [exit, output] = runDemo(arguments);
        QCOMPARE(exit, code);
        QVERIFY2(output.contains(message), qPrintable(output));
    }

    void buildMartNeverOverwrites()
    {
        const auto size = std::filesystem::file_size(m_mart);
        auto [code, output] =
            runDemo({"--build-mart", QString::fromStdString(m_mart), "--demo-size", "small"});
        QCOMPARE(code, 1);
        QVERIFY2(output.contains("already exists"), qPrintable(output));
        QCOMPARE(std::filesystem::file_size(m_mart), size);
    }

    void helpNamesTheModes()
    {
        auto [code, output] = runDemo({"--help"});
        QCOMPARE(code, 0);
        QVERIFY(output.contains("--lakehouse-stdio") && output.contains("--build-mart") &&
                output.contains("--lakehouse-latency"));
    }
};

QTEST_GUILESS_MAIN(LakehouseServerStdioTest)
#include "tst_lakehouseserverstdio.moc"
