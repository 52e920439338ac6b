// RpcSession over the stdio transport, against tests/peers/scripted-jsonrpc-peer.js — a TEST DOUBLE
// standing in for a misbehaving MCP server (a real server cannot be made to exit mid-call or print
// garbage on demand). It runs as a real node child process.
#include "mcp/rpcsession.h"
#include "mcp/stdiotransport.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using Json = nlohmann::json;

namespace {

struct Reply
{
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<Result<Json>> value;
    int calls = 0;

    std::function<void(Result<Json>)> callback()
    {
        return [this](Result<Json> result) {
            std::lock_guard lock(mutex);
            ++calls;
            value = std::move(result);
            changed.notify_all();
        };
    }

    bool wait(int seconds = 10)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(seconds), [&] { return value.has_value(); });
    }
};

std::unique_ptr<RpcSession> startPeer()
{
    StdioServerConfig config;
    config.command = "node";
    config.args = {QStringLiteral(LAKESHORE_PEERS_DIR "/scripted-jsonrpc-peer.js").toStdString()};
    auto session = std::make_unique<RpcSession>(std::make_unique<StdioTransport>(config));
    if (!session->start())
        return nullptr;
    return session;
}

CallOptions quick(int timeoutMs = 5000)
{
    CallOptions options;
    options.timeoutMs = timeoutMs;
    return options;
}

} // namespace

class RpcSessionTest : public QObject
{
    Q_OBJECT

private slots:
    void requestsAreCorrelated()
    {
        auto session = startPeer();
        QVERIFY2(session, "node must be on PATH (the README's test command installs it)");
        std::vector<std::unique_ptr<Reply>> replies;
        for (int i = 0; i < 50; ++i) {
            replies.push_back(std::make_unique<Reply>());
            session->request(i % 2 ? "echo" : "slow", i % 2 ? Json{{"n", i}} : Json{{"ms", 50 - i}}, quick(),
                             replies.back()->callback());
        }
        for (int i = 0; i < 50; ++i) {
            QVERIFY(replies[i]->wait());
            QVERIFY(replies[i]->value->ok());
            if (i % 2)
                QCOMPARE(replies[i]->value->value()["echo"]["n"].get<int>(), i);
            else
                QCOMPARE(replies[i]->value->value()["waited"].get<int>(), 50 - i);
            QCOMPARE(replies[i]->calls, 1);
        }
    }

    void jsonRpcErrorIsAServiceError()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply reply;
        session->request("fail", Json::object(), quick(), reply.callback());
        QVERIFY(reply.wait());
        QVERIFY(!reply.value->ok());
        QCOMPARE(reply.value->error().kind, ErrorKind::Service);
        QCOMPARE(reply.value->error().code, std::string("-32602"));
        QCOMPARE(reply.value->error().serviceMessage, std::string("Unknown tool: nope"));
    }

    void progressIsReportedAndKeepsTheCallAlive()
    {
        auto session = startPeer();
        QVERIFY(session);
        std::vector<double> steps;
        std::mutex stepsMutex;
        CallOptions options = quick(400); // shorter than the whole call, longer than one step
        options.onProgress = [&](const Progress &progress) {
            std::lock_guard lock(stepsMutex);
            steps.push_back(progress.progress);
            QCOMPARE(progress.total.value_or(0), 6.0);
        };
        Reply reply;
        session->request("progress", Json{{"steps", 6}, {"intervalMs", 150}}, options, reply.callback());
        QVERIFY(reply.wait());
        QVERIFY2(reply.value->ok(), reply.value->ok() ? "" : reply.value->error().message.c_str());
        std::lock_guard lock(stepsMutex);
        QCOMPARE(steps, (std::vector<double>{1, 2, 3, 4, 5, 6}));
    }

    void timeoutSendsCancelled()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply reply;
        session->request("never", Json::object(), quick(300), reply.callback());
        QVERIFY(reply.wait());
        QCOMPARE(reply.value->error().kind, ErrorKind::Timeout);
        QTRY_VERIFY(session->diagnostics().find("cancelled 1") != std::string::npos);
    }

    void cancelSendsCancelledAndIgnoresTheLateReply()
    {
        auto session = startPeer();
        QVERIFY(session);
        CallOptions options = quick();
        Reply reply;
        session->request("slow", Json{{"ms", 300}}, options, reply.callback());
        options.cancel.cancel();
        QVERIFY(reply.wait());
        QCOMPARE(reply.value->error().kind, ErrorKind::Cancelled);
        QTRY_VERIFY(session->diagnostics().find("cancelled 1") != std::string::npos);
        QTest::qWait(400); // the peer still answers; nobody is told twice
        QCOMPARE(reply.calls, 1);
        Reply after;
        session->request("echo", Json{{"ok", true}}, quick(), after.callback());
        QVERIFY(after.wait());
        QVERIFY(after.value->ok());
    }

    void serverExitingMidCallFailsItWithItsLastWords()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply pending;
        session->request("never", Json::object(), quick(), pending.callback());
        Reply exiting;
        session->request("exit", Json{{"code", 7}}, quick(), exiting.callback());
        QVERIFY(exiting.wait());
        QVERIFY(pending.wait());
        for (Reply *reply : {&pending, &exiting}) {
            QCOMPARE(reply->value->error().kind, ErrorKind::Network);
            QVERIFY2(reply->value->error().message.find("status 7") != std::string::npos,
                     reply->value->error().message.c_str());
            QVERIFY2(reply->value->error().message.find("giving up") != std::string::npos,
                     reply->value->error().message.c_str());
        }
        QVERIFY(!session->isOpen());
        Reply late;
        session->request("echo", Json::object(), quick(), late.callback());
        QVERIFY(late.wait(1));
        QCOMPARE(late.value->error().kind, ErrorKind::Network);
    }

    void strayOutputIsNamedWhenACallTimesOut()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply reply;
        session->request("garbage", Json::object(), quick(300), reply.callback());
        QVERIFY(reply.wait());
        QCOMPARE(reply.value->error().kind, ErrorKind::Timeout);
        QVERIFY2(reply.value->error().message.find("not JSON") != std::string::npos,
                 reply.value->error().message.c_str());
    }

    void peerPingIsAnswered()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply reply;
        session->request("pingback", Json::object(), quick(), reply.callback());
        QVERIFY(reply.wait());
        QVERIFY(reply.value->ok());
        QCOMPARE(reply.value->value()["pingReply"].get<std::string>(), std::string("result"));
    }

    void closeFailsWhatIsOpen()
    {
        auto session = startPeer();
        QVERIFY(session);
        Reply reply;
        session->request("never", Json::object(), quick(), reply.callback());
        session->close();
        QVERIFY(reply.wait(1));
        QCOMPARE(reply.value->error().kind, ErrorKind::Cancelled);
        QCOMPARE(reply.calls, 1);
    }
};

QTEST_APPLESS_MAIN(RpcSessionTest)
#include "tst_rpcsession.moc"
