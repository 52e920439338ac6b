// The result decoder on every reply shape it recognises (our lakehouse server, row objects, dbhub 0.21
// and 1.4, Databricks statement execution, plain text), the envelope and error forms, and bad input of
// every kind the brief lists: each gives a clear error or the documented fallback, never a crash.
#include "assistant/resultdecoder.h"
#include "resultdecodertest.h"

#include <limits>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace resultdecodertest;

namespace {

Json lakehouseTable()
{
    return Json{{"columns", Json::array({Json{{"name", "account_number"}, {"type", "text"}},
                                         Json{{"name", "revenue"}, {"type", "real"}},
                                         Json{{"name", "orders"}, {"type", "integer"}},
                                         Json{{"name", "active"}, {"type", "boolean"}},
                                         Json{{"name", "note"}, {"type", "null"}}})},
                {"rows", Json::array({Json::array({"C-1001", 1250.5, 12, true, nullptr}),
                                      Json::array({"C-1002", 0.25, 0, false, nullptr}),
                                      Json::array({"C-1003", -3.0, 7, true, nullptr})})},
                {"rowCount", 3},
                {"truncated", true}};
}

} // namespace

class TestResultDecoder : public QObject
{
    Q_OBJECT

private slots:
    void lakehouseStructuredContent();
    void lakehouseAsTextOnly();
    void jsonRpcEnvelope();
    void rowObjectsLikeServerPostgres();
    void dbhubShapes();
    void databricksTypedStrings();
    void databricksStatuses();
    void plainTextIsNoTable();
    void toolErrors();
    void parsedDomPath();
    void truncatedReplyAtEveryCut();
    void truncatedTextJsonAtEveryCut();
    void invalidEscapesAndUtf8();
    void deepNesting();
    void wrongCellCounts();
    void columnsMissingOrLate();
    void duplicateColumnNames();
    void numberOverflow();
    void emptyResultsAndZeroColumns();
    void nanLikeStrings();
    void mixedTypesInOneColumn();
    void fiftyMegabyteCell();
};

void TestResultDecoder::lakehouseStructuredContent()
{
    const auto result = decodeBoth(structuredReply(lakehouseTable()));
    QVERIFY2(result.ok(), errorOf(result).c_str());
    const ResultSet &set = result.value();
    QVERIFY(set.hasTable());
    QVERIFY(set.complete());
    QCOMPARE(set.source(), std::string("structuredContent"));
    QCOMPARE(set.rowCount(), std::size_t(3));
    QCOMPARE(set.columnCount(), std::size_t(5));
    QCOMPARE(set.columns()[0].name, std::string("account_number"));
    QCOMPARE(set.columns()[1].declaredType, std::string("real"));
    QCOMPARE(set.columns()[1].type, ColumnType::Real);
    QCOMPARE(set.columns()[2].type, ColumnType::Integer);
    QCOMPARE(set.columns()[3].type, ColumnType::Boolean);
    QCOMPARE(set.columns()[4].type, ColumnType::Null);
    QCOMPARE(set.text(1, 0), std::string("C-1002"));
    QCOMPARE(set.number(0, 1), std::optional<double>(1250.5));
    QCOMPARE(set.text(2, 1), std::string("-3")); // -3.0 is the real -3
    QCOMPARE(set.integer(2, 2), std::optional<std::int64_t>(7));
    QCOMPARE(set.boolean(1, 3), std::optional<bool>(false));
    QVERIFY(set.isNull(0, 4));
    QVERIFY(set.truncated());
    QCOMPARE(set.reportedRowCount(), std::optional<std::uint64_t>(3));
}

void TestResultDecoder::lakehouseAsTextOnly()
{
    // Without structuredContent the same JSON is read from the text block; key order does not matter.
    Json table = lakehouseTable();
    Json reordered = Json{{"truncated", false}, {"rows", table["rows"]}, {"columns", table["columns"]}};
    for (const Json &t : {table, reordered}) {
        const auto result = decodeBoth(textReply(t.dump(2)));
        QVERIFY2(result.ok(), errorOf(result).c_str());
        QCOMPARE(result.value().source(), std::string("content text"));
        QCOMPARE(result.value().rowCount(), std::size_t(3));
        QCOMPARE(result.value().columns()[0].name, std::string("account_number"));
        QCOMPARE(result.value().text(2, 0), std::string("C-1003"));
    }
    // structuredContent that holds no table does not hide a table in the text.
    const std::string reply =
        Json{{"content", Json::array({Json{{"type", "text"}, {"text", "[{\"a\":1}]"}}})},
             {"structuredContent", Json{{"temperature", 22}}}}
            .dump();
    const auto fromText = decodeBoth(reply);
    QVERIFY2(fromText.ok(), errorOf(fromText).c_str());
    QCOMPARE(fromText.value().integer(0, 0), std::optional<std::int64_t>(1));
}

void TestResultDecoder::jsonRpcEnvelope()
{
    const std::string response =
        R"({"result":)" + structuredReply(lakehouseTable()) + R"(,"jsonrpc":"2.0","id":7})";
    const auto result = decodeBoth(response);
    QVERIFY2(result.ok(), errorOf(result).c_str());
    QCOMPARE(result.value().rowCount(), std::size_t(3));

    const auto rpcError = decodeBoth(R"({"jsonrpc":"2.0","id":7,"error":{"code":-32603,"message":"boom"}})");
    QVERIFY(!rpcError.ok());
    QCOMPARE(rpcError.error().kind, ErrorKind::Service);
    QCOMPARE(rpcError.error().code, std::string("-32603"));
    QCOMPARE(rpcError.error().serviceMessage, std::string("boom"));
}

void TestResultDecoder::rowObjectsLikeServerPostgres()
{
    const std::string rows = R"([{"id":1,"name":"Acme","meta":{"tier":"gold","tags":["a","b"]}},)"
                             R"({"id":2,"name":"Bolt \"x\""},)"
                             R"({"name":"Crane","id":3,"region":"Erie"}])";
    const auto result = decodeBoth(textReply(rows));
    QVERIFY2(result.ok(), errorOf(result).c_str());
    const ResultSet &set = result.value();
    QCOMPARE(set.columnCount(), std::size_t(4));
    QCOMPARE(set.columns()[2].name, std::string("meta"));
    QCOMPARE(set.columns()[3].name, std::string("region")); // first seen in the last row
    QCOMPARE(set.text(1, 1), std::string("Bolt \"x\""));
    QCOMPARE(set.integer(2, 0), std::optional<std::int64_t>(3)); // keys in another order still land right
    QVERIFY(set.isNull(1, 2));                                   // missing key
    QVERIFY(set.isNull(0, 3));                                   // before the column appeared
    QCOMPARE(set.text(2, 3), std::string("Erie"));
    // A nested value is kept as its JSON text.
    QVERIFY(nlohmann::json::parse(set.text(0, 2)) ==
            nlohmann::json::parse(R"({"tier":"gold","tags":["a","b"]})"));

    const auto twice = decodeBoth(textReply(R"([{"a":1,"a":2}])"));
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().kind, ErrorKind::Malformed);
    QVERIFY2(twice.error().message.find("appears twice in row 1") != std::string::npos,
             errorOf(twice).c_str());
}

void TestResultDecoder::dbhubShapes()
{
    // dbhub 0.21: data.rows.
    const auto old = decodeBoth(textReply(
        R"({"success":true,"data":{"rows":[{"id":1,"name":"a"},{"id":2,"name":"b"}],"count":2,"source_id":"crm"}})"));
    QVERIFY2(old.ok(), errorOf(old).c_str());
    QCOMPARE(old.value().rowCount(), std::size_t(2));
    QCOMPARE(old.value().reportedRowCount(), std::optional<std::uint64_t>(2));
    QCOMPARE(old.value().text(1, 1), std::string("b"));

    // dbhub 1.4: data.statements[], the first that returned rows is shown (pretty-printed as dbhub does).
    const Json statements = Json{
        {"success", true},
        {"data",
         Json{{"statements", Json::array({Json{{"sql", "SET x=1"}, {"rows", Json::array()}, {"count", 0}},
                                          Json{{"sql", "select 1 as a"},
                                               {"rows", Json::array({Json{{"a", 1}}, Json{{"a", 2}}})},
                                               {"count", 2}},
                                          Json{{"sql", "select 'z' as b"},
                                               {"rows", Json::array({Json{{"b", "z"}}})},
                                               {"count", 1}}})},
              {"source_id", "default"}}}};
    const auto current = decodeBoth(textReply(statements.dump(2)));
    QVERIFY2(current.ok(), errorOf(current).c_str());
    QCOMPARE(current.value().columnCount(), std::size_t(1));
    QCOMPARE(current.value().columns()[0].name, std::string("a"));
    QCOMPARE(current.value().rowCount(), std::size_t(2));
    QVERIFY2(current.value().note().find("3 statement results; showing statement 2") != std::string::npos,
             current.value().note().c_str());

    const auto failed = decodeBoth(
        textReply(R"({"success":false,"error":"no such table: invoices","code":"EXECUTION_ERROR"})"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Service);
    QCOMPARE(failed.error().code, std::string("EXECUTION_ERROR"));
    QCOMPARE(failed.error().serviceMessage, std::string("no such table: invoices"));
}

void TestResultDecoder::databricksTypedStrings()
{
    const Json statement = Json{
        {"statement_id", "01ef-1"},
        {"status", Json{{"state", "SUCCEEDED"}}},
        {"manifest",
         Json{{"format", "JSON_ARRAY"},
              {"schema",
               Json{{"column_count", 8},
                    {"columns",
                     Json::array(
                         {Json{{"name", "i"}, {"type_name", "INT"}, {"position", 0}},
                          Json{{"name", "big"}, {"type_name", "LONG"}},
                          Json{{"name", "d"}, {"type_name", "DOUBLE"}},
                          Json{{"name", "dec"}, {"type_name", "DECIMAL"}, {"type_text", "DECIMAL(38,2)"}},
                          Json{{"name", "b"}, {"type_name", "BOOLEAN"}},
                          Json{{"name", "s"}, {"type_name", "STRING"}},
                          Json{{"name", "day"}, {"type_name", "DATE"}},
                          Json{{"name", "n"}, {"type_name", "INT"}}})}}},
              {"total_row_count", 2}}},
        {"result",
         Json{{"chunk_index", 0},
              {"row_offset", 0},
              {"row_count", 2},
              {"data_array",
               Json::array({Json::array({"1", "9223372036854775808", "2.5", "123456789012345678901.12",
                                         "true", "x", "2024-01-31", nullptr}),
                            Json::array({"x1", "-3", "NaN", "0.10", "maybe", "42", "2024-02-01", "7"})})}}}};
    for (const Json &shape : {statement, Json{{"statement_response", statement}}}) {
        const auto result = decodeBoth(Json{{"content", Json::array()}, {"structuredContent", shape}}.dump());
        QVERIFY2(result.ok(), errorOf(result).c_str());
        const ResultSet &set = result.value();
        QCOMPARE(set.columnCount(), std::size_t(8));
        QCOMPARE(set.columns()[3].declaredType, std::string("DECIMAL(38,2)"));
        QCOMPARE(set.integer(0, 0), std::optional<std::int64_t>(1));
        QCOMPARE(set.kind(1, 0), CellKind::Text); // "x1" in an INT column stays text
        QCOMPARE(set.text(1, 0), std::string("x1"));
        QCOMPARE(set.kind(0, 1), CellKind::Integer); // beyond int64: its exact text
        QCOMPARE(set.text(0, 1), std::string("9223372036854775808"));
        QCOMPARE(set.number(0, 1), std::optional<double>(9223372036854775808.0));
        QCOMPARE(set.integer(1, 1), std::optional<std::int64_t>(-3));
        QCOMPARE(set.number(0, 2), std::optional<double>(2.5));
        QCOMPARE(set.kind(1, 2), CellKind::Text);                          // "NaN" stays text
        QCOMPARE(set.text(0, 3), std::string("123456789012345678901.12")); // 23 digits: exact text
        QCOMPARE(set.kind(0, 3), CellKind::Real);
        QCOMPARE(set.number(1, 3), std::optional<double>(0.1));
        QCOMPARE(set.boolean(0, 4), std::optional<bool>(true));
        QCOMPARE(set.text(1, 4), std::string("maybe"));
        QCOMPARE(set.text(1, 5), std::string("42")); // STRING stays text
        QCOMPARE(set.kind(1, 5), CellKind::Text);
        QCOMPARE(set.text(0, 6), std::string("2024-01-31"));
        QVERIFY(set.isNull(0, 7));
        QCOMPARE(set.columns()[7].type, ColumnType::Integer);
        QCOMPARE(set.reportedRowCount(), std::optional<std::uint64_t>(2));
    }
}

void TestResultDecoder::databricksStatuses()
{
    const auto failed =
        decodeBoth(Json{{"structuredContent",
                         Json{{"statement_id", "s"},
                              {"status", Json{{"state", "FAILED"},
                                              {"error", Json{{"error_code", "BAD_REQUEST"},
                                                             {"message", "[TABLE_OR_VIEW_NOT_FOUND] x"}}}}}}}}
                       .dump());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Service);
    QCOMPARE(failed.error().serviceMessage, std::string("[TABLE_OR_VIEW_NOT_FOUND] x"));
    QCOMPARE(failed.error().code, std::string("BAD_REQUEST"));

    const auto pending = decodeBoth(
        Json{{"structuredContent",
              Json{{"statement_id", "s"},
                   {"status", Json{{"state", "PENDING"}}},
                   {"manifest", Json{{"schema", Json{{"columns", Json::array({Json{{"name", "a"}}})}}}}}}}}
            .dump());
    QVERIFY(!pending.ok());
    QVERIFY2(pending.error().message.find("still PENDING") != std::string::npos, errorOf(pending).c_str());

    const auto chunked = decodeBoth(Json{
        {"structuredContent",
         Json{{"manifest",
               Json{{"schema", Json{{"columns", Json::array({Json{{"name", "a"}, {"type_name", "INT"}}})}}}}},
              {"result", Json{{"data_array", Json::array({Json::array({"1"})})}, {"next_chunk_index", 1}}}}}}
                                        .dump());
    QVERIFY2(chunked.ok(), errorOf(chunked).c_str());
    QVERIFY(chunked.value().truncated());
    QVERIFY(chunked.value().note().find("not fetched") != std::string::npos);
}

void TestResultDecoder::plainTextIsNoTable()
{
    for (const std::string text :
         {"There are 3 accounts in Cleveland.", "[ERROR] relation \"x\" does not exist", "{not json}",
          "[1 row affected]", "[1,2,3]", "{\"message\":\"done\"}", ""}) {
        const auto result = decodeBoth(textReply(text));
        QVERIFY2(result.ok(), errorOf(result).c_str());
        QVERIFY2(!result.value().hasTable(), text.c_str());
        QCOMPARE(result.value().note(), text);
    }
    // Two blocks: prose first, the table second.
    const std::string reply =
        Json{{"content", Json::array({Json{{"type", "text"}, {"text", "Here are the rows:"}},
                                      Json{{"type", "image"}, {"data", "AAAA"}, {"mimeType", "image/png"}},
                                      Json{{"type", "text"}, {"text", R"([{"a":1},{"a":2}])"}}})}}
            .dump();
    const auto second = decodeBoth(reply);
    QVERIFY2(second.ok(), errorOf(second).c_str());
    QCOMPARE(second.value().rowCount(), std::size_t(2));
    // A text block without text (seen from server-postgres) is skipped, not an error.
    const auto missing = decodeBoth(R"({"content":[{"type":"text"}]})");
    QVERIFY2(missing.ok(), errorOf(missing).c_str());
    QVERIFY(!missing.value().hasTable());
    QCOMPARE(missing.value().note(), std::string());
}

void TestResultDecoder::toolErrors()
{
    const auto isError = decodeBoth(
        R"({"content":[{"type":"text","text":"MCP error -32602: Tool query not found"}],"isError":true})");
    QVERIFY(!isError.ok());
    QCOMPARE(isError.error().kind, ErrorKind::Service);
    QCOMPARE(isError.error().serviceMessage, std::string("MCP error -32602: Tool query not found"));

    const auto notArray = decodeBoth(R"({"content":"rows here"})");
    QVERIFY(!notArray.ok());
    QCOMPARE(notArray.error().kind, ErrorKind::Malformed);

    for (const char *reply : {"[]", "\"text\"", "42"}) {
        const auto notObject = decodeBoth(reply);
        QVERIFY(!notObject.ok());
        QCOMPARE(notObject.error().kind, ErrorKind::Malformed);
    }
}

void TestResultDecoder::parsedDomPath()
{
    const nlohmann::json dom = nlohmann::json::parse(structuredReply(lakehouseTable()));
    const auto fromDom = decodeParsedToolResult(dom);
    const auto fromText = decodeToolResult(structuredReply(lakehouseTable()));
    QVERIFY2(fromDom.ok(), errorOf(fromDom).c_str());
    QCOMPARE(qs(difference(fromDom, fromText)), QString());
    // A DOM string holding invalid UTF-8 (nlohmann does not check on assignment) is not a crash.
    nlohmann::json broken = {
        {"content", nlohmann::json::array({{{"type", "text"}, {"text", "bad \xFF byte"}}})}};
    const auto replaced = decodeParsedToolResult(broken);
    QVERIFY2(replaced.ok(), errorOf(replaced).c_str());
    QCOMPARE(replaced.value().note(), std::string("bad \xEF\xBF\xBD byte"));
}

void TestResultDecoder::truncatedReplyAtEveryCut()
{
    const std::string reply =
        R"({"jsonrpc":"2.0","id":1,"result":)" + structuredReply(lakehouseTable()) + "}";
    QVERIFY(decodeToolResult(reply).ok());
    for (std::size_t cut = 0; cut < reply.size(); ++cut) {
        const std::string prefix = reply.substr(0, cut);
        const auto result = decodeToolResult(prefix);
        QVERIFY2(!result.ok(), ("a reply cut at byte " + std::to_string(cut) + " decoded").c_str());
        QCOMPARE(result.error().kind, ErrorKind::Malformed);
        QVERIFY2(result.error().message.find("at byte") != std::string::npos, errorOf(result).c_str());
    }
    // The worker path too, at a sample of cuts (its in-place unescaping must not read past the end).
    for (std::size_t cut = 0; cut < reply.size(); cut += 37) {
        auto decoding = ResultDecoding::start(reply.substr(0, cut));
        QVERIFY(!decoding->wait().ok());
    }
}

void TestResultDecoder::truncatedTextJsonAtEveryCut()
{
    // The reply is valid JSON; the table inside its text block is cut short. Before the first row is
    // complete that is plain text (documented fallback); after it, an error naming the text block.
    const std::string inner = R"([{"id":1,"name":"Acme"},{"id":2,"name":"Bolt"},{"id":3,"name":"Crane"}])";
    const std::size_t firstRowEnd = inner.find('}') + 1;
    for (std::size_t cut = 1; cut < inner.size(); ++cut) {
        const auto result = decodeBoth(textReply(inner.substr(0, cut)));
        if (cut > firstRowEnd) {
            QVERIFY2(!result.ok(), ("cut at " + std::to_string(cut) + " decoded").c_str());
            QVERIFY2(result.error().message.find("text block 1") != std::string::npos,
                     errorOf(result).c_str());
        } else {
            QVERIFY2(!result.ok() || !result.value().hasTable(), ("cut at " + std::to_string(cut)).c_str());
        }
    }
}

void TestResultDecoder::invalidEscapesAndUtf8()
{
    const std::string prefix = R"({"structuredContent":{"columns":["a"],"rows":[[")";
    const std::string suffix = R"("]]}})";
    const std::string bad[] = {"\\x41",    "\\u12",        "\\ud800", "\\udc00x",
                               "\xC0\xAF", "\xED\xA0\x80", "\xFF",    "a\x01"};
    for (const std::string &body : bad) {
        const auto result = decodeBoth(prefix + body + suffix);
        QVERIFY2(!result.ok(), ("accepted " + body).c_str());
        QCOMPARE(result.error().kind, ErrorKind::Malformed);
        // The offset points at the bad escape or byte (or the hex digit in it).
        const std::size_t at = result.error().message.find("at byte ");
        QVERIFY2(at != std::string::npos, errorOf(result).c_str());
        const std::size_t offset = std::stoul(result.error().message.substr(at + 8));
        QVERIFY2(offset >= prefix.size() && offset <= prefix.size() + 6, errorOf(result).c_str());
    }
    // The same inside a text block: the offset is into the decoded text.
    const auto result = decodeBoth(textReply(R"([{"a":"ok"},{"a":"x\q"}])"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.find("in text block 1 at byte 19") != std::string::npos,
             errorOf(result).c_str());
}

void TestResultDecoder::deepNesting()
{
    std::string deep = R"({"structuredContent":{"rows":[[)" + std::string(100000, '[');
    const auto hostile = decodeBoth(deep);
    QVERIFY(!hostile.ok());
    QVERIFY2(hostile.error().message.find("nesting deeper than 128") != std::string::npos,
             errorOf(hostile).c_str());
    // Nesting within the limit in a cell is kept as its JSON text.
    const std::string nested = std::string(50, '[') + "1" + std::string(50, ']');
    const auto fine = decodeBoth(R"({"structuredContent":{"rows":[[)" + nested + "]]}}");
    QVERIFY2(fine.ok(), errorOf(fine).c_str());
    QCOMPARE(fine.value().text(0, 0), nested);
    // The limit is an option.
    DecodeOptions shallow;
    shallow.maxDepth = 4;
    QVERIFY(!decodeToolResult(R"({"structuredContent":{"rows":[[[1]]]}})", shallow).ok());
}

void TestResultDecoder::wrongCellCounts()
{
    const auto fewer = decodeBoth(R"({"structuredContent":{"columns":["a","b"],"rows":[[1,2],[3]]}})");
    QVERIFY(!fewer.ok());
    QCOMPARE(fewer.error().kind, ErrorKind::Malformed);
    QVERIFY2(fewer.error().message.find("row 2 has 1 cells, expected 2") != std::string::npos,
             errorOf(fewer).c_str());
    const auto more = decodeBoth(R"({"structuredContent":{"columns":["a","b"],"rows":[[1,2,3]]}})");
    QVERIFY(!more.ok());
    QVERIFY2(more.error().message.find("row 1 has more than 2 cells") != std::string::npos,
             errorOf(more).c_str());
    const auto inferred = decodeBoth(R"({"structuredContent":{"rows":[[1,2],[3,4,5]]}})");
    QVERIFY(!inferred.ok());
    const auto mixedShapes = decodeBoth(R"({"structuredContent":{"rows":[[1],{"a":1}]}})");
    QVERIFY(!mixedShapes.ok());
    QVERIFY(mixedShapes.error().message.find("row 2 is an object") != std::string::npos);
    const auto scalarRow = decodeBoth(R"({"structuredContent":{"rows":[[1],5]}})");
    QVERIFY(!scalarRow.ok());
    const auto badColumns = decodeBoth(R"({"structuredContent":{"columns":[1],"rows":[]}})");
    QVERIFY(!badColumns.ok());
}

void TestResultDecoder::columnsMissingOrLate()
{
    const auto unnamed = decodeBoth(R"({"structuredContent":{"rows":[[1,"a"],[2,"b"]]}})");
    QVERIFY2(unnamed.ok(), errorOf(unnamed).c_str());
    QCOMPARE(unnamed.value().columns()[0].name, std::string("column 1"));
    QCOMPARE(unnamed.value().columns()[1].name, std::string("column 2"));
    QCOMPARE(unnamed.value().text(1, 1), std::string("b"));

    const auto late = decodeBoth(
        R"({"structuredContent":{"rows":[[1,"a"],[2,"b"],[3,"c"]],"columns":[{"name":"id"},{"name":"name"}]}})");
    QVERIFY2(late.ok(), errorOf(late).c_str());
    QCOMPARE(late.value().columns()[1].name, std::string("name"));
    QCOMPARE(late.value().text(2, 1), std::string("c"));

    const auto lateMismatch =
        decodeBoth(R"({"structuredContent":{"rows":[[1,"a"]],"columns":[{"name":"id"}]}})");
    QVERIFY(!lateMismatch.ok());
    QVERIFY(lateMismatch.error().message.find("names 1 columns but the rows have 2") != std::string::npos);

    // A column list with a column no row object mentions: an all-null column.
    const auto listed = decodeBoth(R"({"structuredContent":{"columns":["a","b"],"rows":[{"a":1}]}})");
    QVERIFY2(listed.ok(), errorOf(listed).c_str());
    QCOMPARE(listed.value().columnCount(), std::size_t(2));
    QVERIFY(listed.value().isNull(0, 1));
}

void TestResultDecoder::duplicateColumnNames()
{
    // SELECT a.id, b.id: positional rows keep both columns under the same name.
    const auto result =
        decodeBoth(R"({"structuredContent":{"columns":[{"name":"id"},{"name":"id"}],"rows":[[1,2],[3,4]]}})");
    QVERIFY2(result.ok(), errorOf(result).c_str());
    QCOMPARE(result.value().columnCount(), std::size_t(2));
    QCOMPARE(result.value().columns()[0].name, result.value().columns()[1].name);
    QCOMPARE(result.value().integer(1, 1), std::optional<std::int64_t>(4));
}

void TestResultDecoder::numberOverflow()
{
    const auto result =
        decodeBoth(R"({"structuredContent":{"columns":["a","b","c","d","e"],)"
                   R"("rows":[[1e400,-1e400,123456789012345678901234567890,1e-400,-9223372036854775808]]}})");
    QVERIFY2(result.ok(), errorOf(result).c_str());
    const ResultSet &set = result.value();
    QCOMPARE(set.text(0, 0), std::string("1e400"));
    QCOMPARE(set.number(0, 0), std::optional<double>(std::numeric_limits<double>::infinity()));
    QCOMPARE(set.number(0, 1), std::optional<double>(-std::numeric_limits<double>::infinity()));
    QCOMPARE(set.kind(0, 2), CellKind::Integer);
    QCOMPARE(set.text(0, 2), std::string("123456789012345678901234567890"));
    QCOMPARE(set.integer(0, 2), std::optional<std::int64_t>());
    QCOMPARE(set.text(0, 3), std::string("1e-400"));
    QCOMPARE(set.number(0, 3), std::optional<double>(0.0));
    QCOMPARE(set.integer(0, 4), std::optional<std::int64_t>(std::numeric_limits<std::int64_t>::min()));
}

void TestResultDecoder::emptyResultsAndZeroColumns()
{
    const auto noRows =
        decodeBoth(R"({"structuredContent":{"columns":[{"name":"a","type":"integer"}],"rows":[],)"
                   R"("rowCount":0,"truncated":false}})");
    QVERIFY2(noRows.ok(), errorOf(noRows).c_str());
    QVERIFY(noRows.value().hasTable());
    QCOMPARE(noRows.value().rowCount(), std::size_t(0));
    QCOMPARE(noRows.value().columnCount(), std::size_t(1));
    QCOMPARE(noRows.value().columns()[0].type, ColumnType::Null);

    const auto emptyArray = decodeBoth(textReply("[]"));
    QVERIFY2(emptyArray.ok(), errorOf(emptyArray).c_str());
    QVERIFY(emptyArray.value().hasTable());
    QCOMPARE(emptyArray.value().columnCount(), std::size_t(0));

    const auto zeroColumns = decodeBoth(R"({"structuredContent":{"columns":[],"rows":[[],[]]}})");
    QVERIFY2(zeroColumns.ok(), errorOf(zeroColumns).c_str());
    QCOMPARE(zeroColumns.value().rowCount(), std::size_t(2));
    QCOMPARE(zeroColumns.value().columnCount(), std::size_t(0));
    QVERIFY(!decodeBoth(R"({"structuredContent":{"columns":[],"rows":[[1]]}})").ok());

    const auto emptyObjects = decodeBoth(textReply("[{},{}]"));
    QVERIFY2(emptyObjects.ok(), errorOf(emptyObjects).c_str());
    QCOMPARE(emptyObjects.value().rowCount(), std::size_t(2));

    const auto nothing = decodeBoth(R"({"content":[]})");
    QVERIFY2(nothing.ok(), errorOf(nothing).c_str());
    QVERIFY(!nothing.value().hasTable());
}

void TestResultDecoder::nanLikeStrings()
{
    const auto strings =
        decodeBoth(R"({"structuredContent":{"columns":["x"],"rows":[["NaN"],["Infinity"],["-inf"],[1.5]]}})");
    QVERIFY2(strings.ok(), errorOf(strings).c_str());
    QCOMPARE(strings.value().kind(0, 0), CellKind::Text);
    QCOMPARE(strings.value().text(1, 0), std::string("Infinity"));
    QCOMPARE(strings.value().number(2, 0), std::optional<double>());
    QCOMPARE(strings.value().number(3, 0), std::optional<double>(1.5));
    // Bare tokens are not JSON.
    const std::string prefix = R"({"structuredContent":{"rows":[[)";
    for (const std::string &token : std::vector<std::string>{"NaN", "Infinity", "-Infinity", "nan"}) {
        const auto result = decodeBoth(prefix + token + "]]}}");
        QVERIFY(!result.ok());
        const std::size_t at = prefix.size() + (token[0] == '-' ? 1 : 0);
        QVERIFY2(result.error().message.find("at byte " + std::to_string(at)) != std::string::npos,
                 errorOf(result).c_str());
    }
}

void TestResultDecoder::mixedTypesInOneColumn()
{
    // What SQLite can return in one column; dbhub even turns big integers into strings.
    const auto result = decodeBoth(
        textReply(R"([{"v":1},{"v":2.5},{"v":"n/a"},{"v":null},{"v":true},{"v":"9223372036854775807"},)"
                  R"({"v":9007199254740993},{"v":{"0":1,"1":2}}])"));
    QVERIFY2(result.ok(), errorOf(result).c_str());
    const ResultSet &set = result.value();
    QCOMPARE(set.columns()[0].type, ColumnType::Text);
    QVERIFY(set.columns()[0].mixed);
    QCOMPARE(set.integer(0, 0), std::optional<std::int64_t>(1)); // widened with 2.5, still an integer cell
    QCOMPARE(set.number(1, 0), std::optional<double>(2.5));
    QCOMPARE(set.text(2, 0), std::string("n/a"));
    QVERIFY(set.isNull(3, 0));
    QCOMPARE(set.boolean(4, 0), std::optional<bool>(true));
    QCOMPARE(set.kind(5, 0), CellKind::Text);
    QCOMPARE(set.integer(6, 0), std::optional<std::int64_t>(9007199254740993));
    QCOMPARE(set.text(7, 0), std::string(R"({"0":1,"1":2})"));
    // Integers and reals only: widened to real, every value exact.
    const auto numbers = decodeBoth(textReply(R"([{"v":1},{"v":2.5},{"v":-4}])"));
    QVERIFY2(numbers.ok(), errorOf(numbers).c_str());
    QCOMPARE(numbers.value().columns()[0].type, ColumnType::Real);
    QCOMPARE(numbers.value().kind(2, 0), CellKind::Integer);
    QCOMPARE(numbers.value().number(2, 0), std::optional<double>(-4));
}

void TestResultDecoder::fiftyMegabyteCell()
{
    std::string big(50u << 20, 'x');
    for (std::size_t i = 0; i < big.size(); i += 1000003)
        big.replace(i, 3, "\xE2\x82\xAC"); // some multi-byte characters
    const std::string reply =
        Json{{"structuredContent",
              Json{{"columns", Json::array({"blob", "n"})}, {"rows", Json::array({Json::array({big, 1})})}}}}
            .dump();
    const auto result = decodeToolResult(reply);
    QVERIFY2(result.ok(), errorOf(result).c_str());
    QCOMPARE(result.value().text(0, 0).size(), big.size());
    QVERIFY(result.value().text(0, 0) == big);
    QCOMPARE(result.value().integer(0, 1), std::optional<std::int64_t>(1));
    // And escaped inside a text block, handed to a worker (unescaped in place).
    auto decoding = ResultDecoding::start(textReply(Json::array({Json{{"blob", big}}}).dump()));
    const auto fromText = decoding->wait();
    QVERIFY2(fromText.ok(), errorOf(fromText).c_str());
    QVERIFY(fromText.value().text(0, 0) == big);
}

QTEST_APPLESS_MAIN(TestResultDecoder)
#include "tst_resultdecoder.moc"
