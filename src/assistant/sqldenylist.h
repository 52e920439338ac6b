// The words the query guard refuses inside a read-only query: statement keywords that write, lock, change
// session state or run other code, and functions with side effects. Words are matched lower-case.
#pragma once

#include <string_view>

namespace lakeshore::assistant {

// A keyword that never belongs in a read-only SELECT (INSERT, DROP, INTO, SET, ...).
[[nodiscard]] bool isForbiddenKeyword(std::string_view lowerWord);

// Forbidden keywords that are also harmless scalar functions (replace, truncate, get) when called.
[[nodiscard]] bool isAllowedAsFunctionCall(std::string_view lowerWord);

// A function with side effects, refused wherever the name appears (pg_sleep, nextval, load_extension, ...).
[[nodiscard]] bool isSideEffectFunction(std::string_view lowerWord);

// A family of functions with side effects, refused when called (pg_advisory_*, lo_*, dblink*, ...).
[[nodiscard]] bool hasSideEffectPrefix(std::string_view lowerWord);

} // namespace lakeshore::assistant
