// Checks a tool call's arguments against the tool's input schema: the JSON Schema subset tools declare
// (type, required, properties, additionalProperties:false, enum, items, numeric and length bounds).
// Keywords outside it are ignored, so an unusual schema admits more rather than refusing valid calls.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lakeshore::mcp {

// Every problem found, one line each, naming the argument ("max_rows must be an integer, not a string");
// empty when the value fits the schema.
[[nodiscard]] std::vector<std::string> checkAgainstSchema(const nlohmann::json &value,
                                                          const nlohmann::json &schema);

} // namespace lakeshore::mcp
