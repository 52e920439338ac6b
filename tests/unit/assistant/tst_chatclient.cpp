// The OpenAI-compatible chat client over real loopback HTTP against tests/peers/scripted-chat-server.js, a
// TEST DOUBLE standing in for a chat-completions server (no model can run here): the request it sends,
// the tool-call shapes servers differ in, and every way a reply can go wrong (401 with the key echoed,
// 403, 404 model, 429, 5xx, error bodies of OpenAI, Ollama and Databricks, malformed JSON, no choices,
// over the size cap, a hung server, cancel). The API key never shows in an error.
#include "assistant/chatclient.h"
#include "asynctest.h"
#include "chatstandin.h"
#include "http/httpclient.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::assistant;
using asynctest::qs;
using Json = nlohmann::json;

namespace {

const std::string kSecret = "sk-live-Secret-4242-abcdef";

ChatRequest plainRequest(const std::string &question = "hello")
{
    ChatRequest request;
    request.messages.push_back({ChatRole::System, "You are a test.", {}, {}});
    request.messages.push_back({ChatRole::User, question, {}, {}});
    return request;
}

QString dumped(const Json &value)
{
    return qs(value.dump());
}

bool mentionsSecret(const Error &error, const std::string &secret)
{
    return error.message.find(secret) != std::string::npos ||
           error.serviceMessage.find(secret) != std::string::npos ||
           error.code.find(secret) != std::string::npos || error.describe().find(secret) != std::string::npos;
}

} // namespace

class ChatClientTest : public QObject
{
    Q_OBJECT

private:
    testing::ChatStandIn m_standIn;
    std::unique_ptr<http::HttpClient> m_http;

    ChatSettings settings(const std::string &model, const std::string &key = {}) const
    {
        ChatSettings s;
        s.baseUrl = m_standIn.baseUrl();
        s.model = model;
        s.apiKey = key;
        s.timeoutMs = 10000;
        return s;
    }

    Result<ChatReply> complete(const ChatSettings &s, const ChatRequest &request = plainRequest(),
                               CancelToken cancel = {})
    {
        ChatClient client(*m_http, s);
        return asynctest::await<ChatReply>(
            [&](auto done) { client.complete(request, cancel, std::move(done)); });
    }

private slots:
    void initTestCase()
    {
        const QString why = m_standIn.start();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_http = std::make_unique<http::HttpClient>();
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_standIn.stop();
    }

    void sendsTheOpenAiShape()
    {
        ChatRequest request = plainRequest("what is the margin?");
        request.messages.push_back({ChatRole::Assistant, {}, {{"call_7", "lookup", "{\"x\":1}"}}, {}});
        request.messages.push_back({ChatRole::Tool, "42", {}, "call_7"});
        request.tools.push_back({"lookup", "Looks things up.",
                                 Json{{"type", "object"}, {"properties", {{"x", {{"type", "integer"}}}}}}});
        request.tools.push_back({"bare", "No schema.", Json()});
        auto s = settings("echo@shape", kSecret);
        s.maxTokens = 256;
        auto reply = complete(s, request);
        QVERIFY2(reply.ok(), qPrintable(asynctest::describe(reply)));
        QCOMPARE(qs(reply.value().message.content), QStringLiteral("ok"));
        QCOMPARE(qs(reply.value().finishReason), QStringLiteral("stop"));
        QCOMPARE(qs(reply.value().model), QStringLiteral("echo@shape"));
        QVERIFY(reply.value().usage.is_object());
        QVERIFY(reply.value().message.toolCalls.empty());

        Json log = m_standIn.received(*m_http, "echo@shape");
        QVERIFY(log.is_array() && log.size() == 1);
        QCOMPARE(qs(log[0]["authorization"].get<std::string>()), qs("Bearer " + kSecret));
        Json &body = log[0]["body"];
        QCOMPARE(body["temperature"].get<double>(), 0.0);
        QCOMPARE(body["stream"].get<bool>(), false);
        QCOMPARE(body["max_tokens"].get<int>(), 256);
        QCOMPARE(qs(body["tool_choice"].get<std::string>()), QStringLiteral("auto"));
        QCOMPARE(body["tools"].size(), std::size_t(2));
        QCOMPARE(qs(body["tools"][0]["type"].get<std::string>()), QStringLiteral("function"));
        QCOMPARE(qs(body["tools"][0]["function"]["name"].get<std::string>()), QStringLiteral("lookup"));
        QCOMPARE(qs(body["tools"][0]["function"]["description"].get<std::string>()),
                 QStringLiteral("Looks things up."));
        QCOMPARE(dumped(body["tools"][0]["function"]["parameters"]["properties"]["x"]["type"]),
                 dumped(Json("integer")));
        QCOMPARE(dumped(body["tools"][1]["function"]["parameters"]),
                 dumped((Json{{"type", "object"}}))); // never null
        Json &messages = body["messages"];
        QCOMPARE(messages.size(), std::size_t(4));
        QCOMPARE(dumped(messages[0]["role"]), dumped(Json("system")));
        QCOMPARE(dumped(messages[1]["role"]), dumped(Json("user")));
        QCOMPARE(dumped(messages[1]["content"]), dumped(Json("what is the margin?")));
        QCOMPARE(dumped(messages[2]["role"]), dumped(Json("assistant")));
        QVERIFY(messages[2]["content"].is_null());
        QCOMPARE(dumped(messages[2]["tool_calls"][0]["id"]), dumped(Json("call_7")));
        QCOMPARE(dumped(messages[2]["tool_calls"][0]["type"]), dumped(Json("function")));
        QCOMPARE(dumped(messages[2]["tool_calls"][0]["function"]["name"]), dumped(Json("lookup")));
        QCOMPARE(dumped(messages[2]["tool_calls"][0]["function"]["arguments"]),
                 dumped(Json("{\"x\":1}"))); // a string
        QCOMPARE(dumped(messages[3]["role"]), dumped(Json("tool")));
        QCOMPARE(dumped(messages[3]["tool_call_id"]), dumped(Json("call_7")));
        QCOMPARE(dumped(messages[3]["content"]), dumped(Json("42")));
    }

    void noKeyNoToolsNoExtras()
    {
        auto reply = complete(settings("echo@bare"));
        QVERIFY2(reply.ok(), qPrintable(asynctest::describe(reply)));
        Json log = m_standIn.received(*m_http, "echo@bare");
        QVERIFY(log.is_array() && log.size() == 1);
        QVERIFY(log[0]["authorization"].is_null()); // Ollama and llama.cpp need none
        QVERIFY(!log[0]["body"].contains("tools"));
        QVERIFY(!log[0]["body"].contains("tool_choice"));
        QVERIFY(!log[0]["body"].contains("max_tokens"));
    }

    void buildsTheEndpointUrl()
    {
        QCOMPARE(qs(chatCompletionsUrl("http://h:1/v1")), QStringLiteral("http://h:1/v1/chat/completions"));
        QCOMPARE(qs(chatCompletionsUrl("http://h:1/v1//")), QStringLiteral("http://h:1/v1/chat/completions"));
        QCOMPARE(qs(chatCompletionsUrl("https://w.example/serving-endpoints")),
                 QStringLiteral("https://w.example/serving-endpoints/chat/completions"));
        QCOMPARE(qs(chatCompletionsUrl("http://h/v1/chat/completions")),
                 QStringLiteral("http://h/v1/chat/completions"));
        auto s = settings("echo@slash");
        s.baseUrl += "/";
        QVERIFY(complete(s).ok());
        s.baseUrl = m_standIn.baseUrl() + "/chat/completions";
        QVERIFY(complete(s).ok());
    }

    void readsToolCallsInEveryShape()
    {
        auto reply = complete(settings("tool-shapes"));
        QVERIFY2(reply.ok(), qPrintable(asynctest::describe(reply)));
        const auto &message = reply.value().message;
        QCOMPARE(qs(message.content), QStringLiteral("Calling."));
        QCOMPARE(qs(reply.value().finishReason), QStringLiteral("tool_calls"));
        QCOMPARE(message.toolCalls.size(), std::size_t(3));
        QCOMPARE(qs(message.toolCalls[0].name), QStringLiteral("alpha"));
        QCOMPARE(dumped(Json::parse(message.toolCalls[0].arguments)), dumped((Json{{"a", 1}})));
        // An object instead of a JSON string (Ollama's native habit) is turned into text.
        QCOMPARE(qs(message.toolCalls[1].id), QStringLiteral("call_obj"));
        QCOMPARE(dumped(Json::parse(message.toolCalls[1].arguments)), dumped((Json{{"b", {1, 2}}})));
        // Invalid JSON is kept as the model wrote it, for the planner to answer; a missing id is made up.
        QCOMPARE(qs(message.toolCalls[2].arguments), QStringLiteral("{\"c\": "));
        QCOMPARE(qs(message.toolCalls[2].id), QStringLiteral("call_3"));
    }

    void joinsContentParts()
    {
        auto reply = complete(settings("content-parts"));
        QVERIFY2(reply.ok(), qPrintable(asynctest::describe(reply)));
        QCOMPARE(qs(reply.value().message.content), QStringLiteral("Hello, rep."));
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("inMessage");
        QTest::addColumn<QString>("inServiceMessage");
        QTest::addColumn<QString>("code");
        const auto row = [](const char *name, const char *model, ErrorKind kind, int status,
                            const char *inMessage, const char *inService, const char *code) {
            QTest::newRow(name) << model << int(kind) << status << inMessage << inService << code;
        };
        row("401 wrong key", "auth", ErrorKind::Auth, 401, "refused the API key",
            "Incorrect API key provided", "invalid_api_key");
        row("403", "forbidden", ErrorKind::Auth, 403, "denied access to model \"forbidden\"",
            "does not have access", "model_not_allowed");
        row("404 model (OpenAI)", "missing-llama@x", ErrorKind::NotFound, 404,
            "has no model \"missing-llama@x\"", "does not exist", "model_not_found");
        row("404 model (Ollama)", "ollama-missing", ErrorKind::NotFound, 404,
            "has no model \"ollama-missing\"", "try pulling it first", "");
        row("429 after retries", "status-429", ErrorKind::RateLimited, 429, "after 3 attempts",
            "stand-in status 429", "server_error");
        row("500 with body", "status-500", ErrorKind::Service, 500, "HTTP 500", "stand-in status 500",
            "server_error");
        row("503 with body", "status-503", ErrorKind::Service, 503, "HTTP 503", "stand-in status 503",
            "server_error");
        row("502 HTML", "status-502-plain", ErrorKind::Http, 502, "HTTP 502) with no error message", "", "");
        row("400 Databricks", "databricks-error", ErrorKind::Service, 400, "Input is too long",
            "Input is too long", "BAD_REQUEST");
        row("error in a 200", "error-in-200", ErrorKind::Service, 200, "upstream overloaded",
            "upstream overloaded", "overloaded");
        row("unknown scenario", "no-such-scenario", ErrorKind::Service, 400, "has no scenario",
            "has no scenario", "invalid_request_error");
        row("malformed JSON", "malformed", ErrorKind::Malformed, 0, "is not JSON", "", "");
        row("not an object", "not-object", ErrorKind::Malformed, 0, "is not a JSON object", "", "");
        row("no choices", "no-choices", ErrorKind::Malformed, 0, "has no choices", "", "");
        row("no message", "no-message", ErrorKind::Malformed, 0, "without a message", "", "");
        row("tool_calls not a list", "bad-tool-calls", ErrorKind::Malformed, 0, "tool_calls", "", "");
    }

    void reportsErrors()
    {
        QFETCH(QString, model);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QString, inMessage);
        QFETCH(QString, inServiceMessage);
        QFETCH(QString, code);
        auto reply = complete(settings(model.toStdString(), kSecret));
        QVERIFY(!reply.ok());
        const Error &error = reply.error();
        QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind(kind)));
        QCOMPARE(error.httpStatus, status);
        QVERIFY2(qs(error.message).contains(inMessage), error.message.c_str());
        QVERIFY2(qs(error.serviceMessage).contains(inServiceMessage), error.serviceMessage.c_str());
        QCOMPARE(qs(error.code), code);
        QVERIFY2(!mentionsSecret(error, kSecret), error.describe().c_str());
    }

    void keyEchoedByTheServiceIsRedacted()
    {
        auto reply = complete(settings("auth", kSecret));
        QVERIFY(!reply.ok());
        // The stand-in echoes the presented key, as OpenAI once did: it must not reach the user.
        QVERIFY2(qs(reply.error().serviceMessage).contains("[redacted]"),
                 reply.error().serviceMessage.c_str());
        QVERIFY(!mentionsSecret(reply.error(), kSecret));
        auto good = complete(settings("auth", "stand-in-good-key"));
        QVERIFY2(good.ok(), qPrintable(asynctest::describe(good)));
    }

    void missingKeySaysSo()
    {
        auto reply = complete(settings("auth@nokey"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Auth);
        QVERIFY2(qs(reply.error().message).contains("wants an API key"), reply.error().message.c_str());
    }

    void retriesA429()
    {
        QVERIFY(!complete(settings("status-429@count")).ok());
        Json log = m_standIn.received(*m_http, "status-429@count");
        QCOMPARE(log.size(), std::size_t(3)); // the first try and the two retries the settings allow
    }

    void refusesAReplyOverTheCap()
    {
        auto s = settings("huge", kSecret);
        s.maxReplyBytes = 64 * 1024;
        auto reply = complete(s);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::TooLarge);
        QVERIFY2(qs(reply.error().message).contains("chat model \"huge\""), reply.error().message.c_str());
        s.maxReplyBytes = 4u << 20;
        QVERIFY(complete(s).ok());
    }

    void aHungServerTimesOut()
    {
        auto s = settings("hang@timeout", kSecret);
        s.timeoutMs = 300;
        auto reply = complete(s);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Timeout);
        QVERIFY(!mentionsSecret(reply.error(), kSecret));
    }

    void cancelStopsAWaitingRequest()
    {
        ChatClient client(*m_http, settings("hang@cancel", kSecret));
        CancelToken cancel;
        asynctest::Capture<Result<ChatReply>> reply;
        client.complete(plainRequest(), cancel, reply.callback());
        QVERIFY(m_standIn.waitForRequests(*m_http, "hang@cancel", 1)); // the request is with the server
        QCOMPARE(reply.count(), std::size_t(0));
        cancel.cancel();
        QVERIFY(reply.wait());
        QCOMPARE(reply.value().error().kind, ErrorKind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(reply.count(), std::size_t(1));
    }

    void unreachableServer()
    {
        auto s = settings("echo", kSecret);
        s.baseUrl = "http://127.0.0.1:" + std::to_string(asynctest::closedPort()) + "/v1";
        auto reply = complete(s);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Network);
        QVERIFY(!mentionsSecret(reply.error(), kSecret));
    }

    void aKeyWithALineBreakIsRefusedUnsent()
    {
        const std::string key = "sk-abc\r\nX-Evil: 1";
        auto reply = complete(settings("echo@crlf", key));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, ErrorKind::Invalid);
        QVERIFY(!mentionsSecret(reply.error(), key));
        QVERIFY(!mentionsSecret(reply.error(), "sk-abc"));
        QCOMPARE(m_standIn.received(*m_http, "echo@crlf").size(), std::size_t(0));
    }

    void parsesOddRepliesWithoutAServer_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("content");
        QTest::newRow("null content")
            << R"({"choices":[{"message":{"content":null},"finish_reason":"stop"}]})" << true << "";
        QTest::newRow("extra fields") << R"({"choices":[{"message":{"content":"a","reasoning_content":"b"},)"
                                         R"("finish_reason":null,"logprobs":null}],"system_fingerprint":"x"})"
                                      << true << "a";
        QTest::newRow("legacy function_call")
            << R"({"choices":[{"message":{"content":null,"function_call":{"name":"f","arguments":"{}"}}}]})"
            << true << "";
        QTest::newRow("choice not an object") << R"({"choices":[7]})" << false << "";
        QTest::newRow("tool call not an object")
            << R"({"choices":[{"message":{"tool_calls":[1]}}]})" << false << "";
        QTest::newRow("function not an object")
            << R"({"choices":[{"message":{"tool_calls":[{"id":"a","function":"f"}]}}]})" << false << "";
        QTest::newRow("choices an object") << R"({"choices":{"0":{}}})" << false << "";
        QTest::newRow("empty body") << "" << false << "";
        // Parts that are not text parts are skipped; a number as text is read as its digits.
        QTest::newRow("content of odd types")
            << R"({"choices":[{"message":{"content":[1,{"type":7},{"type":"text","text":5}]}}]})" << true
            << "5";
    }

    void parsesOddRepliesWithoutAServer()
    {
        QFETCH(QString, body);
        QFETCH(bool, ok);
        QFETCH(QString, content);
        http::Response response;
        response.status = 200;
        response.body = body.toStdString();
        auto reply = parseChatResponse(response, settings("x"));
        QCOMPARE(reply.ok(), ok);
        if (ok)
            QCOMPARE(qs(reply.value().message.content), content);
        else
            QCOMPARE(reply.error().kind, ErrorKind::Malformed);
    }

    void legacyFunctionCallBecomesAToolCall()
    {
        http::Response response;
        response.status = 200;
        response.body = R"({"choices":[{"message":{"function_call":{"name":"f","arguments":"{\"a\":1}"}}}]})";
        auto reply = parseChatResponse(response, settings("x"));
        QVERIFY(reply.ok());
        QCOMPARE(reply.value().message.toolCalls.size(), std::size_t(1));
        QCOMPARE(qs(reply.value().message.toolCalls[0].name), QStringLiteral("f"));
        QCOMPARE(qs(reply.value().message.toolCalls[0].id), QStringLiteral("call_1"));
    }

    void redactsEveryOccurrence()
    {
        QCOMPARE(qs(redactSecret("a sk-1234 b sk-1234", "sk-1234")),
                 QStringLiteral("a [redacted] b [redacted]"));
        QCOMPARE(qs(redactSecret("nothing here", "sk-1234")), QStringLiteral("nothing here"));
        QCOMPARE(qs(redactSecret("abc", "")), QStringLiteral("abc"));
        // A secret that contains the mark itself cannot loop.
        QCOMPARE(qs(redactSecret("x[redacted]x", "[redacted]")), QStringLiteral("x[redacted]x"));
    }
};

QTEST_GUILESS_MAIN(ChatClientTest)
#include "tst_chatclient.moc"
