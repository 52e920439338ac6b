// Settings → Lakehouse behind the QML: McpServersController with the real Session (settings store on its
// disk thread, demo tenant with its lakehouse MCP endpoint demanding a token), the server list model under
// QAbstractItemModelTester, write-only secrets, Test against real servers (server-everything over stdio,
// the demo lakehouse over HTTP) with cancel and timeout, Import… with consent, lakehouse connections.
#include "mcp/serverimport.h"
#include "mcpserverscontroller.h"
#include "secretmerge.h"
#include "session.h"
#include "store/settingsstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace lakeshore;

namespace {

const char *const kEverything =
    LAKESHORE_PEERS_DIR "/node_modules/@modelcontextprotocol/server-everything/dist/index.js";
const char *const kLakehouseToken = "LAKEHOUSE-TOKEN-7d2e";
const char *const kEnvSecret = "ENV-SECRET-3f9a";
constexpr int kDeadlineMs = 30000;

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    const bool ok =
        sqlite3_open_v2(path.toLocal8Bit().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Every role of every row, as text: no secret may appear in it.
QString everythingShown(const QAbstractItemModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        for (int role : model.roleNames().keys())
            shown << model.data(model.index(row, 0), role).toString();
    return shown.join(QLatin1Char('|'));
}

} // namespace

class McpServersControllerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;

    QString databasePath() const { return m_dataDirectory.filePath(QStringLiteral("settings.sqlite3")); }

    // A second store over the same files, as lakeshore-server would open it, to look at what was saved.
    std::unique_ptr<store::SettingsStore> peekStore() const
    {
        auto opened = store::SettingsStore::open(
            databasePath().toStdString(),
            m_dataDirectory.filePath(QStringLiteral("settings.key")).toStdString());
        if (!opened)
            qFatal("cannot open the store: %s", opened.error().message.c_str());
        return std::move(opened).value();
    }

    bool saveServer(McpServersController &c)
    {
        QSignalSpy saved(&c, &McpServersController::serverSaved);
        c.saveServer();
        return saved.wait(kDeadlineMs) || saved.count() > 0;
    }

    void fillEverything(McpServerForm *form, const QString &name)
    {
        form->setProperty("name", name);
        form->setProperty("transport", McpServerForm::Stdio);
        form->setProperty("command", QStringLiteral("node"));
        form->setProperty("argsText", QString::fromUtf8(kEverything) + QStringLiteral("\nstdio"));
    }

    void fillLakehouse(McpServerForm *form, const QString &name)
    {
        form->setProperty("name", name);
        form->setProperty("transport", McpServerForm::Http);
        form->setProperty("url", QString::fromStdString(m_session->demoTenant()->lakehouseMcpUrl()));
        form->setProperty("bearerTokenInput", QString::fromLatin1(kLakehouseToken));
    }

    QString addLakehouseServer(McpServersController &c, const QString &name)
    {
        c.newServer();
        fillLakehouse(c.serverForm(), name);
        if (!saveServer(c))
            return {};
        return c.servers()
            ->get(c.servers()->names().indexOf(name))
            .value(QStringLiteral("serverId"))
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kEverything),
                 "server-everything is missing: run npm ci --prefix tests/peers");
        Session::Options options;
        options.forceDemo = true;
        options.demo.world.size = demo::WorldSize::Small;
        options.demo.world.today = domain::Date(2026, 11, 21);
        options.demo.lakehouseToken = kLakehouseToken;
        options.dataDirectory = m_dataDirectory.path();
        m_session = std::make_unique<Session>(options);
        Session::setInstance(m_session.get());
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready() && m_session->hasSettingsStore(), kDeadlineMs);
        QVERIFY(!m_session->demoTenant()->lakehouseMcpUrl().empty());
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void init()
    {
        // Each test starts from an empty list.
        QVERIFY(rawExec(databasePath(), "DELETE FROM lakehouse_connection; DELETE FROM mcp_server; "
                                        "DELETE FROM preference WHERE key = 'lakehouse.active';"));
    }

    void listModelUnderTheTesterShowsNoSecret()
    {
        McpServersController c;
        QAbstractItemModelTester tester(c.servers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QCOMPARE(c.servers()->count(), 0);

        c.newServer();
        fillEverything(c.serverForm(), QStringLiteral("Everything"));
        c.serverForm()->env()->append();
        c.serverForm()->env()->setName(0, QStringLiteral("DB_PASSWORD"));
        c.serverForm()->env()->setValue(0, QString::fromLatin1(kEnvSecret));
        QVERIFY2(saveServer(c), qPrintable(c.dialogError()));
        QVERIFY(!addLakehouseServer(c, QStringLiteral("Demo lakehouse")).isEmpty());
        QCOMPARE(c.servers()->count(), 2);

        const QVariantMap lakehouse = c.servers()->get(0);
        QCOMPARE(lakehouse.value(QStringLiteral("name")).toString(), QStringLiteral("Demo lakehouse"));
        QCOMPARE(lakehouse.value(QStringLiteral("transport")).toString(), QStringLiteral("http"));
        QVERIFY(lakehouse.value(QStringLiteral("summary"))
                    .toString()
                    .contains(QStringLiteral("Authorization=***")));
        const QVariantMap everything = c.servers()->get(1);
        QVERIFY(everything.value(QStringLiteral("summary"))
                    .toString()
                    .startsWith(QStringLiteral("DB_PASSWORD=*** node ")));
        QCOMPARE(everything.value(QStringLiteral("serverEnabled")).toBool(), true);
        QCOMPARE(everything.value(QStringLiteral("problem")).toString(), QString());
        QVERIFY(c.servers()->get(2).isEmpty());
        QCOMPARE(c.servers()->indexOf(QStringLiteral("nope")), -1);

        const QString shown = everythingShown(*c.servers());
        QVERIFY(!shown.contains(QLatin1String(kEnvSecret)));
        QVERIFY(!shown.contains(QLatin1String(kLakehouseToken)));

        // A row this build cannot read is listed with the reason, and cannot be edited.
        QVERIFY(rawExec(databasePath(), "UPDATE mcp_server SET transport = 'sse' WHERE name = 'Everything'"));
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QCOMPARE(c.servers()->count(), 2);
        const QVariantMap broken = c.servers()->get(1);
        QVERIFY2(
            broken.value(QStringLiteral("problem")).toString().contains(QStringLiteral("transport 'sse'")),
            qPrintable(broken.value(QStringLiteral("problem")).toString()));
        QVERIFY(!c.editServer(broken.value(QStringLiteral("serverId")).toString()));
        c.removeServer(broken.value(QStringLiteral("serverId")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(c.servers()->count(), 1, kDeadlineMs);
    }

    void secretsAreWriteOnlyAndKeptWhenNotRetyped()
    {
        McpServersController c;
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        c.newServer();
        fillEverything(c.serverForm(), QStringLiteral("Everything"));
        c.serverForm()->env()->append();
        c.serverForm()->env()->setName(0, QStringLiteral("DB_PASSWORD"));
        c.serverForm()->env()->setValue(0, QString::fromLatin1(kEnvSecret));
        QVERIFY2(saveServer(c), qPrintable(c.dialogError()));
        const QString id = c.servers()->get(0).value(QStringLiteral("serverId")).toString();

        QVERIFY(c.editServer(id));
        McpServerForm *form = c.serverForm();
        QCOMPARE(form->env()->count(), 1);
        const QModelIndex row = form->env()->index(0);
        QCOMPARE(row.data(SecretMapModel::NameRole).toString(), QStringLiteral("DB_PASSWORD"));
        QCOMPARE(row.data(SecretMapModel::StoredRole).toBool(), true);
        QCOMPARE(row.data(SecretMapModel::ValueInputRole).toString(), QString()); // never loaded
        QVERIFY(!form->preview().contains(QLatin1String(kEnvSecret)));

        // Renaming the variable without retyping keeps the stored value under the new name.
        form->env()->setName(0, QStringLiteral("PGPASSWORD"));
        form->setProperty("name", QStringLiteral("Everything (renamed)"));
        QVERIFY2(saveServer(c), qPrintable(c.dialogError()));
        {
            auto stored = peekStore()->mcpServer(id.toStdString());
            QVERIFY(stored.ok() && stored.value());
            QCOMPARE(stored.value()->name, std::string("Everything (renamed)"));
            QCOMPARE(stored.value()->env, (std::map<std::string, std::string>{{"PGPASSWORD", kEnvSecret}}));
        }

        // An HTTP server's stored token is kept too, and the test uses it (the endpoint demands it).
        const QString lakehouseId = addLakehouseServer(c, QStringLiteral("Demo lakehouse"));
        QVERIFY(c.editServer(lakehouseId));
        QVERIFY(c.serverForm()->hasStoredBearerToken());
        QCOMPARE(c.serverForm()->property("bearerTokenInput").toString(), QString());
        c.testServer();
        QTRY_VERIFY_WITH_TIMEOUT(!c.serverForm()->testing(), kDeadlineMs);
        QVERIFY2(c.serverForm()->testOk(), qPrintable(c.serverForm()->testResult()));
        QVERIFY2(c.serverForm()->testResult().contains(QStringLiteral("3 tool")),
                 qPrintable(c.serverForm()->testResult()));
    }

    void testReachesRealServers()
    {
        McpServersController c;
        c.newServer();
        fillEverything(c.serverForm(), QStringLiteral("Everything"));
        c.testServer();
        QVERIFY(c.serverForm()->testing());
        QTRY_VERIFY_WITH_TIMEOUT(!c.serverForm()->testing(), kDeadlineMs);
        QVERIFY2(c.serverForm()->testOk(), qPrintable(c.serverForm()->testResult()));
        QVERIFY2(c.serverForm()->testResult().contains(QStringLiteral("mcp-servers/everything")),
                 qPrintable(c.serverForm()->testResult()));
        QVERIFY(c.serverForm()->testResult().contains(QStringLiteral("2025-11-25")));

        // The demo lakehouse without its token is refused.
        c.newServer();
        fillLakehouse(c.serverForm(), QStringLiteral("No token"));
        c.serverForm()->setProperty("bearerTokenInput", QString());
        c.testServer();
        QTRY_VERIFY_WITH_TIMEOUT(!c.serverForm()->testing(), kDeadlineMs);
        QVERIFY(!c.serverForm()->testOk());
        QVERIFY2(c.serverForm()->testResult().contains(QStringLiteral("credentials")),
                 qPrintable(c.serverForm()->testResult()));
    }

    void testReportsAMissingProgram()
    {
        McpServersController c;
        c.newServer();
        c.serverForm()->setProperty("name", QStringLiteral("Missing"));
        c.serverForm()->setProperty("command", QStringLiteral("/nonexistent/mcp-server"));
        c.testServer();
        QTRY_VERIFY_WITH_TIMEOUT(!c.serverForm()->testing(), kDeadlineMs);
        QVERIFY(!c.serverForm()->testOk());
        QVERIFY(!c.serverForm()->testResult().isEmpty());
    }

    void testCanBeCancelledAndTimesOut()
    {
        McpServersController c;
        c.newServer();
        // A real child that never answers: node waiting a minute.
        c.serverForm()->setProperty("name", QStringLiteral("Silent"));
        c.serverForm()->setProperty("command", QStringLiteral("node"));
        c.serverForm()->setProperty("argsText", QStringLiteral("-e\nsetTimeout(() => {}, 60000)"));
        c.testServer();
        QVERIFY(c.serverForm()->testing());
        c.cancelTest();
        QVERIFY(!c.serverForm()->testing());
        QVERIFY(c.serverForm()->testResult().contains(QStringLiteral("cancelled")));

        c.serverForm()->setProperty("timeoutSeconds", 1);
        c.testServer();
        QTRY_VERIFY_WITH_TIMEOUT(!c.serverForm()->testing(), kDeadlineMs);
        QVERIFY(!c.serverForm()->testOk());
        QVERIFY2(c.serverForm()->testResult().contains(QStringLiteral("did not answer in time")),
                 qPrintable(c.serverForm()->testResult()));
    }

    void invalidFormsAreNotSaved()
    {
        McpServersController c;
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        c.newServer();
        c.serverForm()->setProperty("name", QStringLiteral("No command"));
        c.saveServer();
        QVERIFY2(c.dialogError().contains(QStringLiteral("command is empty")), qPrintable(c.dialogError()));
        c.serverForm()->setProperty("command", QStringLiteral("x"));
        c.serverForm()->env()->append();
        c.serverForm()->env()->setName(0, QStringLiteral("A"));
        c.serverForm()->env()->append();
        c.serverForm()->env()->setName(1, QStringLiteral("A"));
        c.saveServer();
        QVERIFY2(c.dialogError().contains(QStringLiteral("listed twice")), qPrintable(c.dialogError()));
        c.testServer();
        QVERIFY(!c.serverForm()->testing());
        QVERIFY(c.serverForm()->testResult().contains(QStringLiteral("listed twice")));
        QCOMPARE(peekStore()->mcpServers().value().servers.size(), std::size_t(0));

        // Two servers may not share a name: the store says so, in the dialog.
        c.serverForm()->env()->remove(1);
        QVERIFY2(saveServer(c), qPrintable(c.dialogError()));
        c.newServer();
        c.serverForm()->setProperty("name", QStringLiteral("no COMMAND"));
        c.serverForm()->setProperty("command", QStringLiteral("y"));
        c.saveServer();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QVERIFY2(c.dialogError().contains(QStringLiteral("exists already")), qPrintable(c.dialogError()));
    }

    void importAsksForConsentFirst()
    {
        McpServersController c;
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        c.beginImport();
        McpImport *importer = c.importer();
        importer->previewFile(QUrl::fromLocalFile(
            QStringLiteral(LAKESHORE_TEST_DATA_DIR "/../mcp/importsamples/claude-code.mcp.json")));
        QTRY_VERIFY_WITH_TIMEOUT(!importer->busy(), kDeadlineMs);
        QCOMPARE(importer->error(), QString());
        QCOMPARE(importer->source(), QStringLiteral("claude-code.mcp.json"));
        QCOMPARE(importer->rows().size(), 3);
        QCOMPARE(importer->acceptedCount(), 2);
        QCOMPARE(importer->commandCount(), 1);
        const QVariantMap legacy = importer->rows().at(2).toMap();
        QCOMPARE(legacy.value(QStringLiteral("accepted")).toBool(), false);
        QVERIFY(legacy.value(QStringLiteral("issues"))
                    .toStringList()
                    .join(QString())
                    .contains(QStringLiteral("HTTP+SSE")));
        const QVariantMap tools = importer->rows().at(1).toMap();
        QCOMPARE(tools.value(QStringLiteral("summary")).toString(), QStringLiteral("node server.js"));

        QVERIFY(!importer->canConfirm());
        c.confirmImport(); // no consent: nothing happens
        QCOMPARE(c.busy(), false);
        importer->setProperty("consent", true);
        QVERIFY(importer->canConfirm());
        QSignalSpy saved(&c, &McpServersController::importSaved);
        c.confirmImport();
        QVERIFY(saved.wait(kDeadlineMs));
        QCOMPARE(c.servers()->count(), 2);
        QCOMPARE(importer->acceptedCount(), 0);

        // Again: the names are taken now, so the preview renames them.
        c.beginImport();
        importer->previewText(QStringLiteral("{\"mcpServers\": {\"genie\": {\"url\": \"https://h/mcp\"}}}"));
        QTRY_VERIFY_WITH_TIMEOUT(!importer->busy(), kDeadlineMs);
        QCOMPARE(importer->rows().at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("genie (2)"));
    }

    void importRefusesBadFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << m_dataDirectory.filePath(QStringLiteral("none.json"))
                                 << QStringLiteral("could not be read");
        QTest::newRow("folder") << m_dataDirectory.path() << QStringLiteral("is a folder");
        QTest::newRow("over 1 MB") << m_dataDirectory.filePath(QStringLiteral("big.json"))
                                   << QStringLiteral("larger than 1 MB");
        QTest::newRow("not json") << m_dataDirectory.filePath(QStringLiteral("notes.txt"))
                                  << QStringLiteral("not valid JSON at line 1, column 1");
    }

    void importRefusesBadFiles()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFile big(m_dataDirectory.filePath(QStringLiteral("big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(int(mcp::kMaxImportBytes) + 10, ' '));
        big.close();
        QFile notes(m_dataDirectory.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("meeting notes");
        notes.close();

        McpServersController c;
        c.beginImport();
        c.importer()->previewFile(QUrl::fromLocalFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!c.importer()->busy(), kDeadlineMs);
        QVERIFY2(c.importer()->error().contains(expected), qPrintable(c.importer()->error()));
        QCOMPARE(c.importer()->acceptedCount(), 0);
        c.importer()->setProperty("consent", true);
        QVERIFY(!c.importer()->canConfirm());
    }

    void lakehouseConnections()
    {
        McpServersController c;
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        const QString serverId = addLakehouseServer(c, QStringLiteral("Demo lakehouse"));
        QVERIFY(!serverId.isEmpty());

        c.newConnection();
        LakehouseForm *form = c.lakehouseForm();
        QCOMPARE(form->property("serverId").toString(), serverId); // the first server is proposed
        form->setProperty("name", QStringLiteral("Sales"));
        form->setProperty("route", LakehouseForm::Llm);
        QVERIFY(form->validate().contains(QStringLiteral("LLM base URL")));
        form->setProperty("llmBaseUrl", QStringLiteral("https://api.openai.com/v1"));
        form->setProperty("llmModel", QStringLiteral("gpt-4.1"));
        form->setProperty("llmApiKeyInput", QStringLiteral("LLM-KEY-SECRET"));
        form->setProperty("meta", QStringLiteral("{\"warehouse_id\": "));
        QVERIFY(form->validate().contains(QStringLiteral("_meta is not valid JSON")));
        form->setProperty("meta", QStringLiteral("{\"warehouse_id\": \"wh-1\"}"));
        form->setProperty("dialect", LakehouseForm::Sqlite);

        c.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!form->testing(), kDeadlineMs);
        QVERIFY2(form->testOk(), qPrintable(form->testResult()));
        QVERIFY2(form->testResult().contains(QStringLiteral("execute_sql")), qPrintable(form->testResult()));
        form->setProperty("sqlTool", QStringLiteral("run_query"));
        c.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(!form->testing(), kDeadlineMs);
        QVERIFY(!form->testOk());
        QVERIFY2(form->testResult().contains(QStringLiteral("no tool named “run_query”")),
                 qPrintable(form->testResult()));
        form->setProperty("sqlTool", QStringLiteral("execute_sql"));

        QSignalSpy saved(&c, &McpServersController::connectionSaved);
        c.saveConnection();
        QVERIFY2(saved.wait(kDeadlineMs), qPrintable(c.dialogError()));
        QCOMPARE(c.connections().size(), 1);
        const QVariantMap row = c.connections().at(0).toMap();
        QCOMPARE(row.value(QStringLiteral("serverName")).toString(), QStringLiteral("Demo lakehouse"));
        QCOMPARE(row.value(QStringLiteral("route")).toString(), QStringLiteral("llm"));
        QCOMPARE(row.value(QStringLiteral("active")).toBool(), true); // the first one is used
        const QString connectionId = row.value(QStringLiteral("connectionId")).toString();
        QCOMPARE(c.activeConnectionId(), connectionId);
        QVERIFY(!QVariant(c.connections()).toString().contains(QStringLiteral("LLM-KEY-SECRET")));

        // Edited without retyping the key: the stored key stays.
        QVERIFY(c.editConnection(connectionId));
        QVERIFY(form->hasStoredApiKey());
        QCOMPARE(form->property("llmApiKeyInput").toString(), QString());
        form->setProperty("maxRows", 250);
        c.saveConnection();
        QVERIFY(saved.wait(kDeadlineMs));
        {
            auto stored = peekStore()->lakehouseConnection(connectionId.toStdString());
            QVERIFY(stored.ok() && stored.value());
            QCOMPARE(stored.value()->llm.apiKey, std::string("LLM-KEY-SECRET"));
            QCOMPARE(stored.value()->maxRows, 250);
            QCOMPARE(stored.value()->meta, std::string("{\"warehouse_id\": \"wh-1\"}"));
        }

        // The server it uses cannot be removed; the list says who uses it.
        QCOMPARE(c.servers()->get(0).value(QStringLiteral("usedBy")).toString(), QStringLiteral("Sales"));
        c.removeServer(serverId);
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QVERIFY(c.messageIsError());
        QVERIFY2(c.message().contains(QStringLiteral("'Sales'")), qPrintable(c.message()));

        c.setActiveConnection(QString());
        QTRY_COMPARE_WITH_TIMEOUT(c.activeConnectionId(), QString(), kDeadlineMs);
        c.removeConnection(connectionId);
        QTRY_COMPARE_WITH_TIMEOUT(c.connections().size(), 0, kDeadlineMs);
        c.removeServer(serverId);
        QTRY_COMPARE_WITH_TIMEOUT(c.servers()->count(), 0, kDeadlineMs);
    }

    void secretMapModelUnderTheTester()
    {
        SecretMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load({"A", "B"});
        QCOMPARE(model.count(), 2);
        model.append();
        model.setName(2, QStringLiteral(" C "));
        model.setValue(2, QStringLiteral("c-value"));
        model.setValue(1, QStringLiteral("new-b"));
        model.setName(0, QStringLiteral("A2"));
        model.remove(5); // out of range: ignored
        QCOMPARE(model.typed(), (std::map<std::string, std::string>{{"B", "new-b"}, {"C", "c-value"}}));
        QCOMPARE(model.kept(), (std::vector<std::pair<std::string, std::string>>{{"A2", "A"}}));
        model.remove(0);
        QCOMPARE(model.count(), 2);
        QVERIFY(model.kept().empty());
    }

    void mergeAddsKeptSecretsOnly()
    {
        mcp::McpServerConfig stored;
        stored.env = {{"OLD", "old-value"}, {"OTHER", "x"}};
        stored.bearerToken = "token";
        mcp::McpServerConfig typed;
        typed.env = {{"NEW", "typed"}};
        KeptSecrets kept;
        kept.env = {{"RENAMED", "OLD"}};
        kept.bearerToken = true;
        QVERIFY(mergeStoredSecrets(typed, kept, stored).ok());
        QCOMPARE(typed.env, (std::map<std::string, std::string>{{"NEW", "typed"}, {"RENAMED", "old-value"}}));
        QCOMPARE(typed.bearerToken, std::string("token"));

        kept.env = {{"GONE", "MISSING"}};
        const Status missing = mergeStoredSecrets(typed, kept, stored);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("MISSING") != std::string::npos);
        QVERIFY(!mergeStoredSecrets(typed, kept, std::nullopt).ok());
    }
};

QTEST_MAIN(McpServersControllerTest)
#include "tst_mcpserverscontroller.moc"
