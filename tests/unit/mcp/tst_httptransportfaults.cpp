// HttpTransport against bad and refusing servers, over real loopback HTTP (the stand-in server of
// mcpstandin.h, a named test double, and rawserver.h for bytes that are not HTTP): lost sessions (404, and
// 400 after we named one), 401/403, error pages, JSON-RPC error bodies, wrong content types, malformed JSON
// and events, streams cut short, replies over the cap, unreachable servers. Each refused request fails with
// a clear error, nothing crashes, and the next request still works.
#include "mcpstandin.h"
#include "rawserver.h"

#include <QTest>

using namespace mcptest;

namespace {

const std::string bigText(std::size_t bytes)
{
    return std::string(bytes, 'x');
}

// The reply the test scripts for "bad"; "initialize" mints a session, "good" and the rest behave.
using BadReply = std::function<void(const Seen &, http::ServerResponse &)>;

void scriptWithBad(StandIn &server, BadReply bad, bool mintSession = true)
{
    server.script([bad = std::move(bad), mintSession](const Seen &seen, http::ServerResponse &out) {
        const std::string method = seen.rpcMethod();
        if (method == "bad") {
            bad(seen, out);
            return;
        }
        if (seen.method == "POST" && !requestId(seen).is_null() && !method.empty()) {
            replyJson(out, resultFor(requestId(seen), {{"method", method}}));
            if (method == "initialize" && mintSession)
                out.setHeader("Mcp-Session-Id", "session-9");
            return;
        }
        out.status = 202;
    });
}

QString why(const Result<Json> &result)
{
    return result ? QStringLiteral("unexpectedly ok") : qs(result.error().describe());
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class HttpTransportFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void refusedRequest_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("challenge"); // WWW-Authenticate
        QTest::addColumn<bool>("withSession");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<QString>("mentions");

        const QString noSession = QStringLiteral(
            R"({"jsonrpc":"2.0","error":{"code":-32000,"message":"Bad Request: No valid session ID provided"},"id":2})");
        QString noSessionNoId = noSession;
        noSessionNoId.replace(QStringLiteral("\"id\":2"), QStringLiteral("\"id\":null"));
        const QString badVersion = QStringLiteral(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Bad Request: Unsupported protocol "
            "version (supported versions: 2025-11-25)\"},\"id\":null}");
        const int http = int(ErrorKind::Http);
        QTest::newRow("404 with a session") << 404 << "text/plain"
                                            << "Session not found"
                                            << "" << true << http << true << "no longer knows our session";
        QTest::newRow("404 without a session") << 404 << "text/plain"
                                               << "Not Found"
                                               << "" << false << http << false << "HTTP 404: Not Found";
        QTest::newRow("400 after the session ended")
            << 400 << "application/json" << noSession << "" << true << http << true << "HTTP 400";
        QTest::newRow("400 session unknown, text") << 400 << "text/plain"
                                                   << "unknown session"
                                                   << "" << true << http << true << "session";
        QTest::newRow("400 for something else") << 400 << "application/json" << badVersion << "" << true
                                                << http << false << "Unsupported protocol version";
        QTest::newRow("400 no session sent") << 400 << "application/json" << noSessionNoId << "" << false
                                             << http << false << "No valid session ID";
        QTest::newRow("401 with a challenge")
            << 401 << "text/plain"
            << ""
            << R"(Bearer resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource/mcp")"
            << true << int(ErrorKind::Auth) << false << "resource_metadata=";
        QTest::newRow("403 insufficient scope") << 403 << "application/json"
                                                << R"({"error":"forbidden"})"
                                                << R"(Bearer error="insufficient_scope", scope="sql")" << true
                                                << int(ErrorKind::Auth) << false << "insufficient_scope";
        QTest::newRow("403 without a challenge")
            << 403 << "text/plain"
            << "Origin not allowed"
            << "" << false << int(ErrorKind::Auth) << false << "Origin not allowed";
        QTest::newRow("500 error page")
            << 500 << "text/html"
            << "<!DOCTYPE "
               "html><html><head><title>500</title><style>p{color:red}</style></head><body><h1>Internal "
               "Server Error</h1><p>upstream "
               "database&nbsp;unavailable</p><script>alert(1)</script></body></html>"
            << "" << true << http << false << "Internal Server Error upstream database unavailable";
        QTest::newRow("502 plain") << 502 << "text/plain"
                                   << "bad gateway\n\n\tfrom proxy"
                                   << "" << true << http << false << "HTTP 502: bad gateway from proxy";
        QTest::newRow("429 after the retries")
            << 429 << "text/plain"
            << "slow down"
            << "" << true << int(ErrorKind::RateLimited) << false << "slow down";
    }

    void refusedRequest()
    {
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(QString, body);
        QFETCH(QString, challenge);
        QFETCH(bool, withSession);
        QFETCH(int, kind);
        QFETCH(bool, expired);
        QFETCH(QString, mentions);
        StandIn server;
        scriptWithBad(
            server,
            [&](const Seen &, http::ServerResponse &out) {
                out.status = status;
                out.contentType = contentType.toStdString();
                out.body = body.toStdString();
                if (!challenge.isEmpty())
                    out.setHeader("WWW-Authenticate", challenge.toStdString());
                out.setHeader("Retry-After", "0");
            },
            withSession);
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(session.call("initialize"));
        QCOMPARE(session.transport->sessionId().empty(), !withSession);

        auto reply = session.call("bad");
        QVERIFY(!reply);
        const Error &error = reply.error();
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.code == Transport::kSessionExpired, expired);
        QVERIFY2(contains(error.message, mentions.toStdString()), error.message.c_str());
        QVERIFY2(!contains(error.message, "<") && !contains(error.message, "alert"), error.message.c_str());
        QVERIFY2(contains(session.transport->diagnostics(), "HTTP " + std::to_string(status)),
                 session.transport->diagnostics().c_str());
        // A lost session is forgotten: the next request goes without it (and the client re-initializes).
        QCOMPARE(session.transport->sessionId().empty(), expired || !withSession);
        QVERIFY(session.call("good"));
        QCOMPARE(server.seen().back().hasHeader("Mcp-Session-Id"), withSession && !expired);
    }

    // A JSON-RPC error that answers the request is the server's answer, whatever the HTTP status.
    void jsonRpcErrorBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("200") << 200;
        QTest::newRow("400") << 400;
        QTest::newRow("500") << 500;
    }

    void jsonRpcErrorBody()
    {
        QFETCH(int, status);
        StandIn server;
        scriptWithBad(server, [status](const Seen &seen, http::ServerResponse &out) {
            replyJson(out, errorFor(requestId(seen), -32602, "Unknown tool: nope"), status);
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("bad");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Service);
        QCOMPARE(reply.error().code, std::string("-32602"));
        QCOMPARE(reply.error().serviceMessage, std::string("Unknown tool: nope"));
    }

    void malformedReply_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("body"); // "{id}" is replaced by the request's id
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        const int malformed = int(ErrorKind::Malformed);
        QTest::newRow("html page") << 200 << "text/html"
                                   << "<html><body>Welcome</body></html>" << malformed
                                   << "Content-Type \"text/html\"";
        QTest::newRow("plain text") << 200 << "text/plain"
                                    << "{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{}}" << malformed
                                    << "neither JSON nor an event stream";
        QTest::newRow("broken json") << 200 << "application/json"
                                     << "{\"jsonrpc\":\"2.0\",\"id\":{id},\"res" << malformed << "not JSON";
        QTest::newRow("json of another id")
            << 200 << "application/json"
            << "{\"jsonrpc\":\"2.0\",\"id\":987654,\"result\":{}}" << malformed << "does not answer request";
        QTest::newRow("json null") << 200 << "application/json"
                                   << "null" << malformed << "does not answer request";
        QTest::newRow("empty batch") << 200 << "application/json"
                                     << "[]" << malformed << "does not answer request";
        QTest::newRow("202 for a request") << 202 << "application/json"
                                           << "" << malformed << "sent no reply";
        QTest::newRow("event not json") << 200 << "text/event-stream"
                                        << "data: {nope\n\n"
                                        << malformed << "event that is not JSON";
        QTest::newRow("events end unanswered")
            << 200 << "text/event-stream"
            << "id: 1\ndata:\n\n: bye\n\n"
            << int(ErrorKind::Network) << "closed the stream before answering";
        QTest::newRow("empty event stream")
            << 200 << "text/event-stream"
            << "" << int(ErrorKind::Network) << "closed the stream before answering";
        QTest::newRow("events of another id")
            << 200 << "text/event-stream"
            << "data: {\"jsonrpc\":\"2.0\",\"id\":987654,\"result\":{}}\n\n"
            << int(ErrorKind::Network) << "closed the stream before answering";
        QTest::newRow("garbage bytes as events")
            << 200 << "text/event-stream" << QString::fromLatin1("\x01\x02\xff\xfe\n\n:\n\ndata\n\n")
            << int(ErrorKind::Network) << "closed the stream";
    }

    void malformedReply()
    {
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(QString, body);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        StandIn server;
        scriptWithBad(server, [&](const Seen &seen, http::ServerResponse &out) {
            out.status = status;
            out.contentType = contentType.toStdString();
            std::string text = body.toStdString();
            if (const auto at = text.find("{id}"); at != std::string::npos)
                text.replace(at, 4, requestId(seen).dump());
            out.body = text;
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("bad");
        QVERIFY2(!reply, qPrintable(why(reply)));
        QCOMPARE(int(reply.error().kind), kind);
        QVERIFY2(contains(reply.error().message, mentions.toStdString()), reply.error().message.c_str());
        QVERIFY(session.call("good"));
    }

    // The connection drops mid-stream, after a progress event and no way to resume: the progress arrived,
    // the request fails as a network error.
    void connectionDroppedMidStream()
    {
        StandIn server;
        scriptWithBad(server, [](const Seen &seen, http::ServerResponse &out) {
            const Json token = seen.json()["params"]["_meta"]["progressToken"];
            out.contentType = "text/event-stream";
            out.stream = [token](const std::function<bool(std::string_view)> &write) {
                write("id: d-0\ndata:\n\n");
                write(sseEvent(progressFor(token, 1, 3)));
                write("event: message\ndata: {\"jsonrpc\":\"2.0\",");
                return false; // cut off, with half an event sent
            };
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        Capture<Progress> progress;
        CallOptions options;
        options.onProgress = progress.callback();
        auto reply = session.call("bad", Json::object(), options);
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Network);
        QVERIFY2(contains(reply.error().message, "lost the connection"), reply.error().message.c_str());
        QCOMPARE(progress.count(), std::size_t(1));
        QVERIFY(session.call("good"));
    }

    void jsonBodyCutShort()
    {
        StandIn server;
        scriptWithBad(server, [](const Seen &, http::ServerResponse &out) {
            out.contentType = "application/json";
            out.stream = [](const std::function<bool(std::string_view)> &write) {
                write(R"({"jsonrpc":"2.0","id":1,"result":{"rows":[1,2,)");
                return false;
            };
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        auto reply = session.call("bad");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Network);
    }

    // Over maxMessageBytes, however the size shows: a declared length, a chunked body, one huge event,
    // an error page. The transport stops reading, fails the request, and the next one works.
    void replyOverTheCap_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("json with a length") << "length";
        QTest::newRow("json chunked") << "chunked";
        QTest::newRow("one huge event") << "event";
        QTest::newRow("error page") << "error";
    }

    void replyOverTheCap()
    {
        QFETCH(QString, shape);
        StandIn server;
        scriptWithBad(server, [shape](const Seen &seen, http::ServerResponse &out) {
            const std::string huge = resultFor(requestId(seen), {{"blob", bigText(1u << 20)}});
            if (shape == "length") {
                out.contentType = "application/json";
                out.body = huge;
            } else if (shape == "chunked" || shape == "event") {
                out.contentType = shape == "event" ? "text/event-stream" : "application/json";
                const std::string text = shape == "event" ? "data: " + huge + "\n\n" : huge;
                out.stream = [text](const std::function<bool(std::string_view)> &write) {
                    for (std::size_t at = 0; at < text.size(); at += 8192)
                        if (!write(std::string_view(text).substr(at, 8192)))
                            return false;
                    return true;
                };
            } else {
                out.status = 500;
                out.contentType = "text/plain";
                out.body = bigText(1u << 20);
            }
        });
        auto config = configFor(server.url());
        config.maxMessageBytes = 64 * 1024;
        Session session(config);
        QVERIFY(session.rpc->start());
        auto reply = session.call("bad");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::TooLarge);
        QVERIFY(session.call("good"));
    }

    void unreachableServer()
    {
        Session session(configFor("http://127.0.0.1:" + std::to_string(closedPort()) + "/mcp"));
        QVERIFY(session.rpc->start());
        auto reply = session.call("initialize");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Network);
        QVERIFY2(contains(reply.error().message, "no reply from the MCP server"),
                 reply.error().message.c_str());
        QVERIFY(contains(session.transport->diagnostics(), "POST initialize"));
        // A notification that cannot be delivered is only noted.
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QTRY_VERIFY_WITH_TIMEOUT(contains(session.transport->diagnostics(), "POST notifications/initialized"),
                                 10000);
        QVERIFY(session.rpc->isOpen());
    }

    void replyThatIsNotHttp()
    {
        asynctest::RawServer raw(
            [](int fd) { asynctest::RawServer::writeAll(fd, "SSH-2.0-OpenSSH_9.2\r\n\r\n"); });
        Session session(configFor(raw.url("/mcp")));
        QVERIFY(session.rpc->start());
        auto reply = session.call("initialize");
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind, ErrorKind::Malformed);
    }

    // A notification refused with 404 while we hold a session: the session is forgotten, so the next
    // request goes without it and the client can start over.
    void notificationFindsSessionGone()
    {
        StandIn server;
        server.script([](const Seen &seen, http::ServerResponse &out) {
            if (seen.rpcMethod() == "initialize") {
                replyJson(out, resultFor(requestId(seen)));
                out.setHeader("Mcp-Session-Id", "session-5");
            } else if (seen.rpcMethod() == "notifications/initialized") {
                out.status = 404;
            } else {
                replyJson(out, resultFor(requestId(seen)));
            }
        });
        Session session(configFor(server.url()));
        QVERIFY(session.rpc->start());
        QVERIFY(session.call("initialize"));
        QCOMPARE(session.transport->sessionId(), std::string("session-5"));
        QVERIFY(session.rpc->notify("notifications/initialized", Json::object()));
        QTRY_VERIFY_WITH_TIMEOUT(session.transport->sessionId().empty(), 10000);
        QVERIFY(session.call("tools/list"));
        QVERIFY(!server.seen().back().hasHeader("Mcp-Session-Id"));
    }
};

QTEST_GUILESS_MAIN(HttpTransportFaultsTest)
#include "tst_httptransportfaults.moc"
