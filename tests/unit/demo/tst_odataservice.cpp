// ODataService through handle(): the query options, key lookups, ETags and server-driven paging.
// Faults, auth and the loopback HTTP run live in tst_odataservicefaults.cpp, same executable.
#include "tst_odatafixture.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QtTest>
#include <QXmlStreamReader>
#include <set>

using namespace fixture;

int runODataServiceFaultTests(int argc, char **argv);

namespace {

// Every row of a collection, following @odata.nextLink; the links seen go to links.
std::vector<nlohmann::json> readAll(Fixture &f, const std::string &target, const Headers &headers,
                                    std::vector<std::string> &links)
{
    std::vector<nlohmann::json> rows;
    std::string next = target;
    bool encoded = false;
    for (int guard = 0; guard < 100 && !next.empty(); ++guard) {
        auto response = f.service.handle(request(next, headers, encoded));
        if (response.status != 200)
            return {};
        auto body = json(response);
        for (auto &row : body["value"])
            rows.push_back(row);
        next = body.value("@odata.nextLink", std::string());
        if (!next.empty())
            links.push_back(next);
        encoded = true;
    }
    return rows;
}

std::vector<std::string> names(const nlohmann::json &rows)
{
    std::vector<std::string> out;
    for (const auto &row : rows)
        out.push_back(row.value("name", std::string("?")));
    return out;
}

} // namespace

class TestODataService : public QObject
{
    Q_OBJECT

private slots:
    void serviceDocument();
    void metadata();
    void selectFilterOrderBy();
    void orderByKeysAndNulls();
    void topSkipCount();
    void countPath();
    void expandNested();
    void keyLookup();
    void errors();
    void etagNotModified();
    void pagingAbsolute();
    void pagingRelative();
    void preferMaxPageSize();
    void topStopsPaging();
    void badSkipToken();
    void partitionReachesScan();
    void lookupAnswersLikeAScan();
    void largeSetIsFast();
};

void TestODataService::serviceDocument()
{
    Fixture f;
    for (const char *target : {"", "/api/data/v9.2", "/api/data/v9.2/"}) {
        auto response = f.service.handle(request(target));
        QCOMPARE(response.status, 200);
        auto body = json(response);
        QCOMPARE(body["@odata.context"].get<std::string>(), kServiceUrl + "$metadata");
        QCOMPARE(body["value"].size(), std::size_t(3));
        QCOMPARE(body["value"][0]["name"].get<std::string>(), std::string("accounts"));
        QCOMPARE(body["value"][0]["kind"].get<std::string>(), std::string("EntitySet"));
        QCOMPARE(header(response, "OData-Version"), std::string("4.0"));
    }
    QCOMPARE(f.service.handle(request("/api/data/v9.2x/accounts")).status, 404);
}

void TestODataService::metadata()
{
    Fixture f;
    auto response = f.service.handle(request("$metadata"));
    QCOMPARE(response.status, 200);
    QVERIFY(response.contentType.find("application/xml") == 0);
    QXmlStreamReader xml(QByteArray::fromStdString(response.body));
    std::set<QString> sets, types, navigations, bindings;
    QString schemaNamespace;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name().toString();
        const auto attrs = xml.attributes();
        if (name == "Schema")
            schemaNamespace = attrs.value("Namespace").toString();
        if (name == "EntitySet")
            sets.insert(attrs.value("Name").toString() + "=" + attrs.value("EntityType").toString());
        if (name == "EntityType")
            types.insert(attrs.value("Name").toString());
        if (name == "NavigationProperty")
            navigations.insert(attrs.value("Name").toString() + "=" + attrs.value("Type").toString());
        if (name == "NavigationPropertyBinding")
            bindings.insert(attrs.value("Path").toString() + "=" + attrs.value("Target").toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(schemaNamespace, QString("Test.Crm"));
    QCOMPARE(sets, (std::set<QString>{"accounts=Test.Crm.account", "contacts=Test.Crm.contact",
                                      "territories=Test.Crm.territory"}));
    QCOMPARE(types, (std::set<QString>{"account", "contact", "territory"}));
    QCOMPARE(navigations,
             (std::set<QString>{"contacts=Collection(Test.Crm.contact)", "territory=Test.Crm.territory"}));
    QCOMPARE(bindings, (std::set<QString>{"contacts=contacts", "territory=territories"}));
    QVERIFY(response.body.find("<Key><PropertyRef Name=\"accountid\"/></Key>") != std::string::npos);
    QVERIFY(response.body.find("<Property Name=\"accountid\" Type=\"Edm.Guid\" Nullable=\"false\"/>") !=
            std::string::npos);
    QVERIFY(response.body.find("<Property Name=\"modifiedon\" Type=\"Edm.DateTimeOffset\"/>") !=
            std::string::npos);
}

void TestODataService::selectFilterOrderBy()
{
    Fixture f(1000);
    auto response = f.service.handle(request(
        "accounts?$select=name,city&$filter=city eq 'Erie' and revenue gt 1000&$orderby=revenue desc,name"));
    QCOMPARE(response.status, 200);
    auto body = json(response);
    QCOMPARE(body["@odata.context"].get<std::string>(), kServiceUrl + "$metadata#accounts(name,city)");

    std::vector<nlohmann::json> expected;
    for (const auto &row : data().accounts)
        if (row["city"] == "Erie" && row["revenue"].get<double>() > 1000)
            expected.push_back(row);
    std::stable_sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
        if (a["revenue"] != b["revenue"])
            return a["revenue"].template get<double>() > b["revenue"].template get<double>();
        return a["name"].template get<std::string>() < b["name"].template get<std::string>();
    });
    QVERIFY(expected.size() > 10);
    QCOMPARE(body["value"].size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto &row = body["value"][i];
        QCOMPARE(row["name"], expected[i]["name"]);
        QCOMPARE(row["city"].get<std::string>(), std::string("Erie"));
        QCOMPARE(row["accountid"], expected[i]["accountid"]); // the key always comes along
        QVERIFY(!row.contains("revenue"));
        QCOMPARE(row["@odata.etag"].get<std::string>(),
                 "W/\"" + std::to_string(expected[i]["versionnumber"].get<int>()) + "\"");
    }
}

void TestODataService::orderByKeysAndNulls()
{
    Fixture f(1000);
    auto asc = json(f.service.handle(request("accounts?$select=name,city&$orderby=city,name desc")))["value"];
    QCOMPARE(asc.size(), std::size_t(kAccounts));
    std::vector<nlohmann::json> expected = data().accounts;
    std::stable_sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
        const std::string ca = a["city"].is_null() ? "" : a["city"].template get<std::string>();
        const std::string cb = b["city"].is_null() ? "" : b["city"].template get<std::string>();
        if (ca != cb)
            return ca < cb; // null ("") first
        return a["name"].template get<std::string>() > b["name"].template get<std::string>();
    });
    QCOMPARE(names(asc), names(expected));
    QVERIFY(asc[0]["city"].is_null());

    auto desc = json(f.service.handle(request("accounts?$orderby=city desc&$top=300")))["value"];
    QVERIFY(desc[kAccounts - 1]["city"].is_null()); // nulls last when descending
    QCOMPARE(desc[0]["city"].get<std::string>(), std::string("Toledo"));
}

void TestODataService::topSkipCount()
{
    Fixture f;
    auto body = json(f.service.handle(
        request("accounts?$filter=city eq 'Akron'&$count=true&$orderby=name&$skip=2&$top=3")));
    std::vector<std::string> akron;
    for (const auto &row : data().accounts)
        if (row["city"] == "Akron")
            akron.push_back(row["name"]);
    std::sort(akron.begin(), akron.end());
    QCOMPARE(body["@odata.count"].get<std::size_t>(), akron.size());
    QCOMPARE(names(body["value"]), std::vector<std::string>(akron.begin() + 2, akron.begin() + 5));
    QVERIFY(!body.contains("@odata.nextLink"));

    // without $orderby the scan order holds, and the count still covers every match
    body = json(f.service.handle(request("accounts?$count=true&$skip=245&$top=10")));
    QCOMPARE(body["@odata.count"].get<int>(), kAccounts);
    QCOMPARE(names(body["value"]), (std::vector<std::string>{"Account 245", "Account 246", "Account 247",
                                                             "Account 248", "Account 249"}));
}

void TestODataService::countPath()
{
    Fixture f;
    auto response = f.service.handle(request("accounts/$count?$filter=city eq null"));
    QCOMPARE(response.status, 200);
    QVERIFY(response.contentType.find("text/plain") == 0);
    int nulls = 0;
    for (const auto &row : data().accounts)
        nulls += row["city"].is_null();
    QCOMPARE(response.body, std::to_string(nulls));
    QCOMPARE(f.service.handle(request("contacts/$count")).body, std::to_string(2 * kAccountsWithContacts));
    QCOMPARE(f.service.handle(request("accounts/$count?$filter=nope eq 1")).status, 400);
}

void TestODataService::expandNested()
{
    Fixture f;
    auto response = f.service.handle(request(
        "accounts?$select=name&$filter=name lt 'Account 010'&$orderby=name&$expand=contacts($select=fullname;"
        "$filter=endswith(fullname,'-1') or endswith(fullname,'-0');$orderby=fullname "
        "desc;$top=1;$count=true),"
        "territory($select=name)"));
    QCOMPARE(response.status, 200);
    auto rows = json(response)["value"];
    QCOMPARE(rows.size(), std::size_t(10));
    for (int i = 0; i < 10; ++i) {
        const auto &row = rows[i];
        QCOMPARE(row["name"].get<std::string>(), accountName(i));
        QVERIFY(!row.contains("territoryid")); // not selected, though the join used it
        QCOMPARE(row["contacts@odata.count"].get<int>(), 2);
        QCOMPARE(row["contacts"].size(), std::size_t(1));
        char expected[32];
        std::snprintf(expected, sizeof expected, "Contact %03d-1", i);
        QCOMPARE(row["contacts"][0]["fullname"].get<std::string>(), std::string(expected));
        QCOMPARE(row["contacts"][0]["contactid"].get<std::string>(), guid(100000 + 2 * i + 1));
        QVERIFY(!row["contacts"][0].contains("email"));
        if (i % 4 == 3) {
            QVERIFY(row["territory"].is_null());
        } else {
            QVERIFY(row["territory"].is_object());
            QVERIFY(row["territory"].contains("name"));
        }
    }
    QCOMPARE(rows[2]["territory"]["name"].get<std::string>(), std::string("Chicago O'Hare"));

    // an account past the contacts gets an empty collection; * expands every navigation
    auto last = json(f.service.handle(request("accounts(" + guid(200) + ")?$expand=*")));
    QCOMPARE(last["contacts"], nlohmann::json::array());
    QCOMPARE(last["territory"]["territoryid"].get<std::string>(), std::string("CLE"));

    QCOMPARE(f.service.handle(request("accounts?$expand=contacts($select=nope)")).status, 400);
    QCOMPARE(f.service.handle(request("accounts?$expand=nope")).status, 400);
    QCOMPARE(f.service.handle(request("accounts?$expand=contacts($top=x)")).status, 400);
    QCOMPARE(f.service.handle(request("accounts?$expand=contacts($select=fullname")).status, 400);
}

void TestODataService::keyLookup()
{
    Fixture f;
    for (const std::string &key : {guid(7), "accountid=" + guid(7), "accountid = " + guid(7)}) {
        auto response = f.service.handle(request("accounts(" + key + ")?$select=name"));
        QCOMPARE(response.status, 200);
        auto body = json(response);
        QCOMPARE(body["name"].get<std::string>(), accountName(7));
        QCOMPARE(body["@odata.context"].get<std::string>(), kServiceUrl + "$metadata#accounts(name)/$entity");
        QCOMPARE(body["@odata.etag"].get<std::string>(), std::string("W/\"1007\""));
        QCOMPARE(header(response, "ETag"), std::string("W/\"1007\""));
        QVERIFY(!body.contains("city"));
    }
    for (const std::string key : {"'O''Hare'", "territoryid='O''Hare'"}) {
        auto response = f.service.handle(request("territories(" + key + ")"));
        QCOMPARE(response.status, 200);
        QCOMPARE(json(response)["name"].get<std::string>(), std::string("Chicago O'Hare"));
        QVERIFY(header(response, "ETag").empty()); // territories have no etag property
    }
    auto contact = json(f.service.handle(request("contacts(" + guid(100003) + ")?$select=fullname")));
    QCOMPARE(contact["fullname"].get<std::string>(), std::string("Contact 001-1"));
}

void TestODataService::errors()
{
    Fixture f;
    auto expectError = [&](const std::string &target, int status, const std::string &fragment,
                           const std::string &method = "GET") {
        auto response = f.service.handle(request(target, {}, false, method));
        QCOMPARE(response.status, status);
        auto body = json(response);
        QVERIFY2(body["error"]["code"].is_string(), response.body.c_str());
        const std::string message = body["error"]["message"].get<std::string>();
        QVERIFY2(message.find(fragment) != std::string::npos, message.c_str());
    };
    expectError("accounts(" + guid(9999) + ")", 404, "No account with key");
    expectError("territories('Nowhere')", 404, "No territory");
    expectError("nope", 404, "No entity set named 'nope'");
    expectError("accounts/extra", 404, "unsupported path segment");
    expectError("accounts('x')", 400, "the key of accounts is Edm.Guid");
    expectError("territories(CLE)", 400, "quote string keys");
    expectError("accounts(name='x')", 400, "the key of accounts is 'accountid'");
    expectError("accounts(" + guid(1) + "", 400, "unbalanced parentheses");
    expectError("accounts?$select=name,nope", 400, "$select: unknown property 'nope' in accounts");
    expectError("accounts?$select=contacts", 400, "use $expand");
    expectError("accounts?$orderby=nope", 400, "$orderby: unknown property 'nope'");
    expectError("accounts?$orderby=name sideways", 400, "expected 'asc' or 'desc'");
    expectError("accounts?$filter=name eq", 400,
                "$filter: expected an operand but found the end of the expression at position 8");
    expectError("accounts?$filter=revenue gt 'x'", 400, "cannot compare");
    expectError("accounts?$top=-1", 400, "$top must be a non-negative integer");
    expectError("accounts?$skip=abc", 400, "$skip must be a non-negative integer");
    expectError("accounts?$count=yes", 400, "$count must be true or false");
    expectError("accounts?$search=acme", 400, "unsupported query option $search");
    expectError("accounts?$top=1&$top=2", 400, "more than once");
    expectError("accounts?$format=xml", 400, "$format");
    expectError("accounts", 405, "read-only", "POST");
    expectError("accounts(" + guid(1) + ")", 405, "read-only", "PATCH");
    QCOMPARE(json(f.service.handle(request("accounts?$format=json&custom=1&$top=1")))["value"].size(),
             std::size_t(1));
    QCOMPARE(header(f.service.handle(request("accounts", {}, false, "POST")), "Allow"),
             std::string("GET, HEAD"));
}

void TestODataService::etagNotModified()
{
    Fixture f;
    const std::string target = "accounts(" + guid(3) + ")";
    const std::string etag = header(f.service.handle(request(target)), "ETag");
    QCOMPARE(etag, std::string("W/\"1003\""));
    for (const std::string &condition :
         {etag, std::string("\"1003\""), "W/\"1\", " + etag, std::string("*")}) {
        auto response = f.service.handle(request(target, {{"If-None-Match", condition}}));
        QCOMPARE(response.status, 304);
        QVERIFY(response.body.empty());
        QCOMPARE(header(response, "ETag"), etag);
    }
    auto changed = f.service.handle(request(target, {{"If-None-Match", "W/\"1002\""}}));
    QCOMPARE(changed.status, 200);
    QCOMPARE(json(changed)["name"].get<std::string>(), accountName(3));
}

void TestODataService::pagingAbsolute()
{
    Fixture paged(40);
    Fixture whole(100000);
    const std::string target =
        "accounts?$select=name,city&$filter=revenue gt 5000 or city eq null&$orderby=city,revenue desc";
    auto expected = json(whole.service.handle(request(target)))["value"];
    QVERIFY(!json(whole.service.handle(request(target))).contains("@odata.nextLink"));
    std::vector<std::string> links;
    auto rows = readAll(paged, target, {}, links);
    QCOMPARE(nlohmann::json(rows), expected);
    QCOMPARE(links.size(), (expected.size() + 39) / 40 - 1);
    for (const auto &link : links) {
        QVERIFY2(link.rfind(kServiceUrl + "accounts?", 0) == 0, link.c_str());
        QVERIFY(link.find("$skiptoken=") != std::string::npos);
        QVERIFY(link.find(' ') == std::string::npos); // encoded
    }
    // the count rides on every page
    std::vector<std::string> countLinks;
    auto counted = readAll(paged, "accounts?$count=true", {}, countLinks);
    QCOMPARE(counted.size(), std::size_t(kAccounts));
    QCOMPARE(countLinks.size(), std::size_t(6));
    auto middle = json(paged.service.handle(request(countLinks[2], {}, true)));
    QCOMPARE(middle["@odata.count"].get<int>(), kAccounts);
}

void TestODataService::pagingRelative()
{
    Fixture paged(25);
    paged.service.setRelativeNextLinks(true);
    Fixture whole(100000);
    const std::string target = "contacts?$select=fullname&$filter=contains(fullname,'-1')";
    std::vector<std::string> links;
    auto rows = readAll(paged, target, {}, links);
    QCOMPARE(nlohmann::json(rows), json(whole.service.handle(request(target)))["value"]);
    QCOMPARE(rows.size(), std::size_t(kAccountsWithContacts));
    QCOMPARE(links.size(), std::size_t(2));
    for (const auto &link : links)
        QVERIFY2(link.rfind("contacts?$select=fullname&$filter=contains(fullname,'-1')&$skiptoken=", 0) == 0,
                 link.c_str());
    auto first = json(paged.service.handle(request(target)));
    QCOMPARE(first["@odata.context"].get<std::string>(), std::string("$metadata#contacts(fullname)"));
}

void TestODataService::preferMaxPageSize()
{
    Fixture f(40);
    auto response = f.service.handle(
        request("accounts?$select=name", {{"Prefer", "return=minimal, odata.maxpagesize=10"}}));
    QCOMPARE(json(response)["value"].size(), std::size_t(10));
    QCOMPARE(header(response, "Preference-Applied"), std::string("odata.maxpagesize=10"));

    std::vector<std::string> links;
    auto rows = readAll(f, "accounts?$select=name", {{"Prefer", "odata.maxpagesize=60"}}, links);
    QCOMPARE(rows.size(), std::size_t(kAccounts));
    QCOMPARE(links.size(), std::size_t(6)); // 60 was over the cap of 40: not honoured

    auto capped = f.service.handle(request("accounts", {{"Prefer", "odata.maxpagesize=500"}}));
    QCOMPARE(json(capped)["value"].size(), std::size_t(40));
    QVERIFY(header(capped, "Preference-Applied").empty());
}

void TestODataService::topStopsPaging()
{
    Fixture f(40);
    auto small = json(f.service.handle(request("accounts?$top=5")));
    QCOMPARE(small["value"].size(), std::size_t(5));
    QVERIFY(!small.contains("@odata.nextLink"));

    auto exact = json(f.service.handle(request("accounts?$top=40")));
    QCOMPARE(exact["value"].size(), std::size_t(40));
    QVERIFY(!exact.contains("@odata.nextLink"));

    std::vector<std::string> links;
    auto rows = readAll(f, "accounts?$top=60&$skip=5&$orderby=name desc", {}, links);
    QCOMPARE(links.size(), std::size_t(1));
    QCOMPARE(rows.size(), std::size_t(60));
    QCOMPARE(rows.front()["name"].get<std::string>(), accountName(244));
    QCOMPARE(rows.back()["name"].get<std::string>(), accountName(185));
}

void TestODataService::badSkipToken()
{
    Fixture f(40);
    QCOMPARE(f.service.handle(request("accounts?$skiptoken=garbage")).status, 400);
    QCOMPARE(f.service.handle(request("accounts?$skiptoken=-5-0")).status, 400);
    const std::string link = json(f.service.handle(request("accounts?$select=name")))["@odata.nextLink"];
    QCOMPARE(f.service.handle(request(link, {}, true)).status, 200);
    // the same token on another query is refused
    const std::string token = link.substr(link.find("$skiptoken=") + 11);
    auto response = f.service.handle(request("accounts?$select=city&$skiptoken=" + token));
    QCOMPARE(response.status, 400);
    QVERIFY(json(response)["error"]["message"].get<std::string>().find("invalid $skiptoken") !=
            std::string::npos);
}

void TestODataService::partitionReachesScan()
{
    Fixture f;
    auto body = json(f.service.handle(request(
        "contacts?$filter=contains(fullname,'-') and parentaccountid eq " + guid(4) + "&$select=fullname")));
    QCOMPARE(body["value"].size(), std::size_t(2));
    QCOMPARE(f.partitionedContactScans.load(), 1);
    QCOMPARE(f.contactPartitions.back(), guid(4));

    json(f.service.handle(request("contacts?$filter=parentaccountid eq " + guid(4) + " or fullname eq 'x'")));
    QCOMPARE(f.partitionedContactScans.load(), 1); // 'or' is no partition

    // a small page expands through per-parent partitioned scans
    f.contactScans = 0;
    const auto expanded = json(f.service.handle(request("accounts?$top=3&$expand=contacts")));
    QCOMPARE(f.contactScans.load(), 3);
    QCOMPARE(f.partitionedContactScans.load(), 4);
    QCOMPARE(expanded["value"][1]["contacts"].size(), std::size_t(2));

    // a scan that ignores its partition still gives the same answers
    f.contactsIgnorePartition = true;
    QCOMPARE(json(f.service.handle(request("accounts?$top=3&$expand=contacts"))), expanded);
    QCOMPARE(
        json(f.service.handle(request("contacts?$filter=parentaccountid eq " + guid(4))))["value"].size(),
        std::size_t(2));
}

// An index lookup (a worklist's join of a page of accounts) gives exactly what the scan and filter give.
void TestODataService::lookupAnswersLikeAScan()
{
    std::vector<nlohmann::json> rows;
    for (int i = 0; i < 50; ++i)
        rows.push_back({{"id", i}, {"code", "K" + std::to_string(i % 20)}, {"balance", i * 2.5}});
    auto makeService = [&rows](bool withLookup, int *lookups, bool sloppy) {
        auto service = std::make_unique<lakeshore::demo::ODataService>("Test.Erp", "/erp");
        EntitySetDef set;
        set.name = "customers";
        set.entityType = "customer";
        set.key = "id";
        set.properties = {{"id", EdmType::Int32, false}, {"code", EdmType::String}, {"balance", EdmType::Decimal}};
        set.scan = [&rows](const auto &, const auto &push) {
            for (auto row : rows)
                push(std::move(row));
        };
        if (withLookup)
            set.lookups = {{"code", [&rows, lookups, sloppy](const std::vector<std::string> &values, const auto &push) {
                                ++*lookups;
                                for (auto row : rows)
                                    if (sloppy || std::find(values.begin(), values.end(),
                                                            row["code"].get<std::string>()) != values.end())
                                        push(std::move(row));
                            }}};
        service->addEntitySet(std::move(set));
        return service;
    };
    int lookups = 0;
    auto indexed = makeService(true, &lookups, false);
    auto sloppy = makeService(true, &lookups, true); // emits every row: the filter still applies
    auto plain = makeService(false, &lookups, false);
    for (const char *query : {"/erp/customers?$filter=code in ('K1','K3','K99') and balance gt 5&$orderby=id desc&$count=true",
                              "/erp/customers?$filter=code eq 'K2'&$select=id",
                              "/erp/customers?$filter=code in ('K1') or balance gt 100",
                              "/erp/customers?$filter=code in ('K4','K5')&$top=3"}) {
        const auto expected = json(plain->handle(request(query)));
        QVERIFY2(!expected["value"].empty(), query);
        QCOMPARE(json(indexed->handle(request(query))), expected);
        QCOMPARE(json(sloppy->handle(request(query))), expected);
    }
    QCOMPARE(lookups, 6); // two services x three queries: the 'or' one scans
}

void TestODataService::largeSetIsFast()
{
    std::vector<nlohmann::json> rows;
    for (int i = 0; i < 2000; ++i)
        rows.push_back(
            {{"id", i}, {"name", "Customer " + std::to_string(i * 7919 % 2000)}, {"balance", i * 3.5}});
    lakeshore::demo::ODataService service("Test.Erp", "/erp");
    EntitySetDef customers;
    customers.name = "customers";
    customers.entityType = "customer";
    customers.key = "id";
    customers.properties = {
        {"id", EdmType::Int32, false}, {"name", EdmType::String}, {"balance", EdmType::Decimal}};
    customers.scan = [&rows](const auto &, const auto &push) {
        for (auto row : rows)
            push(std::move(row));
    };
    service.addEntitySet(std::move(customers));
    auto query = request(
        "/erp/customers?$filter=contains(name,'7') and balance gt 100&$orderby=name desc,id&$count=true");
    (void)service.handle(query); // warm up
    QElapsedTimer timer;
    timer.start();
    auto response = service.handle(query);
    const auto elapsed = timer.nsecsElapsed() / 1000;
    QCOMPARE(response.status, 200);
    auto body = json(response);
    QVERIFY(body["@odata.count"].get<int>() > 100);
    QCOMPARE(body["value"].size(), std::size_t(100));
    qInfo("2,000 rows, contains() + orderby + count: %lld us", static_cast<long long>(elapsed));
#ifdef NDEBUG
    QVERIFY2(elapsed < 20000, "should answer in a few milliseconds");
#else
    QVERIFY2(elapsed < 200000, "should answer in a few milliseconds (unoptimised build: 200 ms)");
#endif
    QCOMPARE(json(service.handle(request("/erp/customers(42)")))["id"].get<int>(), 42);
}

int main(int argc, char **argv)
{
    TestODataService queries;
    int failures = QTest::qExec(&queries, argc, argv);
    failures += runODataServiceFaultTests(argc, argv);
    return failures;
}

#include "tst_odataservice.moc"
