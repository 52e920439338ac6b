// AssistantController and its ConversationModel on the real Session: the embedded demo tenant's CRM over
// loopback HTTP binds the question, its lakehouse MCP server (Streamable HTTP) runs the guarded SQL on the
// demo mart. Covers asking, progress and provenance, empty and overlapping questions, cancel and retry,
// edited SQL (admitted and refused by the query guard), opening a row's account (bound, read from the
// CRM, and unknown), copying the SQL, and a Session without a lakehouse. Lakehouses chosen in Settings and
// large results: tst_assistantlakehouses.cpp.
#include "assistantcontroller.h"
#include "assistantfactory.h"
#include "assistanttesting.h"
#include "conversationmodel.h"
#include "demosession.h"
#include "resulttablemodel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assistanttest;

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
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(AssistantControllerTest)

#include "tst_assistantcontroller.moc"
