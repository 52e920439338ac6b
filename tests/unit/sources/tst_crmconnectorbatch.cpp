// CrmConnector's batch reads for a worklist's CRM join: accountsByNumber and accountsById in chunks over
// real HTTP, unknown and odd keys, checks that send nothing, one failing chunk, the CRM down, and cancel.
#include "crmconnectorfixture.h"

#include <QElapsedTimer>

namespace {

// Every account number of the world, then unknown ones (one with a quote) up to count.
std::vector<std::string> numbers(const demo::World &world, std::size_t count)
{
    std::vector<std::string> out;
    for (const auto &account : world.accounts())
        out.push_back(account.accountNumber);
    out.push_back("O'Brien-1");
    for (std::size_t i = 0; out.size() < count; ++i)
        out.push_back("ZZ" + std::to_string(90000 + i));
    return out;
}

} // namespace

void TestCrmConnector::accountsByNumber()
{
    std::vector<std::string> asked = numbers(world(), 250);
    std::reverse(asked.begin(), asked.end()); // the answer follows the order asked, not the CRM's
    asked.push_back(asked.back());            // a number twice is read once
    const int before = m_tenant->requestCount(DemoService::Crm);
    auto found = run<std::vector<domain::Account>>(
        [&](CrmConnector &crm, auto done) { crm.accountsByNumber(asked, {}, done); });
    QVERIFY2(found.ok(), qPrintable(describe(found)));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm) - before, 3); // 250 keys, 100 a request
    const auto &accounts = found.value();
    QCOMPARE(accounts.size(), world().accounts().size());
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const auto &want = world().accounts()[world().accounts().size() - 1 - i];
        const QString diff = differs(accounts[i], want);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Only unknown numbers, quotes and all: an empty answer, not an error.
    auto unknown = run<std::vector<domain::Account>>([&](CrmConnector &crm, auto done) {
        crm.accountsByNumber({"O'Brien", "''", "x') or true or ('", "%27", "C1 or 1 eq 1"}, {}, done);
    });
    QVERIFY2(unknown.ok(), qPrintable(describe(unknown)));
    QVERIFY(unknown.value().empty());
}

void TestCrmConnector::accountsById()
{
    std::vector<std::string> asked;
    for (const auto &account : world().accounts())
        asked.push_back(account.id);
    std::transform(asked[0].begin(), asked[0].end(), asked[0].begin(),
                   [](unsigned char c) { return std::toupper(c); }); // GUIDs in any letter case
    for (int i = 0; i < 30; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", 700 + i);
        asked.push_back(id);
    }
    const int before = m_tenant->requestCount(DemoService::Crm);
    auto found = run<std::vector<domain::Account>>(
        [&](CrmConnector &crm, auto done) { crm.accountsById(asked, {}, done); });
    QVERIFY2(found.ok(), qPrintable(describe(found)));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm) - before, 2);
    QCOMPARE(found.value().size(), world().accounts().size());
    for (std::size_t i = 0; i < found.value().size(); ++i) {
        const QString diff = differs(found.value()[i], world().accounts()[i]);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
}

void TestCrmConnector::accountsBatchChecksFirst()
{
    const int before = m_tenant->requestCount(DemoService::Crm);
    auto expectInvalid = [&](auto call) {
        Capture<Result<std::vector<domain::Account>>> answer;
        call(answer.callback());
        return answer.count() == 1 && !answer.value().ok() &&
               answer.value().error().kind == ErrorKind::Invalid;
    };
    const std::string good = world().accounts().front().accountNumber;
    QVERIFY(expectInvalid([&](auto done) {
        m_crm->accountsByNumber({good, std::string(65, 'C')}, {}, done);
    }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->accountsByNumber({good, "C1\nC2"}, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->accountsByNumber({std::string("C1\0", 3)}, {}, done); }));
    QVERIFY(expectInvalid([&](auto done) {
        m_crm->accountsById({world().accounts().front().id, "C10042"}, {}, done);
    }));
    QVERIFY(expectInvalid([&](auto done) { m_crm->accountsById({""}, {}, done); }));
    // Nothing to ask: an empty answer at once.
    auto expectEmpty = [&](auto call) {
        Capture<Result<std::vector<domain::Account>>> answer;
        call(answer.callback());
        return answer.count() == 1 && answer.value().ok() && answer.value().value().empty();
    };
    QVERIFY(expectEmpty([&](auto done) { m_crm->accountsByNumber({}, {}, done); }));
    QVERIFY(expectEmpty([&](auto done) { m_crm->accountsByNumber({"", ""}, {}, done); }));
    QVERIFY(expectEmpty([&](auto done) { m_crm->accountsById({}, {}, done); }));
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
    // 64 characters is still a number.
    auto longest = run<std::vector<domain::Account>>(
        [&](CrmConnector &crm, auto done) { crm.accountsByNumber({std::string(64, 'C')}, {}, done); });
    QVERIFY2(longest.ok(), qPrintable(describe(longest)));
}

void TestCrmConnector::accountsBatchFailures()
{
    const auto asked = numbers(world(), 250);
    // One chunk of three failing fails the call, once, with that chunk's error.
    m_tenant->setFaults(DemoService::Crm, {demo::parseFault("accounts:status=500,times=1").value()});
    Capture<Result<std::vector<domain::Account>>> failed;
    m_crm->accountsByNumber(asked, {}, failed.callback());
    QVERIFY(failed.wait());
    std::this_thread::sleep_for(200ms);
    m_tenant->setFaults(DemoService::Crm, {});
    QCOMPARE(failed.count(), std::size_t(1));
    QVERIFY(!failed.value().ok());
    QCOMPARE(failed.value().error().httpStatus, 500);

    // The CRM unavailable: a clear error once the retries are spent.
    m_tenant->setFaults(DemoService::Crm, {demo::parseFault("accounts:status=503,retry-after=0").value()});
    auto unavailable = run<std::vector<domain::Account>>(
        [&](CrmConnector &crm, auto done) { crm.accountsById({world().accounts().front().id}, {}, done); });
    m_tenant->setFaults(DemoService::Crm, {});
    QVERIFY(!unavailable.ok());
    QCOMPARE(unavailable.error().kind, ErrorKind::RateLimited);
    QVERIFY2(unavailable.error().message.find("unavailable") != std::string::npos,
             unavailable.error().message.c_str());

    // The CRM down.
    CrmConnector down(
        *m_http, ConnectionSettings{
                     Service::Crm, "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/", {}, 8000});
    auto lost =
        await<std::vector<domain::Account>>([&](auto done) { down.accountsByNumber(asked, {}, done); });
    QVERIFY(!lost.ok());
    QCOMPARE(lost.error().kind, ErrorKind::Network);
}

void TestCrmConnector::accountsBatchCancel()
{
    // 700 numbers make 7 requests; at most 4 run at once, and cancelling stops the rest.
    const auto asked = numbers(world(), 700);
    m_tenant->setFaults(DemoService::Crm, {demo::parseFault("accounts:latency=800").value()});
    const int before = m_tenant->requestCount(DemoService::Crm);
    CancelToken cancel;
    Capture<Result<std::vector<domain::Account>>> answer;
    QElapsedTimer timer;
    timer.start();
    m_crm->accountsByNumber(asked, cancel, answer.callback());
    for (int i = 0; i < 100 && m_tenant->requestCount(DemoService::Crm) - before < 4; ++i)
        std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(100ms);
    QCOMPARE(m_tenant->requestCount(DemoService::Crm) - before, 4);
    cancel.cancel();
    QVERIFY(answer.wait());
    QVERIFY2(timer.elapsed() < 700, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!answer.value().ok());
    QCOMPARE(answer.value().error().kind, ErrorKind::Cancelled);
    std::this_thread::sleep_for(1000ms); // the four in flight end on the server; no more are sent
    m_tenant->setFaults(DemoService::Crm, {});
    QCOMPARE(m_tenant->requestCount(DemoService::Crm) - before, 4);
    QCOMPARE(answer.count(), std::size_t(1));

    // Cancelled before it starts: nothing is sent.
    CancelToken early;
    early.cancel();
    const int quiet = m_tenant->requestCount(DemoService::Crm);
    auto none =
        await<std::vector<domain::Account>>([&](auto done) { m_crm->accountsByNumber(asked, early, done); });
    QVERIFY(!none.ok());
    QCOMPARE(none.error().kind, ErrorKind::Cancelled);
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), quiet);
}
