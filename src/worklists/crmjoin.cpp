#include "worklists/crmjoin.h"

#include "sources/crmconnector.h"

#include <atomic>

namespace lakeshore::worklists {

AccountKey accountKeyOf(const assistant::ResultSet &rows, std::size_t column)
{
    bool any = false;
    for (std::size_t row = 0; row < rows.rowCount(); ++row) {
        if (rows.isNull(row, column))
            continue;
        if (!sources::isGuid(rows.text(row, column)))
            return AccountKey::Number;
        any = true;
    }
    return any ? AccountKey::CrmId : AccountKey::Number;
}

struct CrmJoin::Impl : std::enable_shared_from_this<Impl>
{
    std::shared_ptr<sources::CrmConnector> crm;
    std::mutex mutex;
    std::shared_ptr<const sources::Directory> directory; // read once it succeeds

    // Both reads run at once; whichever finishes second combines them.
    struct Round
    {
        std::mutex mutex;
        std::optional<Result<std::vector<domain::Account>>> accounts;
        std::optional<Result<std::shared_ptr<const sources::Directory>>> directory;
        AccountKey kind = AccountKey::Number;
        std::function<void(Result<CrmFactsByKey>)> done;
    };

    static void finishIfComplete(const std::shared_ptr<Round> &round)
    {
        std::unique_lock lock(round->mutex);
        if (!round->accounts || !round->directory || !round->done)
            return;
        auto done = std::move(round->done);
        round->done = nullptr;
        lock.unlock();
        if (!*round->accounts)
            return done(round->accounts->error());
        if (!*round->directory)
            return done(round->directory->error());
        const auto &directory = *round->directory->value();
        CrmFactsByKey facts;
        for (const auto &account : round->accounts->value()) {
            CrmFacts fact;
            fact.crmId = account.id;
            fact.name = account.name;
            fact.ownerId = account.ownerId;
            fact.territoryId = account.territoryId;
            fact.active = account.active;
            if (const auto *owner = directory.owner(account.ownerId))
                fact.ownerName = owner->fullName;
            if (const auto *territory = directory.territory(account.territoryId))
                fact.territoryName = territory->name;
            facts.emplace(round->kind == AccountKey::CrmId ? account.id : account.accountNumber, std::move(fact));
        }
        done(std::move(facts));
    }
};

CrmJoin::CrmJoin(std::shared_ptr<sources::CrmConnector> crm) : m_impl(std::make_shared<Impl>())
{
    m_impl->crm = std::move(crm);
}

CrmJoin::~CrmJoin() = default;

void CrmJoin::join(std::vector<std::string> keys, AccountKey kind, CancelToken cancel,
                   std::function<void(Result<CrmFactsByKey>)> done)
{
    auto round = std::make_shared<Impl::Round>();
    round->kind = kind;
    round->done = std::move(done);
    {
        std::lock_guard lock(m_impl->mutex);
        if (m_impl->directory)
            round->directory = Result<std::shared_ptr<const sources::Directory>>(m_impl->directory);
    }
    if (!round->directory) {
        std::weak_ptr<Impl> weak = m_impl;
        m_impl->crm->directory(cancel, [weak, round](Result<sources::Directory> read) {
            if (!read) {
                std::lock_guard lock(round->mutex);
                round->directory = Result<std::shared_ptr<const sources::Directory>>(read.error());
            } else {
                auto kept = std::make_shared<const sources::Directory>(std::move(read.value()));
                if (auto self = weak.lock()) {
                    std::lock_guard lock(self->mutex);
                    self->directory = kept;
                }
                std::lock_guard lock(round->mutex);
                round->directory = Result<std::shared_ptr<const sources::Directory>>(kept);
            }
            Impl::finishIfComplete(round);
        });
    }
    auto accountsRead = [round](Result<std::vector<domain::Account>> read) {
        {
            std::lock_guard lock(round->mutex);
            round->accounts = std::move(read);
        }
        Impl::finishIfComplete(round);
    };
    if (kind == AccountKey::CrmId)
        m_impl->crm->accountsById(keys, std::move(cancel), std::move(accountsRead));
    else
        m_impl->crm->accountsByNumber(keys, std::move(cancel), std::move(accountsRead));
}

} // namespace lakeshore::worklists
