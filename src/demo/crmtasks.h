// The demo CRM's one writable part: follow-up tasks created with POST /tasks (Dataverse-like), kept in
// memory for the service's life and capped. They are the demo CRM's own data, gone when it stops.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/world.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lakeshore::demo {

// Thread-safe. The world must outlive it.
class CrmTasks
{
public:
    CrmTasks(const World &world, std::size_t capacity);

    // A POST body: subject (1..200 characters after trimming), description (optional, up to 10,000),
    // scheduledend (optional UTC date-time), "regardingobjectid_account@odata.bind": "/accounts(<id>)" and
    // "ownerid@odata.bind": "/systemusers(<id>)" (the leading slash optional), both of records that exist.
    // The new tasks row, or 400 naming what is wrong, or 507 once the store is full.
    Result<nlohmann::json> create(const nlohmann::json &body);

    // Rows of the tasks set, of one account when accountId is set, oldest first.
    void scanTasks(const std::optional<std::string> &accountId, const RowSink &emit) const;
    // The same tasks as activitypointers rows.
    void scanActivities(const std::optional<std::string> &accountId, const RowSink &emit) const;

    [[nodiscard]] std::size_t size() const;

private:
    struct Task
    {
        std::string id;
        std::string accountId; // lower case, like the world's ids
        std::string ownerId;
        std::string subject;
        std::string description;  // empty = none
        std::string scheduledEnd; // ISO 8601, empty = none
        std::int64_t createdMs = 0;
    };

    [[nodiscard]] Result<Task> read(const nlohmann::json &body) const;
    [[nodiscard]] static nlohmann::json taskRow(const Task &task);
    [[nodiscard]] std::vector<Task> snapshot(const std::optional<std::string> &accountId) const;

    const World &m_world;
    const std::size_t m_capacity;
    std::unordered_set<std::string> m_owners;
    mutable std::mutex m_mutex; // guards everything below
    std::vector<Task> m_tasks;  // creation order
    std::unordered_map<std::string, std::vector<std::size_t>> m_byAccount;
    std::uint64_t m_idSeed; // drawn at start: ids differ between runs, as a real CRM's would
    std::int64_t m_lastCreatedMs = 0;
};

} // namespace lakeshore::demo
