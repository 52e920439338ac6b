#include "sharing/delta/deltalog.h"
#include "sharing/snapshot/snapshotter.h"
#include "sharing/snapshot/tablelayout.h"
#include "store/sharingsettings.h"

#include <nlohmann/json.hpp>

namespace lakeshore::sharing::snapshot {
namespace {

std::int64_t recordsIn(const delta::DataFile &file)
{
    const nlohmann::json stats = nlohmann::json::parse(file.stats, nullptr, false);
    if (!stats.is_object() || !stats.contains("numRecords") || !stats["numRecords"].is_number_integer())
        return 0;
    return stats["numRecords"].get<std::int64_t>();
}

TableState stateOf(const std::string &tablesRoot, const std::string &tenant, const std::string &entity)
{
    TableState state;
    state.entity = entity;
    auto snapshot = delta::readSnapshot(tableDirectory(tablesRoot, tenant, entity));
    if (!snapshot) {
        state.problem =
            snapshot.error().kind == ErrorKind::NotFound ? "not published yet" : snapshot.error().message;
        return state;
    }
    state.version = snapshot.value().version;
    state.committedAt = snapshot.value().timestamp;
    for (const delta::DataFile &file : snapshot.value().files) {
        state.rows += recordsIn(file);
        state.bytes += file.size;
        ++state.files;
    }
    return state;
}

} // namespace

std::vector<TableState> tableStates(const std::string &tablesRoot, const std::string &tenant)
{
    const std::string tenantProblem = tenantNameProblem(tenant);
    std::vector<TableState> states;
    for (const std::string &entity : store::kShareableEntities) {
        if (!tenantProblem.empty()) {
            TableState state;
            state.entity = entity;
            state.problem = "tenant \"" + tenant.substr(0, 64) + "\": " + tenantProblem;
            states.push_back(std::move(state));
            continue;
        }
        states.push_back(stateOf(tablesRoot, tenant, entity));
    }
    return states;
}

} // namespace lakeshore::sharing::snapshot
