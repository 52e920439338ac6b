#include "sources/crmconnector.h"

#include "odata/odataclient.h"
#include "sources/crmmapping.h"
#include "sources/keyedread.h"
#include "sources/readlist.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace lakeshore::sources {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

const char *sortProperty(AccountSort sort)
{
    switch (sort) {
    case AccountSort::Name:
        return "name";
    case AccountSort::AccountNumber:
        return "accountnumber";
    case AccountSort::City:
        return "address1_city";
    case AccountSort::Revenue:
        return "revenue";
    case AccountSort::Modified:
        return "modifiedon";
    }
    return "name";
}

const std::vector<std::string> accountColumns = {"accountid",
                                                 "accountnumber",
                                                 "name",
                                                 "industry",
                                                 "address1_line1",
                                                 "address1_city",
                                                 "address1_stateorprovince",
                                                 "address1_postalcode",
                                                 "telephone1",
                                                 "websiteurl",
                                                 "revenue",
                                                 "numberofemployees",
                                                 "statecode",
                                                 "_territoryid_value",
                                                 "_ownerid_value",
                                                 "modifiedon"};

Error badId(const std::string &id)
{
    return makeError(ErrorKind::Invalid, "not a CRM record id: \"" + id.substr(0, 64) + "\"");
}

// Whole entity sets: far past the interactive limits, yet a bound on what one read holds in memory.
const odata::PagingLimits wholeSetLimits = {100000, 5000000};

Result<AccountPage> accountPageFrom(Result<odata::Page> result)
{
    if (!result)
        return result.error();
    AccountPage page;
    for (const auto &row : result.value().rows)
        page.accounts.push_back(crm::account(row));
    page.total = result.value().count;
    page.nextLink = result.value().nextLink;
    return page;
}

constexpr std::size_t kMaxAccountNumber = 64;

Result<std::vector<std::string>> numberLiterals(const std::vector<std::string> &numbers)
{
    std::vector<std::string> literals;
    for (const auto &number : numbers) {
        if (number.size() > kMaxAccountNumber)
            return makeError(ErrorKind::Invalid, "an account number longer than " +
                                                     std::to_string(kMaxAccountNumber) + " characters: \"" +
                                                     number.substr(0, 64) + "…\"");
        if (std::any_of(number.begin(), number.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            return makeError(ErrorKind::Invalid, "an account number with a control character in it");
        if (!number.empty())
            literals.push_back(odata::stringLiteral(number));
    }
    return literals;
}

// Orders accounts as their keys (ids in lower case, or numbers) came in the request.
std::vector<domain::Account> inKeyOrder(std::vector<domain::Account> accounts,
                                        const std::vector<std::string> &keys, bool byId)
{
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < keys.size(); ++i)
        position.emplace(keys[i], i);
    auto rank = [&](const domain::Account &a) {
        const auto it = position.find(byId ? lower(a.id) : a.accountNumber);
        return it == position.end() ? keys.size() : it->second;
    };
    std::stable_sort(accounts.begin(), accounts.end(),
                     [&](const auto &a, const auto &b) { return rank(a) < rank(b); });
    return accounts;
}

} // namespace

bool isGuid(const std::string &s)
{
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i])))
            return false;
    }
    return true;
}

const domain::Territory *Directory::territory(const std::string &id) const
{
    auto it = std::find_if(territories.begin(), territories.end(), [&](const auto &t) { return t.id == id; });
    return it == territories.end() ? nullptr : &*it;
}

const domain::Owner *Directory::owner(const std::string &id) const
{
    auto it = std::find_if(owners.begin(), owners.end(), [&](const auto &o) { return o.id == id; });
    return it == owners.end() ? nullptr : &*it;
}

const domain::Territory *Directory::territoryNamed(const std::string &name) const
{
    const std::string wanted = lower(name);
    auto it = std::find_if(territories.begin(), territories.end(),
                           [&](const auto &t) { return lower(t.name) == wanted; });
    return it == territories.end() ? nullptr : &*it;
}

struct CrmConnector::State : std::enable_shared_from_this<State>
{
    ConnectionSettings settings;
    odata::Client client;

    State(http::HttpClient &http, ConnectionSettings s)
        : settings(std::move(s)), client(http, {settings.baseUrl, settings.auth, settings.timeoutMs})
    {
    }

    // keys are ids in lower case or numbers as asked for; literals are what goes in the filter.
    void accountsWhere(bool byId, std::vector<std::string> keys, std::vector<std::string> literals,
                       CancelToken cancel, Done<std::vector<domain::Account>> done)
    {
        odata::Query query;
        query.entitySet = "accounts";
        query.select = accountColumns;
        // The client shares this state's life: a batch still running keeps it.
        std::shared_ptr<odata::Client> shared(shared_from_this(), &client);
        readByKeys(
            std::move(shared), query, byId ? "accountid" : "accountnumber", literals, cancel,
            [keys = std::move(keys), byId, done = std::move(done)](Result<std::vector<nlohmann::json>> rows) {
                if (!rows) {
                    done(rows.error());
                    return;
                }
                std::vector<domain::Account> accounts;
                for (const auto &row : rows.value())
                    accounts.push_back(crm::account(row));
                done(inKeyOrder(std::move(accounts), keys, byId));
            });
    }

    template <class T, class Map>
    void related(const char *set, const char *accountProperty, const std::string &accountId,
                 std::vector<std::string> orderBy, int limit, Map map, CancelToken cancel,
                 Done<std::vector<T>> done)
    {
        if (!isGuid(accountId)) {
            done(badId(accountId));
            return;
        }
        odata::Query query;
        query.entitySet = set;
        query.filter = std::string(accountProperty) + " eq " + accountId;
        query.orderBy = std::move(orderBy);
        query.top = limit;
        readList<T>(client, query, map, cancel, std::move(done), {10, static_cast<std::size_t>(limit)});
    }

    // Not readList: a whole set cut short by the limits must fail, not pass for the whole table.
    template <class T, class Map>
    void whole(const char *set, const char *key, std::vector<std::string> select, Map map, CancelToken cancel,
               Done<std::vector<T>> done)
    {
        odata::Query query;
        query.entitySet = set;
        query.select = std::move(select);
        query.orderBy = {std::string(key) + " asc"};
        client.all(
            query, cancel,
            [set = std::string(set), map, done = std::move(done)](Result<odata::Collection> result) {
                if (!result) {
                    done(result.error());
                    return;
                }
                if (result.value().truncated) {
                    done(makeError(ErrorKind::TooLarge,
                                   set + " has more than " + std::to_string(wholeSetLimits.maxRows) +
                                       " records or " + std::to_string(wholeSetLimits.maxPages) +
                                       " pages, more than one read takes"));
                    return;
                }
                std::vector<T> out;
                out.reserve(result.value().rows.size());
                for (const auto &row : result.value().rows)
                    out.push_back(map(row));
                done(std::move(out));
            },
            wholeSetLimits);
    }
};

CrmConnector::CrmConnector(http::HttpClient &http, ConnectionSettings settings)
    : m_state(std::make_shared<State>(http, std::move(settings)))
{
}

CrmConnector::~CrmConnector() = default;

const ConnectionSettings &CrmConnector::settings() const
{
    return m_state->settings;
}

void CrmConnector::accounts(const AccountFilter &filter, CancelToken cancel, Done<AccountPage> done)
{
    odata::Query query;
    query.entitySet = "accounts";
    query.select = accountColumns;
    std::vector<std::string> clauses;
    const std::string search = lower(filter.search);
    if (!search.empty()) {
        const std::string literal = odata::stringLiteral(search);
        clauses.push_back("(contains(tolower(name)," + literal + ") or startswith(tolower(accountnumber)," +
                          literal + ") or startswith(tolower(address1_city)," + literal + "))");
    }
    if (!filter.territoryId.empty()) {
        if (!isGuid(filter.territoryId)) {
            done(badId(filter.territoryId));
            return;
        }
        clauses.push_back("_territoryid_value eq " + filter.territoryId);
    }
    if (!filter.ownerId.empty()) {
        if (!isGuid(filter.ownerId)) {
            done(badId(filter.ownerId));
            return;
        }
        clauses.push_back("_ownerid_value eq " + filter.ownerId);
    }
    for (const auto &clause : clauses)
        query.filter += (query.filter.empty() ? "" : " and ") + clause;
    const std::string direction = filter.descending ? " desc" : " asc";
    query.orderBy = {std::string(sortProperty(filter.sort)) + direction};
    if (filter.sort != AccountSort::Name)
        query.orderBy.push_back("name asc"); // a stable order between pages
    query.orderBy.push_back("accountid asc");
    query.count = true;
    query.maxPageSize = filter.pageSize;
    m_state->client.page(query, cancel, [done = std::move(done)](Result<odata::Page> result) {
        done(accountPageFrom(std::move(result)));
    });
}

void CrmConnector::moreAccounts(const std::string &nextLink, CancelToken cancel, Done<AccountPage> done,
                                int pageSize)
{
    m_state->client.nextPage(
        nextLink, cancel,
        [done = std::move(done)](Result<odata::Page> result) { done(accountPageFrom(std::move(result))); },
        pageSize);
}

void CrmConnector::account(const std::string &accountId, CancelToken cancel, Done<domain::Account> done)
{
    if (!isGuid(accountId)) {
        done(badId(accountId));
        return;
    }
    odata::Query query;
    query.entitySet = "accounts";
    query.key = accountId;
    query.select = accountColumns;
    m_state->client.entity(query, {}, cancel, [done = std::move(done)](Result<odata::Entity> result) {
        if (!result) {
            done(result.error());
            return;
        }
        done(crm::account(result.value().row));
    });
}

void CrmConnector::accountsByNumber(const std::vector<std::string> &numbers, CancelToken cancel,
                                    Done<std::vector<domain::Account>> done)
{
    auto literals = numberLiterals(numbers);
    if (!literals) {
        done(literals.error());
        return;
    }
    m_state->accountsWhere(false, distinctKeys(numbers), distinctKeys(literals.value()), cancel,
                           std::move(done));
}

void CrmConnector::accountsById(const std::vector<std::string> &ids, CancelToken cancel,
                                Done<std::vector<domain::Account>> done)
{
    std::vector<std::string> keys;
    for (const auto &id : ids) {
        if (!isGuid(id)) {
            done(badId(id));
            return;
        }
        keys.push_back(lower(id));
    }
    keys = distinctKeys(keys);
    m_state->accountsWhere(true, keys, keys, cancel, std::move(done));
}

void CrmConnector::directory(CancelToken cancel, Done<Directory> done)
{
    struct Join
    {
        std::mutex mutex;
        Directory directory;
        std::optional<Error> error;
        int pending = 2;
        Done<Directory> done;
    };
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    auto finishOne = [join](std::optional<Error> error) {
        std::unique_lock lock(join->mutex);
        if (error && !join->error)
            join->error = std::move(error);
        if (--join->pending > 0)
            return;
        lock.unlock();
        if (join->error)
            join->done(*join->error);
        else
            join->done(std::move(join->directory));
    };
    odata::Query territories;
    territories.entitySet = "territories";
    territories.orderBy = {"name asc"};
    readList<domain::Territory>(m_state->client, territories, crm::territory, cancel,
                                [join, finishOne](Result<std::vector<domain::Territory>> result) {
                                    if (result) {
                                        std::lock_guard lock(join->mutex);
                                        join->directory.territories = std::move(result.value());
                                    }
                                    finishOne(result ? std::nullopt : std::optional<Error>(result.error()));
                                });
    odata::Query owners;
    owners.entitySet = "systemusers";
    owners.orderBy = {"fullname asc"};
    readList<domain::Owner>(m_state->client, owners, crm::owner, cancel,
                            [join, finishOne](Result<std::vector<domain::Owner>> result) {
                                if (result) {
                                    std::lock_guard lock(join->mutex);
                                    join->directory.owners = std::move(result.value());
                                }
                                finishOne(result ? std::nullopt : std::optional<Error>(result.error()));
                            });
}

void CrmConnector::contacts(const std::string &accountId, int limit, CancelToken cancel,
                            Done<std::vector<domain::Contact>> done)
{
    m_state->related<domain::Contact>("contacts", "_parentcustomerid_value", accountId,
                                      {"isprimary desc", "fullname asc"}, limit, crm::contact, cancel,
                                      std::move(done));
}

void CrmConnector::opportunities(const std::string &accountId, int limit, CancelToken cancel,
                                 Done<std::vector<domain::Opportunity>> done)
{
    m_state->related<domain::Opportunity>("opportunities", "_parentaccountid_value", accountId,
                                          {"statecode asc", "estimatedclosedate desc"}, limit,
                                          crm::opportunity, cancel, std::move(done));
}

void CrmConnector::activities(const std::string &accountId, int limit, CancelToken cancel,
                              Done<std::vector<domain::Activity>> done)
{
    m_state->related<domain::Activity>("activitypointers", "_regardingobjectid_value", accountId,
                                       {"scheduledstart desc"}, limit, crm::activity, cancel,
                                       std::move(done));
}

void CrmConnector::conversations(const std::string &accountId, int limit, CancelToken cancel,
                                 Done<std::vector<domain::Conversation>> done)
{
    m_state->related<domain::Conversation>("conversations", "_regardingobjectid_value", accountId,
                                           {"lastmessageon desc"}, limit, crm::conversation, cancel,
                                           std::move(done));
}

void CrmConnector::cases(const std::string &accountId, int limit, CancelToken cancel,
                         Done<std::vector<domain::Case>> done)
{
    m_state->related<domain::Case>("incidents", "_customerid_value", accountId,
                                   {"statecode asc", "createdon desc"}, limit, crm::incident, cancel,
                                   std::move(done));
}

void CrmConnector::tasks(const std::string &accountId, int limit, CancelToken cancel,
                         Done<std::vector<domain::Activity>> done)
{
    m_state->related<domain::Activity>("tasks", "_regardingobjectid_value", accountId, {"createdon desc"},
                                       limit, crm::task, cancel, std::move(done));
}

void CrmConnector::createTask(const NewTask &task, CancelToken cancel, Done<domain::Activity> done)
{
    auto body = taskBody(task);
    if (!body) {
        done(body.error());
        return;
    }
    m_state->client.create(
        "tasks", body.value(), cancel, [task, done = std::move(done)](Result<odata::Created> result) {
            if (!result) {
                done(result.error());
                return;
            }
            const odata::Created &created = result.value();
            domain::Activity activity = createdTask(task, created.row, created.key);
            if (activity.id.empty()) {
                done(makeError(ErrorKind::Malformed, "the CRM created the task but did not say its id"));
                return;
            }
            done(std::move(activity));
        });
}

void CrmConnector::allAccounts(CancelToken cancel, Done<std::vector<domain::Account>> done)
{
    m_state->whole<domain::Account>("accounts", "accountid", accountColumns, crm::account, cancel,
                                    std::move(done));
}

void CrmConnector::allContacts(CancelToken cancel, Done<std::vector<domain::Contact>> done)
{
    m_state->whole<domain::Contact>("contacts", "contactid", {}, crm::contact, cancel, std::move(done));
}

void CrmConnector::allOpportunities(CancelToken cancel, Done<std::vector<domain::Opportunity>> done)
{
    m_state->whole<domain::Opportunity>("opportunities", "opportunityid", {}, crm::opportunity, cancel,
                                        std::move(done));
}

void CrmConnector::allActivities(CancelToken cancel, Done<std::vector<domain::Activity>> done)
{
    m_state->whole<domain::Activity>("activitypointers", "activityid", {}, crm::activity, cancel,
                                     std::move(done));
}

void CrmConnector::allConversations(CancelToken cancel, Done<std::vector<domain::Conversation>> done)
{
    m_state->whole<domain::Conversation>("conversations", "conversationid", {}, crm::conversation, cancel,
                                         std::move(done));
}

void CrmConnector::allCases(CancelToken cancel, Done<std::vector<domain::Case>> done)
{
    m_state->whole<domain::Case>("incidents", "incidentid", {}, crm::incident, cancel, std::move(done));
}

void CrmConnector::probe(CancelToken cancel, Done<ServiceProbe> done)
{
    probeService(m_state->client, {"accounts", "contacts", "opportunities", "incidents"}, "CRM", cancel,
                 std::move(done));
}

} // namespace lakeshore::sources
