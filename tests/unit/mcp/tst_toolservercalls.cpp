// The MCP server role in process, tools/call: results, protocol errors vs isError tool errors for bad
// arguments, a throwing handler, cancel (and ping while a call runs), id reuse, the concurrency cap,
// progress notifications, and closing a session with calls running.
#include "mcp/server.h"
#include "toolserverfixture.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace toolserverfixture;

class ToolServerCallsTest : public QObject
{
    Q_OBJECT

private slots:
    void callReturnsTheToolsResult()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json answer =
            ask(*session, request(5, "tools/call", callParams("echo", {{"text", "hi"}, {"count", 3.0}})));
        const Json &result = answer["result"];
        JSON_COMPARE(result["structuredContent"], Json::parse(R"({"text":"hi","count":3.0})"));
        JSON_COMPARE(result["content"][0]["type"], Json("text"));
        JSON_COMPARE(Json::parse(result["content"][0]["text"].get<std::string>()),
                     result["structuredContent"]);
        QVERIFY(!result.contains("isError"));
        // No arguments at all is an empty object.
        const Json blockless = ask(*session, request(6, "tools/call", {{"name", "throws"}}));
        JSON_COMPARE(blockless["result"]["isError"], Json(true));
    }

    void aThrowingHandlerIsAToolError()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json result = ask(*session, request(1, "tools/call", callParams("throws")))["result"];
        JSON_COMPARE(result["isError"], Json(true));
        QVERIFY(result["content"][0]["text"].get<std::string>().find("boom") != std::string::npos);
    }

    void protocolErrorsInToolsCall_data()
    {
        QTest::addColumn<QString>("params");
        QTest::newRow("unknown tool") << R"({"name":"nope","arguments":{}})";
        QTest::newRow("no name") << R"({"arguments":{}})";
        QTest::newRow("name not a string") << R"({"name":7})";
        QTest::newRow("arguments an array") << R"({"name":"echo","arguments":["hi"]})";
        QTest::newRow("arguments a string") << R"({"name":"echo","arguments":"hi"})";
        QTest::newRow("no params") << "";
    }

    void protocolErrorsInToolsCall()
    {
        QFETCH(QString, params);
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json answer =
            ask(*session,
                request(8, "tools/call", params.isEmpty() ? Json() : Json::parse(params.toStdString())));
        QCOMPARE(errorCode(answer), -32602);
        QCOMPARE(answer["id"].get<int>(), 8);
    }

    void badArgumentsAreToolErrors_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing required") << R"({})"
                                          << "text is required";
        QTest::newRow("wrong type") << R"({"text":5})"
                                    << "text must be a string, not an integer";
        QTest::newRow("null") << R"({"text":null})"
                              << "text must be a string, not null";
        QTest::newRow("fraction for integer") << R"({"text":"a","count":1.5})"
                                              << "count must be an integer";
        QTest::newRow("string for integer") << R"({"text":"a","count":"3"})"
                                            << "count must be an integer, not a string";
        QTest::newRow("below minimum") << R"({"text":"a","count":-1})"
                                       << "count must be at least 0";
        QTest::newRow("not in enum") << R"({"text":"a","mode":"loud"})"
                                     << "mode must be one of";
        QTest::newRow("unknown argument") << R"({"text":"a","colour":"red"})"
                                          << "colour is not an argument";
    }

    void badArgumentsAreToolErrors()
    {
        QFETCH(QString, arguments);
        QFETCH(QString, expected);
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        const Json answer =
            ask(*session, request(1, "tools/call", callParams("echo", Json::parse(arguments.toStdString()))));
        const Json &result = answer["result"];
        JSON_COMPARE(result["isError"], Json(true));
        const std::string text = result["content"][0]["text"].get<std::string>();
        QVERIFY2(text.find(expected.toStdString()) != std::string::npos, text.c_str());
        QVERIFY2(text.rfind("Input validation error", 0) == 0, text.c_str());
    }

    void cancelStopsTheCallAndDropsItsAnswer()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector call;
        QVERIFY(session->receive(request("c1", "tools/call", callParams("block")).dump(), call.replies()));
        QVERIFY(latch.waitEntered(1));
        QCOMPARE(session->runningCalls(), std::size_t(1));
        // ping is answered while the call runs
        JSON_COMPARE(ask(*session, request(2, "ping"))["result"], Json::object());
        Collector none;
        QVERIFY(!session->receive(
            notification("notifications/cancelled", {{"requestId", "c1"}, {"reason", "user"}}).dump(),
            none.replies()));
        QVERIFY(latch.waitCancelled(1));
        QVERIFY(call.waitAnswers(1));
        QVERIFY(!call.answer(0).has_value()); // no response for a cancelled request
        QTRY_COMPARE(session->runningCalls(), std::size_t(0));
        // The id may be used again.
        JSON_COMPARE(ask(*session, request("c1", "ping"))["result"], Json::object());
    }

    void cancelOfAnIntegerIdDoesNotCancelTheSameStringId()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector call;
        QVERIFY(session->receive(request("7", "tools/call", callParams("block")).dump(), call.replies()));
        QVERIFY(latch.waitEntered(1));
        Collector none;
        (void)session->receive(notification("notifications/cancelled", {{"requestId", 7}}).dump(),
                               none.replies());
        (void)session->receive(notification("notifications/cancelled", {{"requestId", Json::array()}}).dump(),
                               none.replies());
        (void)session->receive(notification("notifications/cancelled").dump(), none.replies());
        QCOMPARE(session->runningCalls(), std::size_t(1));
        latch.release();
        QVERIFY(call.waitAnswers(1));
        JSON_COMPARE(call.answerJson(0)["result"]["content"][0]["text"], Json("released"));
    }

    void aRunningIdCannotBeReused()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector call;
        QVERIFY(session->receive(request(1, "tools/call", callParams("block")).dump(), call.replies()));
        QVERIFY(latch.waitEntered(1));
        QCOMPARE(errorCode(ask(*session, request(1, "tools/call", callParams("block")))), -32600);
        latch.release();
        QVERIFY(call.waitAnswers(1));
        JSON_COMPARE(call.answerJson(0)["id"], Json(1));
    }

    void tooManyConcurrentCallsAreRefused()
    {
        Latch latch;
        auto server = makeServer(latch, 50, 0, 2);
        auto session = initialized(*server);
        Collector calls;
        QVERIFY(session->receive(request(1, "tools/call", callParams("block")).dump(), calls.replies()));
        QVERIFY(session->receive(request(2, "tools/call", callParams("block")).dump(), calls.replies()));
        QVERIFY(latch.waitEntered(2));
        QCOMPARE(errorCode(ask(*session, request(3, "tools/call", callParams("block")))), -32000);
        latch.release();
        QVERIFY(calls.waitAnswers(2));
    }

    void progressIsSentWhenAskedAndOnlyWhileRunning()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector asked;
        QVERIFY(session->receive(
            request(1, "tools/call",
                    callParams("progress", {{"values", {1, 2, 2, 1.5, 5}}}, {{"progressToken", "tok"}}))
                .dump(),
            asked.replies()));
        QVERIFY(asked.waitAnswers(1));
        JSON_COMPARE(asked.answerJson(0)["result"]["content"][0]["text"], Json("asked"));
        const auto notes = asked.notificationJson();
        std::vector<double> values;
        for (const auto &note : notes) {
            JSON_COMPARE(note["method"], Json("notifications/progress"));
            JSON_COMPARE(note["params"]["progressToken"], Json("tok"));
            JSON_COMPARE(note["params"]["total"], Json(10.0));
            values.push_back(note["params"]["progress"].get<double>());
        }
        QCOMPARE(values, (std::vector<double>{1, 2, 5})); // never decreasing or repeated

        Collector silent;
        QVERIFY(session->receive(
            request(2, "tools/call", callParams("progress", {{"values", {1, 2}}})).dump(), silent.replies()));
        QVERIFY(silent.waitAnswers(1));
        JSON_COMPARE(silent.answerJson(0)["result"]["content"][0]["text"], Json("not asked"));
        QVERIFY(silent.notificationJson().empty());
    }

    void closeCancelsRunningCallsAndRefusesLaterRequests()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector call;
        QVERIFY(session->receive(request(1, "tools/call", callParams("block")).dump(), call.replies()));
        QVERIFY(latch.waitEntered(1));
        session->close();
        QCOMPARE(latch.cancelled, 1);
        QVERIFY(call.waitAnswers(1));
        QVERIFY(!call.answer(0).has_value());
        QVERIFY(session->isClosed());
        QCOMPARE(errorCode(ask(*session, request(2, "ping"))), -32600);
    }

    void closeWithoutCancelLetsCallsFinish()
    {
        Latch latch;
        auto server = makeServer(latch);
        auto session = initialized(*server);
        Collector call;
        QVERIFY(session->receive(request(1, "tools/call", callParams("block")).dump(), call.replies()));
        QVERIFY(latch.waitEntered(1));
        std::thread releaser([&] {
            std::this_thread::sleep_for(50ms);
            latch.release();
        });
        session->close(false);
        releaser.join();
        QVERIFY(call.waitAnswers(1));
        JSON_COMPARE(call.answerJson(0)["result"]["content"][0]["text"], Json("released"));
        QCOMPARE(latch.cancelled, 0);
    }
};

QTEST_GUILESS_MAIN(ToolServerCallsTest)
#include "tst_toolservercalls.moc"
