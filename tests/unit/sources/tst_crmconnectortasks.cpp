// CrmConnector's task writes against the demo tenant: createTask then tasks() and activities() read it
// back, checks that send nothing, and service errors that are reported once and never retried.
#include "crmconnectorfixture.h"

namespace {

NewTask followUp(const domain::Account &account, std::string subject)
{
    NewTask task;
    task.accountId = account.id;
    task.ownerId = account.ownerId;
    task.subject = std::move(subject);
    task.description = "Invoices billed above the contract price since May.";
    task.dueDate = domain::Timestamp::at(domain::Date(2025, 7, 15), 17, 0);
    return task;
}

} // namespace

void TestCrmConnector::createTaskThenReadBack()
{
    const domain::Account &account = world().accounts()[richAccount()];
    const NewTask task = followUp(account, "  Call about off-contract pricing  ");
    auto created =
        run<domain::Activity>([&](CrmConnector &crm, auto done) { crm.createTask(task, {}, done); });
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    const domain::Activity &first = created.value();
    QVERIFY(isGuid(first.id));
    QCOMPARE(qs(first.type), QStringLiteral("Task"));
    QCOMPARE(qs(first.status), QStringLiteral("Open"));
    QCOMPARE(qs(first.subject), QStringLiteral("Call about off-contract pricing"));
    QCOMPARE(qs(first.accountId), qs(account.id));
    QCOMPARE(qs(first.ownerId), qs(account.ownerId));
    QCOMPARE(qs(first.scheduledAt.iso()), QStringLiteral("2025-07-15T17:00:00Z"));

    // Another owner, no due date and no description.
    NewTask second;
    second.accountId = account.id;
    second.ownerId = world().owners().back().id;
    second.subject = "Send the new price list";
    auto next =
        run<domain::Activity>([&](CrmConnector &crm, auto done) { crm.createTask(second, {}, done); });
    QVERIFY2(next.ok(), qPrintable(describe(next)));
    QCOMPARE(qs(next.value().ownerId), qs(second.ownerId));

    auto tasks = run<std::vector<domain::Activity>>(
        [&](CrmConnector &crm, auto done) { crm.tasks(account.id, 10, {}, done); });
    QVERIFY2(tasks.ok(), qPrintable(describe(tasks)));
    QCOMPARE(tasks.value().size(), std::size_t(2));
    const domain::Activity &newest = tasks.value()[0];
    const domain::Activity &older = tasks.value()[1];
    QCOMPARE(qs(newest.id), qs(next.value().id));
    QCOMPARE(qs(newest.subject), QStringLiteral("Send the new price list"));
    QCOMPARE(qs(older.id), qs(first.id));
    QCOMPARE(qs(older.subject), qs(first.subject));
    QCOMPARE(qs(older.ownerId), qs(account.ownerId));
    QCOMPARE(qs(older.type), QStringLiteral("Task"));
    QCOMPARE(qs(older.status), QStringLiteral("Open"));
    QVERIFY(older.scheduledAt == *task.dueDate);
    auto one = run<std::vector<domain::Activity>>(
        [&](CrmConnector &crm, auto done) { crm.tasks(account.id, 1, {}, done); });
    QVERIFY2(one.ok(), qPrintable(describe(one)));
    QCOMPARE(one.value().size(), std::size_t(1));
    QCOMPARE(qs(one.value().front().id), qs(next.value().id));

    // Account 360's activities show it, and nothing changes for another account.
    auto activities = run<std::vector<domain::Activity>>(
        [&](CrmConnector &crm, auto done) { crm.activities(account.id, 500, {}, done); });
    QVERIFY2(activities.ok(), qPrintable(describe(activities)));
    const auto shown = std::find_if(activities.value().begin(), activities.value().end(),
                                    [&](const auto &a) { return a.id == first.id; });
    QVERIFY(shown != activities.value().end());
    QCOMPARE(qs(shown->type), QStringLiteral("Task"));
    QCOMPARE(qs(shown->status), QStringLiteral("Open"));
    QVERIFY(shown->scheduledAt == *task.dueDate);
    auto none = run<std::vector<domain::Activity>>([&](CrmConnector &crm, auto done) {
        crm.tasks(world().accounts().front().id == account.id ? world().accounts().back().id
                                                              : world().accounts().front().id,
                  10, {}, done);
    });
    QVERIFY2(none.ok(), qPrintable(describe(none)));
    QVERIFY(none.value().empty());
}

void TestCrmConnector::createTaskChecksFirst_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    QTest::newRow("account not a GUID") << "account"
                                        << "C10042"
                                        << "account id";
    QTest::newRow("account injection") << "account"
                                       << "00000000-0000-4000-8000-000000000001) or (1"
                                       << "account id";
    QTest::newRow("owner empty") << "owner" << QString() << "user id";
    QTest::newRow("owner braces") << "owner"
                                  << "{00000000-0000-4000-8000-000000000001}"
                                  << "user id";
    QTest::newRow("subject empty") << "subject" << QString() << "subject";
    QTest::newRow("subject blank") << "subject"
                                   << " \t\n "
                                   << "subject";
    QTest::newRow("subject 201 characters") << "subject" << QString(201, QChar(0xe9)) << "at most 200";
    QTest::newRow("description 10001 characters") << "description" << QString(10001, 'd') << "at most 10000";
}

void TestCrmConnector::createTaskChecksFirst()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, says);
    NewTask task = followUp(world().accounts().front(), "Valid subject");
    const std::string text = value.toStdString();
    if (field == "account")
        task.accountId = text;
    else if (field == "owner")
        task.ownerId = text;
    else if (field == "subject")
        task.subject = text;
    else
        task.description = text;
    const int before = m_tenant->requestCount(DemoService::Crm);
    Capture<Result<domain::Activity>> answer;
    m_crm->createTask(task, {}, answer.callback());
    QCOMPARE(answer.count(), std::size_t(1)); // at once, on the caller's thread
    QVERIFY(!answer.value().ok());
    QCOMPARE(answer.value().error().kind, ErrorKind::Invalid);
    QVERIFY2(qs(answer.value().error().message).contains(says), answer.value().error().message.c_str());
    QCOMPARE(m_tenant->requestCount(DemoService::Crm), before);
}

void TestCrmConnector::createTaskLimitsInCharacters()
{
    // 200 two-byte characters (400 bytes) fit, for the connector and the service alike.
    const domain::Account &account = world().accounts()[1];
    NewTask task = followUp(account, QString(200, QChar(0xe9)).toStdString());
    task.description = QString(10000, QChar(0x20ac)).toStdString();
    auto created =
        run<domain::Activity>([&](CrmConnector &crm, auto done) { crm.createTask(task, {}, done); });
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    QCOMPARE(created.value().subject, task.subject);
}

void TestCrmConnector::createTaskServiceErrors()
{
    const domain::Account &account = world().accounts()[2];
    auto taskCount = [&] {
        auto tasks = run<std::vector<domain::Activity>>(
            [&](CrmConnector &crm, auto done) { crm.tasks(account.id, 100, {}, done); });
        return tasks.ok() ? int(tasks.value().size()) : -1;
    };
    const int tasksBefore = taskCount();
    const std::tuple<const char *, ErrorKind, int> faults[] = {
        {"tasks:status=500", ErrorKind::Service, 500},
        {"tasks:status=503,retry-after=0", ErrorKind::RateLimited, 503},
        {"*:status=504", ErrorKind::Service, 504},
    };
    for (const auto &[spec, kind, status] : faults) {
        m_tenant->setFaults(DemoService::Crm, {demo::parseFault(spec).value()});
        const int before = m_tenant->requestCount(DemoService::Crm);
        Capture<Result<domain::Activity>> answer;
        m_crm->createTask(followUp(account, spec), {}, answer.callback());
        QVERIFY(answer.wait());
        std::this_thread::sleep_for(300ms); // long enough for a retry to have gone out
        m_tenant->setFaults(DemoService::Crm, {});
        QVERIFY2(!answer.value().ok(), spec);
        QVERIFY2(answer.value().error().kind == kind, qPrintable(describe(answer.value())));
        QCOMPARE(answer.value().error().httpStatus, status);
        QVERIFY2(m_tenant->requestCount(DemoService::Crm) - before == 1, spec); // sent once, never again
        QCOMPARE(answer.count(), std::size_t(1));
    }
    QCOMPARE(taskCount(), tasksBefore);

    // The service's own refusal, in its words: a well-formed id of no account.
    NewTask unknown = followUp(account, "Nobody's");
    unknown.accountId = "00000000-0000-4000-8000-00000000abcd";
    auto refused =
        run<domain::Activity>([&](CrmConnector &crm, auto done) { crm.createTask(unknown, {}, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Service);
    QCOMPARE(refused.error().httpStatus, 400);
    QVERIFY2(refused.error().serviceMessage.find("No account with id") != std::string::npos,
             refused.error().serviceMessage.c_str());

    // The CRM gone: a network error.
    CrmConnector down(
        *m_http, ConnectionSettings{
                     Service::Crm, "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/", {}, 8000});
    auto lost =
        await<domain::Activity>([&](auto done) { down.createTask(followUp(account, "Lost"), {}, done); });
    QVERIFY(!lost.ok());
    QCOMPARE(lost.error().kind, ErrorKind::Network);
}
