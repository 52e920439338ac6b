// The stdio transport with real child processes: lines both ways, stderr kept, a child that exits,
// one that is missing, one that floods, one that ignores its input; messages larger than the pipe (partly
// written at once, the rest by the writer thread, order kept); a child that stops reading while a large
// message is pending (close() still returns); a write after the child has gone (EPIPE, no SIGPIPE death);
// closing from inside a callback.
#include "mcp/stdiotransport.h"

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <QElapsedTimer>
#include <QTest>
#include <vector>

using namespace lakeshore;
using namespace lakeshore::mcp;

namespace {

// Collects what a transport reports, and waits for it with a deadline.
struct Inbox
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> messages;
    std::optional<Error> closed;

    Transport::Handlers handlers()
    {
        return {[this](std::string message) {
                    std::lock_guard lock(mutex);
                    messages.push_back(std::move(message));
                    changed.notify_all();
                },
                [this](Error reason) {
                    std::lock_guard lock(mutex);
                    closed = std::move(reason);
                    changed.notify_all();
                },
                {}};
    }

    bool waitMessages(std::size_t count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(10), [&] { return messages.size() >= count; });
    }

    bool waitClosed()
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(10), [&] { return closed.has_value(); });
    }
};

StdioServerConfig shell(const std::string &script)
{
    return {"sh", {"-c", script}, {}, {}, 64u << 20};
}

} // namespace

class StdioTransportTest : public QObject
{
    Q_OBJECT

private slots:
    void linesBothWaysInOrder()
    {
        StdioTransport transport({"cat", {}, {}, {}, 64u << 20});
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        for (int i = 0; i < 200; ++i)
            QVERIFY(transport.send("{\"n\":" + std::to_string(i) + "}").ok());
        QVERIFY(inbox.waitMessages(200));
        for (int i = 0; i < 200; ++i)
            QCOMPARE(inbox.messages[static_cast<std::size_t>(i)], "{\"n\":" + std::to_string(i) + "}");
        transport.close();
        QVERIFY(inbox.waitClosed());
        QCOMPARE(inbox.closed->kind, ErrorKind::Cancelled);
    }

    void stderrIsKeptForDiagnostics()
    {
        StdioTransport transport(shell("echo 'starting up: port 0' >&2; cat"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(transport.send("{}").ok());
        QVERIFY(inbox.waitMessages(1));
        QTRY_VERIFY(transport.diagnostics().find("starting up") != std::string::npos);
    }

    void environmentAndCarriageReturns()
    {
        StdioServerConfig config = shell("printf '%s\\r\\n\\r\\n' \"$LAKESHORE_PROBE\"; cat");
        config.env["LAKESHORE_PROBE"] = "value-from-config";
        StdioTransport transport(config);
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(inbox.waitMessages(1));
        QCOMPARE(inbox.messages[0], std::string("value-from-config"));
        QCOMPARE(inbox.messages.size(), std::size_t(1)); // the blank line is not a message
    }

    void childExitingMidStreamIsReported()
    {
        StdioTransport transport(shell("read line; echo 'bye' >&2; exit 3"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(transport.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}").ok());
        QVERIFY(inbox.waitClosed());
        QCOMPARE(inbox.closed->kind, ErrorKind::Network);
        QVERIFY2(inbox.closed->message.find("status 3") != std::string::npos, inbox.closed->message.c_str());
        QTRY_VERIFY(transport.diagnostics().find("bye") != std::string::npos);
        QVERIFY(!transport.send("{}").ok());
    }

    void missingCommandIsAClearError()
    {
        StdioTransport transport({"lakeshore-no-such-mcp-server", {}, {}, {}, 64u << 20});
        Inbox inbox;
        auto started = transport.start(inbox.handlers());
        QVERIFY(!started.ok());
        QCOMPARE(started.error().kind, ErrorKind::NotFound);
        QVERIFY(started.error().message.find("lakeshore-no-such-mcp-server") != std::string::npos);
        QVERIFY(!StdioTransport({"", {}, {}, {}, 1}).start(inbox.handlers()).ok());
    }

    void floodingChildIsCutOff()
    {
        StdioServerConfig config = shell("head -c 3000000 /dev/zero | tr '\\000' a; sleep 5");
        config.maxMessageBytes = 1u << 20;
        StdioTransport transport(config);
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(inbox.waitClosed());
        QCOMPARE(inbox.closed->kind, ErrorKind::TooLarge);
        QVERIFY(inbox.messages.empty());
    }

    void newlineInsideAMessageIsRefused()
    {
        StdioTransport transport({"cat", {}, {}, {}, 64u << 20});
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        auto sent = transport.send("{\n}");
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().kind, ErrorKind::Invalid);
    }

    void closeStopsAChildThatIgnoresItsInput()
    {
        StdioTransport transport(shell("exec sleep 60"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        const int pid = transport.processId();
        QVERIFY(pid > 0);
        transport.close();
        QVERIFY(inbox.waitClosed());
        QCOMPARE(::kill(pid, 0), -1); // reaped: no such process any more
    }

    void messagesLargerThanThePipeKeepTheirOrder()
    {
        // A child that reads slowly: the first 1 MB message fills the pipe, the rest queue behind it.
        StdioTransport transport(shell("sleep 0.3; exec cat"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        std::vector<std::string> sent;
        for (int i = 0; i < 6; ++i) {
            const std::size_t size = i % 2 == 0 ? (1u << 20) + static_cast<std::size_t>(i) : 10;
            sent.push_back("\"" + std::string(size, static_cast<char>('a' + i)) + "\"");
            QVERIFY(transport.send(sent.back()).ok());
        }
        QVERIFY(inbox.waitMessages(sent.size()));
        for (std::size_t i = 0; i < sent.size(); ++i)
            QVERIFY2(inbox.messages[i] == sent[i], qPrintable(QString::number(i)));
        transport.close();
    }

    void aMessageOfEightyMegabytesArrivesWholeByDefault()
    {
        // Larger than the 64 MB limit this transport once had; a 1,000,000-row result is about 230 MB.
        StdioServerConfig config;
        config.command = "cat";
        StdioTransport transport(config);
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        std::string big = "\"" + std::string(80u << 20, 'r') + "\"";
        QVERIFY(transport.send(big).ok());
        QVERIFY(transport.send("{\"after\":true}").ok());
        QVERIFY(inbox.waitMessages(2));
        QCOMPARE(inbox.messages[0].size(), big.size());
        QVERIFY(inbox.messages[0] == big);
        QCOMPARE(inbox.messages[1], std::string("{\"after\":true}"));
        transport.close();
    }

    void closeReturnsWhenTheChildStoppedReadingMidMessage()
    {
        StdioTransport transport(shell("exec sleep 60"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(
            transport.send("\"" + std::string(8u << 20, 'x') + "\"").ok()); // far more than the pipe holds
        QVERIFY(transport.send("{}").ok());
        QElapsedTimer timer;
        timer.start();
        transport.close();
        QVERIFY(inbox.waitClosed());
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    void writingToAChildThatHasGoneIsReportedNotFatal()
    {
        StdioTransport transport(shell("exec true"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QVERIFY(inbox.waitClosed()); // it exited
        // The connection is closed now: refused plainly, and the process is still here (no SIGPIPE).
        const auto sent = transport.send("{}");
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().kind, ErrorKind::Network);
    }

    void writingWhileTheChildExitsIsReportedNotFatal()
    {
        // The child closes its input at once but lives on a moment: writes hit EPIPE on this thread.
        StdioTransport transport(shell("exec 0<&-; sleep 0.5"));
        Inbox inbox;
        QVERIFY(transport.start(inbox.handlers()).ok());
        QTest::qSleep(200);
        for (int i = 0; i < 20; ++i)
            (void)transport.send("{\"n\":" + std::to_string(i) + "}");
        QVERIFY(inbox.waitClosed());
        QCOMPARE(inbox.closed->kind, ErrorKind::Network);
        QVERIFY2(inbox.closed->message.find("stopped reading") != std::string::npos ||
                     inbox.closed->message.find("exited") != std::string::npos,
                 inbox.closed->message.c_str());
    }

    void closeFromInsideACallback()
    {
        StdioTransport transport({"cat", {}, {}, {}, 64u << 20});
        Inbox inbox;
        auto handlers = inbox.handlers();
        auto forward = handlers.onMessage;
        handlers.onMessage = [&, forward](std::string message) {
            forward(std::move(message));
            transport.close();
        };
        QVERIFY(transport.start(handlers).ok());
        QVERIFY(transport.send("{}").ok());
        QVERIFY(inbox.waitClosed());
        QCOMPARE(inbox.messages.size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(StdioTransportTest)
#include "tst_stdiotransport.moc"
