// The shared tables' snapshots as the share server answers from them: read from the Delta log once per
// version and kept, with each file's id, record count and parsed stats, until the log moves on. A
// request costs one stat() of the log folder while nothing changes.
#pragma once

#include "core/result.h"
#include "sharing/delta/deltalog.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lakeshore::sharing::server {

struct ServedFile
{
    const delta::DataFile *file = nullptr;
    std::string id;               // protocollines fileId()
    nlohmann::json stats;         // parsed add.stats; null when absent or unreadable
    std::int64_t numRecords = -1; // -1: unknown
};

struct TableVersion
{
    std::string tenant;
    std::string entity; // the table's folder
    delta::Snapshot snapshot;
    std::vector<ServedFile> files; // same order as snapshot.files
};

class TableSnapshots
{
public:
    explicit TableSnapshots(std::string tablesRoot);
    ~TableSnapshots();

    // The latest version; NotFound while the snapshotter has not published the table.
    [[nodiscard]] Result<std::shared_ptr<const TableVersion>> latest(const std::string &tenant,
                                                                     const std::string &entity);
    // A given version. NotFound past the latest, or when vacuum has deleted files it needs.
    [[nodiscard]] Result<std::shared_ptr<const TableVersion>>
    at(const std::string &tenant, const std::string &entity, std::int64_t version);
    // Versions with their commit times, ascending.
    [[nodiscard]] Result<std::vector<delta::VersionInfo>> versions(const std::string &tenant,
                                                                   const std::string &entity);

    [[nodiscard]] const std::string &root() const { return m_root; }

private:
    struct Table;
    [[nodiscard]] Table &table(const std::string &tenant, const std::string &entity); // m_mutex held
    [[nodiscard]] Result<std::shared_ptr<const TableVersion>>
    load(const std::string &tenant, const std::string &entity, std::optional<std::int64_t> version);

    std::string m_root;
    std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Table>> m_tables; // "tenant/entity"
};

} // namespace lakeshore::sharing::server
