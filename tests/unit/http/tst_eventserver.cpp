// EventServer over real loopback sockets, spoken to byte by byte: pipelined and split requests, HEAD,
// chunked streams, sized bodies, HTTP/1.0, percent-decoding, and bad input (a broken request line,
// oversized heads and bodies, chunked request bodies, idle connections), each a clear status or a close.
#include "http/eventserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <QTest>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace lakeshore::http;

namespace {

// A client socket to the server; reads until the peer closes or `until` appears.
class RawClient
{
public:
    explicit RawClient(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            qFatal("cannot connect");
    }
    ~RawClient() { ::close(m_fd); }

    void send(const std::string &bytes) { (void)!::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    void shutdownWriting() { ::shutdown(m_fd, SHUT_WR); }

    // What arrived within timeoutMs, stopping early once `until` occurs `times` times or the peer closed.
    std::string read(const std::string &until, int times = 1, int timeoutMs = 5000)
    {
        std::string got;
        for (int waited = 0; waited < timeoutMs; waited += 20) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char buffer[65536];
                const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    m_closed = true;
                    return got;
                }
                got.append(buffer, static_cast<std::size_t>(n));
            }
            std::size_t count = 0, at = 0;
            while (!until.empty() && (at = got.find(until, at)) != std::string::npos) {
                ++count;
                at += until.size();
            }
            if (!until.empty() && static_cast<int>(count) >= times)
                return got;
        }
        return got;
    }
    [[nodiscard]] bool closed() const { return m_closed; }

private:
    int m_fd = -1;
    bool m_closed = false;
};

} // namespace

class EventServerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<EventServer> m_server;
    int m_port = 0;

private slots:
    void initTestCase()
    {
        EventServerLimits limits;
        limits.maxBodyBytes = 1024;
        limits.idleTimeoutMs = 1500;
        m_server = std::make_unique<EventServer>(2, limits);
        m_server->route("/echo", [](const ServerRequest &request, ServerResponse &response) {
            response.contentType = "text/plain";
            std::string params;
            for (const auto &[key, value] : request.params)
                params += key + "=" + value + ";";
            response.body = request.method + " " + request.path + " [" + params + "] " + request.body +
                            " from " + request.remoteAddress + " ua=" + request.header("user-agent");
        });
        m_server->route("/stream", [](const ServerRequest &, ServerResponse &response) {
            response.stream = [](const std::function<bool(std::string_view)> &write) {
                return write("one,") && write("two");
            };
        });
        m_server->route("/sized", [](const ServerRequest &, ServerResponse &response) {
            response.contentType = "application/octet-stream";
            response.bodyLength = 600000; // three pieces and a bit
            response.readBody = [](std::uint64_t offset, std::uint64_t length,
                                   const std::function<bool(std::string_view)> &write) {
                std::string piece(length, '\0');
                for (std::uint64_t i = 0; i < length; ++i)
                    piece[i] = static_cast<char>('a' + (offset + i) % 26);
                return write(piece);
            };
        });
        auto shared = std::make_shared<const std::string>(300000, 's');
        m_server->route("/shared", [shared](const ServerRequest &, ServerResponse &response) {
            response.sharedBody = shared; // sent from this buffer, then the tail
            response.body = "tail";
        });
        auto port = m_server->start("127.0.0.1", 0);
        QVERIFY(port);
        m_port = port.value();
        QCOMPARE(m_server->baseUrl(), "http://127.0.0.1:" + std::to_string(m_port));
    }

    void pipelinedAndSplitRequestsAreAnsweredInOrder()
    {
        RawClient client(m_port);
        client.send("GET /echo/a%20b?x=1&y=two+words&z=%26 HTTP/1.1\r\nHost: h\r\nUser-Agent: t\r\n\r\n"
                    "POST /echo/b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel");
        client.send("lo");
        const std::string replies = client.read("HTTP/1.1 200 OK", 2);
        const std::size_t first = replies.find("GET /echo/a b [x=1;y=two words;z=&;]  from 127.0.0.1 ua=t");
        const std::size_t second = replies.find("POST /echo/b [] hello from 127.0.0.1");
        QVERIFY2(first != std::string::npos && second != std::string::npos && first < second,
                 replies.c_str());
        QVERIFY(!client.closed());
    }

    void headStreamsAndSizedBodies()
    {
        RawClient client(m_port);
        client.send("HEAD /sized HTTP/1.1\r\n\r\n");
        const std::string head = client.read("\r\n\r\n");
        QVERIFY2(head.find("Content-Length: 600000\r\n") != std::string::npos, head.c_str());
        client.send("GET /stream HTTP/1.1\r\n\r\n");
        const std::string stream = client.read("0\r\n\r\n");
        QVERIFY2(stream.find("Transfer-Encoding: chunked\r\n\r\n4\r\none,\r\n3\r\ntwo\r\n0\r\n\r\n") !=
                     std::string::npos,
                 stream.c_str());
        client.send("GET /sized HTTP/1.1\r\n\r\nGET /echo HTTP/1.1\r\n\r\n");
        const std::string sized = client.read("from 127.0.0.1");
        const std::size_t bodyStart = sized.find("\r\n\r\n") + 4;
        QVERIFY(sized.size() > bodyStart + 600000);
        QCOMPARE(sized.substr(bodyStart, 3), std::string("abc"));
        QCOMPARE(sized[bodyStart + 599999], static_cast<char>('a' + 599999 % 26));
        QVERIFY(sized.find("GET /echo", bodyStart + 600000) != std::string::npos); // the next answer follows
    }

    void sharedBodiesGoOutWholeBeforeThePipelinedNext()
    {
        RawClient client(m_port);
        client.send("GET /shared HTTP/1.1\r\n\r\nHEAD /shared HTTP/1.1\r\n\r\nGET /echo HTTP/1.1\r\n\r\n");
        const std::string replies = client.read("from 127.0.0.1");
        QVERIFY(replies.find("Content-Length: 300004\r\n\r\n" + std::string(300000, 's') +
                             "tailHTTP/1.1 200 OK") != std::string::npos);
        const std::size_t head = replies.find("HTTP/1.1 200", replies.find("tail"));
        const std::size_t echo = replies.find("GET /echo");
        QVERIFY(head != std::string::npos && echo != std::string::npos && head < echo);
        QCOMPARE(replies.substr(echo - 4, 4), std::string("\r\n\r\n")); // the HEAD answer carried no body
    }

    void http10ClosesAndConnectionCloseIsHonoured()
    {
        RawClient old(m_port);
        old.send("GET /echo HTTP/1.0\r\n\r\n");
        old.read("");
        QVERIFY(old.closed());
        RawClient closing(m_port);
        closing.send("GET /echo HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(closing.read("").find("Connection: close") != std::string::npos);
        QVERIFY(closing.closed());
    }

    void aClientThatHalfClosesStillGetsItsAnswers()
    {
        RawClient client(m_port);
        client.send("GET /echo HTTP/1.1\r\n\r\nGET /shared HTTP/1.1\r\n\r\n");
        client.shutdownWriting();
        const std::string replies = client.read("");
        QVERIFY(client.closed());
        QVERIFY(replies.find("GET /echo") != std::string::npos);
        QVERIFY(replies.size() > 300000 && replies.compare(replies.size() - 4, 4, "tail") == 0);
    }

    void badInputIsAClearStatusAndAClose()
    {
        struct Case
        {
            std::string bytes;
            const char *status;
        };
        const Case cases[] = {
            {"NONSENSE\r\n\r\n", "400"},
            {"get /echo HTTP/1.1\r\n\r\n", "400"},
            {"GET echo HTTP/1.1\r\n\r\n", "400"},
            {"GET /echo HTTP/2.0\r\n\r\n", "505"},
            {"GET /ec%zzho HTTP/1.1\r\n\r\n", "400"},
            {"GET /echo HTTP/1.1\r\nBroken header\r\n\r\n", "400"},
            {"POST /echo HTTP/1.1\r\nContent-Length: ten\r\n\r\n", "400"},
            {"POST /echo HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab", "400"},
            {"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", "411"},
            {"POST /echo HTTP/1.1\r\nContent-Length: 2048\r\n\r\n", "413"},
            {"GET /echo HTTP/1.1\r\nX: " + std::string(70000, 'x') + "\r\n\r\n", "431"},
            {"GET /echo HTTP/1.1\r\nX: " + std::string(70000, 'x'), "431"}, // no end of head in sight
        };
        for (const Case &c : cases) {
            RawClient client(m_port);
            client.send(c.bytes);
            const std::string reply = client.read("");
            QVERIFY2(reply.rfind(std::string("HTTP/1.1 ") + c.status, 0) == 0,
                     (c.bytes.substr(0, 60) + " -> " + reply.substr(0, 60)).c_str());
            QVERIFY2(client.closed(), c.bytes.substr(0, 60).c_str());
        }
        RawClient stillFine(m_port); // the server goes on serving
        stillFine.send("GET /nowhere HTTP/1.1\r\n\r\n");
        QVERIFY(stillFine.read("NotFound").rfind("HTTP/1.1 404", 0) == 0);
    }

    void idleConnectionsAreClosed()
    {
        RawClient idle(m_port);
        idle.send("GET /echo HTTP/1.1\r\n"); // half a head, then nothing
        idle.read("", 1, 5000);
        QVERIFY(idle.closed());
    }

    void cleanupTestCase() { m_server->stop(); }
};

QTEST_GUILESS_MAIN(EventServerTest)
#include "tst_eventserver.moc"
