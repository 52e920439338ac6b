// Internal to the JSON scanner (jsonscan.cpp, jsonstring.cpp): helpers both halves use.
#pragma once

#include <string>

namespace lakeshore::assistant::detail {

// "'x'" for a printable byte, "byte 0xNN" for any other, for error messages.
[[nodiscard]] std::string describeJsonByte(char c);

} // namespace lakeshore::assistant::detail
