// The assistant pane on lakehouses chosen in Settings → Lakehouse, on the real Session (demo tenant): the
// demo mart served by a second MCP server (`lakeshore-demo --lakehouse-stdio`, a REAL CHILD PROCESS), the
// choice turned off and cleared; a chosen lakehouse that misbehaves (the scripted MCP server, a TEST
// DOUBLE that dies mid-call, never answers, writes non-JSON, sends a malformed result, an unknown
// protocol version, an isError result: each a plain message in the pane); and large results from it
// (120,000 rows growing into the table, also sorted and exported, a column first seen in later rows, a
// 1 MB text answer shown cut).
#include "assistantcontroller.h"
#include "assistanttesting.h"
#include "conversationmodel.h"
#include "demosession.h"
#include "resulttablemodel.h"
#include "store/settingsstore.h"

#include <atomic>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assistanttest;

namespace {

// Runs job on the session's disk thread with its store and waits for it.
bool withStore(Session &session, std::function<bool(lakeshore::store::SettingsStore &)> job)
{
    auto done = std::make_shared<std::atomic<int>>(0);
    session.withStore(
        [job, done](lakeshore::store::SettingsStore *store) { *done = store && job(*store) ? 1 : 2; });
    if (!QTest::qWaitFor([&] { return *done != 0; }, 10000))
        return false;
    return *done == 1;
}

} // namespace

class AssistantLakehousesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_session = startDemoSession(m_dataDirectory);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready(), 10000);
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void usesTheLakehouseChosenInSettings()
    {
        lakeshore::demo::DemoTenant *tenant = m_session->demoTenant();
        QVERIFY(tenant);
        const auto built = tenant->waitForLakehouseMart(60000);
        QVERIFY2(built.ok(), built.ok() ? "" : built.error().message.c_str());
        lakeshore::mcp::McpServerConfig server;
        server.name = "Finance lake";
        server.command = LAKESHORE_DEMO_BINARY;
        server.args = {"--lakehouse-stdio", "--mart", tenant->lakehouseMartPath()};
        lakeshore::mcp::LakehouseConnection connection;
        connection.name = "Finance mart";
        connection.route = lakeshore::mcp::LakehouseRoute::Semantic;
        connection.dialect = lakeshore::mcp::LakehouseDialect::Sqlite;
        connection.sqlTool = "execute_sql";
        auto ids = std::make_shared<std::pair<std::string, std::string>>();
        QVERIFY(withStore(*m_session, [&, ids](lakeshore::store::SettingsStore &store) {
            auto serverId = store.saveMcpServer(server);
            if (!serverId)
                return false;
            connection.serverId = serverId.value();
            auto connectionId = store.saveLakehouseConnection(connection);
            if (!connectionId)
                return false;
            *ids = {serverId.value(), connectionId.value()};
            return store.setActiveLakehouseConnectionId(connectionId.value()).ok();
        }));

        AssistantController controller;
        QSignalSpy changed(m_session.get(), &Session::lakehouseChanged);
        m_session->reloadLakehouse();
        QVERIFY(changed.wait(10000));
        QVERIFY(m_session->chosenLakehouse());
        QVERIFY(controller.available());
        QCOMPARE(controller.lakehouseName(), QStringLiteral("Finance mart"));
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        const QString provenance = entry(controller, 0).value(QStringLiteral("provenance")).toString();
        QVERIFY2(provenance.startsWith(QStringLiteral("Finance mart · execute_sql · ")),
                 qPrintable(provenance));
        QVERIFY(controller.conversation()->table(0)->rows() > 0);

        // Its server turned off: the pane says which connection and why, and asks no server.
        server.id = ids->first;
        server.enabled = false;
        QVERIFY(withStore(*m_session, [server](lakeshore::store::SettingsStore &store) {
            return store.saveMcpServer(server).ok();
        }));
        m_session->reloadLakehouse();
        QVERIFY(changed.wait(10000));
        QVERIFY(!controller.available());
        QVERIFY2(controller.problem().contains(QStringLiteral("Finance mart")) &&
                     controller.problem().contains(QStringLiteral("turned off")),
                 qPrintable(controller.problem()));
        controller.ask(kCleveland);
        QCOMPARE(entry(controller, 1).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Failed));

        // None chosen: the demo lakehouse again.
        QVERIFY(withStore(*m_session, [](lakeshore::store::SettingsStore &store) {
            return store.setActiveLakehouseConnectionId("").ok();
        }));
        m_session->reloadLakehouse();
        QVERIFY(changed.wait(10000));
        QVERIFY(!m_session->chosenLakehouse());
        QVERIFY(controller.available());
        QCOMPARE(controller.lakehouseName(), QStringLiteral("Demo lakehouse"));
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 2), int(ConversationModel::Done));
        QVERIFY(entry(controller, 2)
                    .value(QStringLiteral("provenance"))
                    .toString()
                    .startsWith(QStringLiteral("Demo lakehouse · ")));
    }

    void reportsAMisbehavingLakehouseInThePane_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("expected"); // words the summary or the detail must hold
        QTest::newRow("dies mid-call") << "ok"
                                       << "exit"
                                       << "out of memory";
        QTest::newRow("never answers") << "ok"
                                       << "never"
                                       << "in time";
        QTest::newRow("not JSON") << "ok"
                                  << "garbage"
                                  << "Connected to warehouse";
        QTest::newRow("malformed result") << "ok"
                                          << "malformed"
                                          << "content";
        QTest::newRow("unknown protocol version") << "unknown-version"
                                                  << "echo"
                                                  << "1999-01-01";
        QTest::newRow("isError") << "ok"
                                 << "fail"
                                 << "fact_sales";
    }

    void reportsAMisbehavingLakehouseInThePane()
    {
        QFETCH(QString, mode);
        QFETCH(QString, tool);
        QFETCH(QString, expected);
        QVERIFY(chooseScriptedLakehouse(mode, tool));
        AssistantController controller;
        QVERIFY(controller.available());
        controller.ask(kCleveland);
        const int state = settle(controller, 0);
        const QVariantMap failed = entry(controller, 0);
        const QString said = failed.value(QStringLiteral("error")).toString() + QLatin1Char('\n') +
                             failed.value(QStringLiteral("errorDetail")).toString();
        QCOMPARE(state, int(ConversationModel::Failed));
        QVERIFY2(!failed.value(QStringLiteral("error")).toString().isEmpty(), qPrintable(said));
        QVERIFY2(said.contains(expected), qPrintable(said));
        QCOMPARE(controller.conversation()->table(0)->rows(), 0);
        QVERIFY(!controller.busy());
        controller.retry(0); // and again: the same plain message, still no crash
        QCOMPARE(settle(controller, 0), int(ConversationModel::Failed));

        QVERIFY(forgetLakehouses());
    }

    void aLargeResultKeepsArrivingAfterTheAnswerShows()
    {
        // 120,000 rows (a 15 MB reply from the scripted MCP server, a TEST DOUBLE): the answer shows with
        // the first rows while the rest are decoded, and they all join the same table.
        QVERIFY(chooseScriptedLakehouse(QStringLiteral("ok"), QStringLiteral("table")));
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        ResultTableModel *table = controller.conversation()->table(0);
        QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(allRowsRead(controller, 0));
        QCOMPARE(table->rows(), 120000);
        const QVariantMap answer = entry(controller, 0);
        QCOMPARE(answer.value(QStringLiteral("resultRows")).toInt(), 120000);
        QVERIFY2(answer.value(QStringLiteral("provenance")).toString().contains(QStringLiteral("120000")),
                 qPrintable(answer.value(QStringLiteral("provenance")).toString()));
        QVERIFY(answer.value(QStringLiteral("chartSpec")).toString().isEmpty());
        QCOMPARE(table->data(table->index(119999, 1), Qt::DisplayRole).toString(),
                 QStringLiteral("Account 119999"));
        QVERIFY(answer.value(QStringLiteral("notice")).toString().isEmpty());
        QVERIFY(forgetLakehouses());
    }

    void growingRowsJoinASortedTable()
    {
        QVERIFY(chooseScriptedLakehouse(QStringLiteral("ok"), QStringLiteral("table")));
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        ResultTableModel *table = controller.conversation()->table(0);
        table->setAsyncSortThreshold(1u << 30); // sort on this thread: the order is checked right after
        table->sort(1, Qt::DescendingOrder);    // by name, while (or after) the rest arrive
        QVERIFY(allRowsRead(controller, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!table->sorting(), 30000);
        QCOMPARE(table->rows(), 120000);
        QCOMPARE(table->sortColumn(), 1);
        for (int row = 1; row < table->rows(); row += 997)
            QVERIFY(table->data(table->index(row - 1, 1), ResultTableModel::RawRole).toString() >=
                    table->data(table->index(row, 1), ResultTableModel::RawRole).toString());
        // Exported as shown: every row, in the sorted order.
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("rows.csv"));
        QSignalSpy exported(table, &ResultTableModel::exportFinished);
        table->exportCsv(QUrl::fromLocalFile(path));
        QVERIFY(exported.wait(30000));
        QVERIFY(exported.first().at(0).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!file.atEnd()) {
            file.readLine();
            ++lines;
        }
        QCOMPARE(lines, 120001); // and the header
        QVERIFY(forgetLakehouses());
    }

    void aColumnFirstSeenInLaterRowsJoinsTheTable()
    {
        // Row objects whose "region" key appears only from row 1,000 on (scripted MCP server, a TEST DOUBLE).
        QVERIFY(chooseScriptedLakehouse(QStringLiteral("ok"), QStringLiteral("late_column")));
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        ResultTableModel *table = controller.conversation()->table(0);
        QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(allRowsRead(controller, 0));
        QCOMPARE(table->rows(), 120000);
        QCOMPARE(table->columns(), 4);
        QCOMPARE(table->data(table->index(119999, 3), ResultTableModel::RawRole).toString(),
                 QStringLiteral("North"));
        QVERIFY(table->data(table->index(0, 3), ResultTableModel::NullRole).toBool());
        QVERIFY(forgetLakehouses());
    }

    void showsALargeTextAnswerCut()
    {
        // The SQL tool answers with 1 MB of text and no rows: shown, but cut, with how much is left out.
        QVERIFY(chooseScriptedLakehouse(QStringLiteral("ok"), QStringLiteral("huge")));
        AssistantController controller;
        QVERIFY(controller.available());
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        const QVariantMap answer = entry(controller, 0);
        QVERIFY(!answer.value(QStringLiteral("hasTable")).toBool());
        const QString note = answer.value(QStringLiteral("note")).toString();
        QVERIFY2(note.size() < 4200, qPrintable(QString::number(note.size())));
        QVERIFY2(note.startsWith(QStringLiteral("xxxx")) && note.contains(QStringLiteral("not shown")),
                 qPrintable(note.right(120)));
        QVERIFY(forgetLakehouses());
    }

private:
    // Chooses a lakehouse connection on the scripted MCP server (a TEST DOUBLE) in the given mode, whose
    // SQL tool is tool, and waits until the session has read the choice.
    bool chooseScriptedLakehouse(const QString &mode, const QString &tool)
    {
        if (!forgetLakehouses())
            return false;
        lakeshore::mcp::McpServerConfig server;
        server.name = "Scripted lake";
        server.command = "node";
        server.args = {LAKESHORE_PEERS_DIR "/scripted-mcp-server.js", mode.toStdString()};
        server.timeoutMs = 1500; // "never answers" waits this long
        lakeshore::mcp::LakehouseConnection connection;
        connection.name = "Scripted";
        connection.dialect = lakeshore::mcp::LakehouseDialect::Sqlite;
        connection.sqlTool = tool.toStdString();
        connection.sqlArgument = "sql";
        const bool saved = withStore(*m_session, [&](lakeshore::store::SettingsStore &store) {
            auto serverId = store.saveMcpServer(server);
            if (!serverId)
                return false;
            connection.serverId = serverId.value();
            auto connectionId = store.saveLakehouseConnection(connection);
            return connectionId && store.setActiveLakehouseConnectionId(connectionId.value()).ok();
        });
        if (!saved)
            return false;
        QSignalSpy changed(m_session.get(), &Session::lakehouseChanged);
        m_session->reloadLakehouse();
        return changed.wait(10000) && m_session->chosenLakehouse();
    }

    // Removes every saved lakehouse connection and MCP server: the demo lakehouse again.
    bool forgetLakehouses()
    {
        const bool removed = withStore(*m_session, [](lakeshore::store::SettingsStore &store) {
            auto connections = store.lakehouseConnections();
            auto servers = store.mcpServers();
            if (!connections || !servers)
                return false;
            for (const auto &c : connections.value().connections)
                if (!store.removeLakehouseConnection(c.id))
                    return false;
            for (const auto &s : servers.value().servers)
                if (!store.removeMcpServer(s.id))
                    return false;
            return true;
        });
        if (!removed)
            return false;
        if (!m_session->chosenLakehouse())
            return true;
        QSignalSpy changed(m_session.get(), &Session::lakehouseChanged);
        m_session->reloadLakehouse();
        return changed.wait(10000) && !m_session->chosenLakehouse();
    }

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(AssistantLakehousesTest)

#include "tst_assistantlakehouses.moc"
