// The account list reads of CrmConnector against the demo tenant.
#include "crmconnectorfixture.h"

void TestCrmConnector::initTestCase()
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();
    m_crm = std::make_unique<CrmConnector>(
        *m_http, ConnectionSettings{Service::Crm, m_tenant->crmServiceRoot(), {}, 8000});
    QCOMPARE(qs(m_crm->settings().baseUrl), qs(m_tenant->crmServiceRoot()));
}

void TestCrmConnector::cleanupTestCase()
{
    m_crm.reset();
    m_http.reset();
    m_tenant.reset();
}

std::size_t TestCrmConnector::richAccount() const
{
    const auto cleveland = std::find_if(world().territories().begin(), world().territories().end(),
                                        [](const auto &t) { return t.name == "Cleveland"; });
    std::size_t best = 0;
    std::size_t bestScore = 0;
    for (std::size_t i = 0; i < world().accounts().size(); ++i) {
        if (world().accounts()[i].territoryId != cleveland->id)
            continue;
        const auto detail = world().detail(i);
        const std::size_t score = std::min<std::size_t>(detail.contacts.size(), 3) +
                                  std::min<std::size_t>(detail.opportunities.size(), 3) +
                                  std::min<std::size_t>(detail.activities.size(), 3) +
                                  std::min<std::size_t>(detail.conversations.size(), 3) +
                                  std::min<std::size_t>(detail.cases.size(), 3);
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

void TestCrmConnector::firstPageAndTotal()
{
    auto page = run<AccountPage>([](CrmConnector &crm, auto done) { crm.accounts({}, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QCOMPARE(page.value().accounts.size(), std::size_t(50));
    QCOMPARE(page.value().total.value_or(-1), static_cast<long long>(world().accounts().size()));
    QVERIFY(!page.value().nextLink.empty());
    const auto &accounts = page.value().accounts;
    for (std::size_t i = 1; i < accounts.size(); ++i)
        QVERIFY2(accounts[i - 1].name <= accounts[i].name, accounts[i].name.c_str());
    for (const auto &account : accounts) {
        const auto index = world().findAccountById(account.id);
        QVERIFY(index);
        const QString diff = differs(account, world().accounts()[*index]);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestCrmConnector::morePagesToTheEnd()
{
    AccountFilter filter;
    filter.pageSize = 17;
    auto page = run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QCOMPARE(page.value().accounts.size(), std::size_t(17));
    std::vector<domain::Account> all = page.value().accounts;
    std::string next = page.value().nextLink;
    int pages = 1;
    while (!next.empty() && pages < 50) {
        auto more = run<AccountPage>(
            [&](CrmConnector &crm, auto done) { crm.moreAccounts(next, {}, done, filter.pageSize); });
        QVERIFY2(more.ok(), qPrintable(describe(more)));
        // The page size holds on every page, not just the first.
        QCOMPARE(more.value().accounts.size(),
                 std::min<std::size_t>(17, world().accounts().size() - all.size()));
        all.insert(all.end(), more.value().accounts.begin(), more.value().accounts.end());
        next = more.value().nextLink;
        ++pages;
    }
    QCOMPARE(pages, static_cast<int>((world().accounts().size() + 16) / 17));
    QCOMPARE(all.size(), world().accounts().size());
    QCOMPARE(idsOf(all).size(), all.size());
    for (std::size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].name <= all[i].name);

    // Without a page size, "more" pages have the filter's default size.
    auto first = run<AccountPage>([](CrmConnector &crm, auto done) { crm.accounts({}, {}, done); });
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    auto second = run<AccountPage>(
        [&](CrmConnector &crm, auto done) { crm.moreAccounts(first.value().nextLink, {}, done); });
    QVERIFY2(second.ok(), qPrintable(describe(second)));
    QCOMPARE(second.value().accounts.size(), std::size_t(AccountFilter().pageSize));

    // A link that is not one of the service's: an error, not a crash.
    auto bad =
        run<AccountPage>([](CrmConnector &crm, auto done) { crm.moreAccounts("not a link", {}, done); });
    QVERIFY(!bad.ok());
}

void TestCrmConnector::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("city") << QStringLiteral("cleveland");
    QTest::newRow("city, shouting") << QStringLiteral("CLEVE");
    QTest::newRow("number prefix") << QStringLiteral("c10");
    QTest::newRow("inside a name") << QStringLiteral("supply");
    QTest::newRow("apostrophe") << QStringLiteral("'s");
    QTest::newRow("injection") << QStringLiteral("x') or true or contains(name,'");
    QTest::newRow("url delimiters") << QStringLiteral("%&?#=+/");
    QTest::newRow("nothing matches") << QStringLiteral("zzqqxx");
}

void TestCrmConnector::search()
{
    QFETCH(QString, text);
    const std::string wanted = lower(text.toStdString());
    std::set<std::string> expected;
    for (const auto &a : world().accounts())
        if (lower(a.name).find(wanted) != std::string::npos || startsWith(lower(a.accountNumber), wanted) ||
            startsWith(lower(a.city), wanted))
            expected.insert(a.id);

    AccountFilter filter;
    filter.search = text.toStdString();
    filter.pageSize = 500;
    auto page = run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    QCOMPARE(page.value().total.value_or(-1), static_cast<long long>(expected.size()));
    QVERIFY(idsOf(page.value().accounts) == expected);
}

void TestCrmConnector::territoryAndOwner()
{
    const auto &territory = *std::find_if(world().territories().begin(), world().territories().end(),
                                          [](const auto &t) { return t.name == "Cleveland"; });
    AccountFilter filter;
    filter.territoryId = territory.id;
    filter.pageSize = 500;
    auto inTerritory =
        run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(inTerritory.ok(), qPrintable(describe(inTerritory)));
    std::set<std::string> expected;
    for (const auto &a : world().accounts())
        if (a.territoryId == territory.id)
            expected.insert(a.id);
    QVERIFY(!expected.empty());
    QVERIFY(idsOf(inTerritory.value().accounts) == expected);

    const std::string owner = inTerritory.value().accounts.front().ownerId;
    filter.ownerId = owner;
    auto both = run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(both.ok(), qPrintable(describe(both)));
    std::set<std::string> owned;
    for (const auto &a : world().accounts())
        if (a.territoryId == territory.id && a.ownerId == owner)
            owned.insert(a.id);
    QVERIFY(idsOf(both.value().accounts) == owned);
    QCOMPARE(both.value().total.value_or(-1), static_cast<long long>(owned.size()));

    // A well-formed id that matches nothing is an empty page, not an error.
    filter.ownerId = "00000000-0000-4000-8000-00000000abcd";
    auto none = run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(none.ok(), qPrintable(describe(none)));
    QVERIFY(none.value().accounts.empty());
    QCOMPARE(none.value().total.value_or(-1), 0LL);
}

void TestCrmConnector::sorts_data()
{
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    QTest::newRow("name desc") << int(AccountSort::Name) << true;
    QTest::newRow("number") << int(AccountSort::AccountNumber) << false;
    QTest::newRow("city") << int(AccountSort::City) << false;
    QTest::newRow("revenue desc") << int(AccountSort::Revenue) << true;
    QTest::newRow("modified desc") << int(AccountSort::Modified) << true;
}

void TestCrmConnector::sorts()
{
    QFETCH(int, sort);
    QFETCH(bool, descending);
    AccountFilter filter;
    filter.sort = static_cast<AccountSort>(sort);
    filter.descending = descending;
    filter.pageSize = 500;
    auto page = run<AccountPage>([&](CrmConnector &crm, auto done) { crm.accounts(filter, {}, done); });
    QVERIFY2(page.ok(), qPrintable(describe(page)));
    const auto &accounts = page.value().accounts;
    QCOMPARE(accounts.size(), world().accounts().size());
    auto key = [&](const domain::Account &a) -> std::pair<std::string, double> {
        switch (filter.sort) {
        case AccountSort::Name:
            return {a.name, 0};
        case AccountSort::AccountNumber:
            return {a.accountNumber, 0};
        case AccountSort::City:
            return {a.city, 0};
        case AccountSort::Revenue:
            return {{}, a.annualRevenue};
        case AccountSort::Modified:
            return {{}, static_cast<double>(a.modifiedOn.seconds())};
        }
        return {};
    };
    for (std::size_t i = 1; i < accounts.size(); ++i) {
        const auto a = key(accounts[i - 1]);
        const auto b = key(accounts[i]);
        QVERIFY2(descending ? !(a < b) : !(b < a), qPrintable(QString::number(i)));
    }
}

void TestCrmConnector::badIdsMakeNoRequest_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << QStringLiteral("not-a-guid");
    QTest::newRow("injection") << QStringLiteral("00000000-0000-4000-8000-000000000001 or true");
    QTest::newRow("quoted") << QStringLiteral("'00000000-0000-4000-8000-000000000001'");
    QTest::newRow("braces") << QStringLiteral("{0000000-0000-4000-8000-000000000001}");
    QTest::newRow("non-hex") << QStringLiteral("g0000000-0000-4000-8000-000000000001");
    QTest::newRow("dash moved") << QStringLiteral("000000000-000-4000-8000-000000000001");
}

void TestCrmConnector::badIdsMakeNoRequest()
{
    QFETCH(QString, id);
    const std::string bad = id.toStdString();
    QVERIFY(!isGuid(bad));
    const int before = m_tenant->requestCount(DemoService::Crm);
    // Every call must answer Invalid at once, on the caller's thread, before any request.
    auto expectInvalid = [&](auto call) {
        Capture<int> kinds;
        auto record = kinds.callback();
        call([record](auto result) { record(result ? -1 : int(result.error().kind)); });
        return kinds.count() == 1 && kinds.value() == int(ErrorKind::Invalid);
    };
    AccountFilter byTerritory;
    byTerritory.territoryId = bad;
    AccountFilter byOwner;
    byOwner.ownerId = bad;
    if (!bad.empty()) {
        QVERIFY(expectInvalid([&](auto done) { m_crm->accounts(byTerritory, {}, done); }));
        QVERIFY(expectInvalid([&](auto done) { m_crm->accounts(byOwner, {}, done); }));
    }
    QVERIFY(expectInvalid([&](auto done) { m_crm->account(bad, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->contacts(bad, 5, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->opportunities(bad, 5, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->activities(bad, 5, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->conversations(bad, 5, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->cases(bad, 5, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->tasks(bad, 5, {}, done); }));
    NewTask task{bad, world().owners().front().id, "Call", {}, {}};
    QVERIFY(expectInvalid([&](auto done) { m_crm->createTask(task, {}, done); }));
    task = NewTask{world().accounts().front().id, bad, "Call", {}, {}};
    QVERIFY(expectInvalid([&](auto done) { m_crm->createTask(task, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->accountsById({bad}, {}, done); }));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
}

void TestCrmConnector::oneAccount()
{
    for (std::size_t index : {std::size_t(0), richAccount(), world().accounts().size() - 1}) {
        const domain::Account &want = world().accounts()[index];
        auto got =
            run<domain::Account>([&](CrmConnector &crm, auto done) { crm.account(want.id, {}, done); });
        QVERIFY2(got.ok(), qPrintable(describe(got)));
        const QString diff = differs(got.value(), want);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    auto missing = run<domain::Account>(
        [](CrmConnector &crm, auto done) { crm.account("00000000-0000-4000-8000-00000000abcd", {}, done); });
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    // Upper-case hex is a GUID too.
    std::string upper = world().accounts().front().id;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    QVERIFY(isGuid(upper));
}

QTEST_APPLESS_MAIN(TestCrmConnector)
