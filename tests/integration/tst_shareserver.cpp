// The share server over real loopback HTTP, asked by cpp-httplib's client (not our HTTP stack): every
// endpoint, paging, time travel, predicate pruning, each error code, the security matrix (tokens missing,
// wrong, expired, revoked, rotated out, of another tenant; IP allow-lists; tampered, expired, re-targeted
// file links; paths outside the table), the audit trail, TLS, and an independent Delta Sharing client
// (tests/peers/sharing-client.mjs) reading every table through the served URLs with hyparquet and DuckDB.
#include "demo/world.h"
#include "jsoncompare.h"
#include "nodepeer.h"
#include "http/httpclient.h"
#include "sharing/client/sharepreview.h"
#include "sharing/delta/tablewriter.h"
#include "sharing/server/profile.h"
#include "sharing/server/shareserver.h"
#include "sharing/snapshot/crmtables.h"
#include "sharing/snapshot/tablelayout.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <future>
#include <httplib.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::sharing;
using nlohmann::json;

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

struct Reply
{
    int status = 0;
    httplib::Headers headers;
    std::string body;

    [[nodiscard]] std::string header(const std::string &name) const
    {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    [[nodiscard]] json jsonBody() const { return json::parse(body, nullptr, false); }
    [[nodiscard]] std::vector<json> lines() const
    {
        std::vector<json> out;
        std::size_t start = 0;
        while (start < body.size()) {
            const std::size_t end = body.find('\n', start);
            out.push_back(json::parse(body.substr(start, end - start), nullptr, false));
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        return out;
    }
    [[nodiscard]] std::string errorCode() const { return jsonBody().value("errorCode", std::string()); }
};

Reply toReply(const httplib::Result &result)
{
    if (!result)
        qFatal("request failed: %s", httplib::to_string(result.error()).c_str());
    return {result->status, result->headers, result->body};
}

// The value, or the test stops with the error's message.
template <class T> T must(Result<T> result)
{
    if (!result)
        qFatal("%s", result.error().message.c_str());
    return std::move(result).value();
}

demo::AccountDetail everything(const demo::World &world)
{
    demo::AccountDetail all;
    for (std::size_t i = 0; i < world.accounts().size(); ++i) {
        demo::AccountDetail detail = world.detail(i);
        all.contacts.insert(all.contacts.end(), detail.contacts.begin(), detail.contacts.end());
        all.opportunities.insert(all.opportunities.end(), detail.opportunities.begin(),
                                 detail.opportunities.end());
        all.activities.insert(all.activities.end(), detail.activities.begin(), detail.activities.end());
        all.conversations.insert(all.conversations.end(), detail.conversations.begin(),
                                 detail.conversations.end());
        all.cases.insert(all.cases.end(), detail.cases.begin(), detail.cases.end());
    }
    return all;
}

} // namespace

class ShareServerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_db, m_key, m_root;
    std::unique_ptr<store::SettingsStore> m_gui; // the admin's connection, as the GUI has its own
    std::unique_ptr<server::ShareServer> m_server;
    std::atomic<std::int64_t> m_now{0};
    std::string m_token;       // acme recipient "analytics"
    std::string m_globexToken; // globex recipient
    std::string m_recipientId;
    std::map<std::string, std::int64_t> m_rows; // entity -> rows written
    std::vector<std::string> m_accountNumbers;  // sorted

    store::SharingStore sharing() { return store::SharingStore(*m_gui); }

    std::string path(const std::string &rest, const std::string &tenant = "acme")
    {
        return "/delta-sharing/" + tenant + rest;
    }

    httplib::Client client()
    {
        httplib::Client c("127.0.0.1",
                          std::stoi(m_server->baseUrl().substr(m_server->baseUrl().rfind(':') + 1)));
        c.set_connection_timeout(5);
        c.set_read_timeout(30);
        return c;
    }

    Reply get(const std::string &target, const std::string &token, httplib::Headers headers = {})
    {
        if (!token.empty())
            headers.emplace("Authorization", "Bearer " + token);
        return toReply(client().Get(target, headers));
    }

    Reply head(const std::string &target, const std::string &token = {})
    {
        httplib::Headers headers;
        if (!token.empty())
            headers.emplace("Authorization", "Bearer " + token);
        return toReply(client().Head(target, headers));
    }

    Reply post(const std::string &target, const std::string &body, const std::string &token,
               httplib::Headers headers = {})
    {
        if (!token.empty())
            headers.emplace("Authorization", "Bearer " + token);
        return toReply(client().Post(target, headers, body, "application/json"));
    }

    // A file URL from a query answer, as a path and query on this server.
    static std::string localTarget(const std::string &url)
    {
        const std::size_t slash = url.find('/', url.find("://") + 3);
        return url.substr(slash);
    }

    std::vector<json> queryFiles(const std::string &table, const json &body = json::object())
    {
        const Reply reply =
            post(path("/shares/sales/schemas/crm/tables/" + table + "/query"), body.dump(), m_token);
        if (reply.status != 200)
            qFatal("query %s: %d %s", table.c_str(), reply.status, reply.body.c_str());
        std::vector<json> files;
        for (const json &line : reply.lines())
            if (line.contains("file"))
                files.push_back(line["file"]);
        return files;
    }

    std::vector<json> queryFilesAs(const std::string &token, const std::string &share,
                                   const std::string &schema, const std::string &table)
    {
        Reply reply = post(path("/shares/" + share + "/schemas/" + schema + "/tables/" + table + "/query"),
                           "{}", token);
        std::vector<json> files;
        for (const json &line : reply.lines())
            if (line.contains("file"))
                files.push_back(line["file"]);
        return files;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath("settings.db").toStdString();
        m_key = m_dir.filePath("settings.key").toStdString();
        m_root = m_dir.filePath("tables").toStdString();
        auto opened = store::SettingsStore::open(m_db, m_key);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        m_gui = std::move(opened.value());
        m_now = delta::systemMillis();

        // acme: the six CRM tables of the demo world, accounts in files of 40 rows by account number
        // and overwritten once (versions 0 and 1); globex: accounts only.
        const demo::World world({1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)});
        std::vector<domain::Account> accounts = world.accounts();
        std::sort(accounts.begin(), accounts.end(),
                  [](const auto &a, const auto &b) { return a.accountNumber < b.accountNumber; });
        for (const auto &account : accounts)
            m_accountNumbers.push_back(account.accountNumber);
        const demo::AccountDetail all = everything(world);
        const std::vector<snapshot::CrmTable> tables = {snapshot::accountsTable(accounts),
                                                        snapshot::contactsTable(all.contacts),
                                                        snapshot::opportunitiesTable(all.opportunities),
                                                        snapshot::activitiesTable(all.activities),
                                                        snapshot::conversationsTable(all.conversations),
                                                        snapshot::casesTable(all.cases)};
        for (const auto &table : tables) {
            delta::OverwriteOptions options;
            options.rowsPerFile = table.entity == "accounts" ? 40 : 1000000;
            const std::string dir = snapshot::tableDirectory(m_root, "acme", table.entity);
            for (int round = 0; round < (table.entity == "accounts" ? 2 : 1); ++round) {
                auto written = delta::overwrite(
                    dir, {table.entity, table.description, table.schema, &table.columns}, options);
                QVERIFY2(written, written ? "" : written.error().message.c_str());
            }
            m_rows[table.entity] = static_cast<std::int64_t>(table.columns.front().size());
        }
        auto globex = delta::overwrite(snapshot::tableDirectory(m_root, "globex", "accounts"),
                                       {"accounts", "CRM accounts", tables[0].schema, &tables[0].columns});
        QVERIFY(globex);

        // Shares: "sales" (five tables), "service" (cases), "board" (not granted); recipients with tokens.
        store::Share sales{"", "acme", "sales", "Sales tables", 0, {}};
        for (const char *entity : {"accounts", "contacts", "opportunities", "activities", "conversations"})
            sales.tables.push_back({"crm", entity, entity});
        const std::string salesId = must(sharing().saveShare(sales, m_now));
        const std::string serviceId =
            must(sharing().saveShare({"", "acme", "service", "", 0, {{"support", "cases", "cases"}}}, m_now));
        QVERIFY(sharing().saveShare({"", "acme", "board", "", 0, {{"crm", "accounts", "accounts"}}}, m_now));
        store::Recipient analytics;
        analytics.tenant = "acme";
        analytics.name = "analytics";
        analytics.shareIds = {salesId, serviceId};
        m_recipientId = must(sharing().saveRecipient(analytics, m_now));
        m_token = must(sharing().issueToken(m_recipientId, m_now + 30 * kDay, m_now)).bearerToken;
        const std::string globexShare = must(
            sharing().saveShare({"", "globex", "sales", "", 0, {{"crm", "accounts", "accounts"}}}, m_now));
        store::Recipient partner;
        partner.tenant = "globex";
        partner.name = "partner";
        partner.shareIds = {globexShare};
        const std::string partnerId = must(sharing().saveRecipient(partner, m_now));
        m_globexToken = must(sharing().issueToken(partnerId, m_now + 30 * kDay, m_now)).bearerToken;

        server::ShareServerOptions options;
        options.tablesRoot = m_root;
        options.nowMillis = [this] { return m_now.load(); };
        auto started = server::ShareServer::start(m_db, m_key, options);
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        m_server = std::move(started.value());
    }

    void listsPageWithSignedTokens()
    {
        Reply shares = get(path("/shares"), m_token);
        QCOMPARE(shares.status, 200);
        QVERIFY(shares.header("Content-Type").find("application/json") == 0);
        QVERIFY(shares.body.find('\n') == std::string::npos); // one line: clients parse only the first
        const json items = shares.jsonBody()["items"];
        QCOMPARE(items.size(), std::size_t(2)); // "board" is not granted
        QCOMPARE_JSON(items[0]["name"], "sales");
        QCOMPARE_JSON(items[1]["name"], "service");
        QVERIFY(!shares.jsonBody().contains("nextPageToken"));

        // One at a time: the token leads on, and the last page has none.
        Reply first = get(path("/shares?maxResults=1"), m_token);
        QCOMPARE(first.jsonBody()["items"].size(), std::size_t(1));
        const std::string next = first.jsonBody()["nextPageToken"];
        Reply second = get(path("/shares?maxResults=1&pageToken=" + next), m_token);
        QCOMPARE_JSON(second.jsonBody()["items"][0]["name"], "service");
        QVERIFY(!second.jsonBody().contains("nextPageToken"));
        Reply none = get(path("/shares?maxResults=0"), m_token);
        QCOMPARE(none.jsonBody()["items"].size(), std::size_t(0));
        QVERIFY(none.jsonBody().contains("nextPageToken"));

        // Schemas, tables and all tables; names compare ignoring case.
        Reply schemas = get(path("/shares/SALES/schemas"), m_token);
        QCOMPARE(schemas.status, 200);
        QCOMPARE_JSON(schemas.jsonBody()["items"], json::array({{{"name", "crm"}, {"share", "sales"}}}));
        Reply tables = get(path("/shares/sales/schemas/CRM/tables?maxResults=2"), m_token);
        QCOMPARE(tables.jsonBody()["items"].size(), std::size_t(2));
        QCOMPARE_JSON(tables.jsonBody()["items"][0]["schema"], "crm");
        QCOMPARE_JSON(tables.jsonBody()["items"][0]["share"], "sales");
        Reply allTables = get(path("/shares/service/all-tables"), m_token);
        QCOMPARE_JSON(allTables.jsonBody()["items"][0]["name"], "cases");
        QCOMPARE_JSON(allTables.jsonBody()["items"][0]["schema"], "support");
        Reply share = get(path("/shares/Sales"), m_token);
        QCOMPARE_JSON(share.jsonBody()["share"]["name"], "sales");

        // A page token is bound to its list: not reusable on another, not alterable.
        const std::string tableToken = tables.jsonBody()["nextPageToken"];
        for (const std::string &target :
             {path("/shares?pageToken=" + tableToken),
              path("/shares/service/schemas/support/tables?pageToken=" + tableToken),
              path("/shares?pageToken=" + next + "x"), path("/shares?pageToken=garbage")}) {
            Reply bad = get(target, m_token);
            QCOMPARE(bad.status, 400);
            QCOMPARE(bad.errorCode(), std::string("INVALID_PARAMETER_VALUE"));
        }
        for (const char *maxResults : {"501", "-1", "abc", "", "1.5"}) {
            Reply bad = get(path(std::string("/shares?maxResults=") + maxResults), m_token);
            QCOMPARE(bad.status, 400);
            QCOMPARE(bad.errorCode(), std::string("INVALID_PARAMETER_VALUE"));
        }
    }

    void unknownAndUngrantedNames()
    {
        struct Case
        {
            std::string target;
            int status;
            const char *code;
        };
        const Case cases[] = {
            {path("/shares/nosuch"), 404, "RESOURCE_DOES_NOT_EXIST"},
            {path("/shares/board"), 403, "PERMISSION_DENIED"},
            {path("/shares/board/all-tables"), 403, "PERMISSION_DENIED"},
            {path("/shares/sales/schemas/nosuch/tables"), 404, "RESOURCE_DOES_NOT_EXIST"},
            {path("/shares/sales/schemas/crm/tables/cases/version"), 404, "RESOURCE_DOES_NOT_EXIST"},
            {path("/shares/sales/schemas/crm/tables/accounts/nosuch"), 404, "RESOURCE_DOES_NOT_EXIST"},
            {"/delta-sharing", 404, "RESOURCE_DOES_NOT_EXIST"},
            {"/elsewhere", 404, "RESOURCE_DOES_NOT_EXIST"},
            {path("/shares/sales/schemas/crm/tables/accounts/query"), 405, "METHOD_NOT_ALLOWED"},
        };
        for (const Case &c : cases) {
            Reply reply = get(c.target, m_token);
            QVERIFY2(reply.status == c.status, (c.target + " -> " + std::to_string(reply.status)).c_str());
            QCOMPARE(reply.errorCode(), std::string(c.code));
            QVERIFY(reply.jsonBody().contains("message"));
        }
    }

    void versionAndMetadata()
    {
        const std::string table = path("/shares/sales/schemas/crm/tables/accounts");
        Reply version = get(table + "/version", m_token);
        QCOMPARE(version.status, 200);
        QCOMPARE(version.header("Delta-Table-Version"), std::string("1"));
        QVERIFY(version.body.empty());
        Reply deprecated = head(table, m_token); // the deprecated HEAD form
        QCOMPARE(deprecated.status, 200);
        QCOMPARE(deprecated.header("Delta-Table-Version"), std::string("1"));
        Reply early = get(table + "/version?startingTimestamp=2000-01-01T00:00:00Z", m_token);
        QCOMPARE(early.header("Delta-Table-Version"), std::string("0"));
        QCOMPARE(get(table + "/version?startingTimestamp=2999-01-01T00:00:00Z", m_token).status, 400);
        QCOMPARE(get(table + "/version?startingTimestamp=yesterday", m_token).status, 400);

        Reply metadata = get(table + "/metadata", m_token);
        QCOMPARE(metadata.status, 200);
        QVERIFY(metadata.header("Content-Type").find("application/x-ndjson") == 0);
        QCOMPARE(metadata.header("Delta-Table-Version"), std::string("1"));
        QCOMPARE(metadata.header("delta-sharing-capabilities"), std::string("responseformat=parquet"));
        const auto lines = metadata.lines();
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE_JSON(lines[0], json::parse(R"({"protocol":{"minReaderVersion":1}})"));
        const json meta = lines[1]["metaData"];
        QCOMPARE_JSON(meta["format"]["provider"], "parquet");
        QCOMPARE_JSON(meta["name"], "accounts");
        QVERIFY(!meta.contains("version"));
        const json schema = json::parse(meta["schemaString"].get<std::string>());
        QCOMPARE_JSON(schema["fields"][1]["name"], "account_number");
        QCOMPARE_JSON(meta["numFiles"], (m_rows["accounts"] + 39) / 40);

        Reply atZero = get(table + "/metadata?version=0", m_token);
        QCOMPARE(atZero.header("Delta-Table-Version"), std::string("0"));
        QCOMPARE_JSON(atZero.lines()[1]["metaData"]["version"], 0);
        QCOMPARE_JSON(atZero.lines()[1]["metaData"]["id"], meta["id"]); // one table id for its life
        Reply now = get(table + "/metadata?timestamp=2999-01-01T00:00:00Z", m_token);
        QCOMPARE(now.header("Delta-Table-Version"), std::string("1"));

        for (const std::string &query :
             {std::string("?version=-1"), std::string("?version=x"), std::string("?version=9"),
              std::string("?timestamp=2000-01-01T00:00:00Z"),
              std::string("?version=0&timestamp=2026-01-01T00:00:00Z")}) {
            Reply bad = get(table + "/metadata" + query, m_token);
            QVERIFY2(bad.status == 400, query.c_str());
            QCOMPARE(bad.errorCode(), std::string("INVALID_PARAMETER_VALUE"));
        }
        // Capabilities: parquet (also among others) is fine; delta alone is not offered.
        Reply mixed = get(
            table + "/metadata", m_token,
            {{"delta-sharing-capabilities", "ResponseFormat=delta,parquet;readerfeatures=deletionvectors"}});
        QCOMPARE(mixed.status, 200);
        QCOMPARE(mixed.header("delta-sharing-capabilities"), std::string("responseformat=parquet"));
        Reply deltaOnly =
            get(table + "/metadata", m_token, {{"delta-sharing-capabilities", "responseformat=delta"}});
        QCOMPARE(deltaOnly.status, 400);
        QCOMPARE(deltaOnly.errorCode(), std::string("UNSUPPORTED_OPERATION"));
        Reply badHash = get(table + "/metadata", m_token, {{"fileidhash", "md4"}});
        QCOMPARE(badHash.status, 400);
    }

    void queryListsSignedFiles()
    {
        const std::string table = path("/shares/sales/schemas/crm/tables/accounts/query");
        Reply reply = post(table, "{}", m_token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Delta-Table-Version"), std::string("1"));
        const auto lines = reply.lines();
        const std::size_t fileCount = static_cast<std::size_t>((m_rows["accounts"] + 39) / 40);
        QCOMPARE(lines.size(), 2 + fileCount); // protocol, metaData, files; no endStreamAction unasked
        std::int64_t records = 0;
        std::set<std::string> ids;
        for (std::size_t i = 2; i < lines.size(); ++i) {
            const json &file = lines[i]["file"];
            QVERIFY(file["url"].get<std::string>().rfind(m_server->baseUrl(), 0) == 0);
            QCOMPARE_JSON(file["partitionValues"], json::object());
            QVERIFY(file["stats"].is_string());
            QVERIFY(file["expirationTimestamp"].get<std::int64_t>() > m_now + 3500 * 1000);
            QVERIFY(!file.contains("version"));
            records += json::parse(file["stats"].get<std::string>())["numRecords"].get<std::int64_t>();
            ids.insert(file["id"]);
        }
        QCOMPARE(records, m_rows["accounts"]);
        QCOMPARE(ids.size(), fileCount);
        // Ids are stable across requests; URLs are fresh.
        const auto again = queryFiles("accounts");
        QCOMPARE_JSON(again[0]["id"], lines[2]["file"]["id"]);

        // limitHint stops once the files hold that many records; time travel marks the lines.
        QCOMPARE(queryFiles("accounts", {{"limitHint", 41}}).size(), std::size_t(2));
        QCOMPARE(queryFiles("accounts", {{"limitHint", 40}}).size(), std::size_t(1));
        const auto old = queryFiles("accounts", {{"version", 0}});
        QCOMPARE(old.size(), fileCount);
        QCOMPARE_JSON(old[0]["version"], 0);
        QVERIFY(old[0]["timestamp"].is_number_integer());
        QVERIFY(old[0]["id"] != lines[2]["file"]["id"]); // version 0 has files of its own
        QCOMPARE(queryFiles("accounts", {{"timestamp", "2999-01-01T00:00:00Z"}}).size(), fileCount);
    }

    void predicateHintsPruneOnStats()
    {
        const std::string wanted = m_accountNumbers[m_accountNumbers.size() / 2];
        const json equal = {{"op", "equal"},
                            {"children",
                             {{{"op", "column"}, {"name", "account_number"}, {"valueType", "string"}},
                              {{"op", "literal"}, {"value", wanted}, {"valueType", "string"}}}}};
        const auto one = queryFiles("accounts", {{"jsonPredicateHints", equal.dump()}});
        QCOMPARE(one.size(), std::size_t(1));
        const json stats = json::parse(one[0]["stats"].get<std::string>());
        QVERIFY(stats["minValues"]["account_number"].get<std::string>() <= wanted);
        QVERIFY(stats["maxValues"]["account_number"].get<std::string>() >= wanted);
        const std::size_t all = queryFiles("accounts").size();
        const json notEqual = {{"op", "not"}, {"children", {equal}}};
        QCOMPARE(queryFiles("accounts", {{"jsonPredicateHints", notEqual.dump()}}).size(), all);
        const json huge = {{"op", "greaterThan"},
                           {"children",
                            {{{"op", "column"}, {"name", "employees"}, {"valueType", "int"}},
                             {{"op", "literal"}, {"value", "1000000000"}, {"valueType", "int"}}}}};
        QCOMPARE(queryFiles("accounts", {{"jsonPredicateHints", huge.dump()}}).size(), std::size_t(0));
        QCOMPARE(queryFiles("accounts", {{"predicateHints", {"account_number = '" + wanted + "'"}}}).size(),
                 std::size_t(1));
        QCOMPARE(
            queryFiles("accounts", {{"predicateHints", {"employees > 1000000000", "nonsense ~~ 3"}}}).size(),
            std::size_t(0));
        // Hints that cannot be read are ignored, never an error.
        for (const json &body : {json{{"jsonPredicateHints", "{not json"}},
                                 json{{"jsonPredicateHints", R"({"op":"equal","children":[]})"}},
                                 json{{"jsonPredicateHints", R"({"op":"=","children":[]})"}},
                                 json{{"predicateHints", {"what is this"}}}})
            QCOMPARE(queryFiles("accounts", body).size(), all);
    }

    void queryPagesWithEndStreamActions()
    {
        const std::string table = path("/shares/sales/schemas/crm/tables/accounts/query");
        const std::size_t all = queryFiles("accounts").size();
        std::set<std::string> seen;
        std::string token;
        int pages = 0;
        json firstMeta;
        do {
            json body = {{"maxFiles", 2}};
            if (!token.empty())
                body["pageToken"] = token;
            Reply reply = post(table, body.dump(), m_token);
            QCOMPARE(reply.status, 200);
            const auto lines = reply.lines();
            QVERIFY(lines.back().contains("endStreamAction"));
            if (pages == 0)
                firstMeta = lines[1];
            QCOMPARE_JSON(lines[1], firstMeta); // every page repeats the same protocol and metaData
            for (std::size_t i = 2; i + 1 < lines.size(); ++i)
                seen.insert(lines[i]["file"]["id"]);
            token = lines.back()["endStreamAction"].value("nextPageToken", "");
            if (!token.empty()) {
                QVERIFY(lines.back()["endStreamAction"].contains("minUrlExpirationTimestamp"));
            }
            ++pages;
        } while (!token.empty() && pages < 100);
        QCOMPARE(seen.size(), all);
        QCOMPARE(pages, static_cast<int>((all + 1) / 2));

        // The token is bound to the query: other hints with it are refused.
        Reply first = post(table, json{{"maxFiles", 1}}.dump(), m_token);
        const std::string next = first.lines().back()["endStreamAction"]["nextPageToken"];
        Reply changed =
            post(table, json{{"maxFiles", 1}, {"pageToken", next}, {"limitHint", 5}}.dump(), m_token);
        QCOMPARE(changed.status, 400);
        QCOMPARE(changed.errorCode(), std::string("INVALID_PARAMETER_VALUE"));

        // endStreamAction when the client says it reads one.
        Reply asked =
            post(table, "{}", m_token, {{"delta-sharing-capabilities", "includeendstreamaction=true"}});
        QVERIFY(asked.lines().back().contains("endStreamAction"));
        QCOMPARE(asked.header("delta-sharing-capabilities"),
                 std::string("responseformat=parquet;includeendstreamaction=true"));

        // A refresh token gives the same files again with fresh links, even after the table moved on.
        Reply withRefresh = post(table, json{{"includeRefreshToken", true}}.dump(), m_token);
        const std::string refresh = withRefresh.lines().back()["endStreamAction"]["refreshToken"];
        Reply refreshed = post(table, json{{"refreshToken", refresh}}.dump(), m_token);
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.lines().size(), withRefresh.lines().size());
        QCOMPARE_JSON(refreshed.lines()[2]["file"]["id"], withRefresh.lines()[2]["file"]["id"]);
    }

    void malformedQueriesAre400()
    {
        const std::string table = path("/shares/sales/schemas/crm/tables/accounts/query");
        struct Case
        {
            std::string body;
            const char *code;
        };
        const Case cases[] = {
            {"", "MALFORMED_REQUEST"},
            {"{", "MALFORMED_REQUEST"},
            {"[]", "MALFORMED_REQUEST"},
            {"42", "MALFORMED_REQUEST"},
            {R"({"maxFiles":"ten"})", "MALFORMED_REQUEST"},
            {R"({"maxFiles":3000000000})", "MALFORMED_REQUEST"},
            {R"({"limitHint":1.5})", "MALFORMED_REQUEST"},
            {R"({"predicateHints":"a = 1"})", "MALFORMED_REQUEST"},
            {R"({"predicateHints":[1]})", "MALFORMED_REQUEST"},
            {R"({"jsonPredicateHints":{}})", "MALFORMED_REQUEST"},
            {R"({"includeRefreshToken":"yes"})", "MALFORMED_REQUEST"},
            {R"({"maxFiles":0})", "INVALID_PARAMETER_VALUE"},
            {R"({"version":-1})", "INVALID_PARAMETER_VALUE"},
            {R"({"version":0,"timestamp":"2026-01-01T00:00:00Z"})", "INVALID_PARAMETER_VALUE"},
            {R"({"timestamp":"last week"})", "INVALID_PARAMETER_VALUE"},
            {R"({"version":99})", "INVALID_PARAMETER_VALUE"},
            {R"({"limitHint":-5})", "INVALID_PARAMETER_VALUE"},
            {R"({"pageToken":"forged"})", "INVALID_PARAMETER_VALUE"},
            {R"({"refreshToken":"forged"})", "INVALID_PARAMETER_VALUE"},
            {R"({"includeRefreshToken":true,"version":1})", "INVALID_PARAMETER_VALUE"},
            {R"({"startingVersion":0})", "UNSUPPORTED_OPERATION"},
        };
        for (const Case &c : cases) {
            Reply reply = post(table, c.body, m_token);
            QVERIFY2(reply.status == 400, (c.body + " -> " + std::to_string(reply.status)).c_str());
            QVERIFY2(reply.errorCode() == c.code, (c.body + " -> " + reply.body).c_str());
        }
        Reply changes =
            get(path("/shares/sales/schemas/crm/tables/accounts/changes?startingVersion=0"), m_token);
        QCOMPARE(changes.status, 400);
        QCOMPARE(changes.errorCode(), std::string("UNSUPPORTED_OPERATION"));
    }

    void fileLinksServeOnlyTheirFile()
    {
        const auto files = queryFiles("accounts");
        const std::string target = localTarget(files[0]["url"]);
        const std::int64_t size = files[0]["size"];

        Reply whole = get(target, {});
        QCOMPARE(whole.status, 200);
        QCOMPARE(static_cast<std::int64_t>(whole.body.size()), size);
        QCOMPARE(whole.body.substr(0, 4), std::string("PAR1"));
        QCOMPARE(whole.header("Accept-Ranges"), std::string("bytes"));
        Reply sized = head(target);
        QCOMPARE(sized.status, 200);
        QCOMPARE(sized.header("Content-Length"), std::to_string(size));
        QVERIFY(sized.body.empty());
        Reply part = get(target, {}, {{"Range", "bytes=4-11"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, whole.body.substr(4, 8));
        QCOMPARE(part.header("Content-Range"), "bytes 4-11/" + std::to_string(size));
        Reply suffix = get(target, {}, {{"Range", "bytes=-8"}});
        QCOMPARE(suffix.status, 206);
        QCOMPARE(suffix.body, whole.body.substr(whole.body.size() - 8));
        Reply open = get(target, {}, {{"Range", "bytes=" + std::to_string(size - 3) + "-"}});
        QCOMPARE(open.body, whole.body.substr(whole.body.size() - 3));
        Reply past = get(target, {}, {{"Range", "bytes=" + std::to_string(size) + "-"}});
        QCOMPARE(past.status, 416);
        QCOMPARE(past.header("Content-Range"), "bytes */" + std::to_string(size));

        // Tampered, re-targeted (other file, table, tenant, recipient) and made-up links.
        const std::string query = target.substr(target.find('?'));
        const std::string otherFile = localTarget(files[1]["url"]);
        const std::string prefix = path("/files/" + m_recipientId + "/accounts/");
        std::string tampered = target;
        tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
        const std::string fileName = target.substr(prefix.size(), target.find('?') - prefix.size());
        const std::string cases[] = {
            tampered,
            otherFile.substr(0, otherFile.find('?')) + query,
            path("/files/" + m_recipientId + "/contacts/" + fileName) + query,
            path("/files/" + m_recipientId + "/accounts/" + fileName, "globex") + query,
            prefix.substr(0, prefix.size() - 1) + "/" + fileName + query + "&exp=1",
            path("/files/" + m_recipientId + "/accounts/_delta_log") + query,
            target.substr(0, target.find('?')),
        };
        for (const std::string &bad : cases) {
            Reply reply = get(bad, {});
            QVERIFY2(reply.status == 401 || reply.status == 403,
                     (bad + " -> " + std::to_string(reply.status)).c_str());
            QVERIFY(reply.body.find("PAR1") == std::string::npos);
        }
        // Paths outside the table never name a file.
        for (const std::string &bad :
             {prefix + "..%2F..%2F..%2Fsettings.db" + query, prefix + "../../settings.db",
              path("/files/" + m_recipientId + "/..%2Fglobex/x.parquet") + query}) {
            Reply reply = get(bad, {});
            QVERIFY2(reply.status >= 400 && reply.status < 500,
                     (bad + " -> " + std::to_string(reply.status)).c_str());
            QVERIFY(reply.body.find("SQLite") == std::string::npos &&
                    reply.body.find("PAR1") == std::string::npos);
        }
        // A link expires with the clock.
        m_now += 3601 * 1000;
        Reply expired = get(target, {});
        m_now -= 3601 * 1000;
        QCOMPARE(expired.status, 403);
        QVERIFY(expired.jsonBody()["message"].get<std::string>().find("expired") != std::string::npos);
    }

    void securityMatrix()
    {
        const std::string shares = path("/shares");
        Reply missing = get(shares, {});
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.errorCode(), std::string("UNAUTHENTICATED"));
        QCOMPARE(get(shares, "lsk_wrong").status, 401);
        QCOMPARE(get(shares, m_token + "x").status, 401);
        QCOMPARE(toReply(client().Get(shares, {{"Authorization", "Basic " + m_token}})).status, 401);
        // Another tenant's token on this tenant's endpoint, and this one's on theirs.
        QCOMPARE(get(shares, m_globexToken).status, 401);
        QCOMPARE(get(path("/shares", "globex"), m_token).status, 401);
        QCOMPARE(get(path("/shares", "globex"), m_globexToken).status, 200);

        // A recipient of its own for the changes below, so the others keep working.
        std::string shareId;
        for (const store::Share &share : must(sharing().shares("acme")))
            if (share.name == "service")
                shareId = share.id;
        store::Recipient temp;
        temp.tenant = "acme";
        temp.name = "temp";
        temp.shareIds = {shareId};
        const std::string id = must(sharing().saveRecipient(temp, m_now));
        const auto issued = must(sharing().issueToken(id, m_now + kDay, m_now));
        QCOMPARE(get(shares, issued.bearerToken).status, 200);
        const auto tempFiles = queryFilesAs(issued.bearerToken, "service", "support", "cases");
        QCOMPARE(tempFiles.size(), std::size_t(1));
        const std::string file = localTarget(tempFiles[0]["url"]);
        QCOMPARE(get(file, {}).status, 200);

        // Expiry follows the clock.
        m_now += kDay;
        Reply expired = get(shares, issued.bearerToken);
        m_now -= kDay;
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.jsonBody()["message"].get<std::string>().find("expired") != std::string::npos);

        // An IP allow-list without this address: 403, in force on the next request; with it: fine.
        temp.id = id;
        temp.ipAllowList = {"10.0.0.0/8"};
        QVERIFY(sharing().saveRecipient(temp, m_now));
        QCOMPARE(get(shares, issued.bearerToken).status, 403);
        QCOMPARE(get(file, {}).status, 403);
        temp.ipAllowList = {"10.0.0.0/8", "127.0.0.1"};
        QVERIFY(sharing().saveRecipient(temp, m_now));
        QCOMPARE(get(shares, issued.bearerToken).status, 200);

        // Rotation with no grace: the old token stops at once, the new one works.
        const auto rotated = must(sharing().rotateToken(id, m_now + kDay, 0, m_now));
        QCOMPARE(get(shares, issued.bearerToken).status, 401);
        QCOMPARE(get(shares, rotated.bearerToken).status, 200);
        // Revocation from another connection (the GUI's) is in force on the next request, file links too.
        QVERIFY(sharing().revokeRecipient(id, m_now));
        Reply revoked = get(shares, rotated.bearerToken);
        QCOMPARE(revoked.status, 401);
        QVERIFY(revoked.jsonBody()["message"].get<std::string>().find("revoked") != std::string::npos);
        QCOMPARE(get(file, {}).status, 401);
        // No answer to a refused request carries data.
        QVERIFY(revoked.body.find("items") == std::string::npos);
    }

    void everyRequestIsAudited()
    {
        QVERIFY(m_server->flushAudit());
        const std::int64_t before = m_now;
        Reply ok = get(path("/shares/sales/schemas/crm/tables/contacts/metadata"), m_token);
        QCOMPARE(ok.status, 200);
        QCOMPARE(get(path("/shares"), "lsk_nobody").status, 401);
        const auto files = queryFiles("contacts");
        QCOMPARE(get(localTarget(files[0]["url"]), {}).status, 200);
        QVERIFY(m_server->flushAudit());

        store::AuditFilter filter;
        filter.since = before;
        auto events = must(sharing().audit(filter));
        std::sort(events.begin(), events.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
        QVERIFY(events.size() >= 4);
        const auto &last4 = std::vector<store::AuditEvent>(events.end() - 4, events.end());
        QCOMPARE(last4[0].endpoint, std::string("metadata"));
        QCOMPARE(last4[0].recipientName, std::string("analytics"));
        QCOMPARE(last4[0].table, std::string("contacts"));
        QCOMPARE(last4[0].version, std::optional<std::int64_t>(0));
        QCOMPARE(last4[0].status, 200);
        QCOMPARE(last4[1].status, 401);
        QVERIFY(last4[1].recipientId.empty());
        QCOMPARE(last4[2].endpoint, std::string("query"));
        QCOMPARE(last4[2].files, static_cast<std::int64_t>(files.size()));
        QCOMPARE(last4[3].endpoint, std::string("file"));
        QCOMPARE(last4[3].bytes, files[0]["size"].get<std::int64_t>());
        QCOMPARE(last4[3].recipientId, m_recipientId);
        QCOMPARE(last4[3].remoteAddress, std::string("127.0.0.1"));
    }

    // An independent client (JavaScript, fetch) reads every table through the protocol with the profile an
    // admin hands over, and two Parquet readers read every file it downloaded.
    void anIndependentClientReadsEveryTable()
    {
        const std::string profilePath = m_dir.filePath("config.share").toStdString();
        std::ofstream(profilePath) << server::profileJson(m_server->endpoint("acme"), m_token,
                                                          m_now + 30 * kDay);
        QByteArray output;
        const QString error = testing::runPeerScript(
            "sharing-client.mjs", {QString::fromStdString(profilePath), "2"}, "hyparquet", output);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json result = json::parse(output.toStdString());
        QVERIFY2(result["problems"].empty(), result["problems"].dump().c_str());
        QCOMPARE_JSON(result["shares"], json::array({"sales", "service"}));
        QCOMPARE(result["tables"].size(), std::size_t(6));
        for (const json &table : result["tables"]) {
            const std::string name = table["name"];
            const std::int64_t rows = m_rows[name];
            QVERIFY2(rows > 0, name.c_str());
            QVERIFY2(table["statsRows"] == rows, (name + ": " + table.dump()).c_str());
            QVERIFY2(table["hyparquetRows"] == rows, (name + ": " + table.dump()).c_str());
            QVERIFY2(table["duckdbRows"] == rows, (name + ": " + table.dump()).c_str());
            QVERIFY2(table["columnsMatch"] == true, name.c_str());
        }
    }

    // The GUI's "Preview as recipient" walks the protocol with a profile and sees what the recipient sees.
    Result<client::SharePreview> preview(const std::string &profileText)
    {
        auto profile = client::parseProfile(profileText);
        if (!profile)
            return profile.error();
        http::HttpClient http;
        std::promise<Result<client::SharePreview>> promise;
        client::previewShares(http, profile.value(), CancelToken(),
                              [&promise](Result<client::SharePreview> result) { promise.set_value(std::move(result)); });
        return promise.get_future().get();
    }

    void previewAsRecipient()
    {
        auto seen = preview(server::profileJson(m_server->endpoint("acme"), m_token, m_now + kDay));
        QVERIFY2(seen, seen ? "" : seen.error().describe().c_str());
        QCOMPARE(seen.value().tables.size(), std::size_t(6));
        for (const auto &table : seen.value().tables) {
            QVERIFY2(table.problem.empty(), table.problem.c_str());
            QCOMPARE(table.rows, m_rows[table.name]);
            QVERIFY(table.files > 0 && table.bytes > 0 && !table.columns.empty());
        }
        QCOMPARE(seen.value().tables[0].version, std::int64_t(1)); // accounts, overwritten once
        QCOMPARE(seen.value().tables[0].columns[10].type, std::string("decimal(18,2)"));

        auto refused = preview(server::profileJson(m_server->endpoint("acme"), "lsk_not-a-token", m_now + kDay));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Auth);
        QVERIFY(refused.error().serviceMessage.find("not valid") != std::string::npos);
        const char *badProfiles[] = {
            "", "[]", "{\"shareCredentialsVersion\":3,\"endpoint\":\"http://x\",\"bearerToken\":\"t\"}",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"ftp://x\",\"bearerToken\":\"t\"}",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"http://x\"}",
            "{\"shareCredentialsVersion\":2,\"type\":\"oauth_client_credentials\",\"endpoint\":\"http://x\"}"};
        for (const char *bad : badProfiles) {
            auto parsed = preview(bad);
            QVERIFY2(!parsed && parsed.error().kind == ErrorKind::Invalid, bad);
        }
    }

    void plainHttpOnlyOnLoopbackAndTlsWhenConfigured()
    {
        server::ShareServerOptions options;
        options.tablesRoot = m_root;
        options.host = "0.0.0.0";
        auto refused = server::ShareServer::start(m_db, m_key, options);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.find("TLS") != std::string::npos);

        const QString cert = m_dir.filePath("cert.pem"), key = m_dir.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                                  "-days", "1", "-keyout", key, "-out", cert});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
                 openssl.readAllStandardError().constData());
        options.host = "127.0.0.1";
        options.certificateFile = m_dir.filePath("nosuch.pem").toStdString();
        options.privateKeyFile = key.toStdString();
        auto badFiles = server::ShareServer::start(m_db, m_key, options);
        QVERIFY(!badFiles);
        QVERIFY(badFiles.error().message.find("certificate") != std::string::npos);

        options.certificateFile = cert.toStdString();
        auto tls = server::ShareServer::start(m_db, m_key, options);
        QVERIFY2(tls, tls ? "" : tls.error().message.c_str());
        QVERIFY(tls.value()->baseUrl().rfind("https://", 0) == 0);
        const int port = std::stoi(tls.value()->baseUrl().substr(tls.value()->baseUrl().rfind(':') + 1));
        httplib::SSLClient secure("127.0.0.1", port);
        secure.enable_server_certificate_verification(false);
        auto reply = secure.Get(path("/shares"), {{"Authorization", "Bearer " + m_token}});
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        httplib::Client plain("127.0.0.1", port);
        plain.set_read_timeout(5);
        auto cleartext = plain.Get(path("/shares"), {{"Authorization", "Bearer " + m_token}});
        QVERIFY(!cleartext || cleartext->status != 200);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(ShareServerTest)
#include "tst_shareserver.moc"
