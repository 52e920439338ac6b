// McpServerConfig and LakehouseConnection: every validation failure with its message, the conversion to
// transport configs (used for real over loopback: our own MCP endpoint demanding a bearer token), the
// consent line with values masked and tricky arguments made visible, and the _meta parser.
#include "asynctest.h"
#include "mcp/lakehouseconfig.h"
#include "mcp/serverconfig.h"
#include "tokenserver.h"

#include <functional>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using asynctest::Capture;
using asynctest::qs;

Q_DECLARE_METATYPE(std::function<void(lakeshore::mcp::McpServerConfig &)>)
Q_DECLARE_METATYPE(std::function<void(lakeshore::mcp::LakehouseConnection &)>)

namespace {

using Edit = std::function<void(McpServerConfig &)>;
using EditLakehouse = std::function<void(LakehouseConnection &)>;

McpServerConfig stdioServer()
{
    McpServerConfig config;
    config.name = "lake";
    config.command = "npx";
    config.args = {"-y", "@bytebase/dbhub"};
    config.env = {{"DSN", "postgres://u:pw@db/sales"}};
    return config;
}

McpServerConfig httpServer()
{
    McpServerConfig config;
    config.name = "warehouse";
    config.transport = ServerTransport::Http;
    config.url = "https://adb-1.azuredatabricks.net/api/2.0/mcp/sql";
    config.bearerToken = "dapi-secret";
    return config;
}

LakehouseConnection lakehouse()
{
    LakehouseConnection connection;
    connection.name = "Sales lakehouse";
    connection.serverId = "0123456789abcdef";
    connection.dialect = LakehouseDialect::Databricks;
    connection.meta = R"({"warehouse_id": "abc123"})";
    return connection;
}

Result<ServerIdentity> connectOnce(const McpServerConfig &config)
{
    Client client(transportFactory(config), clientOptions(config));
    Capture<Result<ServerIdentity>> joined;
    client.connect({}, joined.callback());
    if (!joined.wait(1, std::chrono::seconds(30)))
        return makeError(ErrorKind::Timeout, "connect did not finish");
    client.close();
    return joined.value();
}

} // namespace

class ServerConfigTest : public QObject
{
    Q_OBJECT

private slots:
    void validServersPass()
    {
        QVERIFY(validateServerConfig(stdioServer()).ok());
        QVERIFY(validateServerConfig(httpServer()).ok());
    }

    void invalidServersNameTheField_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, Edit edit, const char *expected) {
            QTest::newRow(tag) << edit << QString::fromUtf8(expected);
        };
        row(
            "empty name", [](McpServerConfig &c) { c.name.clear(); }, "name is empty");
        row(
            "blank name", [](McpServerConfig &c) { c.name = "  "; }, "name is empty");
        row(
            "long name", [](McpServerConfig &c) { c.name = std::string(101, 'x'); }, "longer than 100");
        row(
            "name control", [](McpServerConfig &c) { c.name = "a\tb"; }, "name contains a control character");
        row(
            "timeout low", [](McpServerConfig &c) { c.timeoutMs = 999; }, "timeout 999 ms is outside");
        row(
            "timeout high", [](McpServerConfig &c) { c.timeoutMs = 600001; }, "timeout 600001 ms is outside");
        row(
            "no command", [](McpServerConfig &c) { c.command.clear(); }, "command is empty");
        row(
            "command newline", [](McpServerConfig &c) { c.command = "npx\nrm"; },
            "command contains a control");
        row(
            "arg NUL", [](McpServerConfig &c) { c.args.push_back(std::string("a\0b", 3)); },
            "argument 3 contains a NUL");
        row(
            "env empty name", [](McpServerConfig &c) { c.env[""] = "x"; }, "empty name");
        row(
            "env name =", [](McpServerConfig &c) { c.env["A=B"] = "x"; }, "must not contain '='");
        row(
            "env value NUL", [](McpServerConfig &c) { c.env["A"] = std::string("a\0b", 3); },
            "value of environment variable 'A' contains a NUL");
        row(
            "cwd relative", [](McpServerConfig &c) { c.cwd = "work"; }, "must be an absolute path");
        row(
            "http no url",
            [](McpServerConfig &c) {
                c.transport = ServerTransport::Http;
                c.url.clear();
            },
            "url is empty");
        row(
            "http ftp",
            [](McpServerConfig &c) {
                c.transport = ServerTransport::Http;
                c.url = "ftp://h/mcp";
            },
            "must start with http:// or https://");
        row(
            "http credentials",
            [](McpServerConfig &c) {
                c.transport = ServerTransport::Http;
                c.url = "https://me:pw@h/mcp";
            },
            "must not carry a user name or password");
        row(
            "http no host",
            [](McpServerConfig &c) {
                c.transport = ServerTransport::Http;
                c.url = "http://:8080/mcp";
            },
            "names no host");
        row(
            "http space",
            [](McpServerConfig &c) {
                c.transport = ServerTransport::Http;
                c.url = "https://h/m cp";
            },
            "contains spaces");
        row(
            "header name",
            [](McpServerConfig &c) {
                c = httpServer();
                c.headers["X Y"] = "v";
            },
            "not a valid HTTP header name");
        row(
            "header reserved",
            [](McpServerConfig &c) {
                c = httpServer();
                c.headers["content-type"] = "text/plain";
            },
            "set by Lakeshore itself");
        row(
            "header CRLF",
            [](McpServerConfig &c) {
                c = httpServer();
                c.headers["X-A"] = "v\r\nX-B: w";
            },
            "line break");
        row(
            "bearer and Authorization",
            [](McpServerConfig &c) {
                c = httpServer();
                c.headers["Authorization"] = "Basic eA==";
            },
            "either the bearer token or an Authorization header");
        row(
            "bearer with Bearer",
            [](McpServerConfig &c) {
                c = httpServer();
                c.bearerToken = "Bearer abc";
            },
            "without \"Bearer \"");
    }

    void invalidServersNameTheField()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, expected);
        McpServerConfig config = stdioServer();
        edit(config);
        const Status valid = validateServerConfig(config);
        QVERIFY(!valid.ok());
        QVERIFY(valid.error().kind == ErrorKind::Invalid);
        const QString message = qs(valid.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("MCP server")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("dapi-secret")));
    }

    void transportNamesRoundTrip()
    {
        for (ServerTransport transport : {ServerTransport::Stdio, ServerTransport::Http}) {
            ServerTransport parsed = ServerTransport::Stdio;
            QVERIFY(parseServerTransport(serverTransportName(transport), parsed));
            QVERIFY(parsed == transport);
        }
        ServerTransport parsed = ServerTransport::Http;
        QVERIFY(!parseServerTransport("sse", parsed));
        QVERIFY(!parseServerTransport("STDIO", parsed));
    }

    void conversionsCarryEveryField()
    {
        McpServerConfig config = stdioServer();
        config.cwd = "/srv/lake";
        const StdioServerConfig stdio = toStdioConfig(config);
        QCOMPARE(stdio.command, config.command);
        QCOMPARE(stdio.args, config.args);
        QCOMPARE(stdio.env, config.env);
        QCOMPARE(stdio.workingDirectory, config.cwd);

        McpServerConfig remote = httpServer();
        remote.headers = {{"X-Databricks-Org-Id", "42"}};
        remote.timeoutMs = 5000;
        const HttpServerConfig http = toHttpConfig(remote);
        QCOMPARE(http.url, remote.url);
        QCOMPARE(http.bearerToken, remote.bearerToken);
        QCOMPARE(int(http.headers.size()), 1);
        QCOMPARE(http.headers[0].first, std::string("X-Databricks-Org-Id"));
        QCOMPARE(http.connectTimeoutMs, 5000);

        const ClientOptions options = clientOptions(remote);
        QCOMPARE(options.initializeTimeoutMs, 5000);
        QCOMPARE(options.listTimeoutMs, 5000);
    }

    void bearerTokenAndHeadersReachTheServer()
    {
        mcptest::TokenServer server("token-server", "right-token");
        McpServerConfig config = httpServer();
        config.url = server.url();
        config.bearerToken = "right-token";
        auto joined = connectOnce(config);
        QVERIFY2(joined.ok(), joined.ok() ? "" : joined.error().describe().c_str());
        QCOMPARE(qs(joined.value().name), QStringLiteral("token-server"));

        config.bearerToken.clear();
        config.headers = {{"Authorization", "Bearer right-token"}};
        joined = connectOnce(config);
        QVERIFY2(joined.ok(), joined.ok() ? "" : joined.error().describe().c_str());

        config.headers = {{"Authorization", "Bearer wrong-token"}};
        joined = connectOnce(config);
        QVERIFY(!joined.ok());
        QVERIFY2(joined.error().kind == ErrorKind::Auth, joined.error().describe().c_str());
    }

    void launchSummaryShowsTheCommandAndMasksValues()
    {
        McpServerConfig config = stdioServer();
        config.env = {{"API_KEY", "sk-live-123"}, {"DEBUG", "1"}};
        config.args = {"-y", "@scope/server", "two words", "it's", ""};
        const std::string summary = launchSummary(config);
        QCOMPARE(qs(summary),
                 QStringLiteral("API_KEY=*** DEBUG=*** npx -y @scope/server 'two words' 'it'\\''s' ''"));
        QVERIFY(summary.find("sk-live") == std::string::npos);

        config.env.clear();
        config.args = {"a\nb", "x\xE2\x80\xAEtxt.exe", "\x1b[31m"};
        config.cwd = "/srv/my lake";
        QCOMPARE(qs(launchSummary(config)),
                 QStringLiteral("npx 'a\\x0Ab' 'x\\u202Etxt.exe' '\\x1B[31m' (in '/srv/my lake')"));
    }

    void launchSummaryOfHttpNamesHeadersOnly()
    {
        McpServerConfig config = httpServer();
        config.headers = {{"X-Org", "org-secret"}};
        const std::string summary = launchSummary(config);
        QCOMPARE(qs(summary),
                 QStringLiteral("Streamable HTTP https://adb-1.azuredatabricks.net/api/2.0/mcp/sql "
                                "(headers: Authorization=***, X-Org=***)"));
        QVERIFY(summary.find("secret") == std::string::npos);
    }

    void shellQuoteLeavesPlainWordsAlone()
    {
        QCOMPARE(qs(shellQuote("postgresql://localhost:5432/db")),
                 QStringLiteral("postgresql://localhost:5432/db"));
        QCOMPARE(qs(shellQuote("$HOME")), QStringLiteral("'$HOME'"));
        QCOMPARE(qs(shellQuote("na\xC3\xAFve")), QString::fromUtf8("'na\xC3\xAFve'"));
    }

    void validLakehouseConnectionsPass()
    {
        QVERIFY(validateLakehouseConnection(lakehouse()).ok());
        LakehouseConnection llm = lakehouse();
        llm.route = LakehouseRoute::Llm;
        llm.llm = {"http://localhost:11434/v1", "llama3.1", ""};
        QVERIFY(validateLakehouseConnection(llm).ok()); // a local model needs no key
        LakehouseConnection empty = lakehouse();
        empty.meta.clear();
        QVERIFY(validateLakehouseConnection(empty).ok());
    }

    void invalidLakehouseConnectionsNameTheField_data()
    {
        QTest::addColumn<EditLakehouse>("edit");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, EditLakehouse edit, const char *expected) {
            QTest::newRow(tag) << edit << QString::fromUtf8(expected);
        };
        row(
            "empty name", [](LakehouseConnection &c) { c.name = ""; }, "name is empty");
        row(
            "long name", [](LakehouseConnection &c) { c.name = std::string(101, 'x'); }, "longer than 100");
        row(
            "no server", [](LakehouseConnection &c) { c.serverId.clear(); }, "no MCP server is chosen");
        row(
            "bad tool", [](LakehouseConnection &c) { c.sqlTool = "execute sql"; }, "is not a tool name");
        row(
            "bad argument", [](LakehouseConnection &c) { c.sqlArgument = "sql;drop"; },
            "not an argument name");
        row(
            "meta array", [](LakehouseConnection &c) { c.meta = "[1]"; },
            "_meta is an array, not a JSON object");
        row(
            "meta string", [](LakehouseConnection &c) { c.meta = "\"w\""; }, "_meta is a string");
        row(
            "meta syntax", [](LakehouseConnection &c) { c.meta = "{\n\"warehouse_id\": abc}"; },
            "_meta is not valid JSON at line 2, column 17");
        row(
            "meta huge",
            [](LakehouseConnection &c) { c.meta = "{\"a\":\"" + std::string(70000, 'x') + "\"}"; },
            "bytes; at most");
        row(
            "rows zero", [](LakehouseConnection &c) { c.maxRows = 0; }, "max rows 0 is outside");
        row(
            "rows huge", [](LakehouseConnection &c) { c.maxRows = 1000001; }, "max rows 1000001 is outside");
        row(
            "llm no url",
            [](LakehouseConnection &c) {
                c.route = LakehouseRoute::Llm;
                c.llm.model = "m";
            },
            "LLM base URL is empty");
        row(
            "llm ftp",
            [](LakehouseConnection &c) {
                c.route = LakehouseRoute::Llm;
                c.llm = {"ftp://x", "m", ""};
            },
            "LLM base URL 'ftp://x' must start with http");
        row(
            "llm no model",
            [](LakehouseConnection &c) {
                c.route = LakehouseRoute::Llm;
                c.llm = {"https://api.openai.com/v1", " ", "k"};
            },
            "LLM model is empty");
        row(
            "llm key space",
            [](LakehouseConnection &c) {
                c.route = LakehouseRoute::Llm;
                c.llm = {"https://api.openai.com/v1", "gpt", "Bearer k"};
            },
            "LLM API key contains spaces");
    }

    void invalidLakehouseConnectionsNameTheField()
    {
        QFETCH(EditLakehouse, edit);
        QFETCH(QString, expected);
        LakehouseConnection connection = lakehouse();
        edit(connection);
        const Status valid = validateLakehouseConnection(connection);
        QVERIFY(!valid.ok());
        const QString message = qs(valid.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("lakehouse connection")), qPrintable(message));
    }

    void llmFieldsAreIgnoredOffTheLlmRoute()
    {
        LakehouseConnection connection = lakehouse();
        connection.llm = {"not a url", "", ""};
        QVERIFY(validateLakehouseConnection(connection).ok());
    }

    void routeAndDialectNamesRoundTrip()
    {
        for (auto route : {LakehouseRoute::Semantic, LakehouseRoute::Llm, LakehouseRoute::ServerNl}) {
            LakehouseRoute parsed = LakehouseRoute::Semantic;
            QVERIFY(parseRoute(routeName(route), parsed));
            QVERIFY(parsed == route);
        }
        QCOMPARE(qs(routeName(LakehouseRoute::ServerNl)), QStringLiteral("server-nl"));
        for (auto dialect :
             {LakehouseDialect::Databricks, LakehouseDialect::Snowflake, LakehouseDialect::Postgres,
              LakehouseDialect::Sqlite, LakehouseDialect::Generic}) {
            LakehouseDialect parsed = LakehouseDialect::Generic;
            QVERIFY(parseDialect(dialectName(dialect), parsed));
            QVERIFY(parsed == dialect);
        }
        LakehouseRoute route;
        QVERIFY(!parseRoute("genie", route));
        LakehouseDialect dialect;
        QVERIFY(!parseDialect("oracle", dialect));
    }

    void metaParsesToAnObject()
    {
        auto meta = parseMeta(R"({"warehouse_id": "abc", "catalog": {"name": "main"}})");
        QVERIFY(meta.ok());
        QCOMPARE(qs(meta.value()["warehouse_id"].get<std::string>()), QStringLiteral("abc"));
        auto empty = parseMeta("  \n");
        QVERIFY(empty.ok());
        QVERIFY(empty.value().is_object() && empty.value().empty());
        auto comment = parseMeta("{} // no comments here");
        QVERIFY(!comment.ok());
    }
};

QTEST_GUILESS_MAIN(ServerConfigTest)
#include "tst_serverconfig.moc"
