// HttpTransport (MCP Streamable HTTP, client side) over real loopback HTTP against a stand-in server
// (mcpstandin.h, a named test double): JSON and event-stream replies, progress before the result, server
// requests on the stream, 202s, the session id, the protocol-version and credential headers, DELETE on
// close, SSE polling, timeouts and cancels that stop the stream, parallel POSTs, and start()'s checks.
// The bad replies are in tst_httptransportfaults.cpp.
#include "mcpstandin.h"

#include <atomic>
#include <QTest>

using namespace mcptest;

namespace {

bool isRequest(const Seen &seen)
{
    return seen.method == "POST" && !seen.rpcMethod().empty() && !requestId(seen).is_null();
}

// A well-behaved server: requests get a JSON result naming their method (initialize also mints a
// session), everything else 202, DELETE 200.
void answerJson(const Seen &seen, http::ServerResponse &out)
{
    if (isRequest(seen)) {
        replyJson(out, resultFor(requestId(seen),
                                 {{"method", seen.rpcMethod()}, {"params", seen.json()["params"]}}));
        if (seen.rpcMethod() == "initialize")
            out.setHeader("Mcp-Session-Id", "session-1");
        return;
    }
    out.status = seen.method == "DELETE" ? 200 : 202;
}

Result<Json> initialize(Session &session)
{
    return session.call("initialize", {{"protocolVersion", "2025-11-25"}});
}

// A stream that stays open, writing keep-alive comments, until the client goes away; started and
// abandoned tell.
struct Held
{
    std::atomic<bool> started{false};
    std::atomic<bool> abandoned{false};
};

void holdOpen(http::ServerResponse &out, Held &held)
{
    out.contentType = "text/event-stream";
    out.stream = [&held](const std::function<bool(std::string_view)> &write) {
        if (!write("id: held-0\ndata:\n\n"))
            return false;
        held.started = true;
        for (int i = 0; i < 500; ++i) {
            if (!write(": still working\n\n")) {
                held.abandoned = true;
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    };
}

} // namespace

class HttpTransportTest : public QObject
{
    Q_OBJECT

private slots:
    void jsonReply()
    {
        StandIn server;
        server.script(answerJson);
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/list", {{"cursor", "c1"}});
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(reply.value()["method"] == Json("tools/list"));
        const auto seen = server.seen();
        QCOMPARE(seen.size(), std::size_t(1));
        QCOMPARE(seen[0].method, std::string("POST"));
        QCOMPARE(seen[0].header("Content-Type"), std::string("application/json"));
        QCOMPARE(seen[0].header("Accept"), std::string("application/json, text/event-stream"));
        QVERIFY(seen[0].json()["params"]["cursor"] == Json("c1"));
        QVERIFY(!seen[0].hasHeader("Mcp-Session-Id"));
        QVERIFY(!seen[0].hasHeader("MCP-Protocol-Version"));
        QCOMPARE(session.transport->diagnostics(), std::string());
    }

    // The progress notification is delivered while the stream is still open (the server holds the result
    // back until the test saw the progress), so onProgress fires before the result.
    void eventStreamProgressBeforeResult()
    {
        Gate releaseResult;
        StandIn server;
        server.script([&](const Seen &seen, http::ServerResponse &out) {
            if (!isRequest(seen)) {
                out.status = 202;
                return;
            }
            const Json id = requestId(seen);
            const Json token = seen.json()["params"]["_meta"]["progressToken"];
            out.contentType = "text/event-stream";
            out.stream = [&releaseResult, id, token](const std::function<bool(std::string_view)> &write) {
                if (!write("id: s-0\ndata:\n\n") || !write(sseEvent(progressFor(token, 1, 2), "s-1")))
                    return false;
                releaseResult.waitOpen(std::chrono::seconds(30)); // longer than the test waits for progress
                return write(sseEvent(resultFor(id, {{"done", true}}), "s-2"));
            };
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());

        std::mutex mutex;
        std::vector<std::string> order;
        Capture<Progress> progress;
        Capture<Result<Json>> done;
        CallOptions options;
        options.onProgress = [&, report = progress.callback()](const Progress &step) {
            {
                std::lock_guard lock(mutex);
                order.push_back("progress");
            }
            report(step);
        };
        session.rpc->request("tools/call", {{"name", "slow"}}, options,
                             [&, report = done.callback()](Result<Json> result) {
                                 {
                                     std::lock_guard lock(mutex);
                                     order.push_back("result");
                                 }
                                 report(std::move(result));
                             });
        QVERIFY(progress.wait());
        QCOMPARE(done.count(), std::size_t(0));
        QCOMPARE(progress.value().progress, 1.0);
        QCOMPARE(progress.value().total.value_or(0), 2.0);
        releaseResult.open();
        QVERIFY(done.wait());
        QVERIFY2(done.value().ok(), qPrintable(describe(done.value())));
        QVERIFY(done.value().value()["done"] == Json(true));
        std::lock_guard lock(mutex);
        QCOMPARE(order, (std::vector<std::string>{"progress", "result"}));
    }

    // A server's notification and request on the stream reach the session; its answer to the request is
    // POSTed back (and accepted with 202) before the result comes.
    void serverMessagesOnTheStream()
    {
        StandIn server;
        server.script([&](const Seen &seen, http::ServerResponse &out) {
            if (!isRequest(seen)) {
                out.status = 202;
                return;
            }
            const Json id = requestId(seen);
            out.contentType = "text/event-stream";
            out.stream = [&server, id](const std::function<bool(std::string_view)> &write) {
                const std::string note =
                    R"({"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"hi"}})";
                const std::string ping = R"({"jsonrpc":"2.0","id":"srv-1","method":"ping"})";
                if (!write(sseEvent(note)) || !write(sseEvent(ping)))
                    return false;
                const bool pong = server.waitFor([](const Seen &s) {
                    const Json body = s.json();
                    return body.is_object() && body.value("id", Json()) == Json("srv-1") &&
                           body.contains("result");
                });
                return write(sseEvent(resultFor(id, {{"pong", pong}})));
            };
        });
        Session session(configFor(server.url()));
        Capture<std::string> notifications;
        session.rpc->onNotification(
            [report = notifications.callback()](const jsonrpc::Notification &n) { report(n.method); });
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/call");
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(reply.value()["pong"] == Json(true));
        QVERIFY(notifications.wait());
        QCOMPARE(notifications.value(), std::string("notifications/message"));
        QCOMPARE(session.transport->diagnostics(), std::string());
    }

    // Notifications are fire-and-forget: 202 is success; a refusal is only noted in diagnostics.
    void notificationsAccepted()
    {
        StandIn server;
        server.script([&](const Seen &seen, http::ServerResponse &out) {
            out.status = seen.rpcMethod() == "notifications/initialized" ? 202 : 502;
            if (out.status != 202) {
                out.contentType = "text/html";
                out.body = "<html><body><h1>Gateway trouble</h1></body></html>";
            }
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QVERIFY(server.waitForRpc("notifications/initialized"));
        QVERIFY(session.rpc->notify("notifications/roots/list_changed", Json::object()));
        QTRY_VERIFY_WITH_TIMEOUT(!session.transport->diagnostics().empty(), 10000);
        const std::string diagnostics = session.transport->diagnostics();
        QVERIFY2(diagnostics.find("notifications/roots/list_changed: HTTP 502: Gateway trouble") !=
                     std::string::npos,
                 diagnostics.c_str());
        QVERIFY(diagnostics.find("notifications/initialized") == std::string::npos);
        QVERIFY(session.rpc->isOpen());
    }

    void sessionIdCapturedAndEchoed()
    {
        StandIn server;
        server.script(answerJson);
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        QCOMPARE(session.transport->sessionId(), std::string("session-1"));
        QVERIFY(session.call("tools/list"));
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QVERIFY(server.waitForRpc("notifications/initialized"));
        const auto seen = server.seen();
        QCOMPARE(seen.size(), std::size_t(3));
        QVERIFY(!seen[0].hasHeader("Mcp-Session-Id"));
        QCOMPARE(seen[1].header("Mcp-Session-Id"), std::string("session-1"));
        QCOMPARE(seen[2].header("Mcp-Session-Id"), std::string("session-1"));
    }

    // A session id with characters outside visible ASCII is not repeated (it could split a header).
    void unusableSessionIdIgnored()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            answerJson(seen, out);
            out.headers.clear();
            if (seen.rpcMethod() == "initialize")
                out.setHeader("Mcp-Session-Id", "has space");
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        QVERIFY(session.call("tools/list"));
        QCOMPARE(session.transport->sessionId(), std::string());
        QVERIFY(!server.seen().at(1).hasHeader("Mcp-Session-Id"));
        QVERIFY(session.transport->diagnostics().find("Mcp-Session-Id") != std::string::npos);
    }

    void carriedOverSession()
    {
        StandIn server;
        server.script(answerJson);
        auto config = configFor(server.url());
        config.sessionId = "from-before";
        Session session(config);
        QVERIFY(session.rpc->start());
        QVERIFY(session.call("tools/list"));
        QCOMPARE(server.seen().at(0).header("Mcp-Session-Id"), std::string("from-before"));
    }

    void protocolVersionHeader()
    {
        StandIn server;
        server.script(answerJson);
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        session.rpc->setProtocolVersion("2025-11-25");
        QVERIFY(session.call("tools/list"));
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QVERIFY(server.waitForRpc("notifications/initialized"));
        const auto seen = server.seen();
        QVERIFY(!seen.at(0).hasHeader("MCP-Protocol-Version"));
        QCOMPARE(seen.at(1).header("MCP-Protocol-Version"), std::string("2025-11-25"));
        QCOMPARE(seen.at(2).header("MCP-Protocol-Version"), std::string("2025-11-25"));
    }

    // The bearer token and extra headers go on every request, DELETE included; a server that echoes
    // the token in an error does not get it into our messages.
    void credentialsOnEveryRequest()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            if (seen.rpcMethod() == "tools/call")
                replyJson(out, "token tok-secret-123456 is not valid for tenant north", 500);
            else
                answerJson(seen, out);
        });
        auto config = configFor(server.url());
        config.bearerToken = "tok-secret-123456";
        config.headers = {{"X-Tenant", "north"}};
        Session session(config);
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QVERIFY(server.waitForRpc("notifications/initialized"));
        auto failed = session.call("tools/call");
        QVERIFY(!failed);
        QCOMPARE(failed.error().httpStatus, 500);
        QVERIFY2(failed.error().message.find("tok-secret") == std::string::npos,
                 failed.error().message.c_str());
        QVERIFY(failed.error().message.find("[redacted]") != std::string::npos);
        QVERIFY(session.transport->diagnostics().find("tok-secret") == std::string::npos);
        session.rpc->close();
        const auto seen = server.seen();
        QCOMPARE(seen.size(), std::size_t(4));
        QCOMPARE(seen.back().method, std::string("DELETE"));
        for (const auto &request : seen) {
            QCOMPARE(request.header("Authorization"), std::string("Bearer tok-secret-123456"));
            QCOMPARE(request.header("X-Tenant"), std::string("north"));
        }
    }

    void deleteOnClose_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("noted");
        QTest::newRow("200") << 200 << false;
        QTest::newRow("405 not allowed") << 405 << false;
        QTest::newRow("404 already gone") << 404 << false;
        QTest::newRow("500") << 500 << true;
    }

    void deleteOnClose()
    {
        QFETCH(int, status);
        QFETCH(bool, noted);
        StandIn server;
        server.script([status](const Seen &seen, http::ServerResponse &out) {
            answerJson(seen, out);
            if (seen.method == "DELETE")
                out.status = status;
        });
        Reports reports;
        HttpTransport transport(configFor(server.url()));
        QVERIFY(transport.start(reports.handlers()));
        QVERIFY(transport.send(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})"));
        QVERIFY(reports.messages.wait());
        transport.setProtocolVersion("2025-11-25");
        transport.close();
        transport.close();
        QCOMPARE(server.count("DELETE"), std::size_t(1));
        const Seen farewell = server.seen().back();
        QCOMPARE(farewell.method, std::string("DELETE"));
        QCOMPARE(farewell.header("Mcp-Session-Id"), std::string("session-1"));
        QCOMPARE(farewell.header("MCP-Protocol-Version"), std::string("2025-11-25"));
        QCOMPARE(reports.closed.count(), std::size_t(1));
        QCOMPARE(reports.closed.value().kind, ErrorKind::Cancelled);
        QCOMPARE(transport.diagnostics().find("DELETE") != std::string::npos, noted);
        auto late = transport.send(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
        QVERIFY(!late);
        QCOMPARE(late.error().kind, ErrorKind::Network);
    }

    void noDeleteWithoutSession()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            answerJson(seen, out);
            out.headers.clear(); // a stateless server
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        session.rpc->close();
        QCOMPARE(server.count("DELETE"), std::size_t(0));
    }

    // SSE polling: the server ends (or loses) the stream after an event id and a retry delay; the
    // transport resumes with GET + Last-Event-ID and the result arrives on the resumed stream.
    void ssePollingResumes_data()
    {
        QTest::addColumn<bool>("cutOff");
        QTest::newRow("server closes the stream") << false;
        QTest::newRow("the connection drops") << true;
    }

    void ssePollingResumes()
    {
        QFETCH(bool, cutOff);
        std::mutex mutex;
        Json pendingId;
        StandIn server;
        server.script([&, cutOff](const Seen &seen, http::ServerResponse &out) {
            if (seen.method == "GET") {
                if (seen.header("Last-Event-ID") != "a-1") {
                    out.status = 400;
                    return;
                }
                std::lock_guard lock(mutex);
                replyEvents(out, {sseEvent(resultFor(pendingId, {{"resumed", true}}), "a-2")});
                return;
            }
            if (!isRequest(seen) || seen.rpcMethod() == "initialize") {
                answerJson(seen, out);
                return;
            }
            {
                std::lock_guard lock(mutex);
                pendingId = requestId(seen);
            }
            const Json token = seen.json()["params"]["_meta"]["progressToken"];
            out.contentType = "text/event-stream";
            out.stream = [token, cutOff](const std::function<bool(std::string_view)> &write) {
                const bool sent = write("id: a-0\nretry: 30\ndata:\n\n") &&
                                  write(sseEvent(progressFor(token, 1, 2), "a-1"));
                return sent && !cutOff;
            };
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(initialize(session));
        Capture<Progress> progress;
        CallOptions options;
        options.onProgress = progress.callback();
        auto reply = session.call("tools/call", {{"name", "slow"}}, options);
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(reply.value()["resumed"] == Json(true));
        QCOMPARE(progress.count(), std::size_t(1));
        QCOMPARE(server.count("GET"), std::size_t(1));
        const Seen resumed = server.seen().back();
        QCOMPARE(resumed.method, std::string("GET"));
        QCOMPARE(resumed.header("Accept"), std::string("text/event-stream"));
        QCOMPARE(resumed.header("Last-Event-ID"), std::string("a-1"));
        QCOMPARE(resumed.header("Mcp-Session-Id"), std::string("session-1"));
    }

    // A server that refuses the resuming GET fails the request with its status.
    void resumeRefused()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            if (seen.method == "GET") {
                out.status = 405;
                return;
            }
            replyEvents(out, {"id: b-0\nretry: 10\ndata:\n\n"});
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/call");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Http);
        QCOMPARE(reply.error().httpStatus, 405);
        QVERIFY2(reply.error().message.find("cannot resume") != std::string::npos,
                 reply.error().message.c_str());
    }

    // A server that keeps ending the resumed stream with nothing new is not polled forever.
    void endlessPollingGivesUp()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            replyEvents(out, {"id: c-0\nretry: 1\ndata:\n\n"});
            (void)seen;
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/call");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Network);
        QVERIFY(reply.error().message.find("closed the stream before answering") != std::string::npos);
        QVERIFY(server.count("GET") >= 10);
    }

    // RpcSession's timeout fires, notifications/cancelled is POSTed for the request, and the transport
    // lets go of the stream the server still holds open.
    void timeoutCancelsTheStream()
    {
        Held held;
        StandIn server;
        server.script([&](const Seen &seen, http::ServerResponse &out) {
            if (isRequest(seen))
                holdOpen(out, held);
            else
                out.status = 202;
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/call", Json::object(), withTimeout(300));
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Timeout);
        QVERIFY(server.waitForRpc("notifications/cancelled"));
        Json cancelled;
        for (const auto &seen : server.seen())
            if (seen.rpcMethod() == "notifications/cancelled")
                cancelled = seen.json();
        QVERIFY(cancelled["params"]["requestId"] == requestId(server.seen().front()));
        QTRY_VERIFY_WITH_TIMEOUT(held.abandoned.load(), 10000);
    }

    void cancelThroughToken()
    {
        Held held;
        StandIn server;
        server.script([&](const Seen &seen, http::ServerResponse &out) {
            if (isRequest(seen))
                holdOpen(out, held);
            else
                out.status = 202;
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        CallOptions options;
        Capture<Result<Json>> done;
        session.rpc->request("tools/call", Json::object(), options, done.callback());
        QTRY_VERIFY_WITH_TIMEOUT(held.started.load(),
                                 10000); // a cancel before the reply began is not this test
        options.cancel.cancel();
        QVERIFY(done.wait());
        QCOMPARE(done.value().error().kind, ErrorKind::Cancelled);
        QVERIFY(server.waitForRpc("notifications/cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(held.abandoned.load(), 10000);
        QCOMPARE(done.count(), std::size_t(1));
    }

    // Sends do not wait for each other: the first request is only answered once the second has arrived.
    void requestsInParallel()
    {
        StandIn server;
        server.script([&server](const Seen &seen, http::ServerResponse &out) {
            if (seen.rpcMethod() == "first") {
                const bool overlapped = server.waitForRpc("second");
                replyJson(out, resultFor(requestId(seen), {{"overlapped", overlapped}}));
                return;
            }
            answerJson(seen, out);
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        Capture<Result<Json>> first;
        Capture<Result<Json>> second;
        session.rpc->request("first", Json::object(), {}, first.callback());
        session.rpc->request("second", Json::object(), {}, second.callback());
        QVERIFY(first.wait(1, std::chrono::seconds(15)));
        QVERIFY(second.wait());
        QVERIFY(first.value().ok());
        QVERIFY(first.value().value()["overlapped"] == Json(true));
        QVERIFY(second.value().ok());
    }

    // A 2025-03-26 server may answer with a batch: the notification in it is delivered and the response
    // answers the request.
    void batchReply()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            const std::string note = R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})";
            replyJson(out, "[" + note + "," + resultFor(requestId(seen), {{"batch", true}}) + "]");
        });
        Session session(configFor(server.url()));
        Capture<std::string> notifications;
        session.rpc->onNotification(
            [report = notifications.callback()](const jsonrpc::Notification &n) { report(n.method); });
        QVERIFY(session.rpc->start());
        auto reply = session.call("tools/list");
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(reply.value()["batch"] == Json(true));
        QVERIFY(notifications.wait());
    }

    void startChecksTheUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:3001/mcp") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/mcp") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("no host") << QStringLiteral("http://") << false;
        QTest::newRow("space") << QStringLiteral("http://127.0.0.1/m cp") << false;
        QTest::newRow("line break") << QStringLiteral("http://127.0.0.1/mcp\r\nX: y") << false;
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:%1/mcp").arg(closedPort()) << true;
        QTest::newRow("https") << QStringLiteral("HTTPS://mcp.example.com/api/2.0/mcp/sql") << true;
    }

    // start() checks and does no I/O: a URL where nothing listens starts fine.
    void startChecksTheUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        Reports reports;
        HttpTransport transport(configFor(url.toStdString()));
        auto started = transport.start(reports.handlers());
        QCOMPARE(started.ok(), accepted);
        if (!accepted) {
            QCOMPARE(started.error().kind, ErrorKind::Invalid);
            return;
        }
        QCOMPARE(transport.diagnostics(), std::string());
        QVERIFY(!transport.start(reports.handlers())); // once only
    }

    void badSessionIdInConfig()
    {
        auto config = configFor("http://127.0.0.1:1/mcp");
        config.sessionId = "two\r\nlines";
        HttpTransport transport(config);
        QVERIFY(!transport.start(Reports().handlers()));
    }

    void sendChecks()
    {
        StandIn server;
        server.script(answerJson);
        Reports reports;
        HttpTransport transport(configFor(server.url()));
        auto early = transport.send(R"({"jsonrpc":"2.0","id":1,"method":"ping"})");
        QVERIFY(!early);
        QCOMPARE(early.error().kind, ErrorKind::Network);
        QVERIFY(transport.start(reports.handlers()));
        for (const char *bad : {"", "not json", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}", "[]"}) {
            auto sent = transport.send(bad);
            QVERIFY2(!sent, bad);
            QCOMPARE(sent.error().kind, ErrorKind::Invalid);
        }
        QCOMPARE(server.seen().size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(HttpTransportTest)
#include "tst_httptransport.moc"
