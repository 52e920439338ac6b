// ResultSet::sortPermutation: keys extracted once per row, then a stable sort of row numbers.
#include "assistant/resultset.h"
#include "assistant/resultsetdata.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace lakeshore::assistant {

namespace {

// Simple one-to-one case folding for the scripts CRM names are mostly written in: Latin (ASCII,
// Latin-1, Latin Extended-A), Greek and Cyrillic capitals. Not full Unicode folding (no ICU in the core).
char32_t foldCase(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c <= 0x137) || (c >= 0x14A && c <= 0x177))
            return c | 1u;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1u) ? c + 1 : c;
        if (c == 0x178)
            return 0xFF;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Appends the folded form of text to arena; returns false (and appends nothing) when folding changes
// nothing, so the original can serve as its own key.
bool appendFolded(std::string_view text, std::string &arena)
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    // Find the first byte folding could change.
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
            break;
        ++i;
    }
    if (i == n)
        return false;
    const std::size_t start = arena.size();
    arena.append(text.data(), i);
    bool changed = false;
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            const char folded = static_cast<char>(foldCase(c));
            changed = changed || folded != static_cast<char>(c);
            arena.push_back(folded);
            ++i;
            continue;
        }
        // Decode one code point (the text is valid UTF-8; anything else is copied as bytes).
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + length > n)
            length = 1;
        char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        const char32_t folded = length == 1 ? cp : foldCase(cp);
        if (folded != cp && folded < 0x10000) {
            appendUtf8(arena, folded);
            changed = true;
        } else {
            arena.append(text.data() + i, length);
        }
        i += length;
    }
    if (!changed) {
        arena.resize(start);
        return false;
    }
    return true;
}

struct SortKey
{
    enum Rank : std::uint8_t { Number, Text, Null };
    Rank rank = Null;
    bool isInteger = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string_view exact;
    std::size_t foldedOffset = 0; // into the folded arena, or npos: the exact text is its own folded form
    std::size_t foldedLength = 0;
    std::uint64_t prefix = 0; // the folded text's first 8 bytes, big-endian: most comparisons end here
};

std::uint64_t prefixOf(std::string_view text)
{
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
        prefix = (prefix << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
    return prefix;
}

int compareNumbers(const SortKey &a, const SortKey &b)
{
    if (a.isInteger && b.isInteger)
        return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
    return a.real < b.real ? -1 : a.real > b.real ? 1 : 0;
}

int compareBytes(std::string_view a, std::string_view b)
{
    const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    if (c != 0)
        return c;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

} // namespace

std::vector<std::uint32_t> ResultSet::sortPermutation(std::size_t column, SortOrder order) const
{
    const std::size_t rows = rowCount();
    std::vector<std::uint32_t> permutation(rows);
    std::iota(permutation.begin(), permutation.end(), 0u);
    if (column >= columnCount() || rows < 2)
        return permutation;

    std::vector<SortKey> keys(rows);
    std::string folded;
    for (std::size_t row = 0; row < rows; ++row) {
        SortKey &key = keys[row];
        switch (kind(row, column)) {
        case CellKind::Null:
            key.rank = SortKey::Null;
            break;
        case CellKind::Integer:
            key.rank = SortKey::Number;
            if (const auto value = integer(row, column)) {
                key.isInteger = true;
                key.integer = *value;
            }
            key.real = number(row, column).value_or(0);
            break;
        case CellKind::Real:
        case CellKind::Boolean:
            key.rank = SortKey::Number;
            key.real = number(row, column).value_or(0);
            break;
        case CellKind::Text: {
            key.rank = SortKey::Text;
            const Cell cell = locate(row, column);
            key.exact = cell.column->textAt(cell.index);
            const std::size_t start = folded.size();
            if (appendFolded(key.exact, folded)) {
                key.foldedOffset = start;
                key.foldedLength = folded.size() - start;
            } else {
                key.foldedOffset = std::string::npos;
            }
            key.prefix = prefixOf(key.foldedOffset == std::string::npos
                                      ? key.exact
                                      : std::string_view(folded).substr(key.foldedOffset, key.foldedLength));
            break;
        }
        }
    }
    auto foldedView = [&](const SortKey &key) {
        return key.foldedOffset == std::string::npos
                   ? key.exact
                   : std::string_view(folded).substr(key.foldedOffset, key.foldedLength);
    };
    const bool descending = order == SortOrder::Descending;
    std::stable_sort(permutation.begin(), permutation.end(), [&](std::uint32_t left, std::uint32_t right) {
        const SortKey &a = keys[left];
        const SortKey &b = keys[right];
        if (a.rank == SortKey::Null || b.rank == SortKey::Null)
            return a.rank != SortKey::Null && b.rank == SortKey::Null; // nulls last in both orders
        int c = 0;
        if (a.rank != b.rank) {
            c = a.rank < b.rank ? -1 : 1;
        } else if (a.rank == SortKey::Number) {
            c = compareNumbers(a, b);
        } else {
            c = a.prefix < b.prefix   ? -1
                : a.prefix > b.prefix ? 1
                                      : compareBytes(foldedView(a), foldedView(b));
            if (c == 0)
                c = compareBytes(a.exact, b.exact);
        }
        return descending ? c > 0 : c < 0;
    });
    return permutation;
}

} // namespace lakeshore::assistant
