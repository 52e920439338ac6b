// A follow-up task to write to the CRM (a manager's action on a worklist): its checks, the Dataverse
// body that creates it, and the Activity it becomes.
#pragma once

#include "core/result.h"
#include "domain/crm.h"
#include "domain/date.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace lakeshore::sources {

inline constexpr std::size_t kMaxTaskSubject = 200;       // characters, after trimming
inline constexpr std::size_t kMaxTaskDescription = 10000; // characters

struct NewTask
{
    std::string accountId;   // the account it is about (GUID)
    std::string ownerId;     // the systemuser it is assigned to (GUID)
    std::string subject;     // required; trimmed before it is sent
    std::string description; // optional
    std::optional<domain::Timestamp> dueDate;
};

// The POST body for the tasks entity set, or an Invalid error saying what is wrong with the task.
[[nodiscard]] Result<nlohmann::json> taskBody(const NewTask &task);

// The created task from the service's row (which may be empty: a 204), with what was asked for filling
// what the row leaves out, and id as the key when the row has none.
[[nodiscard]] domain::Activity createdTask(const NewTask &task, const nlohmann::json &row,
                                           const std::string &id);

} // namespace lakeshore::sources
