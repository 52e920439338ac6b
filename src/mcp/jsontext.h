// Parsing JSON the user wrote (an imported configuration, a _meta object) into a value or an error that
// points at the line and column, without echoing the text around it (it may hold a secret).
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace lakeshore::mcp {

inline constexpr int kMaxJsonDepth = 64;

// ErrorKind::Invalid "<what> is not valid JSON at line 3, column 10: invalid literal", or "<what> nests
// values more than 64 levels deep" (deeper values would be copied and printed by recursion).
// allowComments accepts // and /* */ comments (VS Code's JSONC).
[[nodiscard]] Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view what,
                                                   bool allowComments);

[[nodiscard]] const char *jsonTypeName(const nlohmann::json &value); // "an array", "a number", ...

} // namespace lakeshore::mcp
