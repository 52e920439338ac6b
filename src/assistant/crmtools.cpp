#include "assistant/crmtools.h"

#include "assistant/llmtools.h"
#include "sources/crmconnector.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <utility>
#include <vector>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;
using Reply = std::function<void(Result<std::string>)>;

constexpr std::size_t kMaxNamesListed = 40; // known territories/owners named in an "unknown" answer

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string dump(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string stringArgument(const Json &arguments, const char *name)
{
    const auto it = arguments.find(name);
    return it != arguments.end() && it->is_string() ? trimmed(it->get<std::string>()) : std::string();
}

Error crmFailed(Error error)
{
    error.message = "reading the CRM failed: " + error.message;
    return error;
}

template <class Items, class Name> std::string namesOf(const Items &items, Name name)
{
    std::string out;
    std::size_t listed = 0;
    for (const auto &item : items) {
        if (listed++ == kMaxNamesListed) {
            out += ", … (" + std::to_string(items.size() - kMaxNamesListed) + " more)";
            break;
        }
        out += (out.empty() ? "" : ", ") + name(item);
    }
    return out;
}

// Territory by name or id; "Cleveland territory" works too.
const domain::Territory *findTerritory(const sources::Directory &directory, const std::string &wanted)
{
    if (const auto *byName = directory.territoryNamed(wanted))
        return byName;
    if (const auto *byId = directory.territory(wanted))
        return byId;
    const std::string suffix = " territory";
    const std::string low = lower(wanted);
    if (low.size() > suffix.size() && low.compare(low.size() - suffix.size(), suffix.size(), suffix) == 0)
        return directory.territoryNamed(trimmed(wanted.substr(0, wanted.size() - suffix.size())));
    return nullptr;
}

// Owners by id, e-mail or full name, then by a part of the name; several partial matches are ambiguous.
std::vector<const domain::Owner *> findOwners(const sources::Directory &directory, const std::string &wanted)
{
    const std::string low = lower(wanted);
    for (const auto &owner : directory.owners)
        if (owner.id == wanted || lower(owner.email) == low || lower(owner.fullName) == low)
            return {&owner};
    std::vector<const domain::Owner *> partial;
    for (const auto &owner : directory.owners)
        if (!low.empty() && lower(owner.fullName).find(low) != std::string::npos)
            partial.push_back(&owner);
    return partial;
}

} // namespace

struct CrmToolsState
{
    std::shared_ptr<sources::CrmConnector> crm;
    std::optional<domain::Account> current;
    CrmToolLimits limits;
    std::optional<sources::Directory> directory; // read once, on first need
    mutable std::mutex mutex;                    // guards bound against a reader on another thread
    BoundAccounts bound;

    void bind(const domain::Account &account)
    {
        if (account.accountNumber.empty())
            return;
        std::lock_guard lock(mutex);
        bound[account.accountNumber] = {account.id, account.name};
    }
};

namespace {

using StatePtr = std::shared_ptr<CrmToolsState>;

void withDirectory(const StatePtr &state, CancelToken cancel,
                   std::function<void(const sources::Directory &)> then, Reply done)
{
    if (state->directory) {
        then(*state->directory);
        return;
    }
    state->crm->directory(std::move(cancel),
                          [state, then = std::move(then), done](Result<sources::Directory> read) {
                              if (!read) {
                                  done(crmFailed(read.error()));
                                  return;
                              }
                              state->directory = std::move(read.value());
                              then(*state->directory);
                          });
}

// Reads every page of a filtered account list (up to the limit), binds the accounts and answers with them.
struct Collect
{
    StatePtr state;
    CancelToken cancel;
    Json header; // what the list is of, e.g. {"territory": "Cleveland"}
    Reply done;
    std::vector<domain::Account> accounts;
    std::optional<long long> total;

    static void page(const std::shared_ptr<Collect> &self, Result<sources::AccountPage> read)
    {
        if (!read) {
            self->done(crmFailed(read.error()));
            return;
        }
        auto &page = read.value();
        if (!self->total)
            self->total = page.total;
        for (auto &account : page.accounts)
            self->accounts.push_back(std::move(account));
        const auto limit = self->state->limits.maxAccounts;
        if (!page.nextLink.empty() && self->accounts.size() < limit) {
            self->state->crm->moreAccounts(
                page.nextLink, self->cancel,
                [self](Result<sources::AccountPage> next) { Collect::page(self, std::move(next)); },
                self->state->limits.pageSize);
            return;
        }
        finish(self, !page.nextLink.empty() || self->accounts.size() > limit);
    }

    static void finish(const std::shared_ptr<Collect> &self, bool more)
    {
        const auto limit = self->state->limits.maxAccounts;
        if (self->accounts.size() > limit)
            self->accounts.resize(limit);
        Json out = self->header;
        Json list = Json::array();
        std::size_t withoutNumber = 0;
        for (const auto &account : self->accounts) {
            if (account.accountNumber.empty()) {
                ++withoutNumber;
                continue;
            }
            self->state->bind(account);
            list.push_back(
                {{"account_number", account.accountNumber}, {"name", account.name}, {"city", account.city}});
        }
        out["account_count"] = list.size();
        out["accounts"] = std::move(list);
        if (withoutNumber > 0)
            out["accounts_without_number"] = withoutNumber;
        if (more)
            out["note"] = "only the first " + std::to_string(limit) + " accounts" +
                          (self->total ? " of " + std::to_string(*self->total) : std::string()) +
                          " are listed";
        self->done(dump(out));
    }
};

void listAccounts(const StatePtr &state, sources::AccountFilter filter, Json header, CancelToken cancel,
                  Reply done)
{
    filter.pageSize = state->limits.pageSize;
    auto collect = std::make_shared<Collect>();
    collect->state = state;
    collect->cancel = cancel;
    collect->header = std::move(header);
    collect->done = std::move(done);
    state->crm->accounts(filter, std::move(cancel), [collect](Result<sources::AccountPage> read) {
        Collect::page(collect, std::move(read));
    });
}

void territoryAccounts(const StatePtr &state, const std::string &wanted, CancelToken cancel, Reply done)
{
    if (wanted.empty()) {
        done(std::string("error: ") + std::string(kTerritoryAccountsTool) +
             " needs {\"territory\": \"<name>\"}, e.g. {\"territory\": \"Cleveland\"}");
        return;
    }
    withDirectory(
        state, cancel,
        [state, wanted, cancel, done](const sources::Directory &directory) {
            const auto *territory = findTerritory(directory, wanted);
            if (!territory) {
                done("unknown territory \"" + wanted + "\"; the CRM's territories are: " +
                     namesOf(directory.territories, [](const domain::Territory &t) { return t.name; }));
                return;
            }
            sources::AccountFilter filter;
            filter.territoryId = territory->id;
            listAccounts(state, filter, Json{{"territory", territory->name}, {"region", territory->region}},
                         cancel, done);
        },
        done);
}

void ownerAccounts(const StatePtr &state, const std::string &wanted, CancelToken cancel, Reply done)
{
    if (wanted.empty()) {
        done(std::string("error: ") + std::string(kOwnerAccountsTool) +
             " needs {\"owner\": \"<full name, e-mail or id>\"}");
        return;
    }
    withDirectory(
        state, cancel,
        [state, wanted, cancel, done](const sources::Directory &directory) {
            const auto owners = findOwners(directory, wanted);
            const auto fullName = [](const domain::Owner &o) { return o.fullName; };
            if (owners.empty()) {
                done("unknown owner \"" + wanted +
                     "\"; the CRM's owners are: " + namesOf(directory.owners, fullName));
                return;
            }
            if (owners.size() > 1) {
                std::vector<domain::Owner> matches;
                for (const auto *owner : owners)
                    matches.push_back(*owner);
                done("\"" + wanted + "\" matches several owners: " + namesOf(matches, fullName) +
                     "; ask again with a full name");
                return;
            }
            const auto *owner = owners.front();
            const auto *home = directory.territory(owner->territoryId);
            Json header{{"owner", owner->fullName}, {"title", owner->title}};
            if (home)
                header["home_territory"] = home->name;
            sources::AccountFilter filter;
            filter.ownerId = owner->id;
            listAccounts(state, filter, std::move(header), cancel, done);
        },
        done);
}

void currentAccount(const StatePtr &state, CancelToken cancel, Reply done)
{
    if (!state->current) {
        done(std::string("no account is open in Lakeshore right now"));
        return;
    }
    withDirectory(
        state, cancel,
        [state, done](const sources::Directory &directory) {
            const auto &account = *state->current;
            state->bind(account);
            const auto *territory = directory.territory(account.territoryId);
            const auto *owner = directory.owner(account.ownerId);
            done(dump(Json{{"account_number", account.accountNumber},
                           {"name", account.name},
                           {"city", account.city},
                           {"industry", account.industry},
                           {"territory", territory ? territory->name : std::string()},
                           {"owner", owner ? owner->fullName : std::string()}}));
        },
        done);
}

} // namespace

CrmTools::CrmTools(std::shared_ptr<sources::CrmConnector> crm, std::optional<domain::Account> currentAccount,
                   CrmToolLimits limits)
    : m_state(std::make_shared<CrmToolsState>())
{
    m_state->crm = std::move(crm);
    m_state->current = std::move(currentAccount);
    m_state->limits = limits;
    m_state->limits.pageSize = std::max(1, limits.pageSize);
    m_state->limits.maxAccounts = std::max<std::size_t>(1, limits.maxAccounts);
}

void CrmTools::run(const std::string &tool, const nlohmann::json &arguments, CancelToken cancel,
                   std::function<void(Result<std::string>)> done)
{
    if (!m_state->crm) {
        done(makeError(ErrorKind::Invalid, "no CRM is configured for the assistant's CRM tools"));
        return;
    }
    if (tool == kTerritoryAccountsTool)
        territoryAccounts(m_state, stringArgument(arguments, "territory"), std::move(cancel),
                          std::move(done));
    else if (tool == kOwnerAccountsTool)
        ownerAccounts(m_state, stringArgument(arguments, "owner"), std::move(cancel), std::move(done));
    else if (tool == kCurrentAccountTool)
        currentAccount(m_state, std::move(cancel), std::move(done));
    else
        done(makeError(ErrorKind::Invalid, "no CRM tool is named \"" + tool + "\""));
}

BoundAccounts CrmTools::bound() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->bound;
}

} // namespace lakeshore::assistant
