// CrmConnector against the demo tenant's CRM: account lists (search, territory, owner, sort, pages, total),
// one account, the directory, every related read, ids checked before any request, and each mapping
// compared with the World's own values.
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <cmath>
#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::sources;
using namespace asynctest;
using demo::DemoService;

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.rfind(prefix, 0) == 0;
}

double cents(double value)
{
    return std::round(value * 100) / 100;
}

// The first field that differs, or empty.
QString differs(const domain::Account &got, const domain::Account &want)
{
    const std::pair<const char *, bool> fields[] = {
        {"id", got.id == want.id},
        {"accountNumber", got.accountNumber == want.accountNumber},
        {"name", got.name == want.name},
        {"industry", got.industry == want.industry},
        {"street", got.street == want.street},
        {"city", got.city == want.city},
        {"state", got.state == want.state},
        {"postalCode", got.postalCode == want.postalCode},
        {"phone", got.phone == want.phone},
        {"website", got.website == want.website},
        {"annualRevenue", std::abs(got.annualRevenue - cents(want.annualRevenue)) < 0.005},
        {"employees", got.employees == want.employees},
        {"active", got.active == want.active},
        {"territoryId", got.territoryId == want.territoryId},
        {"ownerId", got.ownerId == want.ownerId},
        {"modifiedOn", got.modifiedOn == want.modifiedOn},
    };
    for (const auto &[name, same] : fields)
        if (!same)
            return QString::fromLatin1(name) + " differs for " + qs(want.id);
    return {};
}

std::set<std::string> idsOf(const std::vector<domain::Account> &accounts)
{
    std::set<std::string> ids;
    for (const auto &a : accounts)
        ids.insert(a.id);
    return ids;
}

template <class T> std::set<std::string> idSet(const std::vector<T> &items)
{
    std::set<std::string> ids;
    for (const auto &item : items)
        ids.insert(item.id);
    return ids;
}

} // namespace

class TestCrmConnector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void firstPageAndTotal();
    void morePagesToTheEnd();
    void search_data();
    void search();
    void territoryAndOwner();
    void sorts_data();
    void sorts();
    void badIdsMakeNoRequest_data();
    void badIdsMakeNoRequest();
    void oneAccount();
    void directory();
    void contacts();
    void opportunities();
    void activities();
    void conversations();
    void cases();
    void probe();
    void serviceDown();

private:
    const demo::World &world() const { return m_tenant->world(); }
    // A Cleveland account with some of everything, and its detail.
    std::size_t richAccount() const;
    template <class T, class Call> Result<T> run(Call call)
    {
        return await<T>([&](auto done) { call(*m_crm, done); });
    }

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http; // destroyed before the tenant: its servers then stop at once
    std::unique_ptr<CrmConnector> m_crm;
};

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

void TestCrmConnector::directory()
{
    auto directory = run<Directory>([](CrmConnector &crm, auto done) { crm.directory({}, done); });
    QVERIFY2(directory.ok(), qPrintable(describe(directory)));
    const Directory &d = directory.value();
    QCOMPARE(d.territories.size(), world().territories().size());
    QCOMPARE(d.owners.size(), world().owners().size());
    for (const auto &want : world().territories()) {
        const auto *got = d.territory(want.id);
        QVERIFY(got);
        QCOMPARE(qs(got->name), qs(want.name));
        QCOMPARE(qs(got->region), qs(want.region));
    }
    for (const auto &want : world().owners()) {
        const auto *got = d.owner(want.id);
        QVERIFY(got);
        QCOMPARE(qs(got->fullName), qs(want.fullName));
        QCOMPARE(qs(got->email), qs(want.email));
        QCOMPARE(qs(got->title), qs(want.title));
        QCOMPARE(got->isManager, want.isManager);
        QCOMPARE(qs(got->territoryId), qs(want.territoryId));
    }
    for (std::size_t i = 1; i < d.territories.size(); ++i)
        QVERIFY(d.territories[i - 1].name <= d.territories[i].name);
    QVERIFY(d.territoryNamed("cLeVeLaNd"));
    QCOMPARE(qs(d.territoryNamed("CLEVELAND")->name), QStringLiteral("Cleveland"));
    QVERIFY(!d.territoryNamed("Atlantis"));
    QVERIFY(!d.territory("nope"));
    QVERIFY(!d.owner(""));

    // One half failing fails the whole directory, once.
    m_tenant->setFaults(DemoService::Crm, {demo::parseFault("systemusers:status=500").value()});
    Capture<Result<Directory>> failed;
    m_crm->directory({}, failed.callback());
    QVERIFY(failed.wait());
    m_tenant->setFaults(DemoService::Crm, {});
    QVERIFY(!failed.value().ok());
    QCOMPARE(failed.value().error().httpStatus, 500);
    std::this_thread::sleep_for(50ms);
    QCOMPARE(failed.count(), std::size_t(1));
}

void TestCrmConnector::contacts()
{
    const std::size_t index = richAccount();
    const auto &account = world().accounts()[index];
    const auto detail = world().detail(index);
    auto got = run<std::vector<domain::Contact>>(
        [&](CrmConnector &crm, auto done) { crm.contacts(account.id, 50, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QVERIFY(idSet(got.value()) == idSet(detail.contacts));
    QVERIFY(!got.value().empty());
    QVERIFY(got.value().front().primary == detail.contacts.front().primary);
    for (const auto &c : got.value()) {
        const auto want = std::find_if(detail.contacts.begin(), detail.contacts.end(),
                                       [&](const auto &w) { return w.id == c.id; });
        QCOMPARE(qs(c.accountId), qs(account.id));
        QCOMPARE(qs(c.fullName), qs(want->fullName));
        QCOMPARE(qs(c.jobTitle), qs(want->jobTitle));
        QCOMPARE(qs(c.email), qs(want->email));
        QCOMPARE(qs(c.phone), qs(want->phone));
        QCOMPARE(c.primary, want->primary);
    }
    auto one = run<std::vector<domain::Contact>>(
        [&](CrmConnector &crm, auto done) { crm.contacts(account.id, 1, {}, done); });
    QVERIFY2(one.ok(), qPrintable(describe(one)));
    QCOMPARE(one.value().size(), std::size_t(1));
    if (std::any_of(detail.contacts.begin(), detail.contacts.end(), [](const auto &c) { return c.primary; }))
        QVERIFY(one.value().front().primary); // the primary contact comes first
}

void TestCrmConnector::opportunities()
{
    const std::size_t index = richAccount();
    const auto &account = world().accounts()[index];
    const auto detail = world().detail(index);
    auto got = run<std::vector<domain::Opportunity>>(
        [&](CrmConnector &crm, auto done) { crm.opportunities(account.id, 50, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QVERIFY(idSet(got.value()) == idSet(detail.opportunities));
    for (const auto &o : got.value()) {
        const auto want = std::find_if(detail.opportunities.begin(), detail.opportunities.end(),
                                       [&](const auto &w) { return w.id == o.id; });
        QCOMPARE(qs(o.accountId), qs(account.id));
        QCOMPARE(qs(o.name), qs(want->name));
        QCOMPARE(qs(o.stage), qs(want->stage));
        QCOMPARE(qs(o.status), qs(want->status));
        QVERIFY(std::abs(o.estimatedValue - cents(want->estimatedValue)) < 0.005);
        QCOMPARE(o.probability, want->probability);
        QVERIFY(o.estimatedCloseDate == want->estimatedCloseDate);
        QCOMPARE(qs(o.ownerId), qs(want->ownerId));
    }
    // Open ones first (statecode 0), then newest close date first.
    for (std::size_t i = 1; i < got.value().size(); ++i) {
        const auto &a = got.value()[i - 1];
        const auto &b = got.value()[i];
        const int rankA = a.status == "Open" ? 0 : a.status == "Won" ? 1 : 2;
        const int rankB = b.status == "Open" ? 0 : b.status == "Won" ? 1 : 2;
        QVERIFY(rankA < rankB || (rankA == rankB && !(a.estimatedCloseDate < b.estimatedCloseDate)));
    }
}

void TestCrmConnector::activities()
{
    const std::size_t index = richAccount();
    const auto &account = world().accounts()[index];
    const auto detail = world().detail(index);
    const int limit = 5;
    auto got = run<std::vector<domain::Activity>>(
        [&](CrmConnector &crm, auto done) { crm.activities(account.id, limit, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QCOMPARE(got.value().size(), std::min<std::size_t>(limit, detail.activities.size()));
    // The newest first: the same instants as the World's newest.
    std::vector<std::int64_t> newest;
    for (const auto &a : detail.activities)
        newest.push_back(a.scheduledAt.seconds());
    std::sort(newest.rbegin(), newest.rend());
    for (std::size_t i = 0; i < got.value().size(); ++i) {
        const auto &a = got.value()[i];
        QCOMPARE(a.scheduledAt.seconds(), newest[i]);
        const auto want = std::find_if(detail.activities.begin(), detail.activities.end(),
                                       [&](const auto &w) { return w.id == a.id; });
        QVERIFY(want != detail.activities.end());
        QCOMPARE(qs(a.type), qs(want->type));
        QCOMPARE(qs(a.subject), qs(want->subject));
        QCOMPARE(qs(a.status), qs(want->status));
        QCOMPARE(qs(a.ownerId), qs(want->ownerId));
        QCOMPARE(qs(a.accountId), qs(account.id));
    }
}

void TestCrmConnector::conversations()
{
    const std::size_t index = richAccount();
    const auto &account = world().accounts()[index];
    const auto detail = world().detail(index);
    auto got = run<std::vector<domain::Conversation>>(
        [&](CrmConnector &crm, auto done) { crm.conversations(account.id, 50, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QVERIFY(idSet(got.value()) == idSet(detail.conversations));
    for (std::size_t i = 0; i < got.value().size(); ++i) {
        const auto &c = got.value()[i];
        if (i > 0)
            QVERIFY(!(got.value()[i - 1].lastMessageAt < c.lastMessageAt));
        const auto want = std::find_if(detail.conversations.begin(), detail.conversations.end(),
                                       [&](const auto &w) { return w.id == c.id; });
        QCOMPARE(qs(c.subject), qs(want->subject));
        QCOMPARE(qs(c.channel), qs(want->channel));
        QCOMPARE(c.messageCount, want->messageCount);
        QVERIFY(c.lastMessageAt == want->lastMessageAt);
        QCOMPARE(qs(c.lastMessage), qs(want->lastMessage));
    }
}

void TestCrmConnector::cases()
{
    const std::size_t index = richAccount();
    const auto &account = world().accounts()[index];
    const auto detail = world().detail(index);
    auto got = run<std::vector<domain::Case>>(
        [&](CrmConnector &crm, auto done) { crm.cases(account.id, 50, {}, done); });
    QVERIFY2(got.ok(), qPrintable(describe(got)));
    QVERIFY(idSet(got.value()) == idSet(detail.cases));
    for (const auto &c : got.value()) {
        const auto want = std::find_if(detail.cases.begin(), detail.cases.end(),
                                       [&](const auto &w) { return w.id == c.id; });
        QCOMPARE(qs(c.number), qs(want->number));
        QCOMPARE(qs(c.title), qs(want->title));
        QCOMPARE(qs(c.priority), qs(want->priority));
        QCOMPARE(qs(c.status), qs(want->status));
        QVERIFY(c.createdOn == want->createdOn);
    }
    // An account with nothing related gives empty lists, not errors.
    auto none = run<std::vector<domain::Case>>([](CrmConnector &crm, auto done) {
        crm.cases("00000000-0000-4000-8000-00000000abcd", 10, {}, done);
    });
    QVERIFY2(none.ok(), qPrintable(describe(none)));
    QVERIFY(none.value().empty());
}

void TestCrmConnector::probe()
{
    auto ok = run<ServiceProbe>([](CrmConnector &crm, auto done) { crm.probe({}, done); });
    QVERIFY2(ok.ok(), qPrintable(describe(ok)));
    QVERIFY(std::find(ok.value().entitySets.begin(), ok.value().entitySets.end(), "accounts") !=
            ok.value().entitySets.end());

    // Pointed at the ERP by mistake: the probe says so.
    CrmConnector wrong(*m_http, ConnectionSettings{Service::Crm, m_tenant->erpServiceRoot(), {}, 8000});
    auto mistaken = await<ServiceProbe>([&](auto done) { wrong.probe({}, done); });
    QVERIFY(!mistaken.ok());
    QCOMPARE(mistaken.error().kind, ErrorKind::Malformed);
    QVERIFY2(mistaken.error().message.find("CRM") != std::string::npos, mistaken.error().message.c_str());
}

void TestCrmConnector::serviceDown()
{
    CrmConnector down(
        *m_http, ConnectionSettings{
                     Service::Crm, "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/", {}, 8000});
    auto page = await<AccountPage>([&](auto done) { down.accounts({}, {}, done); });
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ErrorKind::Network);
    auto directory = await<Directory>([&](auto done) { down.directory({}, done); });
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().kind, ErrorKind::Network);

    // A base URL from settings that is not an http(s) URL: Invalid, not a crash or a hang.
    for (const char *base : {"not a url", "ftp://127.0.0.1/crm/", "", "http://[::1/"}) {
        CrmConnector odd(*m_http, ConnectionSettings{Service::Crm, base, {}, 8000});
        auto page = await<AccountPage>([&](auto done) { odd.accounts({}, {}, done); });
        QVERIFY2(!page.ok(), base);
        QVERIFY2(page.error().kind == ErrorKind::Invalid, qPrintable(describe(page)));
    }
}

QTEST_APPLESS_MAIN(TestCrmConnector)
#include "tst_crmconnector.moc"
