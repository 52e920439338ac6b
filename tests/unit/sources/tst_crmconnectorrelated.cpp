// The directory, related-record reads, probe and service-down cases of CrmConnector.
#include "crmconnectorfixture.h"

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
