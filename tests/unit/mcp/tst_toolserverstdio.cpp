// The MCP server role over the stdio framing (StdioServer on a real socketpair or pipes): one message per
// line both ways, malformed and over-long lines, CRLF, progress lines before the answer, calls running
// through EOF, stop() cancelling them, and a reader that went away (no SIGPIPE death).
#include "mcp/serverstdio.h"
#include "toolserverfixture.h"

#include <csignal>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <QTest>
#include <sys/socket.h>
#include <unistd.h>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace toolserverfixture;

namespace {

// The client end: writes lines, reads lines with a deadline.
struct LinePeer
{
    int in = -1;  // what we read (the server's output)
    int out = -1; // what we write (the server's input)
    std::string buffer;

    bool send(const std::string &text)
    {
        const std::string line = text + "\n";
        return ::write(out, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    }

    // The next line, or nullopt at end of file or after 10 s.
    std::optional<std::string> readLine()
    {
        for (;;) {
            if (auto newline = buffer.find('\n'); newline != std::string::npos) {
                std::string line = buffer.substr(0, newline);
                buffer.erase(0, newline + 1);
                return line;
            }
            pollfd fd{in, POLLIN, 0};
            if (::poll(&fd, 1, 10000) <= 0)
                return std::nullopt;
            char chunk[65536];
            const ssize_t n = ::read(in, chunk, sizeof chunk);
            if (n <= 0)
                return std::nullopt;
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    Json readJson()
    {
        auto line = readLine();
        return line ? Json::parse(*line) : Json("no line");
    }
};

// A StdioServer on one end of a socketpair, run on its own thread.
struct Served
{
    int serverEnd = -1;
    LinePeer peer;
    std::unique_ptr<StdioServer> server;
    std::optional<Status> result;
    std::thread thread;

    Served(std::shared_ptr<ToolServer> tools, StdioServeOptions options = {})
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            return;
        serverEnd = fds[0];
        peer.in = peer.out = fds[1];
        server = std::make_unique<StdioServer>(std::move(tools), serverEnd, serverEnd, options);
        thread = std::thread([this] { result = server->run(); });
    }

    void endInput() { ::shutdown(peer.out, SHUT_WR); }

    void join()
    {
        if (thread.joinable())
            thread.join();
    }

    ~Served()
    {
        if (server)
            server->stop();
        join();
        ::close(serverEnd);
        ::close(peer.in);
    }
};

void initialize(LinePeer &peer, const std::string &version = "2025-11-25")
{
    peer.send(request(0, "initialize", initializeParams(version)).dump());
    (void)peer.readLine();
    peer.send(notification("notifications/initialized").dump());
}

} // namespace

class ToolServerStdioTest : public QObject
{
    Q_OBJECT

private slots:
    void linesGoBothWays()
    {
        Latch latch;
        Served served(makeServer(latch));
        QVERIFY(served.server);
        served.peer.send(request(1, "initialize", initializeParams()).dump());
        const Json init = served.peer.readJson();
        JSON_COMPARE(init["id"], Json(1));
        JSON_COMPARE(init["result"]["protocolVersion"], Json("2025-11-25"));
        served.peer.send(notification("notifications/initialized").dump());
        served.peer.send(request(2, "tools/list").dump());
        const Json list = served.peer.readJson();
        JSON_COMPARE(list["id"], Json(2)); // the notification got no line of its own
        QCOMPARE(list["result"]["tools"].size(), std::size_t(4));
        served.peer.send(request(3, "tools/call", callParams("echo", {{"text", "line\nbreak"}})).dump());
        const Json call = served.peer.readJson();
        JSON_COMPARE(call["result"]["structuredContent"]["text"], Json("line\nbreak"));
        served.endInput();
        served.join();
        QVERIFY(served.result && served.result->ok());
    }

    void pingIsAnsweredWhileACallRuns()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer);
        served.peer.send(request(1, "tools/call", callParams("block")).dump());
        QVERIFY(latch.waitEntered(1));
        served.peer.send(request(2, "ping").dump());
        JSON_COMPARE(served.peer.readJson()["id"], Json(2));
        served.peer.send(notification("notifications/cancelled", {{"requestId", 1}}).dump());
        QVERIFY(latch.waitCancelled(1));
        served.peer.send(request(3, "ping").dump());
        JSON_COMPARE(served.peer.readJson()["id"], Json(3)); // and nothing for the cancelled call
    }

    void badLinesAreAnsweredAndTheStreamGoesOn()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer);
        served.peer.send("this is not json");
        Json answer = served.peer.readJson();
        JSON_COMPARE(answer["error"]["code"], Json(-32700));
        QVERIFY(answer["id"].is_null());
        served.peer.send(R"({"jsonrpc":"2.0","method":7,"id":1})");
        answer = served.peer.readJson();
        JSON_COMPARE(answer["error"]["code"], Json(-32600));
        QVERIFY(answer["id"].is_null());
        served.peer.send("");                               // blank lines are skipped
        served.peer.send("  \t");                           // so are lines of blanks
        served.peer.send(request(5, "ping").dump() + "\r"); // CRLF framing
        JSON_COMPARE(served.peer.readJson()["id"], Json(5));
        served.peer.send(std::string("\x01\xff{", 3));
        JSON_COMPARE(served.peer.readJson()["error"]["code"], Json(-32700));
        served.peer.send(request(6, "ping").dump());
        JSON_COMPARE(served.peer.readJson()["id"], Json(6));
    }

    void overlongLinesAreSkippedWholeAndRefused()
    {
        Latch latch;
        StdioServeOptions options;
        options.maxMessageBytes = 1000;
        Served served(makeServer(latch), options);
        initialize(served.peer);
        // One over the limit in a single write, one far over it across many reads.
        served.peer.send(
            request(1, "tools/call", callParams("echo", {{"text", std::string(2000, 'x')}})).dump());
        served.peer.send(
            request(2, "tools/call", callParams("echo", {{"text", std::string(300000, 'y')}})).dump());
        served.peer.send(request(3, "ping").dump());
        for (int i = 0; i < 2; ++i) {
            const Json refused = served.peer.readJson();
            JSON_COMPARE(refused["error"]["code"], Json(-32600));
            QVERIFY(refused["error"]["message"].get<std::string>().find("longer than 1000 bytes") !=
                    std::string::npos);
        }
        JSON_COMPARE(served.peer.readJson()["id"], Json(3));
    }

    void progressLinesComeBeforeTheAnswer()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer);
        served.peer.send(
            request(1, "tools/call", callParams("progress", {{"values", {1, 2, 3}}}, {{"progressToken", 41}}))
                .dump());
        for (int step = 1; step <= 3; ++step) {
            const Json note = served.peer.readJson();
            JSON_COMPARE(note["method"], Json("notifications/progress"));
            JSON_COMPARE(note["params"]["progressToken"], Json(41));
            JSON_COMPARE(note["params"]["progress"], Json(double(step)));
        }
        JSON_COMPARE(served.peer.readJson()["id"], Json(1));
    }

    void batchesTravelAsOneLine()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer, "2025-03-26");
        served.peer.send(Json::array({request(1, "ping"), request(2, "ping")}).dump());
        const Json answer = served.peer.readJson();
        QVERIFY2(answer.is_array() && answer.size() == 2, answer.dump().c_str());
    }

    void endOfInputLetsRunningCallsAnswer()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer);
        served.peer.send(request(1, "tools/call", callParams("block")).dump());
        QVERIFY(latch.waitEntered(1));
        served.endInput();
        latch.release();
        const Json answer = served.peer.readJson();
        JSON_COMPARE(answer["result"]["content"][0]["text"], Json("released"));
        served.join();
        QVERIFY(served.result && served.result->ok());
        QCOMPARE(latch.cancelled, 0);
    }

    void stopCancelsRunningCalls()
    {
        Latch latch;
        Served served(makeServer(latch));
        initialize(served.peer);
        served.peer.send(request(1, "tools/call", callParams("block")).dump());
        QVERIFY(latch.waitEntered(1));
        served.server->stop();
        served.join();
        QVERIFY(served.result && served.result->ok());
        QCOMPARE(latch.cancelled, 1);
        ::shutdown(served.serverEnd, SHUT_WR); // run() has returned: everything it wrote is in the socket
        QCOMPARE(served.peer.readLine(), std::optional<std::string>()); // no answer for the cancelled call
    }

    void aReaderThatWentAwayEndsTheServerNotTheProcess()
    {
        Latch latch;
        int input[2], output[2];
        QVERIFY(::pipe2(input, O_CLOEXEC) == 0 && ::pipe2(output, O_CLOEXEC) == 0);
        StdioServer server(makeServer(latch), input[0], output[1]);
        std::optional<Status> result;
        std::thread thread([&] { result = server.run(); });
        ::close(output[0]); // the client stops reading
        const std::string ping = request(1, "ping").dump() + "\n";
        QVERIFY(::write(input[1], ping.data(), ping.size()) > 0);
        thread.join(); // the failed write ends run() (and SIGPIPE did not end us)
        QVERIFY(result && !result->ok());
        QVERIFY2(result->error().message.find("cannot write") != std::string::npos,
                 result->error().message.c_str());
        ::close(input[0]);
        ::close(input[1]);
        ::close(output[1]);
    }

    void stopBeforeRunReturnsAtOnce()
    {
        Latch latch;
        int fds[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
        StdioServer server(makeServer(latch), fds[0], fds[0]);
        server.stop();
        QVERIFY(server.run().ok());
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

QTEST_GUILESS_MAIN(ToolServerStdioTest)
#include "tst_toolserverstdio.moc"
