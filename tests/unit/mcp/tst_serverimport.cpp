// Importing mcpServers JSON: real Claude Desktop, Claude Code, Cursor and VS Code shaped files, every
// kind of bad file and bad entry (each with its message checked, the good entries beside it kept),
// ${VAR} expansion, name clashes, and an imported server actually launched (server-everything, stdio).
#include "asynctest.h"
#include "mcp/client.h"
#include "mcp/serverimport.h"

#include <algorithm>
#include <map>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::mcp;
using asynctest::Capture;
using asynctest::qs;

namespace {

const char *const kEverything =
    LAKESHORE_PEERS_DIR "/node_modules/@modelcontextprotocol/server-everything/dist/index.js";

// A fixed environment, so results do not depend on the machine running the test.
ImportOptions withEnv(std::map<std::string, std::string> env, std::vector<std::string> existing = {})
{
    ImportOptions options;
    options.lookupEnv = [env = std::move(env)](const std::string &name) -> std::optional<std::string> {
        auto found = env.find(name);
        return found == env.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
    options.existingNames = std::move(existing);
    return options;
}

ImportedServers importOrDie(const std::string &text, const ImportOptions &options = withEnv({}))
{
    auto imported = importMcpServers(text, options);
    if (!imported.ok())
        qFatal("import failed: %s", imported.error().message.c_str());
    return std::move(imported).value();
}

QString issuesText(const ImportedServers &imported)
{
    QStringList lines;
    for (const auto &issue : imported.issues)
        lines << QStringLiteral("%1 [%2] %3")
                     .arg(qs(issue.entry),
                          issue.severity == ImportIssue::Severity::Refused ? QStringLiteral("refused")
                                                                           : QStringLiteral("warning"),
                          qs(issue.message));
    return lines.join(QLatin1Char('\n'));
}

// Real-world shaped files in importsamples/.
std::string sample(const char *name)
{
    QFile file(QStringLiteral(LAKESHORE_TEST_DATA_DIR "/importsamples/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", name);
    return file.readAll().toStdString();
}

const McpServerConfig *find(const ImportedServers &imported, const std::string &name)
{
    for (const auto &server : imported.servers)
        if (server.name == name)
            return &server;
    return nullptr;
}

const ImportIssue *issueFor(const ImportedServers &imported, const std::string &entry)
{
    for (const auto &issue : imported.issues)
        if (issue.entry == entry)
            return &issue;
    return nullptr;
}

// JSON written with single quotes, so that it reads well inside C++ strings.
std::string J(std::string text)
{
    std::replace(text.begin(), text.end(), '\'', '"');
    return text;
}

} // namespace

class ServerImportTest : public QObject
{
    Q_OBJECT

private slots:
    void claudeDesktopFileKeepsOrderArgsAndEnv()
    {
        const std::string text = sample("claude_desktop_config.json");
        const ImportedServers imported = importOrDie(text);
        QVERIFY2(imported.issues.empty(), qPrintable(issuesText(imported)));
        QCOMPARE(imported.format, std::string("mcpServers"));
        QCOMPARE(int(imported.servers.size()), 2);
        QCOMPARE(imported.servers[0].name, std::string("postgres")); // file order, not sorted
        QCOMPARE(imported.servers[1].name, std::string("filesystem"));
        QVERIFY(imported.servers[0].transport == ServerTransport::Stdio);
        QCOMPARE(imported.servers[0].args,
                 (std::vector<std::string>{"-y", "@modelcontextprotocol/server-postgres",
                                           "postgresql://localhost/sales"}));
        QCOMPARE(imported.servers[1].args.back(), std::string("C:\\Users\\me\\Desktop"));
        QCOMPARE(imported.servers[1].env.at("API_KEY"), std::string("sk-live-123"));
        QVERIFY(imported.servers[0].enabled);
    }

    void cursorFileExpandsVariables()
    {
        const std::string text = sample("cursor-mcp.json");
        const ImportedServers imported = importOrDie(text, withEnv({{"DATABRICKS_TOKEN", "dapi-abc"},
                                                                    {"SNOWFLAKE_PAT", "pat-xyz"},
                                                                    {"HOME", "/home/rep"},
                                                                    {"API_KEY", "k-1"}}));
        QVERIFY2(imported.issues.empty(), qPrintable(issuesText(imported)));
        const McpServerConfig *databricks = find(imported, "databricks");
        QVERIFY(databricks);
        QVERIFY(databricks->transport == ServerTransport::Http);
        QCOMPARE(databricks->headers.at("Authorization"), std::string("Bearer dapi-abc"));
        const McpServerConfig *snowflake = find(imported, "snowflake");
        QCOMPARE(snowflake->headers.at("Authorization"), std::string("Bearer pat-xyz"));
        QCOMPARE(snowflake->headers.at("X-Snowflake-Role"), std::string("ANALYST")); // the fallback
        const McpServerConfig *sqlite = find(imported, "sqlite");
        QCOMPARE(sqlite->args.back(), std::string("/home/rep/lake.db"));
        QCOMPARE(sqlite->env.at("API_KEY"), std::string("k-1"));
    }

    void claudeCodeFileRefusesSseButKeepsTheRest()
    {
        const std::string text = sample("claude-code.mcp.json");
        const ImportedServers imported = importOrDie(text, withEnv({{"TOKEN", "t"}}));
        QCOMPARE(int(imported.servers.size()), 2);
        QVERIFY(find(imported, "genie"));
        QVERIFY(find(imported, "tools"));
        QVERIFY(!find(imported, "legacy"));
        const ImportIssue *legacy = issueFor(imported, "legacy");
        QVERIFY(legacy);
        QVERIFY(legacy->severity == ImportIssue::Severity::Refused);
        QVERIFY2(legacy->message.find("legacy HTTP+SSE") != std::string::npos, legacy->message.c_str());
        QVERIFY2(legacy->message.find("Streamable HTTP") != std::string::npos, legacy->message.c_str());
    }

    void vsCodeFileWithCommentsInputsAndEnvFile()
    {
        const std::string text = sample("vscode-mcp.json");
        const ImportedServers imported = importOrDie(text);
        QCOMPARE(imported.format, std::string("servers"));
        QCOMPARE(int(imported.servers.size()), 2);
        const McpServerConfig *pg = find(imported, "pg");
        QVERIFY(pg);
        QCOMPARE(pg->args.back(), std::string("postgres://rep:${input:pg-password}@localhost/sales"));
        const QString issues = issuesText(imported);
        QVERIFY2(issues.contains(QStringLiteral("${input:pg-password}")), qPrintable(issues));
        QVERIFY2(issues.contains(QStringLiteral("left as written")), qPrintable(issues));
        QVERIFY2(issues.contains(QStringLiteral("envFile")), qPrintable(issues));
        for (const auto &issue : imported.issues)
            QVERIFY(issue.severity == ImportIssue::Severity::Warning);
    }

    void vsCodeSettingsFile()
    {
        const std::string text = sample("vscode-settings.json");
        const ImportedServers imported = importOrDie(text);
        QCOMPARE(imported.format, std::string("mcp.servers"));
        QCOMPARE(int(imported.servers.size()), 1);
        QVERIFY2(imported.issues.empty(), qPrintable(issuesText(imported))); // loopback http: no warning
    }

    void bareServerMap()
    {
        const ImportedServers imported =
            importOrDie(J("{'a': {'command': 'a-server'}, 'b': {'url': 'https://b/mcp'}}"));
        QCOMPARE(imported.format, std::string("top-level"));
        QCOMPARE(int(imported.servers.size()), 2);
    }

    void badFilesAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("line 1, column 1");
        QTest::newRow("bad literal") << QByteArray("{\n  \"mcpServers\": {\n    \"a\": tru\n  }\n}")
                                     << QStringLiteral("line 3, column");
        QTest::newRow("trailing comma") << QByteArray("{\"mcpServers\": {\n\"a\": {\"command\": \"x\"},\n}}")
                                        << QStringLiteral("line 3, column 1");
        QTest::newRow("unterminated")
            << QByteArray("{\"mcpServers\": {\"a\": {\"env\": {\"K\": \"sup3rsecret")
            << QStringLiteral("not valid JSON");
        QTest::newRow("bad utf-8") << QByteArray("{\"mcpServers\": {\"\xff\": {}}}")
                                   << QStringLiteral("UTF-8");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << QStringLiteral("not valid JSON");
        QTest::newRow("array root") << QByteArray("[{\"command\": \"x\"}]")
                                    << QStringLiteral("holds an array");
        QTest::newRow("string root") << QByteArray("\"mcpServers\"") << QStringLiteral("holds a string");
        QTest::newRow("map is array") << QByteArray("{\"mcpServers\": [{\"command\": \"x\"}]}")
                                      << QStringLiteral("\"mcpServers\" is an array");
        QTest::newRow("servers is string")
            << QByteArray("{\"servers\": \"x\"}") << QStringLiteral("\"servers\" is a string");
        QTest::newRow("no map") << QByteArray("{\"theme\": \"dark\"}") << QStringLiteral("no \"mcpServers\"");
        QTest::newRow("over 1 MB") << QByteArray(int(kMaxImportBytes) + 1, ' ')
                                   << QStringLiteral("over 1 MB");
        QTest::newRow("deep nesting") << QByteArray(500000, '[') + QByteArray(500000, ']')
                                      << QStringLiteral("nests values more than 64 levels deep");
        QTest::newRow("deep entry") << QByteArray("{\"mcpServers\": {\"a\": ") + QByteArray(100000, '[') +
                                           QByteArray(100000, ']') + QByteArray("}}")
                                    << QStringLiteral("nests values more than 64 levels deep");
        QTest::newRow("65 levels") << QByteArray("{\"mcpServers\": {\"a\": ") + QByteArray(63, '[') +
                                          QByteArray(63, ']') + QByteArray("}}")
                                   << QStringLiteral("nests values more than 64 levels deep");
    }

    void badFilesAreRefusedWithTheReason()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        auto imported = importMcpServers(std::string_view(text.constData(), size_t(text.size())));
        QVERIFY(!imported.ok());
        QVERIFY(imported.error().kind == ErrorKind::Invalid);
        const QString message = qs(imported.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("sup3rsecret")), qPrintable(message));
    }

    void sixtyFourLevelsAreRead()
    {
        const std::string text =
            "{\"mcpServers\": {\"a\": " + std::string(62, '[') + std::string(62, ']') + "}}";
        const ImportedServers imported = importOrDie(text);
        QVERIFY(imported.servers.empty());
        QVERIFY2(issuesText(imported).contains(QStringLiteral("is an array, not an object")),
                 qPrintable(issuesText(imported)));
    }

    void byteOrderMarkIsAccepted()
    {
        const ImportedServers imported =
            importOrDie("\xEF\xBB\xBF{\"mcpServers\": {\"a\": {\"command\": \"x\"}}}");
        QCOMPARE(int(imported.servers.size()), 1);
    }

    void badEntriesAreRefusedAndTheOthersKept_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an object")
            << QStringLiteral("\"npx server\"") << QStringLiteral("is a string, not an object");
        QTest::newRow("neither") << QStringLiteral("{\"args\": [\"x\"]}")
                                 << QStringLiteral("neither \"command\"");
        QTest::newRow("both") << QStringLiteral("{\"command\": \"x\", \"url\": \"https://h/mcp\"}")
                              << QStringLiteral("both \"command\" and \"url\"");
        QTest::newRow("command number")
            << QStringLiteral("{\"command\": 7}") << QStringLiteral("\"command\" is a number");
        QTest::newRow("command empty")
            << QStringLiteral("{\"command\": \"\"}") << QStringLiteral("command is empty");
        QTest::newRow("args string") << QStringLiteral("{\"command\": \"x\", \"args\": \"-y pkg\"}")
                                     << QStringLiteral("\"args\" is a string, not an array");
        QTest::newRow("args number") << QStringLiteral("{\"command\": \"x\", \"args\": [\"--port\", 8080]}")
                                     << QStringLiteral("\"args\" item 2 is a number");
        QTest::newRow("args object") << QStringLiteral("{\"command\": \"x\", \"args\": [{}]}")
                                     << QStringLiteral("\"args\" item 1 is an object");
        QTest::newRow("env array") << QStringLiteral("{\"command\": \"x\", \"env\": [\"A=1\"]}")
                                   << QStringLiteral("\"env\" is an array");
        QTest::newRow("env number") << QStringLiteral("{\"command\": \"x\", \"env\": {\"PORT\": 8080}}")
                                    << QStringLiteral("\"env\" value of \"PORT\" is a number");
        QTest::newRow("env bool") << QStringLiteral("{\"command\": \"x\", \"env\": {\"DEBUG\": true}}")
                                  << QStringLiteral("\"env\" value of \"DEBUG\" is a boolean");
        QTest::newRow("env name with =") << QStringLiteral("{\"command\": \"x\", \"env\": {\"A=B\": \"1\"}}")
                                         << QStringLiteral("must not contain '='");
        QTest::newRow("cwd relative") << QStringLiteral("{\"command\": \"x\", \"cwd\": \"./here\"}")
                                      << QStringLiteral("must be an absolute path");
        QTest::newRow("header number")
            << QStringLiteral("{\"url\": \"https://h/mcp\", \"headers\": {\"X-Id\": 5}}")
            << QStringLiteral("\"headers\" value of \"X-Id\" is a number");
        QTest::newRow("headers array")
            << QStringLiteral("{\"url\": \"https://h/mcp\", \"headers\": [\"A: b\"]}")
            << QStringLiteral("\"headers\" is an array");
        QTest::newRow("header name")
            << QStringLiteral("{\"url\": \"https://h/mcp\", \"headers\": {\"Bad Name\": \"v\"}}")
            << QStringLiteral("not a valid HTTP header name");
        QTest::newRow("header reserved")
            << QStringLiteral("{\"url\": \"https://h/mcp\", \"headers\": {\"Mcp-Session-Id\": \"v\"}}")
            << QStringLiteral("set by Lakeshore itself");
        QTest::newRow("header line break")
            << QStringLiteral("{\"url\": \"https://h/mcp\", \"headers\": {\"X-A\": \"v\\r\\nX-B: w\"}}")
            << QStringLiteral("line break");
        QTest::newRow("sse") << QStringLiteral("{\"type\": \"sse\", \"url\": \"https://h/sse\"}")
                             << QStringLiteral("legacy HTTP+SSE");
        QTest::newRow("unknown type") << QStringLiteral("{\"type\": \"websocket\", \"url\": \"wss://h\"}")
                                      << QStringLiteral("type \"websocket\" is not a transport");
        QTest::newRow("type number") << QStringLiteral("{\"type\": 1, \"command\": \"x\"}")
                                     << QStringLiteral("\"type\" is a number");
        QTest::newRow("stdio without command")
            << QStringLiteral("{\"type\": \"stdio\", \"url\": \"https://h/mcp\"}")
            << QStringLiteral("needs a \"command\"");
        QTest::newRow("http without url") << QStringLiteral("{\"type\": \"http\", \"command\": \"x\"}")
                                          << QStringLiteral("needs a \"url\"");
        QTest::newRow("ftp url") << QStringLiteral("{\"url\": \"ftp://h/mcp\"}")
                                 << QStringLiteral("must start with http:// or https://");
        QTest::newRow("file url") << QStringLiteral("{\"url\": \"file:///etc/passwd\"}")
                                  << QStringLiteral("must start with http:// or https://");
        QTest::newRow("url credentials") << QStringLiteral("{\"url\": \"https://user:pw@h/mcp\"}")
                                         << QStringLiteral("must not carry a user name or password");
        QTest::newRow("url no host") << QStringLiteral("{\"url\": \"https:///mcp\"}")
                                     << QStringLiteral("names no host");
        QTest::newRow("url number") << QStringLiteral("{\"url\": 443}")
                                    << QStringLiteral("\"url\" is a number");
    }

    void badEntriesAreRefusedAndTheOthersKept()
    {
        QFETCH(QString, entry);
        QFETCH(QString, expected);
        const std::string text =
            QStringLiteral("{\"mcpServers\": {\"good\": {\"command\": \"server\"}, \"bad\": %1, "
                           "\"also-good\": {\"url\": \"https://lake.example.com/mcp\"}}}")
                .arg(entry)
                .toStdString();
        const ImportedServers imported = importOrDie(text);
        QCOMPARE(int(imported.servers.size()), 2);
        QVERIFY(find(imported, "good"));
        QVERIFY(find(imported, "also-good"));
        const ImportIssue *issue = issueFor(imported, "bad");
        QVERIFY2(issue, qPrintable(issuesText(imported)));
        QVERIFY(issue->severity == ImportIssue::Severity::Refused);
        QVERIFY2(qs(issue->message).contains(expected), issue->message.c_str());
    }

    void badNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("empty name");
        QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("empty name");
        QTest::newRow("101 chars") << QString(101, QLatin1Char('n')) << QStringLiteral("longer than 100");
        QTest::newRow("newline") << QStringLiteral("two\\nlines") << QStringLiteral("control character");
    }

    void badNamesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const std::string text =
            QStringLiteral("{\"mcpServers\": {\"%1\": {\"command\": \"x\"}, \"ok\": {\"command\": \"y\"}}}")
                .arg(name)
                .toStdString();
        const ImportedServers imported = importOrDie(text);
        QCOMPARE(int(imported.servers.size()), 1);
        QCOMPARE(imported.servers[0].name, std::string("ok"));
        QCOMPARE(int(imported.issues.size()), 1);
        QVERIFY(imported.issues[0].severity == ImportIssue::Severity::Refused);
        QVERIFY2(qs(imported.issues[0].message).contains(expected), imported.issues[0].message.c_str());
    }

    void nameOfExactly100CharactersIsFine()
    {
        const std::string name = QString(99, QLatin1Char('n')).toStdString() + "\xC3\xA9"; // 100 characters
        const ImportedServers imported =
            importOrDie("{\"mcpServers\": {\"" + name + "\": {\"command\": \"x\"}}}");
        QCOMPARE(int(imported.servers.size()), 1);
    }

    void unknownVariablesStayAndAreNamedButValuesNeverShown()
    {
        const std::string text =
            J("{'mcpServers': {'a': {'command': 'x', 'args': ['${MISSING}', '${env:ALSO_MISSING}'], "
              "'env': {'KEY': '${SECRET}', 'OTHER': '${MISSING}'}}}}");
        const ImportedServers imported = importOrDie(text, withEnv({{"SECRET", "s3cr3t-value"}}));
        QCOMPARE(int(imported.servers.size()), 1);
        QCOMPARE(imported.servers[0].args, (std::vector<std::string>{"${MISSING}", "${env:ALSO_MISSING}"}));
        QCOMPARE(imported.servers[0].env.at("KEY"), std::string("s3cr3t-value"));
        const QString issues = issuesText(imported);
        QVERIFY2(issues.contains(QStringLiteral("${MISSING}")), qPrintable(issues));
        QVERIFY2(issues.contains(QStringLiteral("${env:ALSO_MISSING}")), qPrintable(issues));
        QCOMPARE(issues.count(QStringLiteral("${MISSING}")), 1); // one warning per variable
        QVERIFY(!issues.contains(QStringLiteral("s3cr3t")));
    }

    void processEnvironmentIsTheDefault()
    {
        qputenv("LAKESHORE_IMPORT_TEST_VAR", "from-process");
        const ImportedServers imported = importOrDie(
            J("{'mcpServers': {'a': {'command': '${LAKESHORE_IMPORT_TEST_VAR}'}}}"), ImportOptions{});
        QCOMPARE(imported.servers.at(0).command, std::string("from-process"));
    }

    void duplicateNamesInTheFileWarnAndTheLastWins()
    {
        const ImportedServers imported =
            importOrDie(J("{'mcpServers': {'db': {'command': 'first'}, 'db': {'command': 'second'}}}"));
        QCOMPARE(int(imported.servers.size()), 1);
        QCOMPARE(imported.servers[0].command, std::string("second"));
        const ImportIssue *issue = issueFor(imported, "db");
        QVERIFY(issue);
        QVERIFY2(issue->message.find("appears 2 times") != std::string::npos, issue->message.c_str());
    }

    void clashingNamesAreRenamed()
    {
        const std::string text =
            J("{'mcpServers': {'Lakehouse': {'command': 'a'}, 'lakehouse': {'command': 'b'}, "
              "'Sales': {'command': 'c'}}}");
        const ImportedServers imported = importOrDie(text, withEnv({}, {"LAKEHOUSE", "sales (2)"}));
        QCOMPARE(int(imported.servers.size()), 3);
        QCOMPARE(imported.servers[0].name, std::string("Lakehouse (2)"));
        QCOMPARE(imported.servers[1].name, std::string("lakehouse (3)"));
        QCOMPARE(imported.servers[2].name, std::string("Sales"));
        QCOMPARE(imported.entryNames, (std::vector<std::string>{"Lakehouse", "lakehouse", "Sales"}));
        QVERIFY(issuesText(imported).contains(QStringLiteral("imported as \"Lakehouse (2)\"")));
    }

    void renamingPastTheLengthLimitIsRefused()
    {
        const std::string name(100, 'n');
        const ImportedServers imported =
            importOrDie("{\"mcpServers\": {\"" + name + "\": {\"command\": \"x\"}}}", withEnv({}, {name}));
        QVERIFY(imported.servers.empty());
        QVERIFY(imported.issues.at(0).severity == ImportIssue::Severity::Refused);
        QVERIFY(qs(imported.issues.at(0).message).contains(QStringLiteral("renamed copy")));
    }

    void disabledEntriesAreImportedDisabled()
    {
        const ImportedServers imported =
            importOrDie(J("{'mcpServers': {'a': {'command': 'x', 'disabled': true}}}"));
        QCOMPARE(int(imported.servers.size()), 1);
        QVERIFY(!imported.servers[0].enabled);
        QVERIFY(issuesText(imported).contains(QStringLiteral("disabled")));
    }

    void plainHttpToAnotherComputerWarns()
    {
        const ImportedServers imported =
            importOrDie(J("{'mcpServers': {'a': {'url': 'http://lake.example.com/mcp'}}}"));
        QCOMPARE(int(imported.servers.size()), 1);
        QVERIFY(issuesText(imported).contains(QStringLiteral("unencrypted")));
    }

    void emptyMapWarns()
    {
        const ImportedServers imported = importOrDie(J("{'mcpServers': {}}"));
        QVERIFY(imported.servers.empty());
        QVERIFY(issuesText(imported).contains(QStringLiteral("lists no servers")));
    }

    // The whole path: a Claude Desktop entry, imported, launched, and its env seen by the child.
    void importedServerRunsWithItsEnvironment()
    {
        QVERIFY2(
            QFileInfo::exists(kEverything),
            "server-everything is missing: run npm ci --prefix tests/peers (packaging/run-tests.sh does)");
        const std::string text =
            std::string(J("{'mcpServers': {'everything': {'command': 'node', 'args': ['")) + kEverything +
            J("', 'stdio'], 'env': {'LAKESHORE_IMPORTED': '${TOKEN}-ok'}}}}");
        const ImportedServers imported = importOrDie(text, withEnv({{"TOKEN", "tok"}}));
        QCOMPARE(int(imported.servers.size()), 1);
        const McpServerConfig &config = imported.servers[0];
        QVERIFY(validateServerConfig(config).ok());

        Client client(transportFactory(config), clientOptions(config));
        Capture<Result<ServerIdentity>> joined;
        client.connect({}, joined.callback());
        QVERIFY(joined.wait(1, std::chrono::seconds(30)));
        QVERIFY2(joined.value().ok(), joined.value().ok() ? "" : joined.value().error().message.c_str());
        Capture<Result<ToolResult>> env;
        client.callTool("get-env", nlohmann::json::object(), {}, env.callback());
        QVERIFY(env.wait(1, std::chrono::seconds(30)));
        QVERIFY(env.value().ok());
        QVERIFY(!env.value().value().content.empty());
        const auto printed = nlohmann::json::parse(env.value().value().content[0].text, nullptr, false);
        QCOMPARE(qs(printed.value("LAKESHORE_IMPORTED", std::string())), QStringLiteral("tok-ok"));
        client.close();
    }
};

QTEST_GUILESS_MAIN(ServerImportTest)
#include "tst_serverimport.moc"
