// Query answers kept for reuse: the NDJSON of a query's files, signed links included, for the same
// recipient, table version, request and link expiry. Links expire on whole minutes, so a recipient (or
// many readers behind one profile) asking again within the minute gets the same bytes without a
// signature per file. Bounded; cleared whole when full.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lakeshore::sharing::server {

class QueryCache
{
public:
    [[nodiscard]] std::shared_ptr<const std::string> find(const std::string &key);
    void keep(const std::string &key, std::shared_ptr<const std::string> lines);

private:
    static constexpr std::size_t kMaxEntries = 64;
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const std::string>> m_entries;
};

} // namespace lakeshore::sharing::server
