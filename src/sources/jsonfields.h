// Tolerant reads of entity properties: a missing or mistyped property gives the empty value, never a throw.
#pragma once

#include "domain/date.h"

#include <nlohmann/json.hpp>
#include <string>

namespace lakeshore::sources {

[[nodiscard]] std::string textOf(const nlohmann::json &row, const char *name);
[[nodiscard]] double numberOf(const nlohmann::json &row, const char *name); // also accepts numeric strings
[[nodiscard]] long long integerOf(const nlohmann::json &row, const char *name);
[[nodiscard]] bool flagOf(const nlohmann::json &row, const char *name);
[[nodiscard]] domain::Date dateOf(const nlohmann::json &row, const char *name);
[[nodiscard]] domain::Timestamp timestampOf(const nlohmann::json &row, const char *name);

} // namespace lakeshore::sources
