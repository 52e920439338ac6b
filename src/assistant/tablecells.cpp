// TableDecoder's cells: one JSON value into one typed cell, and Databricks-style strings typed by the
// column's declared type.
#include "assistant/tabledecoder.h"

namespace lakeshore::assistant::detail {

namespace {

// Digits in a number's mantissa, leading zeros excluded: a decimal with 15 or fewer is exact as a double.
std::size_t significantDigits(std::string_view literal)
{
    std::size_t count = 0;
    bool leading = true;
    for (const char c : literal) {
        if (c == 'e' || c == 'E')
            break;
        if (c < '0' || c > '9')
            continue;
        if (leading && c == '0')
            continue;
        leading = false;
        ++count;
    }
    return count;
}

} // namespace

bool TableDecoder::readCell(JsonScanner &s, std::size_t column)
{
    ColumnBuilder &cells = m_builder.column(column);
    switch (s.peek()) {
    case JsonKind::String:
        if (m_typing[column] == Typing::None) {
            std::string &arena = cells.beginText();
            if (!s.appendString(arena))
                return false;
            if (arena.size() > kMaxChunkArenaBytes)
                return failHere(s, ErrorKind::TooLarge, "a text cell is too large to hold");
            cells.endText();
        } else {
            if (!s.readString(m_scratch))
                return false;
            if (cells.arenaBytes() + m_scratch.size() > kMaxChunkArenaBytes)
                return failHere(s, ErrorKind::TooLarge, "a text cell is too large to hold");
            appendTyped(column, m_typing[column], m_scratch);
        }
        return true;
    case JsonKind::Number: {
        JsonNumber number;
        if (!s.readNumber(number))
            return false;
        switch (number.kind) {
        case JsonNumber::Kind::Integer:
            cells.appendInteger(number.integer);
            break;
        case JsonNumber::Kind::Real:
            cells.appendReal(number.real);
            break;
        case JsonNumber::Kind::BigInteger:
            cells.appendLiteral(number.literal, CellKind::Integer);
            break;
        case JsonNumber::Kind::OutOfRange:
            cells.appendLiteral(number.literal, CellKind::Real);
            break;
        }
        return true;
    }
    case JsonKind::True:
    case JsonKind::False: {
        bool value = false;
        if (!s.readBool(value))
            return false;
        cells.appendBoolean(value);
        return true;
    }
    case JsonKind::Null:
        if (!s.readNull())
            return false;
        cells.appendNull();
        return true;
    case JsonKind::Object:
    case JsonKind::Array: {
        std::string_view raw;
        if (!s.rawValue(raw))
            return false;
        if (cells.arenaBytes() + raw.size() > kMaxChunkArenaBytes)
            return failHere(s, ErrorKind::TooLarge, "a nested value in a cell is too large to hold");
        appendCompactJson(raw, cells.beginText()); // shown in one line, as compact JSON
        cells.endText();
        return true;
    }
    case JsonKind::Invalid:
        break;
    }
    return false;
}

void TableDecoder::appendTyped(std::size_t column, Typing typing, std::string_view text)
{
    ColumnBuilder &cells = m_builder.column(column);
    if (typing == Typing::Boolean) {
        if (text == "true" || text == "false")
            cells.appendBoolean(text == "true");
        else
            cells.appendText(text);
        return;
    }
    JsonNumber number;
    if (!parseJsonNumber(text, number)) {
        cells.appendText(text); // "NaN", "Infinity", dates in a numeric column, ...: kept as text
        return;
    }
    switch (number.kind) {
    case JsonNumber::Kind::Integer:
        if (typing == Typing::Integer)
            cells.appendInteger(number.integer);
        else if (significantDigits(text) <= 15)
            cells.appendReal(number.real);
        else
            cells.appendLiteral(text, CellKind::Real);
        break;
    case JsonNumber::Kind::Real:
        if (typing == Typing::Decimal && significantDigits(text) > 15)
            cells.appendLiteral(text, CellKind::Real);
        else
            cells.appendReal(number.real);
        break;
    case JsonNumber::Kind::BigInteger:
        cells.appendLiteral(text, typing == Typing::Integer ? CellKind::Integer : CellKind::Real);
        break;
    case JsonNumber::Kind::OutOfRange:
        cells.appendLiteral(text, CellKind::Real);
        break;
    }
}

} // namespace lakeshore::assistant::detail
