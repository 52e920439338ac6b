#include "assistant/questionwords.h"

#include "assistant/sqltextcheck.h"

#include <array>
#include <utility>

namespace lakeshore::assistant {

namespace {

constexpr std::array<std::pair<std::string_view, int>, 27> kNumberWords = {{
    {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},     {"five", 5},       {"six", 6},
    {"seven", 7},     {"eight", 8},     {"nine", 9},     {"ten", 10},     {"eleven", 11},    {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},  {"forty", 40},   {"fifty", 50},     {"sixty", 60},
    {"ninety", 90},   {"hundred", 100}, {"dozen", 12},
}};

constexpr std::array<std::pair<std::string_view, int>, 24> kMonthNames = {{
    {"january", 1},  {"jan", 1},    {"february", 2},  {"feb", 2},       {"march", 3},     {"mar", 3},
    {"april", 4},    {"apr", 4},    {"may", 5},       {"june", 6},      {"jun", 6},       {"july", 7},
    {"jul", 7},      {"august", 8}, {"aug", 8},       {"september", 9}, {"sep", 9},       {"sept", 9},
    {"october", 10}, {"oct", 10},   {"november", 11}, {"nov", 11},      {"december", 12}, {"dec", 12},
}};

bool isAsciiAlnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Non-ASCII punctuation that separates words like a space does: curly double quotes, dashes, ellipsis,
// guillemets, the no-break space.
bool isUnicodeSeparator(std::string_view rest, std::size_t &length)
{
    static constexpr std::string_view kSeparators[] = {"\u201C", "\u201D", "\u2013", "\u2014", "\u2026",
                                                       "\u00AB", "\u00BB", "\u00A0", "\u00BF"};
    for (std::string_view s : kSeparators)
        if (rest.starts_with(s)) {
            length = s.size();
            return true;
        }
    return false;
}

bool isCurlyApostrophe(std::string_view rest)
{
    return rest.starts_with("\u2019") || rest.starts_with("\u2018");
}

std::optional<int> numberOf(const std::string &norm)
{
    if (!norm.empty() && norm.size() <= 9 && norm.find_first_not_of("0123456789") == std::string::npos)
        return std::stoi(norm);
    for (const auto &[word, value] : kNumberWords)
        if (norm == word)
            return value;
    return std::nullopt;
}

void finishWord(std::string raw, std::vector<QuestionWord> &out)
{
    std::size_t begin = 0;
    while (begin < raw.size() && raw[begin] == '\'')
        ++begin;
    raw.erase(0, begin);
    QuestionWord word;
    if (raw.size() >= 2 && raw.ends_with("'s")) {
        raw.resize(raw.size() - 2);
        word.possessive = true;
    }
    while (!raw.empty() && raw.back() == '\'') {
        raw.pop_back();
        word.possessive = !raw.empty() && (raw.back() == 's' || raw.back() == 'S');
    }
    if (raw.empty())
        return;
    word.norm = lowerAscii(raw);
    word.text = std::move(raw);
    word.number = word.possessive ? std::nullopt : numberOf(word.norm);
    out.push_back(std::move(word));
}

std::optional<int> monthOf(const std::string &norm)
{
    for (const auto &[name, value] : kMonthNames)
        if (norm == name)
            return value;
    return std::nullopt;
}

} // namespace

Result<std::vector<QuestionWord>> splitQuestion(std::string_view text)
{
    if (const TextProblem problem = checkQueryText(text); !problem.clean())
        return makeError(ErrorKind::Invalid, "the question has " + problem.message + " at byte " +
                                                 std::to_string(problem.offset));
    std::vector<QuestionWord> words;
    std::string current;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t separatorLength = 0;
        if (isAsciiAlnum(c) || c == '\'') {
            current += static_cast<char>(c);
            ++i;
        } else if (c >= 0x80 && isCurlyApostrophe(text.substr(i))) {
            current += '\'';
            i += 3;
        } else if (c >= 0x80 && !isUnicodeSeparator(text.substr(i), separatorLength)) {
            current += static_cast<char>(c); // part of a letter; names may have them
            ++i;
        } else {
            finishWord(std::move(current), words);
            current.clear();
            if (c == '%')
                words.push_back({"%", "%", false, std::nullopt});
            i += separatorLength > 0 ? separatorLength : 1;
        }
    }
    finishWord(std::move(current), words);
    return words;
}

Result<PhrasePattern> parsePhrase(std::string_view phrase)
{
    PhrasePattern pattern;
    std::size_t i = 0;
    while (i < phrase.size()) {
        while (i < phrase.size() && phrase[i] == ' ')
            ++i;
        std::size_t end = phrase.find(' ', i);
        if (end == std::string_view::npos)
            end = phrase.size();
        const std::string_view part = phrase.substr(i, end - i);
        i = end;
        if (part.empty())
            continue;
        if (part.front() == '{') {
            static constexpr std::pair<std::string_view, PhraseSlot> kSlots[] = {
                {"{n}", PhraseSlot::Number},
                {"{year}", PhraseSlot::Year},
                {"{monthname}", PhraseSlot::MonthName},
                {"{quarter}", PhraseSlot::Quarter}};
            bool known = false;
            for (const auto &[name, slot] : kSlots)
                if (part == name) {
                    pattern.push_back({{}, slot});
                    known = true;
                }
            if (!known)
                return makeError(ErrorKind::Invalid, "unknown slot " + std::string(part) +
                                                         " (slots are {n}, {year}, {monthname}, {quarter})");
            continue;
        }
        auto words = splitQuestion(part);
        if (!words)
            return words.error();
        for (const auto &word : words.value())
            pattern.push_back({word.norm, PhraseSlot::None});
    }
    if (pattern.empty())
        return makeError(ErrorKind::Invalid, "empty phrase");
    return pattern;
}

std::string phraseKey(const PhrasePattern &pattern)
{
    std::string key;
    for (const auto &token : pattern) {
        if (!key.empty())
            key += ' ';
        switch (token.slot) {
        case PhraseSlot::None:
            key += token.word;
            break;
        case PhraseSlot::Number:
            key += "{n}";
            break;
        case PhraseSlot::Year:
            key += "{year}";
            break;
        case PhraseSlot::MonthName:
            key += "{monthname}";
            break;
        case PhraseSlot::Quarter:
            key += "{quarter}";
            break;
        }
    }
    return key;
}

bool matchPhrase(const PhrasePattern &pattern, const std::vector<QuestionWord> &words, std::size_t at,
                 const std::vector<bool> &taken, PhraseCaptures &captures)
{
    if (at + pattern.size() > words.size())
        return false;
    PhraseCaptures found;
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        const QuestionWord &word = words[at + k];
        if (taken[at + k])
            return false;
        const PhraseToken &token = pattern[k];
        switch (token.slot) {
        case PhraseSlot::None:
            if (word.norm != token.word)
                return false;
            break;
        case PhraseSlot::Number:
            if (!word.number)
                return false;
            found.number = word.number;
            break;
        case PhraseSlot::Year:
            if (!word.number || word.norm.size() != 4 || *word.number < 1900 || *word.number > 2999)
                return false;
            found.year = word.number;
            break;
        case PhraseSlot::MonthName: {
            const auto month = monthOf(word.norm);
            if (!month)
                return false;
            found.month = month;
            break;
        }
        case PhraseSlot::Quarter:
            if (word.norm.size() != 2 || word.norm[0] != 'q' || word.norm[1] < '1' || word.norm[1] > '4')
                return false;
            found.quarter = word.norm[1] - '0';
            break;
        }
    }
    captures = found;
    return true;
}

} // namespace lakeshore::assistant
