// The live half of a worklist: for the account keys on screen, what the CRM says now (the account's
// name, owner, territory and status), read in one round of batched requests. The directory that names
// owners and territories is read alongside the first batch and kept. Nothing is stored.
#pragma once

#include "assistant/resultset.h"
#include "core/canceltoken.h"
#include "core/result.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lakeshore::sources {
class CrmConnector;
struct Directory;
}

namespace lakeshore::worklists {

struct CrmFacts
{
    std::string crmId;
    std::string name;
    std::string ownerId;
    std::string ownerName; // empty when the directory does not know the owner
    std::string territoryId;
    std::string territoryName;
    bool active = true;
};

// What the account column holds: CRM account ids (every value a GUID) or account numbers.
enum class AccountKey { Number, CrmId };
[[nodiscard]] AccountKey accountKeyOf(const assistant::ResultSet &rows, std::size_t column);

using CrmFactsByKey = std::map<std::string, CrmFacts>; // keys the CRM does not know are absent

class CrmJoin
{
public:
    explicit CrmJoin(std::shared_ptr<sources::CrmConnector> crm);
    ~CrmJoin();

    // Errors are the CRM's (down, slow, refused): the caller shows the rows with the owner unknown.
    void join(std::vector<std::string> keys, AccountKey kind, CancelToken cancel,
              std::function<void(Result<CrmFactsByKey>)> done);

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::worklists
