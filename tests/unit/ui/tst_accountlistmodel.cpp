// AccountListModel on the demo CRM over loopback HTTP, watched by QAbstractItemModelTester throughout.
#include "accountlistmodel.h"
#include "demosession.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class AccountListModelTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_session = startDemoSession(m_dataDirectory, 25);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->directoryLoading(), 10000);
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void pagesSearchesAndResetsUnderTheTester()
    {
        AccountListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(model.count() > 0 && !model.loading(), 10000);
        QCOMPARE(model.count(), 25);
        QVERIFY(model.totalCount() > 25);
        QVERIFY(!model.data(model.index(0), AccountListModel::TerritoryRole).toString().isEmpty());
        QVERIFY(!model.data(model.index(0), AccountListModel::OwnerRole).toString().isEmpty());

        model.loadMore();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loadingMore(), 10000);
        QCOMPARE(model.count(), 50);

        const QString number = model.get(3).value(QStringLiteral("accountNumber")).toString();
        model.setSearch(number);
        QTRY_VERIFY_WITH_TIMEOUT(model.count() == 1 && !model.loading(), 10000);
        QCOMPARE(model.get(0).value(QStringLiteral("accountNumber")).toString(), number);

        model.setSearch(QStringLiteral("no account is called this"));
        QTRY_VERIFY_WITH_TIMEOUT(model.count() == 0 && !model.loading(), 10000);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.canLoadMore());
        QVERIFY(model.get(0).isEmpty());
        QVERIFY(!model.data(model.index(0), AccountListModel::NameRole).isValid());
    }

    void searchTextWithQuotesIsSafe()
    {
        AccountListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(model.count() > 0 && !model.loading(), 10000);
        model.setSearch(QStringLiteral("O'Brien') or (1 eq 1"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.error().isEmpty() && model.count() == 0, 10000);
    }

    void aNewRefreshDropsTheOldReply()
    {
        AccountListModel model;
        QTRY_VERIFY_WITH_TIMEOUT(model.count() > 0 && !model.loading(), 10000);
        model.setSortKey(AccountListModel::ByRevenue);
        model.setDescending(true);
        model.refresh();
        model.setDescending(false);
        model.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 10000);
        const double first = model.data(model.index(0), AccountListModel::RevenueRole).toDouble();
        const double second = model.data(model.index(1), AccountListModel::RevenueRole).toDouble();
        QVERIFY2(first <= second, "the ascending read, issued last, is the one shown");
    }

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(AccountListModelTest)
#include "tst_accountlistmodel.moc"
