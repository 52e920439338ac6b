// Words of a rep's question and the phrase patterns of a semantic model, and how one matches the other:
// the shared vocabulary layer of the offline planner and of the model's own validation.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

struct QuestionWord
{
    std::string text;          // as written, curly apostrophes made straight ("O'Connor")
    std::string norm;          // lower case, a trailing 's or ' taken off ("o'connor")
    bool possessive = false;   // "Dana's", "Jones'"
    std::optional<int> number; // "12", "twelve"
};

// Splits a question into words: letters, digits and apostrophes make words, '%' is a word of its own, the
// rest separates. Errors (ErrorKind::Invalid) for invalid UTF-8 and control characters.
[[nodiscard]] Result<std::vector<QuestionWord>> splitQuestion(std::string_view text);

// A slot in a phrase pattern: {n} a number, {year} a four-digit year, {monthname} "March" or "mar",
// {quarter} "Q1".."Q4".
enum class PhraseSlot { None, Number, Year, MonthName, Quarter };

struct PhraseToken
{
    std::string word; // normalised; empty for a slot
    PhraseSlot slot = PhraseSlot::None;
};

using PhrasePattern = std::vector<PhraseToken>;

// "last {n} months" -> [last, {n}, months]. The error says what is wrong with the phrase.
[[nodiscard]] Result<PhrasePattern> parsePhrase(std::string_view phrase);
// The pattern written back in normal form, for messages and duplicate checks.
[[nodiscard]] std::string phraseKey(const PhrasePattern &pattern);

struct PhraseCaptures
{
    std::optional<int> number;
    std::optional<int> year;
    std::optional<int> month;   // 1..12
    std::optional<int> quarter; // 1..4
};

// True when the pattern matches words[at..] with none of them in `taken`; fills captures.
[[nodiscard]] bool matchPhrase(const PhrasePattern &pattern, const std::vector<QuestionWord> &words,
                               std::size_t at, const std::vector<bool> &taken, PhraseCaptures &captures);

} // namespace lakeshore::assistant
