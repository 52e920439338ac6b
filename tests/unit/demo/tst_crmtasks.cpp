// The demo CRM's writable tasks set through handle(): POST validation (each bad input its status and
// message, nothing created), 204 and 201 with Prefer, reading tasks back, tasks among activitypointers with
// paging that holds, injected faults on POST, the cap, and concurrent writers.
#include "demo/crmservice.h"
#include "jsoncompare.h"
#include "tst_odatafixture.h"

#include <QtTest>
#include <set>
#include <thread>

using namespace fixture;
using lakeshore::demo::World;
using Json = nlohmann::json;

namespace {

const World &world()
{
    static const World w(lakeshore::demo::WorldOptions{1847, lakeshore::demo::WorldSize::Small,
                                                       lakeshore::domain::Date(2025, 6, 30)});
    return w;
}

// An account with generated activities, and a rep.
const lakeshore::domain::Account &account()
{
    for (std::size_t i = 0; i < world().accounts().size(); ++i)
        if (world().detail(i).activities.size() >= 3)
            return world().accounts()[i];
    return world().accounts().front();
}

const std::string &ownerId()
{
    return world().owners().front().id;
}

Json validBody(const std::string &subject = "Call about off-contract invoices")
{
    return {{"subject", subject},
            {"description", "Three invoices billed above the contract price."},
            {"scheduledend", "2025-07-15T17:00:00Z"},
            {"regardingobjectid_account@odata.bind", "/accounts(" + account().id + ")"},
            {"ownerid@odata.bind", "/systemusers(" + ownerId() + ")"}};
}

ServerRequest post(const std::string &target, const std::string &body,
                   const Headers &headers = {{"Content-Type", "application/json"}})
{
    auto out = request(target, headers, false, "POST");
    out.body = body;
    return out;
}

ServerRequest postRepresentation(const Json &body)
{
    return post("tasks", body.dump(),
                {{"Content-Type", "application/json"}, {"Prefer", "return=representation"}});
}

std::string countOf(lakeshore::demo::ODataService &service, const std::string &target)
{
    return service.handle(request(target)).body;
}

std::string message(const ServerResponse &response)
{
    return json(response)["error"].value("message", std::string());
}

std::string accountFilter(const std::string &id)
{
    return "$filter=_regardingobjectid_value eq " + id;
}

} // namespace

class TestCrmTasks : public QObject
{
    Q_OBJECT

private slots:
    void badBodiesCreateNothing();
    void badRequestsCreateNothing();
    void createMinimalAnswers204();
    void createWithRepresentation();
    void readBack();
    void taskAmongActivities();
    void activityPagingHolds();
    void faultsApplyToPost();
    void cap();
    void concurrentWriters();
    void metadataListsTasks();
};

void TestCrmTasks::badBodiesCreateNothing()
{
    auto service = lakeshore::demo::makeCrmService(world());
    auto without = [](const char *name) {
        Json body = validBody();
        body.erase(name);
        return body;
    };
    auto with = [](const char *name, Json value) {
        Json body = validBody();
        body[name] = std::move(value);
        return body;
    };
    struct Case
    {
        const char *name;
        Json body;
        const char *says;
    };
    Json twoUnknown = with("prioritycode", 2);
    twoUnknown["_ownerid_value"] = ownerId();
    const std::string unknownId = "00000000-0000-4000-8000-00000000abcd";
    const std::vector<Case> cases = {
        {"no subject", without("subject"), "subject is required"},
        {"blank subject", with("subject", " \t "), "subject must not be empty"},
        {"subject too long", with("subject", std::string(201, 's')), "at most 200"},
        {"subject a number", with("subject", 42), "subject must be a string"},
        {"description too long", with("description", std::string(10001, 'd')), "at most 10000"},
        {"description an object", with("description", Json::object()), "description must be a string"},
        {"due not a date", with("scheduledend", "next Tuesday"), "scheduledend must be"},
        {"due a bare date", with("scheduledend", "2025-07-15"), "scheduledend must be"},
        {"due with an offset", with("scheduledend", "2025-07-15T17:00:00+02:00"), "scheduledend must be"},
        {"no account", without("regardingobjectid_account@odata.bind"),
         "regardingobjectid_account@odata.bind is required"},
        {"account bound to contacts",
         with("regardingobjectid_account@odata.bind", "/contacts(" + account().id + ")"),
         "must be \"/accounts(<accountid>)\""},
        {"account not a guid", with("regardingobjectid_account@odata.bind", "/accounts(C10042)"), "must be"},
        {"account unknown", with("regardingobjectid_account@odata.bind", "/accounts(" + unknownId + ")"),
         "No account with id"},
        {"account bind a number", with("regardingobjectid_account@odata.bind", 7), "must be"},
        {"no owner", without("ownerid@odata.bind"), "ownerid@odata.bind is required"},
        {"owner unknown", with("ownerid@odata.bind", "/systemusers(" + unknownId + ")"),
         "No systemuser with id"},
        {"owner is an account", with("ownerid@odata.bind", "/systemusers(" + account().id + ")"),
         "No systemuser with id"},
        {"unknown property", with("statecode", 1), "'statecode'"},
        {"several unknown", twoUnknown, "'_ownerid_value', 'prioritycode'"},
    };
    for (const auto &c : cases) {
        const auto response = service->handle(post("tasks", c.body.dump()));
        QVERIFY2(response.status == 400, c.name);
        QCOMPARE(json(response)["error"].value("code", std::string()), std::string("BadRequest"));
        QVERIFY2(message(response).find(c.says) != std::string::npos,
                 (std::string(c.name) + ": " + message(response)).c_str());
    }
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("0"));
    QCOMPARE(countOf(*service, "activitypointers/$count?" + accountFilter(account().id)),
             std::to_string(world().detail(*world().findAccountById(account().id)).activities.size()));
}

void TestCrmTasks::badRequestsCreateNothing()
{
    auto service = lakeshore::demo::makeCrmService(world());
    const std::string body = validBody().dump();
    struct Case
    {
        const char *name;
        ServerRequest request;
        int status;
        const char *says;
    };
    auto patch = request("tasks", {{"Content-Type", "application/json"}}, false, "PATCH");
    patch.body = body;
    const std::vector<Case> cases = {
        {"not JSON", post("tasks", "subject=Call"), 400, "JSON object"},
        {"empty body", post("tasks", ""), 400, "JSON object"},
        {"an array", post("tasks", "[" + body + "]"), 400, "JSON object"},
        {"a string", post("tasks", "\"Call\""), 400, "JSON object"},
        {"plain text", post("tasks", body, {{"Content-Type", "text/plain"}}), 415, "application/json"},
        {"no content type", post("tasks", body, {}), 415, "application/json"},
        {"form", post("tasks", body, {{"Content-Type", "application/x-www-form-urlencoded"}}), 415,
         "application/json"},
        {"read-only set", post("accounts", body), 405, "read-only"},
        {"another read-only set", post("activitypointers", body), 405, "read-only"},
        {"an entity", post("tasks(" + account().id + ")", body), 405, "read-only"},
        {"$count", post("tasks/$count", body), 405, "read-only"},
        {"$metadata", post("$metadata", body), 405, "read-only"},
        {"unknown set", post("notes", body), 404, "notes"},
        {"PATCH on the set", patch, 405, "takes GET and POST"},
        {"bad $select", post("tasks?$select=nosuchproperty", body), 400, "nosuchproperty"},
    };
    for (const auto &c : cases) {
        const auto response = service->handle(c.request);
        QVERIFY2(response.status == c.status,
                 (std::string(c.name) + ": " + std::to_string(response.status)).c_str());
        QVERIFY2(message(response).find(c.says) != std::string::npos,
                 (std::string(c.name) + ": " + message(response)).c_str());
    }
    QCOMPARE(header(service->handle(post("accounts", body)), "Allow"), std::string("GET, HEAD"));
    QCOMPARE(header(service->handle(patch), "Allow"), std::string("GET, HEAD, POST"));
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("0"));
}

void TestCrmTasks::createMinimalAnswers204()
{
    auto service = lakeshore::demo::makeCrmService(world());
    // No description or due date; a GUID in upper case and no leading slash; a Content-Type with parameters.
    std::string upper = account().id;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    const Json body = {{"subject", "  Check the freight charges  "},
                       {"regardingobjectid_account@odata.bind", "accounts(" + upper + ")"},
                       {"ownerid@odata.bind", "/systemusers(" + ownerId() + ")"}};
    const auto response =
        service->handle(post("tasks", body.dump(), {{"Content-Type", "application/json; charset=utf-8"}}));
    QCOMPARE(response.status, 204);
    QVERIFY(response.body.empty());
    const std::string entityId = header(response, "OData-EntityId");
    const std::string prefix = kServiceUrl + "tasks(";
    QVERIFY2(entityId.rfind(prefix, 0) == 0 && entityId.back() == ')', entityId.c_str());
    const std::string id = entityId.substr(prefix.size(), entityId.size() - prefix.size() - 1);
    QCOMPARE(id.size(), std::size_t(36));

    const auto read = service->handle(request("tasks(" + id + ")"));
    QCOMPARE(read.status, 200);
    const Json row = json(read);
    QCOMPARE_JSON(row["activityid"], id);
    QCOMPARE_JSON(row["subject"], "Check the freight charges");
    QVERIFY(row["description"].is_null());
    QVERIFY(row["scheduledend"].is_null());
    QCOMPARE_JSON(row["statecode"], 0);
    QCOMPARE_JSON(row["_regardingobjectid_value"], account().id);
    QCOMPARE_JSON(row["_ownerid_value"], ownerId());
    QVERIFY(row["createdon"].is_string());
}

void TestCrmTasks::createWithRepresentation()
{
    auto service = lakeshore::demo::makeCrmService(world());
    Json body = validBody();
    body["scheduledend"] = "2025-07-15T17:00:00.250Z"; // fractions are dropped, UTC kept
    const auto response = service->handle(postRepresentation(body));
    QCOMPARE(response.status, 201);
    QCOMPARE(header(response, "Preference-Applied"), std::string("return=representation"));
    const Json row = json(response);
    const std::string id = row.value("activityid", std::string());
    QCOMPARE(header(response, "OData-EntityId"), kServiceUrl + "tasks(" + id + ")");
    QCOMPARE(header(response, "Location"), header(response, "OData-EntityId"));
    QCOMPARE_JSON(row["@odata.context"], kServiceUrl + "$metadata#tasks/$entity");
    QCOMPARE_JSON(row["subject"], body["subject"]);
    QCOMPARE_JSON(row["description"], body["description"]);
    QCOMPARE_JSON(row["scheduledend"], "2025-07-15T17:00:00Z");
    QCOMPARE_JSON(row["statecode"], 0);
    QCOMPARE_JSON(row["_regardingobjectid_value"], account().id);
    QCOMPARE_JSON(row["_ownerid_value"], ownerId());
    // What GET answers for it is what the POST answered.
    Json read = json(service->handle(request("tasks(" + id + ")")));
    QCOMPARE_JSON(read, row);

    // $select shapes the representation; the key always comes along.
    const auto selected =
        service->handle(post("tasks?$select=subject", validBody("Second").dump(),
                             {{"Content-Type", "application/json"},
                              {"Prefer", "odata.include-annotations=\"*\", return=representation"}}));
    QCOMPARE(selected.status, 201);
    const Json small = json(selected);
    QVERIFY(small.contains("activityid"));
    QCOMPARE_JSON(small["subject"], "Second");
    QVERIFY(!small.contains("description"));
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("2"));
}

void TestCrmTasks::readBack()
{
    auto service = lakeshore::demo::makeCrmService(world());
    const std::string other = world().accounts().back().id;
    std::vector<std::string> created;
    for (int i = 0; i < 3; ++i) {
        const auto response =
            service->handle(postRepresentation(validBody("Follow-up " + std::to_string(i))));
        QCOMPARE(response.status, 201);
        created.push_back(json(response).value("activityid", std::string()));
    }
    Json elsewhere = validBody("Elsewhere");
    elsewhere["regardingobjectid_account@odata.bind"] = "/accounts(" + other + ")";
    QCOMPARE(service->handle(post("tasks", elsewhere.dump())).status, 204);

    const auto page = service->handle(
        request("tasks?" + accountFilter(account().id) + "&$orderby=createdon desc&$count=true"));
    QCOMPARE(page.status, 200);
    const Json body = json(page);
    QCOMPARE_JSON(body["@odata.count"], 3);
    QCOMPARE(body["value"].size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) // newest first, even when made in the same millisecond
        QCOMPARE_JSON(body["value"][i]["activityid"], created[2 - i]);
    const Json top = json(
        service->handle(request("tasks?" + accountFilter(account().id) + "&$orderby=createdon desc&$top=1")));
    QCOMPARE(top["value"].size(), std::size_t(1));
    QCOMPARE_JSON(top["value"][0]["subject"], "Follow-up 2");

    // The bound records are navigations too.
    const Json expanded =
        json(service->handle(request("tasks?" + accountFilter(account().id) +
                                     "&$top=1&$expand=regardingobjectid_account($select=name),"
                                     "ownerid($select=fullname)")));
    QCOMPARE_JSON(expanded["value"][0]["regardingobjectid_account"]["name"], account().name);
    QCOMPARE_JSON(expanded["value"][0]["ownerid"]["fullname"], world().owners().front().fullName);

    const Json theirs = json(service->handle(request("tasks?" + accountFilter(other))));
    QCOMPARE(theirs["value"].size(), std::size_t(1));
    QCOMPARE_JSON(theirs["value"][0]["subject"], "Elsewhere");
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("4"));
    QCOMPARE(service->handle(request("tasks(00000000-0000-4000-8000-00000000abcd)")).status, 404);
}

void TestCrmTasks::taskAmongActivities()
{
    auto service = lakeshore::demo::makeCrmService(world());
    const auto generated = world().detail(*world().findAccountById(account().id)).activities;
    Json later = validBody("Due later");
    later["scheduledend"] = "2030-01-31T09:00:00Z";
    const Json created = json(service->handle(postRepresentation(later)));
    Json undated = validBody("No due date");
    undated.erase("scheduledend");
    const Json plain = json(service->handle(postRepresentation(undated)));

    const Json rows =
        json(service->handle(request("activitypointers?" + accountFilter(account().id))))["value"];
    QCOMPARE(rows.size(), generated.size() + 2);
    for (std::size_t i = 0; i < generated.size(); ++i) // the generated ones first, as before
        QCOMPARE_JSON(rows[i]["activityid"], generated[i].id);
    const Json &task = rows[generated.size()];
    QCOMPARE_JSON(task["activityid"], created["activityid"]);
    QCOMPARE_JSON(task["activitytypecode"], "task");
    QCOMPARE_JSON(task["statecode"], 0);
    QCOMPARE_JSON(task["subject"], "Due later");
    QCOMPARE_JSON(task["scheduledstart"], "2030-01-31T09:00:00Z");
    QCOMPARE_JSON(task["_ownerid_value"], ownerId());
    QCOMPARE_JSON(task["_regardingobjectid_value"], account().id);
    const Json &undatedRow = rows[generated.size() + 1];
    QCOMPARE_JSON(undatedRow["activityid"], plain["activityid"]);
    // Without a due date it is scheduled when it was made (to the second).
    QCOMPARE_JSON(undatedRow["scheduledstart"], plain["createdon"].get<std::string>().substr(0, 19) + "Z");

    // Account 360's timeline (newest first) shows the follow-up at the top.
    const Json timeline = json(service->handle(
        request("activitypointers?" + accountFilter(account().id) + "&$orderby=scheduledstart desc&$top=1")));
    QCOMPARE_JSON(timeline["value"][0]["activityid"], created["activityid"]);
    // By key, and not under another account.
    QCOMPARE(
        service->handle(request("activitypointers(" + created["activityid"].get<std::string>() + ")")).status,
        200);
    const std::string otherId = world().accounts().back().id;
    const Json other = json(service->handle(request("activitypointers?" + accountFilter(otherId))));
    QCOMPARE(other["value"].size(), world().detail(world().accounts().size() - 1).activities.size());
}

void TestCrmTasks::activityPagingHolds()
{
    auto service = lakeshore::demo::makeCrmService(world());
    const Headers small = {{"Prefer", "odata.maxpagesize=200"}};
    auto first = json(service->handle(request("activitypointers?$select=activityid", small)));
    std::vector<std::string> ids;
    for (const auto &row : first["value"])
        ids.push_back(row["activityid"].get<std::string>());
    std::string next = first.value("@odata.nextLink", std::string());
    QVERIFY(!next.empty());
    // A task written between pages comes at the very end: nothing is skipped or read twice.
    const Json created = json(service->handle(postRepresentation(validBody())));
    for (int guard = 0; guard < 1000 && !next.empty(); ++guard) {
        const Json page = json(service->handle(request(next, small, true)));
        for (const auto &row : page["value"])
            ids.push_back(row["activityid"].get<std::string>());
        next = page.value("@odata.nextLink", std::string());
    }
    std::size_t generated = 0;
    for (std::size_t i = 0; i < world().accounts().size(); ++i)
        generated += world().detail(i).activities.size();
    QCOMPARE(ids.size(), generated + 1);
    QCOMPARE(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
    QCOMPARE(ids.back(), created["activityid"].get<std::string>());
}

void TestCrmTasks::faultsApplyToPost()
{
    auto service = lakeshore::demo::makeCrmService(world());
    service->setFaults({lakeshore::demo::parseFault("tasks:status=500,times=2").value()});
    for (int i = 0; i < 2; ++i) {
        const auto failed = service->handle(post("tasks", validBody("Attempt " + std::to_string(i)).dump()));
        QCOMPARE(failed.status, 500);
        QCOMPARE(json(failed)["error"].value("code", std::string()), std::string("InternalServerError"));
    }
    QCOMPARE(service->handle(post("tasks", validBody("Attempt 2").dump())).status, 204);
    const Json rows = json(service->handle(request("tasks")))["value"];
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE_JSON(rows[0]["subject"], "Attempt 2");
    QCOMPARE(countOf(*service, "activitypointers/$count?" + accountFilter(account().id)),
             std::to_string(world().detail(*world().findAccountById(account().id)).activities.size() + 1));

    // A fault on every request of the service, and a 429 with Retry-After, stop writes too.
    service->setFaults({lakeshore::demo::parseFault("*:status=429,retry-after=1,times=1").value()});
    const auto throttled = service->handle(post("tasks", validBody().dump()));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(header(throttled, "Retry-After"), std::string("1"));
    service->setFaults({});
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("1"));
}

void TestCrmTasks::cap()
{
    auto service = lakeshore::demo::makeCrmService(world(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(service->handle(post("tasks", validBody().dump())).status, 204);
    const auto full = service->handle(post("tasks", validBody().dump()));
    QCOMPARE(full.status, 507);
    QVERIFY2(message(full).find("at most 3 tasks") != std::string::npos, message(full).c_str());
    QCOMPARE(countOf(*service, "tasks/$count"), std::string("3"));
    // Reads go on as before.
    QCOMPARE(service->handle(request("tasks?$top=1")).status, 200);
}

void TestCrmTasks::concurrentWriters()
{
    auto service = lakeshore::demo::makeCrmService(world());
    constexpr int kThreads = 6;
    constexpr int kEach = 20;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                if (service->handle(post("tasks", validBody("T" + std::to_string(t)).dump())).status != 204)
                    ++failures;
                // Readers run between the writes.
                if (service->handle(request("activitypointers?" + accountFilter(account().id))).status != 200)
                    ++failures;
            }
        });
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(countOf(*service, "tasks/$count"), std::to_string(kThreads * kEach));
    std::set<std::string> ids;
    std::string next = "tasks?$select=activityid";
    for (int guard = 0; guard < 100 && !next.empty(); ++guard) {
        const Json page = json(service->handle(request(next, {}, guard > 0)));
        for (const auto &row : page["value"])
            ids.insert(row["activityid"].get<std::string>());
        next = page.value("@odata.nextLink", std::string());
    }
    QCOMPARE(ids.size(), std::size_t(kThreads * kEach));
}

void TestCrmTasks::metadataListsTasks()
{
    auto service = lakeshore::demo::makeCrmService(world());
    const std::string metadata = service->handle(request("$metadata")).body;
    QVERIFY(metadata.find("<EntityType Name=\"task\">") != std::string::npos);
    QVERIFY(metadata.find("<EntitySet Name=\"tasks\" EntityType=\"Microsoft.Dynamics.CRM.task\">") !=
            std::string::npos);
    QVERIFY(metadata.find(
                "<NavigationPropertyBinding Path=\"regardingobjectid_account\" Target=\"accounts\"/>") !=
            std::string::npos);
    QVERIFY(metadata.find("<Property Name=\"scheduledend\" Type=\"Edm.DateTimeOffset\"/>") !=
            std::string::npos);
    const Json document = json(service->handle(request("")));
    bool listed = false;
    for (const auto &set : document["value"])
        listed = listed || set["name"] == "tasks";
    QVERIFY(listed);
}

QTEST_APPLESS_MAIN(TestCrmTasks)
#include "tst_crmtasks.moc"
