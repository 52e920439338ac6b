// Byte-level checks the query guard runs before tokenizing: no NULs, valid UTF-8, and none of the invisible
// characters (controls, bidi overrides, zero-width marks, lone carriage returns) that make text read one way
// on screen and another way to a SQL lexer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lakeshore::assistant {

struct TextProblem
{
    std::string message; // empty: the text is clean
    std::size_t offset = 0;
    [[nodiscard]] bool clean() const { return message.empty(); }
};

[[nodiscard]] TextProblem checkQueryText(std::string_view text);

} // namespace lakeshore::assistant
