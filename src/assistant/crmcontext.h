// CRM context binding: what a plan means by "the Cleveland territory", "Dana's accounts" or "this account",
// read live from the CRM (territories, owners, every page of the matching accounts) and handed to
// renderPlanSql as account numbers, with each number's CRM id and name so result rows can open accounts.
// Nothing read here is stored.
#pragma once

#include "assistant/plansql.h"
#include "assistant/semanticplanner.h"
#include "core/canceltoken.h"
#include "sources/done.h"

#include <cstddef>
#include <optional>

namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::assistant {

struct BinderOptions
{
    int pageSize = 500;             // accounts per CRM page
    std::size_t maxAccounts = 5000; // more than this cannot go into one guarded query
};

class CrmContextBinder
{
public:
    // The connector must outlive every bind() it serves.
    explicit CrmContextBinder(sources::CrmConnector &crm, BinderOptions options = {});

    // Resolves the needs live. done runs exactly once: on the HTTP I/O thread after a read, or at once on
    // the calling thread when nothing needs reading or the needs cannot be met (no open account).
    // Errors: Invalid (no open account, an ambiguous owner), NotFound (no such territory or owner, with
    // the known ones listed), TooLarge (more accounts than maxAccounts), Loop (paging that goes round),
    // and the CRM's own errors (Network, Timeout, Http, Cancelled, ...) with what was being read.
    void bind(const CrmNeeds &needs, const std::optional<CurrentAccount> &current, CancelToken cancel,
              sources::Done<CrmBinding> done) const;

private:
    sources::CrmConnector &m_crm;
    BinderOptions m_options;
};

} // namespace lakeshore::assistant
