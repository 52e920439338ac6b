#include "sharing/delta/deltaschema.h"

#include "domain/date.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace lakeshore::sharing::delta {

using nlohmann::json;
using parquet::ColumnSpec;
using parquet::ColumnType;

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// A decimal's unscaled integer as a JSON number with exactly `scale` digits after the point.
json decimalNumber(std::int64_t unscaled, int scale)
{
    const bool negative = unscaled < 0;
    std::string digits = std::to_string(negative ? -unscaled : unscaled);
    if (scale > 0) {
        if (static_cast<int>(digits.size()) <= scale)
            digits.insert(0, static_cast<std::size_t>(scale + 1) - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
    }
    return json::parse((negative ? "-" : "") + digits);
}

// The number of UTF-8 characters' worth of bytes in the first `characters` characters of text.
std::size_t utf8Prefix(const std::string &text, std::size_t characters)
{
    std::size_t bytes = 0;
    for (std::size_t seen = 0; bytes < text.size() && seen < characters; ++seen) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80)
            ++bytes;
    }
    return bytes;
}

bool boundValue(const ColumnSpec &column, const parquet::ColumnStatistics &stats, bool minimum, json &out)
{
    if (!stats.hasBounds)
        return false;
    switch (column.type) {
    case ColumnType::String: {
        const std::string &text = minimum ? stats.minText : stats.maxText;
        const std::size_t prefix = utf8Prefix(text, kStatsStringPrefix);
        if (prefix < text.size() && !minimum)
            return false; // a cut maximum would be below the real one
        out = text.substr(0, prefix);
        return true;
    }
    case ColumnType::Date:
        out = domain::Date::fromDays(minimum ? stats.minInteger : stats.maxInteger).iso();
        return true;
    case ColumnType::Timestamp: {
        const std::int64_t micros = minimum ? stats.minInteger : stats.maxInteger;
        const std::int64_t millis = minimum ? floorDiv(micros, 1000) : -floorDiv(-micros, 1000);
        out = isoMillis(millis);
        return true;
    }
    case ColumnType::Decimal: {
        // JSON readers hold numbers as doubles: beyond 15 digits a bound could come back on the wrong side.
        constexpr std::int64_t kExactDigits = 1'000'000'000'000'000;
        const std::int64_t unscaled = minimum ? stats.minInteger : stats.maxInteger;
        if (unscaled <= -kExactDigits || unscaled >= kExactDigits)
            return false;
        out = decimalNumber(unscaled, column.scale);
        return true;
    }
    case ColumnType::Int32:
    case ColumnType::Int64:
        out = minimum ? stats.minInteger : stats.maxInteger;
        return true;
    case ColumnType::Double: {
        const double value = minimum ? stats.minDouble : stats.maxDouble;
        if (stats.nanCount > 0 || !std::isfinite(value))
            return false;
        out = value;
        return true;
    }
    case ColumnType::Boolean:
        return false;
    }
    return false;
}

} // namespace

std::string deltaTypeName(const ColumnSpec &column)
{
    switch (column.type) {
    case ColumnType::String:
        return "string";
    case ColumnType::Date:
        return "date";
    case ColumnType::Timestamp:
        return "timestamp";
    case ColumnType::Decimal:
        return "decimal(" + std::to_string(column.precision) + "," + std::to_string(column.scale) + ")";
    case ColumnType::Int32:
        return "integer";
    case ColumnType::Int64:
        return "long";
    case ColumnType::Double:
        return "double";
    case ColumnType::Boolean:
        return "boolean";
    }
    return "string";
}

std::string schemaString(const parquet::Schema &schema)
{
    json fields = json::array();
    for (const ColumnSpec &column : schema)
        fields.push_back({{"name", column.name},
                          {"type", deltaTypeName(column)},
                          {"nullable", column.nullable},
                          {"metadata", json::object()}});
    return json{{"type", "struct"}, {"fields", fields}}.dump();
}

std::string statsJson(const parquet::Schema &schema, const parquet::FileSummary &summary)
{
    json minValues = json::object();
    json maxValues = json::object();
    json nullCount = json::object();
    for (std::size_t i = 0; i < schema.size() && i < summary.columns.size(); ++i) {
        const ColumnSpec &column = schema[i];
        const parquet::ColumnStatistics &stats = summary.columns[i];
        nullCount[column.name] = stats.nullCount;
        json value;
        if (boundValue(column, stats, true, value))
            minValues[column.name] = value;
        if (boundValue(column, stats, false, value))
            maxValues[column.name] = value;
    }
    return json{{"numRecords", summary.rows},
                {"minValues", minValues},
                {"maxValues", maxValues},
                {"nullCount", nullCount}}
        .dump();
}

std::string isoMillis(std::int64_t epochMillis)
{
    const std::int64_t seconds = floorDiv(epochMillis, 1000);
    const auto millis = static_cast<int>(epochMillis - seconds * 1000);
    const std::string whole = domain::Timestamp(seconds).iso(); // "2026-11-21T10:42:03Z"
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", millis);
    return whole.substr(0, whole.size() - 1) + fraction;
}

} // namespace lakeshore::sharing::delta
