// Lakeshore's CRM tools for a chat model: a territory's or an owner's accounts and the account the rep has
// open, read live through the CRM connector. The lakehouse knows account numbers only; these calls bind
// "Cleveland" or "Dana Kowalski" to them, and remember each number's CRM id and name so result rows can
// open their accounts.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "domain/crm.h"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::assistant {

struct BoundAccount
{
    std::string crmId;
    std::string name;
};

// By account number (the lakehouse's account_number).
using BoundAccounts = std::map<std::string, BoundAccount>;

struct CrmToolLimits
{
    int pageSize = 250;
    std::size_t maxAccounts = 1000; // per call; more are reported as left out
};

struct CrmToolsState;

class CrmTools
{
public:
    CrmTools(std::shared_ptr<sources::CrmConnector> crm, std::optional<domain::Account> currentAccount,
             CrmToolLimits limits = {});

    // Answers one call of crm_territory_accounts, crm_owner_accounts or current_account with text for the
    // model (JSON; an unknown territory or owner is an answer too, naming the known ones). An Error means
    // the CRM could not be read. Calls must not overlap; done runs on the CRM's I/O thread or at once.
    void run(const std::string &tool, const nlohmann::json &arguments, CancelToken cancel,
             std::function<void(Result<std::string>)> done);

    // Every account a call named so far.
    [[nodiscard]] BoundAccounts bound() const;

private:
    std::shared_ptr<CrmToolsState> m_state;
};

} // namespace lakeshore::assistant
