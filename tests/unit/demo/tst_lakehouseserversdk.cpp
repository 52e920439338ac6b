// An INDEPENDENT client against our lakehouse MCP server: tests/peers/sdk-client-probe.mjs runs the official
// @modelcontextprotocol/sdk client (node) over stdio (`lakeshore-demo --lakehouse-stdio --mart PATH`) and
// over Streamable HTTP (the demo tenant's endpoint), lists the tools and calls execute_sql; the rows it
// reports must equal a direct SQLite read of the same mart, and the SDK itself checks structuredContent
// against our outputSchema.
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "lakehousefixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakehousefixture;

namespace {

const QString kProbe = QStringLiteral(LAKESHORE_PEERS_DIR "/sdk-client-probe.mjs");
const QString kDemo = QStringLiteral(LAKESHORE_DEMO_BINARY);
const std::string kSql = "SELECT i.item_number, i.category, SUM(f.quantity) AS units, COUNT(*) AS lines, "
                         "MAX(f.contract_price) AS best_contract FROM fact_invoice_line f JOIN dim_item i "
                         "USING (item_number) GROUP BY i.item_number, i.category ORDER BY units DESC, "
                         "i.item_number LIMIT 12";

// Runs the probe; the report it printed, or {"failed": why}.
Json probe(const QStringList &arguments)
{
    QProcess node;
    node.start(QStringLiteral("node"), QStringList{kProbe} + arguments);
    if (!node.waitForStarted(20000))
        return Json{{"failed", "node did not start (the README's test command installs it)"}};
    if (!node.waitForFinished(120000)) {
        node.kill();
        node.waitForFinished();
        return Json{{"failed", "the probe did not finish"}};
    }
    const QByteArray out = node.readAllStandardOutput();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
        return Json{{"failed", (out + node.readAllStandardError()).toStdString()}};
    try {
        return Json::parse(out.toStdString());
    } catch (const std::exception &) {
        return Json{{"failed", "not JSON: " + out.toStdString()}};
    }
}

void checkTools(const Json &report)
{
    std::vector<std::string> names;
    for (const auto &tool : report["tools"]) {
        names.push_back(tool["name"].get<std::string>());
        JSON_COMPARE(tool["readOnlyHint"], true);
        JSON_COMPARE(tool["hasOutputSchema"], true);
    }
    QCOMPARE(names, (std::vector<std::string>{"list_tables", "describe_table", "execute_sql"}));
    JSON_COMPARE(report["serverInfo"]["name"], "lakeshore-demo-lakehouse");
    QVERIFY(report["capabilities"]["tools"].is_object());
}

} // namespace

class LakehouseServerSdkTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_mart;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_mart = m_dir.filePath("mart.sqlite3").toStdString();
        const demo::World world(demo::WorldOptions{77, demo::WorldSize::Small, domain::Date(2026, 11, 21)});
        QVERIFY(demo::buildLakehouseMart(world, m_mart).ok());
    }

    void overStdio()
    {
        const Json report = probe({"--sql", QString::fromStdString(kSql), "--stdio", kDemo,
                                   "--lakehouse-stdio", "--mart", QString::fromStdString(m_mart)});
        QVERIFY2(!report.contains("failed"), report.dump().c_str());
        checkTools(report);
        const Json &result = report["result"];
        QVERIFY(!result.value("isError", false));
        JSON_COMPARE(result["structuredContent"]["rows"], directRows(m_mart, kSql));
        JSON_COMPARE(result["structuredContent"]["rowCount"], 12);
        JSON_COMPARE(Json::parse(result["content"][0]["text"].get<std::string>()),
                     result["structuredContent"]);
    }

    void overStreamableHttp()
    {
        demo::DemoOptions options;
        options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)};
        options.lakehouseToken = "probe-token";
        auto tenant = demo::DemoTenant::start(options);
        QVERIFY(tenant.ok());
        QVERIFY(tenant.value()->waitForLakehouseMart(60000).ok());
        const QString url = QString::fromStdString(tenant.value()->lakehouseMcpUrl());
        const Json report =
            probe({"--sql", QString::fromStdString(kSql), "--token", "probe-token", "--url", url});
        QVERIFY2(!report.contains("failed"), report.dump().c_str());
        checkTools(report);
        JSON_COMPARE(report["protocolVersion"], "2025-11-25");
        QVERIFY(report["sessionId"].is_string());
        JSON_COMPARE(report["result"]["structuredContent"]["rows"],
                     directRows(tenant.value()->lakehouseMartPath(), kSql));

        // The token is demanded of the SDK too.
        const Json refused = probe({"--sql", "SELECT 1", "--url", url});
        QVERIFY2(refused.contains("failed") &&
                     refused["failed"].get<std::string>().find("Unauthorized") != std::string::npos,
                 refused.dump().c_str());
    }

    void refusalsReachTheSdkAsToolErrors()
    {
        const Json report = probe({"--sql", "DELETE FROM dim_item", "--stdio", kDemo, "--lakehouse-stdio",
                                   "--mart", QString::fromStdString(m_mart)});
        QVERIFY2(!report.contains("failed"), report.dump().c_str());
        JSON_COMPARE(report["result"]["isError"], true);
        QVERIFY(report["result"]["content"][0]["text"].get<std::string>().find("query guard") !=
                std::string::npos);

        const Json described =
            probe({"--tool", "describe_table", "--args", R"({"table":"dim_account"})", "--stdio", kDemo,
                   "--lakehouse-stdio", "--mart", QString::fromStdString(m_mart)});
        QVERIFY2(!described.contains("failed"), described.dump().c_str());
        JSON_COMPARE(described["result"]["structuredContent"]["name"], "dim_account");
    }
};

QTEST_GUILESS_MAIN(LakehouseServerSdkTest)
#include "tst_lakehouseserversdk.moc"
