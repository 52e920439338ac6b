// AssistantController and its ConversationModel on the real Session: the embedded demo tenant's CRM over
// loopback HTTP binds the question, its lakehouse MCP server (Streamable HTTP) runs the guarded SQL on the
// demo mart. Covers asking, progress and provenance, empty and overlapping questions, cancel and retry,
// edited SQL (admitted and refused by the query guard), opening a row's account (bound, read from the
// CRM, and unknown), copying the SQL, a lakehouse connection chosen in the settings store (the demo mart
// served by a second MCP server, `lakeshore-demo --lakehouse-stdio`, as a REAL CHILD PROCESS), one that
// cannot be used, a chosen lakehouse that misbehaves (the scripted MCP server, a TEST DOUBLE that dies
// mid-call, never answers, writes non-JSON, sends a malformed result, an unknown protocol version, a
// large result that is no table, an isError result: each a plain message in the pane), and a Session
// without a lakehouse.
#include "assistantcontroller.h"
#include "assistantfactory.h"
#include "conversationmodel.h"
#include "demosession.h"
#include "resulttablemodel.h"
#include "store/settingsstore.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCleveland =
    QStringLiteral("what is the lifetime gross margin by account in the Cleveland territory");

QVariantMap entry(const AssistantController &controller, int index)
{
    return controller.conversation()->get(index);
}

// Waits until no question runs; the entry's state then (-1 if it never settled).
int settle(const AssistantController &controller, int index)
{
    if (!QTest::qWaitFor([&] { return !controller.busy(); }, 120000))
        return -1;
    return entry(controller, index).value(QStringLiteral("answerState")).toInt();
}

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

class AssistantControllerTest : public QObject
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

    void theShippedSemanticModelLoads()
    {
        auto model = lakeshore::ui::demoSemanticModel();
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QVERIFY(!model.value()->examples.empty());
    }

    void answersAQuestionWithRowsAndProvenance()
    {
        AssistantController controller;
        QAbstractItemModelTester tester(controller.conversation(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(controller.available());
        QVERIFY(!controller.connecting());
        QVERIFY(controller.examples().contains(
            QStringLiteral("lifetime gross margin by account in the Cleveland territory")));

        QSignalSpy progress(controller.conversation(), &QAbstractItemModel::dataChanged);
        controller.ask(QStringLiteral("  ") + kCleveland + QStringLiteral("\n"));
        QVERIFY(controller.busy());
        QCOMPARE(controller.runningIndex(), 0);
        QCOMPARE(entry(controller, 0).value(QStringLiteral("question")).toString(), kCleveland);
        QCOMPARE(entry(controller, 0).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Running));
        QVERIFY(!entry(controller, 0).value(QStringLiteral("progress")).toString().isEmpty());

        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        QVERIFY(progress.count() >= 2); // at least one progress step, then the answer
        const QVariantMap answer = entry(controller, 0);
        QVERIFY(answer.value(QStringLiteral("title")).toString().contains(QStringLiteral("Cleveland")));
        QVERIFY(answer.value(QStringLiteral("sql"))
                    .toString()
                    .startsWith(QStringLiteral("SELECT"), Qt::CaseInsensitive) ||
                answer.value(QStringLiteral("sql"))
                    .toString()
                    .startsWith(QStringLiteral("WITH"), Qt::CaseInsensitive));
        QVERIFY(answer.value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(!answer.value(QStringLiteral("steps")).toStringList().isEmpty());
        // "Demo lakehouse · execute_sql · 0.31 s · 143 row(s) · 11:02:41"
        const QString provenance = answer.value(QStringLiteral("provenance")).toString();
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^.+ · execute_sql · \\d+\\.\\d\\d s · \\d+ rows? ?(\\(s\\))? · "
                                    "\\d\\d:\\d\\d:\\d\\d$"))
                     .match(provenance)
                     .hasMatch(),
                 qPrintable(provenance));

        ResultTableModel *table = controller.conversation()->table(0);
        QVERIFY(table && table->rows() > 0);
        QVERIFY(table->hasAccounts());
        QCOMPARE(answer.value(QStringLiteral("resultRows")).toInt(), table->rows());
        QVERIFY(answer.value(QStringLiteral("hasTable")).toBool());
        QVERIFY(provenance.contains(QString::number(table->rows())));
        // Money is formatted, every row names a Cleveland account the CRM bound.
        bool money = false;
        for (int column = 0; column < table->columns(); ++column)
            money =
                money ||
                table->data(table->index(0, column), Qt::DisplayRole).toString().contains(QLatin1Char('$'));
        QVERIFY(money);
        for (int row = 0; row < table->rows(); ++row)
            QVERIFY(!table->accountId(row).isEmpty());

        QSignalSpy requested(&controller, &AssistantController::accountRequested);
        controller.openRow(0, 0);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), table->accountId(0));
        QCOMPARE(requested.first().at(1).toString(), table->accountNumber(0));

        controller.copySql(0);
        QCOMPARE(QGuiApplication::clipboard()->text(), answer.value(QStringLiteral("sql")).toString());
    }

    void ignoresEmptyQuestions()
    {
        AssistantController controller;
        controller.ask(QString());
        controller.ask(QStringLiteral(" \t\n "));
        QCOMPARE(controller.conversation()->count(), 0);
        QVERIFY(!controller.busy());
    }

    void aQuestionItCannotReadFailsWithReasonAndRetry()
    {
        AssistantController controller;
        controller.ask(QStringLiteral("what is the weather on Mars tomorrow"));
        QCOMPARE(settle(controller, 0), int(ConversationModel::Failed));
        const QVariantMap failed = entry(controller, 0);
        QCOMPARE(failed.value(QStringLiteral("error")).toString(),
                 QStringLiteral("The assistant could not answer this question."));
        QVERIFY(!failed.value(QStringLiteral("errorDetail")).toString().isEmpty());
        controller.retry(0); // in place, fails the same way
        QVERIFY(controller.busy());
        QCOMPARE(settle(controller, 0), int(ConversationModel::Failed));
        QCOMPARE(controller.conversation()->count(), 1);
        controller.retry(7); // no such entry
        QVERIFY(!controller.busy());
    }

    void cancelsAndAskingAgainCancelsTheRunningOne()
    {
        AssistantController controller;
        QSignalSpy answered(&controller, &AssistantController::answered);
        controller.ask(kCleveland);
        controller.cancel();
        QVERIFY(!controller.busy());
        QCOMPARE(entry(controller, 0).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Cancelled));
        QCOMPARE(answered.count(), 1);

        controller.ask(kCleveland);
        controller.ask(QStringLiteral("top 10 accounts by revenue in Columbus")); // cancels entry 1
        QCOMPARE(entry(controller, 1).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Cancelled));
        QCOMPARE(controller.runningIndex(), 2);
        QCOMPARE(settle(controller, 2), int(ConversationModel::Done));
        // Whatever the cancelled ones' replies did meanwhile, they stay cancelled.
        QCOMPARE(entry(controller, 0).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Cancelled));
        QCOMPARE(entry(controller, 1).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Cancelled));
        QCOMPARE(entry(controller, 1).value(QStringLiteral("error")).toString(),
                 QStringLiteral("The question was cancelled."));

        controller.retry(1); // a cancelled question can be asked again
        QCOMPARE(settle(controller, 1), int(ConversationModel::Done));
        QVERIFY(controller.conversation()->table(1)->rows() > 0);
        controller.cancel(); // nothing running: nothing happens
        QCOMPARE(entry(controller, 1).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Done));
    }

    void runsEditedSqlThroughTheGuard()
    {
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        const int rows = controller.conversation()->table(0)->rows();

        // An admitted edit: a new entry, marked edited, the earlier answer's accounts still open rows.
        const QString sql = entry(controller, 0).value(QStringLiteral("sql")).toString();
        controller.rerun(0, QStringLiteral("SELECT * FROM (") + sql + QStringLiteral(") LIMIT 2"));
        QCOMPARE(controller.conversation()->count(), 2);
        QCOMPARE(settle(controller, 1), int(ConversationModel::Done));
        QVERIFY(entry(controller, 1).value(QStringLiteral("edited")).toBool());
        QCOMPARE(controller.conversation()->table(1)->rows(), std::min(rows, 2));
        QVERIFY(!controller.conversation()->table(1)->accountId(0).isEmpty());

        // Refused: nothing leaves the client, the error says why, the edited SQL stays on show.
        const QString bad = QStringLiteral("DELETE FROM dim_account");
        controller.rerun(0, bad);
        QCOMPARE(settle(controller, 2), int(ConversationModel::Failed));
        const QVariantMap refused = entry(controller, 2);
        QVERIFY2(
            refused.value(QStringLiteral("error")).toString().contains(QStringLiteral("read-only SELECT")),
            qPrintable(refused.value(QStringLiteral("error")).toString()));
        QVERIFY(refused.value(QStringLiteral("errorDetail")).toString().contains(QStringLiteral("guard")));
        QCOMPARE(refused.value(QStringLiteral("sql")).toString(), bad);
        QVERIFY(refused.value(QStringLiteral("edited")).toBool());

        controller.rerun(0, QStringLiteral("SELECT 1; SELECT 2"));
        QCOMPARE(settle(controller, 3), int(ConversationModel::Failed));
        controller.rerun(0, QStringLiteral("   "));      // blank: ignored
        controller.rerun(9, QStringLiteral("SELECT 1")); // no such answer: ignored
        QCOMPARE(controller.conversation()->count(), 4);
        // A failed edit can be retried (it runs the edited SQL again, refused again).
        controller.retry(2);
        QCOMPARE(settle(controller, 2), int(ConversationModel::Failed));

        // A lakehouse error (no such table) is shown, not hidden.
        controller.rerun(0, QStringLiteral("SELECT * FROM no_such_table"));
        QCOMPARE(settle(controller, 4), int(ConversationModel::Failed));
        QVERIFY(!entry(controller, 4).value(QStringLiteral("errorDetail")).toString().isEmpty());
    }

    void opensRowsTheAnswerDidNotBind()
    {
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        const QString known = controller.conversation()->table(0)->accountNumber(0);
        // Accounts outside Cleveland: the answer never bound them, the CRM is asked.
        controller.rerun(0, QStringLiteral("SELECT account_number, account_name FROM dim_account WHERE "
                                           "account_number <> '%1' ORDER BY account_number LIMIT 3")
                                .arg(known));
        QCOMPARE(settle(controller, 1), int(ConversationModel::Done));
        ResultTableModel *table = controller.conversation()->table(1);
        QVERIFY(table->hasAccounts());
        int unbound = -1;
        for (int row = 0; row < table->rows() && unbound < 0; ++row)
            if (table->accountId(row).isEmpty())
                unbound = row;
        QVERIFY(unbound >= 0);
        QSignalSpy requested(&controller, &AssistantController::accountRequested);
        controller.openRow(1, unbound);
        QVERIFY(entry(controller, 1)
                    .value(QStringLiteral("notice"))
                    .toString()
                    .contains(table->accountNumber(unbound)));
        QVERIFY(requested.wait(20000));
        QCOMPARE(requested.first().at(1).toString(), table->accountNumber(unbound));
        QVERIFY(!requested.first().at(0).toString().isEmpty());
        QCOMPARE(table->accountId(unbound), requested.first().at(0).toString()); // remembered
        QVERIFY(entry(controller, 1).value(QStringLiteral("notice")).toString().isEmpty());

        // A number the CRM does not know: the failure is shown, nothing opens.
        controller.rerun(0, QStringLiteral("SELECT 'Z99999' AS account_number"));
        QCOMPARE(settle(controller, 2), int(ConversationModel::Done));
        requested.clear();
        controller.openRow(2, 0);
        QTRY_VERIFY_WITH_TIMEOUT(entry(controller, 2)
                                     .value(QStringLiteral("notice"))
                                     .toString()
                                     .startsWith(QStringLiteral("Could not")),
                                 20000);
        QVERIFY(entry(controller, 2)
                    .value(QStringLiteral("notice"))
                    .toString()
                    .contains(QStringLiteral("Z99999")));
        QCOMPARE(requested.count(), 0);

        // A null account number names no account; rows of answers without accounts do nothing.
        controller.rerun(0, QStringLiteral("SELECT NULL AS account_number"));
        QCOMPARE(settle(controller, 3), int(ConversationModel::Done));
        controller.openRow(3, 0);
        QCOMPARE(entry(controller, 3).value(QStringLiteral("notice")).toString(),
                 QStringLiteral("This row names no account."));
        controller.rerun(0, QStringLiteral("SELECT 1 AS one"));
        QCOMPARE(settle(controller, 4), int(ConversationModel::Done));
        controller.openRow(4, 0);
        controller.openRow(42, 0);
        QCOMPARE(requested.count(), 0);
    }

    void exportsAnAnswerAndReportsOnIt()
    {
        QTemporaryDir dir;
        AssistantController controller;
        controller.ask(kCleveland);
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        QSignalSpy exported(controller.conversation()->table(0), &ResultTableModel::exportFinished);
        controller.exportCsv(0, QUrl::fromLocalFile(dir.filePath(QStringLiteral("cleveland.csv"))));
        QVERIFY(exported.wait(20000));
        QVERIFY(entry(controller, 0)
                    .value(QStringLiteral("notice"))
                    .toString()
                    .startsWith(QStringLiteral("Saved")));
        controller.exportCsv(0, QUrl::fromLocalFile(QStringLiteral("/dev/full")));
        QVERIFY(exported.wait(20000));
        QVERIFY(entry(controller, 0)
                    .value(QStringLiteral("notice"))
                    .toString()
                    .startsWith(QStringLiteral("Could not")));

        controller.clear();
        QCOMPARE(controller.conversation()->count(), 0);
    }

    void usesTheOpenAccountAsThisAccount()
    {
        AssistantController controller;
        QSignalSpy context(&controller, &AssistantController::contextChanged);
        auto *tenant = m_session->demoTenant();
        const auto &account = tenant->world().accounts().front();
        controller.setContextAccountId(QString::fromStdString(account.id));
        controller.setContextAccountNumber(QString::fromStdString(account.accountNumber));
        controller.setContextAccountName(QString::fromStdString(account.name));
        controller.setContextAccountName(QString::fromStdString(account.name));
        QCOMPARE(context.count(), 3);
        controller.ask(QStringLiteral("top items for this account"));
        QCOMPARE(settle(controller, 0), int(ConversationModel::Done));
        QVERIFY2(entry(controller, 0)
                     .value(QStringLiteral("sql"))
                     .toString()
                     .contains(QString::fromStdString(account.accountNumber)),
                 qPrintable(entry(controller, 0).value(QStringLiteral("sql")).toString()));

        // Without an open account "this account" cannot be read.
        AssistantController noContext;
        noContext.ask(QStringLiteral("top items for this account"));
        QCOMPARE(settle(noContext, 0), int(ConversationModel::Failed));
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
        QTRY_VERIFY_WITH_TIMEOUT(!entry(controller, 0).value(QStringLiteral("readingRows")).toBool(), 30000);
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
        QTRY_VERIFY_WITH_TIMEOUT(!entry(controller, 0).value(QStringLiteral("readingRows")).toBool(), 30000);
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
        QTRY_VERIFY_WITH_TIMEOUT(!entry(controller, 0).value(QStringLiteral("readingRows")).toBool(), 30000);
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

    void saysSoWhenThereIsNoLakehouse()
    {
        QTemporaryDir dataDirectory;
        Session::Options options;
        options.forceDemo = true;
        options.demo.world.size = lakeshore::demo::WorldSize::Small;
        options.demo.lakehouse = false; // the demo tenant without its lakehouse
        options.dataDirectory = dataDirectory.path();
        Session session(options);
        Session::setInstance(&session);
        AssistantController controller;
        QVERIFY(controller.connecting());
        QVERIFY(!controller.available());
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.ready(), 10000);
        QVERIFY(!controller.connecting());
        QVERIFY(!controller.available());
        QVERIFY(controller.problem().contains(QStringLiteral("Settings")));
        QVERIFY(controller.examples().isEmpty());
        controller.ask(kCleveland); // answered with the reason, no fake data
        QCOMPARE(entry(controller, 0).value(QStringLiteral("answerState")).toInt(),
                 int(ConversationModel::Failed));
        QVERIFY(!controller.busy());
        QCOMPARE(controller.conversation()->table(0)->rows(), 0);
        Session::setInstance(m_session.get());
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

QTEST_MAIN(AssistantControllerTest)

#include "tst_assistantcontroller.moc"
