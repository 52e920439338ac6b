#include "sharing/server/tablesnapshots.h"

#include "sharing/server/protocollines.h"
#include "sharing/snapshot/tablelayout.h"

#include <sys/stat.h>

namespace lakeshore::sharing::server {
namespace {

constexpr std::size_t kOlderVersionsKept = 8;

// The log folder's modification time: it changes whenever a commit is linked in.
std::optional<timespec> logModified(const std::string &tableDir)
{
    struct stat info
    {
    };
    if (::stat((tableDir + "/" + delta::kLogDirectory).c_str(), &info) != 0)
        return std::nullopt;
    return info.st_mtim;
}

bool sameTime(const std::optional<timespec> &a, const std::optional<timespec> &b)
{
    return a && b && a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

bool fileExists(const std::string &path)
{
    struct stat info
    {
    };
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

} // namespace

struct TableSnapshots::Table
{
    std::string dir;
    std::mutex mutex;
    std::optional<timespec> seenModified; // of the log folder when `latest` was last confirmed
    std::shared_ptr<const TableVersion> latest;
    std::map<std::int64_t, std::shared_ptr<const TableVersion>> older;
    std::vector<delta::VersionInfo> versions;
    std::int64_t versionsUpTo = -1;
};

TableSnapshots::TableSnapshots(std::string tablesRoot) : m_root(std::move(tablesRoot)) {}

TableSnapshots::~TableSnapshots() = default;

TableSnapshots::Table &TableSnapshots::table(const std::string &tenant, const std::string &entity)
{
    std::lock_guard lock(m_mutex);
    auto &slot = m_tables[tenant + "/" + entity];
    if (!slot) {
        slot = std::make_unique<Table>();
        slot->dir = snapshot::tableDirectory(m_root, tenant, entity);
    }
    return *slot;
}

Result<std::shared_ptr<const TableVersion>> TableSnapshots::load(const std::string &tenant,
                                                                 const std::string &entity,
                                                                 std::optional<std::int64_t> version)
{
    const std::string dir = snapshot::tableDirectory(m_root, tenant, entity);
    auto read = delta::readSnapshot(dir, version);
    if (!read)
        return read.error();
    auto out = std::make_shared<TableVersion>();
    out->tenant = tenant;
    out->entity = entity;
    out->snapshot = std::move(read.value());
    out->files.reserve(out->snapshot.files.size());
    for (const delta::DataFile &file : out->snapshot.files) {
        ServedFile served;
        served.file = &file;
        served.id = fileId(tenant, entity, file.path);
        if (!file.stats.empty()) {
            served.stats = nlohmann::json::parse(file.stats, nullptr, false);
            if (served.stats.is_discarded() || !served.stats.is_object())
                served.stats = nullptr;
            else if (auto n = served.stats.find("numRecords");
                     n != served.stats.end() && n->is_number_integer())
                served.numRecords = n->get<std::int64_t>();
        }
        out->files.push_back(std::move(served));
    }
    return std::shared_ptr<const TableVersion>(std::move(out));
}

Result<std::shared_ptr<const TableVersion>> TableSnapshots::latest(const std::string &tenant,
                                                                   const std::string &entity)
{
    Table &t = table(tenant, entity);
    std::lock_guard lock(t.mutex);
    const auto modified = logModified(t.dir);
    if (t.latest && sameTime(modified, t.seenModified))
        return t.latest;
    auto newest = delta::latestVersion(t.dir);
    if (!newest)
        return newest.error();
    if (!t.latest || t.latest->snapshot.version != newest.value()) {
        auto loaded = load(tenant, entity, newest.value());
        if (!loaded)
            return loaded.error();
        if (t.latest) {
            t.older[t.latest->snapshot.version] = t.latest;
            if (t.older.size() > kOlderVersionsKept)
                t.older.erase(t.older.begin());
        }
        t.latest = std::move(loaded.value());
    }
    t.seenModified = modified;
    return t.latest;
}

Result<std::shared_ptr<const TableVersion>>
TableSnapshots::at(const std::string &tenant, const std::string &entity, std::int64_t version)
{
    auto newest = latest(tenant, entity);
    if (!newest)
        return newest.error();
    if (version == newest.value()->snapshot.version)
        return newest;
    if (version > newest.value()->snapshot.version)
        return makeError(ErrorKind::NotFound, "version " + std::to_string(version) + " is past the latest (" +
                                                  std::to_string(newest.value()->snapshot.version) + ")");
    Table &t = table(tenant, entity);
    std::lock_guard lock(t.mutex);
    if (auto kept = t.older.find(version); kept != t.older.end())
        return kept->second;
    auto loaded = load(tenant, entity, version);
    if (!loaded)
        return loaded.error();
    for (const delta::DataFile &file : loaded.value()->snapshot.files)
        if (!fileExists(t.dir + "/" + file.path))
            return makeError(ErrorKind::NotFound, "version " + std::to_string(version) +
                                                      " is no longer available: its files were vacuumed");
    t.older[version] = loaded.value();
    if (t.older.size() > kOlderVersionsKept)
        t.older.erase(t.older.begin());
    return loaded;
}

Result<std::vector<delta::VersionInfo>> TableSnapshots::versions(const std::string &tenant,
                                                                 const std::string &entity)
{
    auto newest = latest(tenant, entity);
    if (!newest)
        return newest.error();
    Table &t = table(tenant, entity);
    std::lock_guard lock(t.mutex);
    if (t.versionsUpTo != newest.value()->snapshot.version) {
        auto listed = delta::listVersions(t.dir);
        if (!listed)
            return listed.error();
        t.versions = std::move(listed.value());
        t.versionsUpTo = t.versions.empty() ? -1 : t.versions.back().version;
    }
    return t.versions;
}

} // namespace lakeshore::sharing::server
