// The six whole-table reads of a snapshot, in store::kShareableEntities order. A read hands back, on the
// connector's I/O thread, the records and a way to turn them into the entity's table, so the column
// building can happen on the snapshotter's own thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "sharing/snapshot/crmtables.h"

#include <functional>
#include <string>
#include <vector>

namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::sharing::snapshot {

using TableBuilder = std::function<CrmTable()>;

struct EntityRead
{
    std::string entity; // as in store::kShareableEntities
    std::function<void(sources::CrmConnector &, CancelToken, std::function<void(Result<TableBuilder>)>)> read;
};

[[nodiscard]] const std::vector<EntityRead> &entityReads();

} // namespace lakeshore::sharing::snapshot
