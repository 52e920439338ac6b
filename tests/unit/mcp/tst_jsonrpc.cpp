// JSON-RPC 2.0 parsing and writing: every message shape MCP uses, and the bad input a peer can send.
#include "mcp/jsonrpc.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp::jsonrpc;

class JsonRpcTest : public QObject
{
    Q_OBJECT

private slots:
    void leadingResponseIdReadsOnlyTheEnvelope()
    {
        QCOMPARE(leadingResponseId(R"({"id":42,"jsonrpc":"2.0","result":{"rows":[)").value_or(-1), 42LL);
        QCOMPARE(leadingResponseId(R"( { "jsonrpc" : "2.0" , "id" : -3 , "result" : 1)").value_or(0), -3LL);
        // Anything else is left to the full parser.
        for (const char *other :
             {R"({"result":{},"jsonrpc":"2.0","id":1})", R"({"id":"abc","result":{}})",
              R"({"id":1.5,"result":{}})", R"({"id":-,"result":{}})", R"({"id":1,"error":{}})",
              R"({"jsonrpc":"1.0","id":1,"result":{}})", R"({"i\u0064":1,"result":{}})",
              R"({"id":123456789012345678901,"result":{}})", R"([{"id":1,"result":{}}])", "", "{",
              R"({"id":)", R"({"jsonrpc":"2.0")", R"({"id":1,"jsonrpc":"2.0","method":"x"})"})
            QVERIFY2(!leadingResponseId(other).has_value(), other);
    }

    void requestWithIntegerAndStringIds()
    {
        auto parsed = parse(R"({"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"cursor":"c1"}})");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), std::size_t(1));
        const auto &request = std::get<Request>(parsed.value()[0]);
        QCOMPARE(std::get<long long>(request.id), 7LL);
        QCOMPARE(request.method, std::string("tools/list"));
        QCOMPARE(request.params["cursor"].get<std::string>(), std::string("c1"));

        auto named = parse(R"({"jsonrpc":"2.0","id":"abc","method":"ping"})");
        QVERIFY(named.ok());
        const auto &ping = std::get<Request>(named.value()[0]);
        QCOMPARE(std::get<std::string>(ping.id), std::string("abc"));
        QVERIFY(ping.params.is_null());
        QCOMPARE(idText(ping.id), std::string("\"abc\""));
    }

    void notificationHasNoId()
    {
        auto parsed = parse(
            R"({"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":0.5}})");
        QVERIFY(parsed.ok());
        const auto &notification = std::get<Notification>(parsed.value()[0]);
        QCOMPARE(notification.method, std::string("notifications/progress"));
        QCOMPARE(notification.params["progress"].get<double>(), 0.5);
    }

    void resultAndErrorResponses()
    {
        auto result = parse(R"({"jsonrpc":"2.0","id":3,"result":{"tools":[]}})");
        QVERIFY(result.ok());
        const auto &ok = std::get<Response>(result.value()[0]);
        QVERIFY(ok.ok());
        QCOMPARE(std::get<long long>(*ok.id), 3LL);
        QVERIFY(ok.result["tools"].is_array());

        auto error = parse(
            R"({"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"Unsupported protocol version","data":{"supported":["2024-11-05"]}}})");
        QVERIFY(error.ok());
        const auto &failed = std::get<Response>(error.value()[0]);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error->code, code::invalidParams);
        QCOMPARE(failed.error->message, std::string("Unsupported protocol version"));
        QCOMPARE(failed.error->data["supported"][0].get<std::string>(), std::string("2024-11-05"));

        // An error about a request whose id could not be read carries a null id.
        auto anonymous =
            parse(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})");
        QVERIFY(anonymous.ok());
        QVERIFY(!std::get<Response>(anonymous.value()[0]).id);
    }

    void batchOfMessages()
    {
        auto parsed = parse(R"([{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","id":1,"result":{}}])");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), std::size_t(2));
        QVERIFY(std::holds_alternative<Notification>(parsed.value()[0]));
        QVERIFY(std::holds_alternative<Response>(parsed.value()[1]));
    }

    void unknownMembersAreTolerated()
    {
        auto parsed = parse(R"({"jsonrpc":"2.0","id":1,"result":{"x":1},"extra":true})");
        QVERIFY(parsed.ok());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("not json") << QByteArray("hello");
        QTest::newRow("truncated") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{)");
        QTest::newRow("a number") << QByteArray("42");
        QTest::newRow("a string") << QByteArray(R"("jsonrpc")");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("empty batch") << QByteArray("[]");
        QTest::newRow("batch with junk") << QByteArray(R"([{"jsonrpc":"2.0","method":"a"}, 5])");
        QTest::newRow("no version") << QByteArray(R"({"id":1,"method":"ping"})");
        QTest::newRow("version 1.0") << QByteArray(R"({"jsonrpc":"1.0","id":1,"method":"ping"})");
        QTest::newRow("version as number") << QByteArray(R"({"jsonrpc":2.0,"id":1,"method":"ping"})");
        QTest::newRow("method not string") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":5})");
        QTest::newRow("method empty") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":""})");
        QTest::newRow("params array")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":[1,2]})");
        QTest::newRow("params string") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":"p"})");
        QTest::newRow("null id on request") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"x"})");
        QTest::newRow("float id") << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"method":"x"})");
        QTest::newRow("object id") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"x"})");
        QTest::newRow("bool id") << QByteArray(R"({"jsonrpc":"2.0","id":true,"result":{}})");
        QTest::newRow("huge id") << QByteArray(R"({"jsonrpc":"2.0","id":18446744073709551615,"result":{}})");
        QTest::newRow("request with result")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","result":{}})");
        QTest::newRow("result and error")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"m"}})");
        QTest::newRow("neither") << QByteArray(R"({"jsonrpc":"2.0","id":1})");
        QTest::newRow("result without id") << QByteArray(R"({"jsonrpc":"2.0","result":{}})");
        QTest::newRow("result not object") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":[1]})");
        QTest::newRow("result null") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":null})");
        QTest::newRow("error not object") << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":"bad"})");
        QTest::newRow("error code string")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":"-1","message":"m"}})");
        QTest::newRow("error code too big")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":9999999999,"message":"m"}})");
        QTest::newRow("error no message") << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-1}})");
        QTest::newRow("deeply nested") << QByteArray(std::string(100000, '[').c_str());
        QTest::newRow("invalid utf8") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"\xff\xfe\"}");
    }

    void badInput()
    {
        QFETCH(QByteArray, text);
        auto parsed = parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::Malformed);
        QVERIFY(parsed.error().message.rfind("JSON-RPC: ", 0) == 0);
    }

    void serializeRoundTripsOnOneLine()
    {
        const std::vector<Message> messages = {
            Request{Id(1LL), "tools/call", {{"name", "q"}, {"arguments", {{"sql", "SELECT 1;\nSELECT 2"}}}}},
            Request{Id(std::string("r-2")), "ping", nullptr},
            Notification{"notifications/cancelled", {{"requestId", 1}, {"reason", "user"}}},
            Response{Id(5LL), {{"content", nlohmann::json::array()}}, std::nullopt},
            Response{Id(6LL), nullptr, ErrorObject{code::methodNotFound, "no such method", nullptr}},
            Response{std::nullopt, nullptr, ErrorObject{code::parseError, "Parse error", {{"at", 3}}}},
        };
        for (const auto &message : messages) {
            const std::string line = serialize(message);
            QVERIFY2(line.find('\n') == std::string::npos, line.c_str());
            auto back = parse(line);
            QVERIFY2(back.ok(), line.c_str());
            QCOMPARE(back.value().size(), std::size_t(1));
            QCOMPARE(serialize(back.value()[0]), line);
        }
    }
};

QTEST_APPLESS_MAIN(JsonRpcTest)
#include "tst_jsonrpc.moc"
