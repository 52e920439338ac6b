// The CRM connector: reads a Dataverse-like OData v4 CRM and maps it to domain types, and writes the one
// thing Lakeshore writes there: follow-up tasks. Entity sets: accounts, contacts, opportunities,
// activitypointers, conversations, incidents, territories, systemusers, tasks. Callbacks run on the HTTP
// I/O thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "domain/crm.h"
#include "sources/connectionsettings.h"
#include "sources/done.h"
#include "sources/newtask.h"
#include "sources/probe.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpClient;
}

namespace lakeshore::sources {

enum class AccountSort { Name, AccountNumber, City, Revenue, Modified };

struct AccountFilter
{
    std::string search;      // name, number or city; case-insensitive
    std::string territoryId; // empty = all
    std::string ownerId;     // empty = all
    AccountSort sort = AccountSort::Name;
    bool descending = false;
    int pageSize = 50;
};

struct AccountPage
{
    std::vector<domain::Account> accounts;
    std::optional<long long> total; // all matches, not just this page
    std::string nextLink;           // empty on the last page
};

// Territories and owners: small, read once, used to show names for ids.
struct Directory
{
    std::vector<domain::Territory> territories;
    std::vector<domain::Owner> owners;

    [[nodiscard]] const domain::Territory *territory(const std::string &id) const;
    [[nodiscard]] const domain::Owner *owner(const std::string &id) const;
    [[nodiscard]] const domain::Territory *territoryNamed(const std::string &name) const; // case-insensitive
};

class CrmConnector
{
public:
    CrmConnector(http::HttpClient &http, ConnectionSettings settings);
    ~CrmConnector();

    void accounts(const AccountFilter &filter, CancelToken cancel, Done<AccountPage> done);
    // pageSize: the filter's, repeated, since the service does not keep it in the link.
    void moreAccounts(const std::string &nextLink, CancelToken cancel, Done<AccountPage> done,
                      int pageSize = 50);
    void account(const std::string &accountId, CancelToken cancel, Done<domain::Account> done);
    // Many accounts at once, for a worklist's join (owner, territory, status of the accounts on screen):
    // `in` filters of at most 100 keys, at most 4 requests at a time. The accounts found, in the order of
    // the keys asked for; keys the CRM does not know (and empty numbers) are simply absent. A number over
    // 64 characters or with control characters, or an id that is not a GUID, is Invalid before any
    // request; an empty list answers at once. One request failing fails the call with its error.
    void accountsByNumber(const std::vector<std::string> &numbers, CancelToken cancel,
                          Done<std::vector<domain::Account>> done);
    void accountsById(const std::vector<std::string> &ids, CancelToken cancel,
                      Done<std::vector<domain::Account>> done);
    void directory(CancelToken cancel, Done<Directory> done);

    // Related records of one account, newest or most relevant first, at most `limit`.
    void contacts(const std::string &accountId, int limit, CancelToken cancel,
                  Done<std::vector<domain::Contact>> done);
    void opportunities(const std::string &accountId, int limit, CancelToken cancel,
                       Done<std::vector<domain::Opportunity>> done);
    void activities(const std::string &accountId, int limit, CancelToken cancel,
                    Done<std::vector<domain::Activity>> done);
    void conversations(const std::string &accountId, int limit, CancelToken cancel,
                       Done<std::vector<domain::Conversation>> done);
    void cases(const std::string &accountId, int limit, CancelToken cancel,
               Done<std::vector<domain::Case>> done);
    // The account's tasks, newest (created) first.
    void tasks(const std::string &accountId, int limit, CancelToken cancel,
               Done<std::vector<domain::Activity>> done);

    // Creates a task (POST tasks) and answers it as an Activity: type Task, status Open, its new id,
    // scheduledAt the due date. A task that fails the checks (GUIDs, subject, description length) is
    // Invalid and nothing is sent. Never retried after a 5xx or a timeout: the task may exist then, so the
    // caller should read tasks() before trying again.
    void createTask(const NewTask &task, CancelToken cancel, Done<domain::Activity> done);

    // Whole entity sets, every record in key order so that paging stays stable: what the snapshotter
    // publishes. A set past the whole-set limits fails with TooLarge instead of arriving in part.
    void allAccounts(CancelToken cancel, Done<std::vector<domain::Account>> done);
    void allContacts(CancelToken cancel, Done<std::vector<domain::Contact>> done);
    void allOpportunities(CancelToken cancel, Done<std::vector<domain::Opportunity>> done);
    void allActivities(CancelToken cancel, Done<std::vector<domain::Activity>> done);
    void allConversations(CancelToken cancel, Done<std::vector<domain::Conversation>> done);
    void allCases(CancelToken cancel, Done<std::vector<domain::Case>> done);

    // Reads the service document: is this reachable, signed in, and does it have the sets we read?
    void probe(CancelToken cancel, Done<ServiceProbe> done);

    [[nodiscard]] const ConnectionSettings &settings() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// True when s is a GUID (8-4-4-4-12 hex): ids go into $filter unquoted, so they are checked first.
[[nodiscard]] bool isGuid(const std::string &s);

} // namespace lakeshore::sources
