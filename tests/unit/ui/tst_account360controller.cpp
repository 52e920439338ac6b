// Account360Controller on the demo tenant over loopback HTTP: the GUI thread keeps turning while slow
// reads run, and opening another account drops the first one's replies.
#include "account360controller.h"
#include "demo/odataservice.h"
#include "demosession.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class Account360ControllerTest : public QObject
{
    Q_OBJECT

private:
    void setLatency(lakeshore::demo::DemoService service, int ms)
    {
        std::vector<lakeshore::demo::Fault> faults;
        if (ms > 0) {
            lakeshore::demo::Fault slow;
            slow.latencyMs = ms;
            faults.push_back(slow);
        }
        m_session->demoTenant()->setFaults(service, faults);
    }

    const lakeshore::domain::Account &account(std::size_t index) const
    {
        return m_session->demoTenant()->world().accounts()[index];
    }

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;

private slots:
    void initTestCase()
    {
        m_session = startDemoSession(m_dataDirectory);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready() && !m_session->directoryLoading(), 10000);
    }

    void cleanup()
    {
        setLatency(lakeshore::demo::DemoService::Crm, 0);
        setLatency(lakeshore::demo::DemoService::Erp, 0);
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void guiThreadKeepsTurningDuringSlowReads()
    {
        // Both services take 1.5 s per reply; a GUI thread waiting on them would stall that long.
        setLatency(lakeshore::demo::DemoService::Crm, 1500);
        setLatency(lakeshore::demo::DemoService::Erp, 1500);
        Account360Controller controller;
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        controller.open(QString::fromStdString(account(3).id),
                        QString::fromStdString(account(3).accountNumber));
        QCOMPARE(controller.pendingCount(), 10);
        QTRY_COMPARE_WITH_TIMEOUT(controller.pendingCount(), 0, 10000);
        ticker.stop();
        QCOMPARE(controller.failedCount(), 0);
        QVERIFY2(longestGap < 750,
                 qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(longestGap)));
    }

    void openingAnotherAccountDropsTheFirstOnesReplies()
    {
        setLatency(lakeshore::demo::DemoService::Erp, 600);
        Account360Controller controller;
        QStringList creditNumbersSeen;
        connect(controller.credit(), &Account360Panel::changed, this, [&] {
            const QString number = controller.credit()->summary().value(QStringLiteral("number")).toString();
            if (!number.isEmpty())
                creditNumbersSeen << number;
        });
        const auto &first = account(5);
        const auto &second = account(6);
        controller.open(QString::fromStdString(first.id), QString::fromStdString(first.accountNumber));
        QTest::qWait(100);
        controller.open(QString::fromStdString(second.id), QString::fromStdString(second.accountNumber));
        QTRY_COMPARE_WITH_TIMEOUT(controller.pendingCount(), 0, 10000);
        QTest::qWait(800); // past the first account's replies, had they not been cancelled
        QCOMPARE(creditNumbersSeen, QStringList{QString::fromStdString(second.accountNumber)});
        QCOMPARE(controller.header()->summary().value(QStringLiteral("number")).toString(),
                 QString::fromStdString(second.accountNumber));
    }

    void headerOnlyOpenFindsTheErpCustomer()
    {
        Account360Controller controller;
        controller.open(QString::fromStdString(account(7).id), QString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.pendingCount(), 0, 10000);
        QCOMPARE(controller.failedCount(), 0);
        QCOMPARE(controller.credit()->summary().value(QStringLiteral("number")).toString(),
                 QString::fromStdString(account(7).accountNumber));
    }

    void unknownAccountFailsClearly()
    {
        Account360Controller controller;
        controller.open(QStringLiteral("not-a-guid"), QStringLiteral("C99999"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.pendingCount(), 0, 10000);
        QCOMPARE(controller.header()->state(), Account360Panel::Failed);
        QVERIFY(!controller.header()->errorText().isEmpty());
        QCOMPARE(controller.credit()->state(), Account360Panel::Failed);
        QVERIFY2(controller.credit()->errorText().contains(QStringLiteral("C99999")),
                 qPrintable(controller.credit()->errorText()));
    }
};

QTEST_MAIN(Account360ControllerTest)
#include "tst_account360controller.moc"
