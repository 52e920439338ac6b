// Dataverse-like entity JSON to CRM domain types.
#pragma once

#include "domain/crm.h"

#include <nlohmann/json.hpp>

namespace lakeshore::sources::crm {

[[nodiscard]] domain::Account account(const nlohmann::json &row);
[[nodiscard]] domain::Contact contact(const nlohmann::json &row);
[[nodiscard]] domain::Opportunity opportunity(const nlohmann::json &row);
[[nodiscard]] domain::Activity activity(const nlohmann::json &row);
// A tasks row: type Task, scheduledAt its due date (scheduledend), else when it was created.
[[nodiscard]] domain::Activity task(const nlohmann::json &row);
[[nodiscard]] domain::Conversation conversation(const nlohmann::json &row);
[[nodiscard]] domain::Case incident(const nlohmann::json &row);
[[nodiscard]] domain::Territory territory(const nlohmann::json &row);
[[nodiscard]] domain::Owner owner(const nlohmann::json &row);

} // namespace lakeshore::sources::crm
