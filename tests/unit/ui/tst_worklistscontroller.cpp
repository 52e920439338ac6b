// The Worklists screen's controller in the app on the demo tenant, over real HTTP and MCP: a manager opens
// "Off-contract purchases", groups it by owner and creates follow-up tasks that are read back from the
// CRM (one write fails on purpose and is not reported as created); the CRM down during the join (rows
// still shown, owners unknown, retry); periods and filters with bad input; CSV export; an assistant
// answer saved as a worklist and opened. QAbstractItemModelTester watches both models throughout.
#include "assistantcontroller.h"
#include "conversationmodel.h"
#include "demosession.h"
#include "sources/crmconnector.h"
#include "worklistscontroller.h"
#include "worklists/offcontract.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace lakeshore;

namespace {

constexpr int kDeadlineMs = 60000;
const QString kOffContract = QString::fromLatin1(worklists::kOffContractId);

bool readAndJoined(WorklistsController &c)
{
    return QTest::qWaitFor([&] {
        return !c.loading() && (c.hasResult() || !c.error().isEmpty()) && !c.joining() &&
               (c.table()->table().countIn(worklists::JoinState::Pending) == 0 || !c.joinError().isEmpty());
    }, kDeadlineMs);
}

int columnNamed(WorklistTableModel *table, const QString &label)
{
    return static_cast<int>(table->columnLabels().indexOf(label));
}

std::vector<domain::Activity> tasksOf(Session &session, const std::string &accountId)
{
    std::optional<Result<std::vector<domain::Activity>>> out;
    session.crm()->tasks(accountId, 50, CancelToken(), [&out](Result<std::vector<domain::Activity>> read) {
        QMetaObject::invokeMethod(qApp, [&out, read] { out = read; }, Qt::QueuedConnection);
    });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kDeadlineMs) || !*out)
        return {};
    return out->value();
}

} // namespace

class WorklistsControllerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;

private slots:
    void initTestCase()
    {
        m_session = startDemoSession(m_dataDirectory);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready() && m_session->hasSettingsStore(), kDeadlineMs);
        QVERIFY(m_session->demoTenant()->waitForLakehouseMart(kDeadlineMs).ok());
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void managerGroupsByOwnerAndCreatesFollowUps()
    {
        WorklistsController controller;
        QAbstractItemModelTester listTester(controller.worklists(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tableTester(controller.table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.listLoading() && controller.worklists()->indexOf(kOffContract) == 0,
                                 kDeadlineMs);
        controller.open(kOffContract);
        QVERIFY(controller.loading());
        QVERIFY(readAndJoined(controller));
        QVERIFY2(controller.error().isEmpty(), qPrintable(controller.error()));
        QVERIFY(controller.joinError().isEmpty());
        WorklistTableModel *table = controller.table();
        QVERIFY(table->totalRows() > 10);
        QCOMPARE(table->shownRows(), table->totalRows());
        QVERIFY(!controller.readAt().isEmpty());
        QCOMPARE(controller.period(), QStringLiteral("last-12-months"));
        QCOMPARE(controller.periodFrom(), QStringLiteral("2025-11-22"));
        QVERIFY(controller.sql().contains(QStringLiteral("'2026-11-21'")));
        QVERIFY(!table->footer(columnNamed(table, QStringLiteral("Total spend"))).isEmpty());

        table->setGroupBy(QStringLiteral("owner"));
        QCOMPARE(table->lineKind(0), 0);
        QVERIFY(!table->data(table->index(0, 0)).toString().startsWith(QStringLiteral("Owner not")));
        QCOMPARE(table->lineKind(1), 1);

        // Three accounts of the first owner; the CRM refuses the first task write.
        const QString owner = table->ownerNameAt(1);
        QVERIFY(!owner.isEmpty());
        std::vector<std::string> accounts;
        for (int line = 1; line <= 3 && table->lineKind(line) == 1; ++line) {
            table->setSelected(line, true);
            accounts.push_back(table->accountIdAt(line).toStdString());
        }
        QCOMPARE(accounts.size(), std::size_t(3));
        QCOMPARE(table->selectedCount(), 3);
        demo::Fault refuse;
        refuse.entitySet = "tasks";
        refuse.status = 500;
        refuse.times = 1;
        m_session->demoTenant()->setFaults(demo::DemoService::Crm, {refuse});
        controller.createFollowUps(QStringLiteral("Off-contract review"), QStringLiteral("Please call."),
                                   QStringLiteral("2026-11-28"));
        QVERIFY(controller.writingTasks());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.writingTasks(), kDeadlineMs);
        m_session->demoTenant()->setFaults(demo::DemoService::Crm, {});
        QVERIFY(controller.taskSummaryIsError());
        QVERIFY2(controller.taskSummary().contains(QStringLiteral("2 created, 1 not created")),
                 qPrintable(controller.taskSummary()));

        int created = 0, failed = 0;
        for (const auto &row : table->selectedRows()) {
            const int state = static_cast<int>(table->table().joinState(row) == worklists::JoinState::Joined);
            QCOMPARE(state, 1);
            const std::string id = table->table().facts(row)->crmId;
            const auto tasks = tasksOf(*m_session, id);
            const bool written = std::any_of(tasks.begin(), tasks.end(), [](const domain::Activity &task) {
                return task.subject == "Off-contract review";
            });
            int line = -1;
            for (int l = 0; l < table->rowCount(); ++l)
                if (table->lineKind(l) == 1 && table->accountIdAt(l) == QString::fromStdString(id))
                    line = l;
            const int taskState = table->data(table->index(line, 0), WorklistTableModel::TaskStateRole).toInt();
            if (taskState == WorklistTableModel::TaskCreated) {
                ++created;
                QVERIFY2(written, id.c_str()); // reported created: the CRM has it
                for (const auto &task : tasks)
                    if (task.subject == "Off-contract review")
                        QCOMPARE(QString::fromStdString(task.ownerId), QString::fromStdString(table->table().facts(row)->ownerId));
            } else {
                QCOMPARE(taskState, static_cast<int>(WorklistTableModel::TaskFailed));
                ++failed;
                QVERIFY2(!written, id.c_str()); // a failed task is not in the CRM
                QVERIFY(!table->data(table->index(line, 0), WorklistTableModel::TaskMessageRole).toString().isEmpty());
            }
        }
        QCOMPARE(created, 2);
        QCOMPARE(failed, 1);
    }

    void crmDownDuringTheJoinShowsRowsWithOwnersUnknown()
    {
        WorklistsController controller;
        QAbstractItemModelTester tableTester(controller.table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.listLoading(), kDeadlineMs);
        demo::Fault down;
        down.entitySet = "accounts";
        down.status = 503;
        m_session->demoTenant()->setFaults(demo::DemoService::Crm, {down});
        controller.open(kOffContract);
        QVERIFY(readAndJoined(controller));
        QVERIFY(controller.hasResult());
        QVERIFY(!controller.joinError().isEmpty());
        WorklistTableModel *table = controller.table();
        QVERIFY(table->totalRows() > 10);
        const int ownerColumn = columnNamed(table, QStringLiteral("Owner"));
        QCOMPARE(table->data(table->index(0, ownerColumn)).toString(), QStringLiteral("Unknown"));
        // A follow-up cannot go to an unknown owner: nothing is written, and the row says why.
        table->setSelected(0, true);
        const int before = m_session->demoTenant()->requestCount(demo::DemoService::Crm);
        controller.createFollowUps(QStringLiteral("Call"), {}, {});
        QVERIFY(!controller.writingTasks());
        QVERIFY(controller.taskSummaryIsError());
        QCOMPARE(table->data(table->index(0, 0), WorklistTableModel::TaskStateRole).toInt(),
                 static_cast<int>(WorklistTableModel::TaskFailed));
        QCOMPARE(m_session->demoTenant()->requestCount(demo::DemoService::Crm), before);

        m_session->demoTenant()->setFaults(demo::DemoService::Crm, {});
        controller.retryJoin();
        QVERIFY(controller.joinError().isEmpty());
        QVERIFY(readAndJoined(controller));
        QVERIFY2(controller.joinError().isEmpty(), qPrintable(controller.joinError()));
        QVERIFY(table->data(table->index(0, ownerColumn)).toString() != QStringLiteral("Unknown"));
    }

    void periodsFiltersAndExport()
    {
        WorklistsController controller;
        QTRY_VERIFY_WITH_TIMEOUT(!controller.listLoading(), kDeadlineMs);
        controller.open(kOffContract);
        QVERIFY(readAndJoined(controller));
        const int yearRows = controller.table()->totalRows();

        QVERIFY(!controller.setPeriod(QStringLiteral("custom"), QStringLiteral("2026-13-01"), QStringLiteral("x")));
        QVERIFY(!controller.error().isEmpty());
        QVERIFY(!controller.setPeriod(QStringLiteral("custom"), QStringLiteral("2026-06-01"), QStringLiteral("2026-03-01")));
        QVERIFY(!controller.setPeriod(QStringLiteral("next-week")));
        QVERIFY(controller.setPeriod(QStringLiteral("last-90-days")));
        QVERIFY(readAndJoined(controller));
        QCOMPARE(controller.periodFrom(), QStringLiteral("2026-08-24"));
        QVERIFY(controller.error().isEmpty());
        QVERIFY(controller.table()->totalRows() <= yearRows);
        QVERIFY(controller.setPeriod(QStringLiteral("custom"), QStringLiteral("2026-01-01"), QStringLiteral("2026-03-31")));
        QVERIFY(readAndJoined(controller));
        QVERIFY(controller.sql().contains(QStringLiteral("'2026-03-31'")));

        WorklistTableModel *table = controller.table();
        const int pct = columnNamed(table, QStringLiteral("Off-contract %"));
        QVERIFY(pct >= 0);
        QVERIFY(!table->addFilter(pct, QStringLiteral("greater"), QStringLiteral("lots")));
        QVERIFY(table->filterError().contains(QStringLiteral("Off-contract %")));
        QVERIFY(table->addFilter(pct, QStringLiteral("greater"), QStringLiteral("25")));
        QVERIFY(table->shownRows() < table->totalRows());
        QVERIFY(table->filterError().isEmpty());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("worklist.csv"));
        controller.exportCsv(QUrl::fromLocalFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.exporting(), kDeadlineMs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = file.readAll().split('\n');
        QCOMPARE(lines.size() - 1, table->shownRows() + 1); // header, rows, and the last CRLF's empty tail
        QVERIFY(lines[0].startsWith("Account number,Account,Total spend"));
        QVERIFY(lines[0].contains("Owner"));

        controller.exportCsv(QUrl::fromLocalFile(dir.filePath(QStringLiteral("no/such/folder/x.csv"))));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.exporting(), kDeadlineMs);
        QVERIFY(controller.exportMessage().contains(QStringLiteral("failed")));
    }

    void anAssistantAnswerSavedAsAWorklist()
    {
        AssistantController assistant;
        QTRY_VERIFY_WITH_TIMEOUT(assistant.available(), kDeadlineMs);
        assistant.ask(QStringLiteral("lifetime gross margin by account in the Cleveland territory"));
        QSignalSpy answered(&assistant, &AssistantController::answered);
        QVERIFY(answered.wait(kDeadlineMs));
        QVERIFY(assistant.canSaveAsWorklist(0));
        const int answerRows = assistant.conversation()->get(0).value(QStringLiteral("resultRows")).toInt();
        QVERIFY(answerRows > 0);

        QSignalSpy refused(&assistant, &AssistantController::worklistNotSaved);
        assistant.saveAsWorklist(0, QStringLiteral("   "), {}, false);
        QCOMPARE(refused.count(), 1);
        QSignalSpy saved(&assistant, &AssistantController::worklistSaved);
        assistant.saveAsWorklist(0, QStringLiteral("Cleveland margins"), QStringLiteral("From the assistant"), true);
        QVERIFY(saved.wait(kDeadlineMs));
        const QString id = saved.at(0).at(1).toString();

        WorklistsController worklists;
        QTRY_VERIFY_WITH_TIMEOUT(!worklists.listLoading() && worklists.worklists()->indexOf(id) > 0, kDeadlineMs);
        worklists.open(id);
        QVERIFY(readAndJoined(worklists));
        QVERIFY2(worklists.error().isEmpty(), qPrintable(worklists.error()));
        QCOMPARE(worklists.table()->totalRows(), answerRows);
        QVERIFY(!worklists.usesPeriod());
        QVERIFY(worklists.canRemove());
        // The same name again is refused by the store with a clear message.
        assistant.saveAsWorklist(0, QStringLiteral("cleveland MARGINS"), {}, true);
        QVERIFY(refused.wait(kDeadlineMs));
        worklists.removeCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(worklists.worklists()->indexOf(id) < 0, kDeadlineMs);
    }

    void analystWritesCopiesAndEditsDefinitions()
    {
        WorklistsController controller;
        QAbstractItemModelTester listTester(controller.worklists(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.listLoading(), kDeadlineMs);
        QSignalSpy saved(&controller, &WorklistsController::definitionSaved);
        QSignalSpy refused(&controller, &WorklistsController::definitionNotSaved);

        // Refused before anything is stored: SQL the guard refuses, an unknown placeholder, no name.
        const int before = controller.worklists()->count();
        controller.saveDefinition({}, QStringLiteral("Purge"), {}, QStringLiteral("DELETE FROM dim_account"),
                                  QStringLiteral("account_number"), false);
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("query guard")));
        controller.saveDefinition({}, QStringLiteral("Odd"), {}, QStringLiteral("SELECT * FROM dim_account WHERE x = {{today}}"),
                                  QStringLiteral("account_number"), false);
        QCOMPARE(refused.count(), 2);
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("{{today}}")));
        controller.saveDefinition({}, QStringLiteral(" "), {}, QStringLiteral("SELECT 1"), QStringLiteral("a"), false);
        QCOMPARE(refused.count(), 3);
        QCOMPARE(saved.count(), 0);

        // A new one with a period: saved, listed, opened, read.
        controller.saveDefinition({}, QStringLiteral("Big accounts buying lately"), QStringLiteral("Revenue over 5M"),
                                  QStringLiteral("SELECT account_number, account_name, annual_revenue FROM dim_account "
                                                 "WHERE annual_revenue > 5000000 AND last_order_date >= {{period_start}}"),
                                  QStringLiteral("account_number"), true);
        QVERIFY(saved.wait(kDeadlineMs));
        const QString id = saved.last().at(0).toString();
        QTRY_COMPARE_WITH_TIMEOUT(controller.currentId(), id, kDeadlineMs);
        QVERIFY(readAndJoined(controller));
        QVERIFY2(controller.error().isEmpty(), qPrintable(controller.error()));
        QVERIFY(controller.usesPeriod());
        QVERIFY(controller.table()->totalRows() > 0);
        QCOMPARE(controller.worklists()->count(), before + 1);

        // Edited: the new account column is not in its result, which says so when it runs.
        QVariantMap current = controller.currentForEditing();
        QCOMPARE(current.value(QStringLiteral("id")).toString(), id);
        controller.saveDefinition(id, QStringLiteral("Big accounts (renamed)"), {}, current.value(QStringLiteral("sql")).toString(),
                                  QStringLiteral("customer_no"), true);
        QVERIFY(saved.wait(kDeadlineMs));
        QCOMPARE(saved.last().at(0).toString(), id);
        QTRY_VERIFY_WITH_TIMEOUT(controller.currentName() == QStringLiteral("Big accounts (renamed)") && !controller.loading(),
                                 kDeadlineMs);
        QVERIFY2(controller.error().contains(QStringLiteral("customer_no")), qPrintable(controller.error()));
        QCOMPARE(controller.worklists()->count(), before + 1);

        // A copy of the shipped one keeps its column labels and drill-down.
        controller.open(kOffContract);
        QVERIFY(readAndJoined(controller));
        current = controller.currentForEditing();
        QVERIFY(current.value(QStringLiteral("id")).toString().isEmpty());
        controller.saveDefinition({}, QStringLiteral("My off-contract view"), {}, current.value(QStringLiteral("sql")).toString(),
                                  current.value(QStringLiteral("accountColumn")).toString(), false, true);
        QVERIFY(saved.wait(kDeadlineMs));
        QTRY_COMPARE_WITH_TIMEOUT(controller.currentName(), QStringLiteral("My off-contract view"), kDeadlineMs);
        QVERIFY(readAndJoined(controller));
        QVERIFY(controller.hasDrillDown());
        QVERIFY(controller.table()->columnLabels().contains(QStringLiteral("Leakage (below contract)")));
        controller.removeCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(controller.worklists()->count(), before + 1, kDeadlineMs);
    }
};

QTEST_MAIN(WorklistsControllerTest)
#include "tst_worklistscontroller.moc"
