#include "assistant/crmcontext.h"

#include "sources/crmconnector.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

namespace lakeshore::assistant {

namespace {

using sources::AccountPage;
using sources::Directory;

std::string folded(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string firstWord(const std::string &name)
{
    return name.substr(0, name.find(' '));
}

std::string lastWord(const std::string &name)
{
    const std::size_t space = name.rfind(' ');
    return space == std::string::npos ? name : name.substr(space + 1);
}

std::string listed(std::vector<std::string> names)
{
    std::sort(names.begin(), names.end());
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

// Owners whose full name, else first name, else last name is the name asked for.
std::vector<const domain::Owner *> ownersNamed(const Directory &directory, const std::string &name)
{
    const std::string wanted = folded(name);
    std::vector<const domain::Owner *> matches;
    for (auto part : {0, 1, 2}) {
        for (const auto &owner : directory.owners) {
            const std::string full = folded(owner.fullName);
            const std::string candidate = part == 0 ? full : part == 1 ? firstWord(full) : lastWord(full);
            if (candidate == wanted)
                matches.push_back(&owner);
        }
        if (!matches.empty())
            break;
    }
    return matches;
}

Error readFailure(Error error, const std::string &what)
{
    error.message = "Could not read " + what + " from the CRM: " + error.message;
    return error;
}

// One bind() in flight: reads in sequence, each step started from the previous one's callback.
class Job : public std::enable_shared_from_this<Job>
{
public:
    Job(sources::CrmConnector &crm, BinderOptions options, CrmNeeds needs,
        std::optional<CurrentAccount> current, CancelToken cancel, sources::Done<CrmBinding> done)
        : m_crm(crm), m_options(options), m_needs(std::move(needs)), m_current(std::move(current)),
          m_cancel(std::move(cancel)), m_done(std::move(done))
    {
    }

    void start()
    {
        if (!m_needs.any())
            return m_done(CrmBinding{});
        if (m_needs.thisAccount)
            return openAccount();
        readDirectory([self = shared_from_this()] { self->resolveNames(); });
    }

private:
    void fail(Error error) { m_done(std::move(error)); }

    bool stopped()
    {
        if (!m_cancel.cancelled())
            return false;
        fail(makeError(ErrorKind::Cancelled, "Cancelled while reading " + m_what + " from the CRM"));
        return true;
    }

    void readDirectory(std::function<void()> then)
    {
        m_what = "the CRM's territories and owners";
        if (stopped())
            return;
        m_crm.directory(m_cancel,
                        [self = shared_from_this(), then = std::move(then)](Result<Directory> result) {
                            if (!result)
                                return self->fail(readFailure(result.error(), "the territories and owners"));
                            self->m_directory = std::move(result.value());
                            then();
                        });
    }

    void openAccount()
    {
        if (!m_current || (m_current->crmId.empty() && m_current->number.empty()))
            return fail(makeError(ErrorKind::Invalid,
                                  "No account is open, so \"this account\" means nothing yet: "
                                  "open an account, or name a territory or an owner"));
        if (m_current->crmId.empty()) {
            if (m_needs.groupBy != CrmDimension::None)
                return fail(makeError(ErrorKind::Invalid,
                                      "the open account has no CRM id, so its territory and "
                                      "owner cannot be read"));
            CrmBinding binding;
            binding.scope = "for " + describe(m_current->name, m_current->number);
            binding.accountNumbers = {m_current->number};
            binding.nameByNumber[m_current->number] = m_current->name;
            return m_done(std::move(binding));
        }
        m_what = "the open account";
        if (stopped())
            return;
        m_crm.account(
            m_current->crmId, m_cancel, [self = shared_from_this()](Result<domain::Account> result) {
                if (!result)
                    return self->fail(readFailure(result.error(), "the open account"));
                const domain::Account account = std::move(result.value());
                if (account.accountNumber.empty())
                    return self->fail(makeError(
                        ErrorKind::NotFound, "The open account " + account.name +
                                                 " has no account number in the CRM, so the lakehouse cannot "
                                                 "match it"));
                self->m_binding.scope = "for " + describe(account.name, account.accountNumber);
                self->m_accounts.push_back(account);
                if (self->m_needs.groupBy == CrmDimension::None)
                    return self->finish();
                self->readDirectory([self] { self->finish(); });
            });
    }

    static std::string describe(const std::string &name, const std::string &number)
    {
        return name.empty() ? number : name + " (" + number + ")";
    }

    void resolveNames()
    {
        sources::AccountFilter filter;
        filter.pageSize = m_options.pageSize;
        filter.sort = sources::AccountSort::AccountNumber;
        std::string scope;
        if (!m_needs.territory.empty()) {
            const domain::Territory *territory = m_directory.territoryNamed(folded(m_needs.territory));
            if (!territory)
                return fail(unknownTerritory());
            filter.territoryId = territory->id;
            scope = "in the " + territory->name + " territory";
        }
        if (!m_needs.owner.empty()) {
            const auto owners = ownersNamed(m_directory, m_needs.owner);
            if (owners.empty())
                return fail(unknownOwner());
            if (owners.size() > 1) {
                std::vector<std::string> names;
                for (const auto *owner : owners)
                    names.push_back(owner->fullName);
                return fail(makeError(ErrorKind::Invalid, "\"" + m_needs.owner + "\" matches " +
                                                              std::to_string(owners.size()) +
                                                              " owners in the CRM: " + listed(names) +
                                                              "; say which one (e.g. \"" +
                                                              owners.front()->fullName + "'s accounts\")"));
            }
            filter.ownerId = owners.front()->id;
            scope += (scope.empty() ? "" : " ") + std::string("owned by ") + owners.front()->fullName;
        }
        m_binding.scope = scope.empty() ? std::string("in the CRM") : scope;
        m_what = "the accounts " + m_binding.scope;
        if (stopped())
            return;
        m_crm.accounts(filter, m_cancel, [self = shared_from_this()](Result<AccountPage> page) {
            self->onPage(std::move(page));
        });
    }

    Error unknownTerritory() const
    {
        std::vector<std::string> names;
        for (const auto &t : m_directory.territories)
            names.push_back(t.name);
        std::string message = "The CRM has no territory named \"" + m_needs.territory +
                              "\"; its territories are " + listed(names);
        if (!ownersNamed(m_directory, m_needs.territory).empty())
            message +=
                ". \"" + m_needs.territory + "\" is an owner: ask about " + m_needs.territory + "'s accounts";
        return makeError(ErrorKind::NotFound, message);
    }

    Error unknownOwner() const
    {
        std::vector<std::string> names;
        for (const auto &o : m_directory.owners)
            names.push_back(o.fullName);
        std::string message =
            "The CRM has no owner named \"" + m_needs.owner + "\"; its owners are " + listed(names);
        if (m_directory.territoryNamed(folded(m_needs.owner)))
            message +=
                ". \"" + m_needs.owner + "\" is a territory: ask about the " + m_needs.owner + " territory";
        return makeError(ErrorKind::NotFound, message);
    }

    Error tooMany(long long count) const
    {
        return makeError(ErrorKind::TooLarge,
                         "There are " + std::to_string(count) + " accounts " + m_binding.scope +
                             "; one answer can look at " + std::to_string(m_options.maxAccounts) +
                             " at most. Narrow the question to an owner or a smaller territory");
    }

    void onPage(Result<AccountPage> result)
    {
        if (!result)
            return fail(readFailure(result.error(), m_what));
        AccountPage &page = result.value();
        if (page.total && *page.total > static_cast<long long>(m_options.maxAccounts))
            return fail(tooMany(*page.total));
        m_accounts.insert(m_accounts.end(), page.accounts.begin(), page.accounts.end());
        if (m_accounts.size() > m_options.maxAccounts)
            return fail(tooMany(static_cast<long long>(m_accounts.size())));
        if (page.nextLink.empty())
            return finish();
        if (!m_links.insert(page.nextLink).second)
            return fail(
                makeError(ErrorKind::Loop, "The CRM's pages of " + m_what +
                                               " lead back to a page already read; the list was not used"));
        if (stopped())
            return;
        m_crm.moreAccounts(
            page.nextLink, m_cancel,
            [self = shared_from_this()](Result<AccountPage> next) { self->onPage(std::move(next)); },
            m_options.pageSize);
    }

    std::string groupOf(const domain::Account &account) const
    {
        if (m_needs.groupBy == CrmDimension::Territory) {
            const domain::Territory *t = m_directory.territory(account.territoryId);
            return t ? t->name : std::string("(no territory)");
        }
        const domain::Owner *o = m_directory.owner(account.ownerId);
        return o ? o->fullName : std::string("(no owner)");
    }

    void finish()
    {
        std::set<std::string> numbers;
        for (const auto &account : m_accounts) {
            if (account.accountNumber.empty()) {
                ++m_binding.withoutNumber;
                continue;
            }
            if (!numbers.insert(account.accountNumber).second)
                continue; // the first CRM record with a number wins
            m_binding.crmIdByNumber[account.accountNumber] = account.id;
            m_binding.nameByNumber[account.accountNumber] = account.name;
            if (m_needs.groupBy != CrmDimension::None)
                m_binding.groupByNumber[account.accountNumber] = groupOf(account);
        }
        m_binding.accountNumbers.assign(numbers.begin(), numbers.end());
        m_done(std::move(m_binding));
    }

    sources::CrmConnector &m_crm;
    BinderOptions m_options;
    CrmNeeds m_needs;
    std::optional<CurrentAccount> m_current;
    CancelToken m_cancel;
    sources::Done<CrmBinding> m_done;
    Directory m_directory;
    std::vector<domain::Account> m_accounts;
    std::set<std::string> m_links;
    CrmBinding m_binding;
    std::string m_what = "the CRM";
};

} // namespace

CrmContextBinder::CrmContextBinder(sources::CrmConnector &crm, BinderOptions options)
    : m_crm(crm), m_options(options)
{
}

void CrmContextBinder::bind(const CrmNeeds &needs, const std::optional<CurrentAccount> &current,
                            CancelToken cancel, sources::Done<CrmBinding> done) const
{
    std::make_shared<Job>(m_crm, m_options, needs, current, std::move(cancel), std::move(done))->start();
}

} // namespace lakeshore::assistant
