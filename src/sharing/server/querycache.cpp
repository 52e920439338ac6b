#include "sharing/server/querycache.h"

namespace lakeshore::sharing::server {

std::shared_ptr<const std::string> QueryCache::find(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : it->second;
}

void QueryCache::keep(const std::string &key, std::shared_ptr<const std::string> lines)
{
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= kMaxEntries)
        m_entries.clear();
    m_entries[key] = std::move(lines);
}

} // namespace lakeshore::sharing::server
