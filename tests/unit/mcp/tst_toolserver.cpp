// The MCP server role in process (ToolServer/ToolSession with real tools): the handshake and version
// negotiation, tools/list paging, malformed input answered with id null, batches per protocol version,
// tool registration and the argument schema checker.
#include "mcp/schemacheck.h"
#include "mcp/server.h"
#include "toolserverfixture.h"

#include <map>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace toolserverfixture;

class ToolServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initializeEchoesASupportedVersion_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("agreed");
        QTest::newRow("2025-11-25") << "2025-11-25"
                                    << "2025-11-25";
        QTest::newRow("2025-06-18") << "2025-06-18"
                                    << "2025-06-18";
        QTest::newRow("2025-03-26") << "2025-03-26"
                                    << "2025-03-26";
        QTest::newRow("2024-11-05") << "2024-11-05"
                                    << "2024-11-05";
        QTest::newRow("unknown future") << "2099-01-01"
                                        << "2025-11-25";
        QTest::newRow("garbage") << "yesterday"
                                 << "2025-11-25";
    }

    void initializeEchoesASupportedVersion()
    {
        QFETCH(QString, requested);
        QFETCH(QString, agreed);
        Latch latch;
        auto server = makeServer(latch);
        auto session = server->openSession();
        const Json answer =
            ask(*session, request(1, "initialize", initializeParams(requested.toStdString())));
        QCOMPARE(answer["id"].get<int>(), 1);
        const Json &result = answer["result"];
        QCOMPARE(qs(result["protocolVersion"].get<std::string>()), agreed);
        QCOMPARE(result["serverInfo"]["name"].get<std::string>(), std::string("tst-server"));
        QCOMPARE(result["serverInfo"]["version"].get<std::string>(), std::string("9.9"));
        QVERIFY(result["capabilities"]["tools"].is_object());
        QVERIFY(!result["capabilities"].contains("logging"));
        QCOMPARE(result["instructions"].get<std::string>(), std::string("test instructions"));
        QVERIFY(session->isInitialized());
        QCOMPARE(qs(session->protocolVersion()), agreed);
    }

    void initializeWithBadParamsIsInvalidParams_data()
    {
        QTest::addColumn<QString>("params");
        QTest::newRow("no params") << "";
        QTest::newRow("no version") << R"({"capabilities":{}})";
        QTest::newRow("version not a string") << R"({"protocolVersion":20251125})";
        QTest::newRow("capabilities not an object")
            << R"({"protocolVersion":"2025-11-25","capabilities":[]})";
        QTest::newRow("clientInfo not an object") << R"({"protocolVersion":"2025-11-25","clientInfo":"me"})";
    }

    void initializeWithBadParamsIsInvalidParams()
    {
        QFETCH(QString, params);
        Latch latch;
        auto server = makeServer(latch);
        auto session = server->openSession();
        const Json message =
            request(3, "initialize", params.isEmpty() ? Json() : Json::parse(params.toStdString()));
        const Json answer = ask(*session, message);
        QCOMPARE(errorCode(answer), -32602);
        QCOMPARE(answer["id"].get<int>(), 3);
        QVERIFY(!session->isInitialized());
        // The client may try again properly.
        JSON_COMPARE(ask(*session, request(4, "initialize", initializeParams()))["result"]["protocolVersion"],
                     Json("2025-11-25"));
    }

    void secondInitializeIsRefused()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server, "2025-06-18");
        const Json again = ask(*session, request(2, "initialize", initializeParams("2025-11-25")));
        QCOMPARE(errorCode(again), -32600);
        QCOMPARE(session->protocolVersion(), std::string("2025-06-18"));
    }

    void requestsBeforeInitializeAreRefusedButPingIsAnswered()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = server->openSession();
        for (const char *method : {"tools/list", "tools/call"}) {
            const Json answer = ask(*session, request("x", method, callParams("echo", {{"text", "a"}})));
            QCOMPARE(errorCode(answer), -32600);
            QCOMPARE(answer["id"].get<std::string>(), std::string("x"));
            QVERIFY(answer["error"]["message"].get<std::string>().find("initialize") != std::string::npos);
        }
        JSON_COMPARE(ask(*session, request(9, "ping"))["result"], Json::object());
        QCOMPARE(errorCode(ask(*session, request(10, "no/such/method"))), -32601);
    }

    void notificationsGetNoAnswer()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector collector;
        QVERIFY(!session->receive(notification("notifications/initialized").dump(), collector.replies()));
        QVERIFY(!session->receive(notification("notifications/whatever", {{"x", 1}}).dump(),
                                  collector.replies()));
        QVERIFY(!session->receive(notification("notifications/cancelled", {{"requestId", 12345}}).dump(),
                                  collector.replies()));
        // A response from the client answers nothing of ours.
        QVERIFY(!session->receive(R"({"jsonrpc":"2.0","id":5,"result":{}})", collector.replies()));
        QCOMPARE(collector.answerCount(), std::size_t(0));
    }

    void unknownMethodIsMethodNotFound()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        for (const char *method :
             {"resources/list", "prompts/list", "logging/setLevel", "tools/lists", "x"}) {
            const Json answer = ask(*session, request(7, method));
            QCOMPARE(errorCode(answer), -32601);
            QCOMPARE(answer["id"].get<int>(), 7);
        }
    }

    void toolsListPagesWithCursors()
    {
        Latch latch;
        auto server = makeServer(latch, 3, 5); // 4 tools + 5 fillers, 3 per page
        auto session = initialized(*server);
        std::vector<std::string> names;
        Json cursor;
        int pages = 0;
        do {
            Json params = Json::object();
            if (!cursor.is_null())
                params["cursor"] = cursor;
            const Json answer = ask(*session, request(100 + pages, "tools/list", params));
            const Json &result = answer["result"];
            QVERIFY2(result["tools"].size() <= 3, answer.dump().c_str());
            for (const auto &tool : result["tools"])
                names.push_back(tool["name"].get<std::string>());
            cursor = result.contains("nextCursor") ? result["nextCursor"] : Json();
            ++pages;
        } while (!cursor.is_null() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(names, (std::vector<std::string>{"echo", "block", "progress", "throws", "t0", "t1", "t2",
                                                  "t3", "t4"}));
    }

    void toolsListDescribesTools()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json tools = ask(*session, request(1, "tools/list"))["result"]["tools"];
        QCOMPARE(tools.size(), std::size_t(4));
        JSON_COMPARE(tools[0]["name"], Json("echo"));
        JSON_COMPARE(tools[0]["title"], Json("Echo"));
        JSON_COMPARE(tools[0]["annotations"]["readOnlyHint"], Json(true));
        JSON_COMPARE(tools[0]["inputSchema"]["required"], Json::array({"text"}));
        // A tool without a schema advertises the no-argument object schema, never null.
        JSON_COMPARE(tools[1]["inputSchema"],
                     Json::parse(R"({"type":"object","additionalProperties":false})"));
        QVERIFY(!tools[1].contains("outputSchema"));
    }

    void badCursorIsInvalidParams_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::newRow("garbage") << R"("nonsense")";
        QTest::newRow("past the end") << R"("p99")";
        QTest::newRow("zero") << R"("p0")";
        QTest::newRow("leading zero") << R"("p03")";
        QTest::newRow("empty") << R"("")";
        QTest::newRow("a number") << "3";
        QTest::newRow("an object") << R"({"offset":3})";
        QTest::newRow("huge") << R"("p99999999999999999999")";
    }

    void badCursorIsInvalidParams()
    {
        QFETCH(QString, cursor);
        Latch latch;
        auto server = makeServer(latch, 2, 5);
        auto session = initialized(*server);
        const Json answer =
            ask(*session, request(1, "tools/list", {{"cursor", Json::parse(cursor.toStdString())}}));
        QCOMPARE(errorCode(answer), -32602);
    }

    void malformedInputIsAnsweredWithIdNull_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("not json") << "hello" << -32700;
        QTest::newRow("truncated") << R"({"jsonrpc":"2.0","id":1,"method":"ping")" << -32700;
        QTest::newRow("empty") << "" << -32700;
        QTest::newRow("wrong version") << R"({"jsonrpc":"1.0","id":1,"method":"ping"})" << -32600;
        QTest::newRow("no jsonrpc") << R"({"id":1,"method":"ping"})" << -32600;
        QTest::newRow("method a number") << R"({"jsonrpc":"2.0","id":1,"method":5})" << -32600;
        QTest::newRow("null id") << R"({"jsonrpc":"2.0","id":null,"method":"ping"})" << -32600;
        QTest::newRow("float id") << R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})" << -32600;
        QTest::newRow("params an array")
            << R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[1]})" << -32600;
        QTest::newRow("a number") << "42" << -32600;
        QTest::newRow("empty batch") << "[]" << -32600;
        QTest::newRow("batch of junk") << "[1,2]" << -32600;
    }

    void malformedInputIsAnsweredWithIdNull()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json answer = ask(*session, text.toStdString());
        QCOMPARE(errorCode(answer), code);
        QVERIFY(answer.contains("id") && answer["id"].is_null());
        // Nothing is lost: the session still works.
        JSON_COMPARE(ask(*session, request(2, "ping"))["result"], Json::object());
    }

    void batchesAreRefusedOutside20250326()
    {
        Latch latch;
        auto server = makeServer(latch);
        const std::string batch = Json::array({request(1, "ping"), request(2, "tools/list")}).dump();
        auto fresh = server->openSession();
        QCOMPARE(errorCode(ask(*fresh, batch)), -32600);
        for (const char *version : {"2025-11-25", "2025-06-18", "2024-11-05"}) {
            auto session = initialized(*server, version);
            const Json answer = ask(*session, batch);
            QVERIFY2(answer.is_object(), answer.dump().c_str());
            QCOMPARE(errorCode(answer), -32600);
            QVERIFY(answer["id"].is_null());
        }
    }

    void batchesAreHandledIn20250326()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server, "2025-03-26");
        const Json batch =
            Json::array({request(1, "ping"), notification("notifications/initialized"),
                         request(2, "tools/call", callParams("echo", {{"text", "b"}})), request(3, "nope")});
        const Json answer = ask(*session, batch);
        QVERIFY2(answer.is_array(), answer.dump().c_str());
        QCOMPARE(answer.size(), std::size_t(3));
        std::map<int, Json> byId;
        for (const auto &response : answer)
            byId[response["id"].get<int>()] = response;
        JSON_COMPARE(byId[1]["result"], Json::object());
        JSON_COMPARE(byId[2]["result"]["structuredContent"]["text"], Json("b"));
        QCOMPARE(errorCode(byId[3]), -32601);
        // Only notifications: nothing to answer.
        Collector collector;
        QVERIFY(
            !session->receive(Json::array({notification("notifications/x")}).dump(), collector.replies()));
        // initialize never travels in a batch.
        auto other = server->openSession();
        QCOMPARE(
            errorCode(ask(*other, Json::array({request(1, "initialize", initializeParams("2025-03-26"))}))),
            -32600);
        QVERIFY(!other->isInitialized());
    }

    void addToolRefusesBadTools()
    {
        ToolServer server;
        auto handler = [](const Json &, const ToolContext &) { return ToolResult::text(""); };
        QVERIFY(!server.addTool({"", "", "", nullptr, nullptr, nullptr, handler}));
        QVERIFY(!server.addTool({"has space", "", "", nullptr, nullptr, nullptr, handler}));
        QVERIFY(!server.addTool({std::string(65, 'a'), "", "", nullptr, nullptr, nullptr, handler}));
        QVERIFY(!server.addTool({"nohandler", "", "", nullptr, nullptr, nullptr, nullptr}));
        QVERIFY(!server.addTool({"arrayschema", "", "", Json{{"type", "array"}}, nullptr, nullptr, handler}));
        QVERIFY(!server.addTool({"stringschema", "", "", Json("object"), nullptr, nullptr, handler}));
        QVERIFY(server.addTool({"ok.name-1_x", "", "", nullptr, nullptr, nullptr, handler}));
        QVERIFY(!server.addTool({"ok.name-1_x", "", "", nullptr, nullptr, nullptr, handler}));
        QCOMPARE(server.toolNames(), (std::vector<std::string>{"ok.name-1_x"}));
    }

    void schemaCheckCoversTheSubsetToolsUse()
    {
        const Json schema = Json::parse(R"({"type":"object","required":["a"],"properties":{
            "a":{"type":["string","null"],"maxLength":3},
            "b":{"type":"array","items":{"type":"integer"},"maxItems":2},
            "c":{"type":"object","properties":{"d":{"type":"boolean"}},"required":["d"]},
            "e":{"type":"number","exclusiveMaximum":1}}})");
        QVERIFY(checkAgainstSchema(Json::parse(R"({"a":null})"), schema).empty());
        QVERIFY(checkAgainstSchema(Json::parse(R"({"a":"äöü","extra":1})"), schema).empty()); // code points
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":"abcd"})"), schema),
                 std::vector<std::string>{"a must have at most 3 characters"});
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":"x","b":[1,"2"]})"), schema),
                 std::vector<std::string>{"b[1] must be an integer, not a string"});
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":"x","b":[1,2,3]})"), schema),
                 std::vector<std::string>{"b must have at most 2 items"});
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":"x","c":{}})"), schema),
                 std::vector<std::string>{"c.d is required"});
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":"x","e":1})"), schema),
                 std::vector<std::string>{"e must be less than 1"});
        QCOMPARE(checkAgainstSchema(Json::parse(R"({"a":1})"), schema),
                 std::vector<std::string>{"a must be string or null, not an integer"});
        QCOMPARE(checkAgainstSchema(Json::array(), schema),
                 std::vector<std::string>{"arguments must be an object, not an array"});
        // A deeply nested value is checked without blowing the stack.
        Json deep = Json::object();
        for (int i = 0; i < 10000; ++i)
            deep = Json{{"c", std::move(deep)}};
        (void)checkAgainstSchema(deep, schema);
    }
};

QTEST_GUILESS_MAIN(ToolServerTest)
#include "tst_toolserver.moc"
