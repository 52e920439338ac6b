#include "worklists/definition.h"

#include "assistant/queryguard.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

namespace lakeshore::worklists {
namespace {

using Json = nlohmann::json;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Code points, counting each byte that does not continue a UTF-8 sequence.
std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool blank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

bool hasControl(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

Status checkHints(const std::vector<ColumnHint> &hints, const char *field)
{
    if (hints.size() > kMaxColumnHints)
        return makeError(ErrorKind::Invalid, std::string(field) + ": more than " +
                                                 std::to_string(kMaxColumnHints) + " column hints");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < hints.size(); ++i) {
        const ColumnHint &hint = hints[i];
        if (blank(hint.column) || hint.column.size() > 256 || hasControl(hint.column))
            return makeError(ErrorKind::Invalid, std::string(field) + ": column hint " +
                                                     std::to_string(i + 1) + " names no usable column");
        if (!seen.insert(lower(hint.column)).second)
            return makeError(ErrorKind::Invalid,
                             std::string(field) + ": column \"" + hint.column + "\" has two hints");
        if (characters(hint.label) > kMaxNameChars || hasControl(hint.label))
            return makeError(ErrorKind::Invalid, std::string(field) + ": the label of column \"" +
                                                     hint.column + "\" is longer than " +
                                                     std::to_string(kMaxNameChars) +
                                                     " characters or has control characters");
    }
    for (const auto &hint : hints) {
        if (hint.aggregate != Aggregate::Ratio)
            continue;
        for (const auto *part : {&hint.numerator, &hint.denominator}) {
            if (part->empty() || !seen.count(lower(*part)) || lower(*part) == lower(hint.column))
                return makeError(ErrorKind::Invalid,
                                 std::string(field) + ": the ratio of column \"" + hint.column +
                                     "\" needs two other hinted columns (numerator and denominator)");
        }
    }
    return okStatus();
}

template <class Enum, std::size_t N>
Result<Enum> parseName(std::string_view text, const std::pair<Enum, const char *> (&names)[N],
                       const char *what)
{
    for (const auto &[value, name] : names)
        if (text == name)
            return value;
    return makeError(ErrorKind::Invalid,
                     std::string("unknown ") + what + " \"" + std::string(text.substr(0, 40)) + "\"");
}

const std::pair<Visibility, const char *> kVisibilities[] = {{Visibility::Private, "private"},
                                                             {Visibility::Shared, "shared"}};
const std::pair<ColumnFormat, const char *> kFormats[] = {
    {ColumnFormat::Text, "text"},   {ColumnFormat::Integer, "integer"}, {ColumnFormat::Number, "number"},
    {ColumnFormat::Money, "money"}, {ColumnFormat::Percent, "percent"}, {ColumnFormat::Date, "date"}};
const std::pair<Aggregate, const char *> kAggregates[] = {{Aggregate::None, "none"},
                                                          {Aggregate::Sum, "sum"},
                                                          {Aggregate::Min, "min"},
                                                          {Aggregate::Max, "max"},
                                                          {Aggregate::Ratio, "ratio"}};
const std::pair<PeriodKind, const char *> kPeriods[] = {{PeriodKind::None, "none"},
                                                        {PeriodKind::Last90Days, "last-90-days"},
                                                        {PeriodKind::Last12Months, "last-12-months"},
                                                        {PeriodKind::Custom, "custom"}};

template <class Enum, std::size_t N>
const char *nameOf(Enum value, const std::pair<Enum, const char *> (&names)[N])
{
    for (const auto &[candidate, name] : names)
        if (candidate == value)
            return name;
    return names[0].second;
}

} // namespace

Status validate(const Definition &definition)
{
    if (blank(definition.name))
        return makeError(ErrorKind::Invalid, "a worklist needs a name");
    if (characters(definition.name) > kMaxNameChars || hasControl(definition.name))
        return makeError(ErrorKind::Invalid, "the worklist name is longer than " +
                                                 std::to_string(kMaxNameChars) +
                                                 " characters or has control characters");
    if (characters(definition.description) > kMaxDescriptionChars)
        return makeError(ErrorKind::Invalid, "the description is longer than " +
                                                 std::to_string(kMaxDescriptionChars) + " characters");
    if (blank(definition.sql))
        return makeError(ErrorKind::Invalid, "the worklist has no SQL");
    if (definition.sql.size() > assistant::kMaxGuardedQueryBytes ||
        definition.detailSql.size() > assistant::kMaxGuardedQueryBytes)
        return makeError(ErrorKind::Invalid, "the SQL is longer than the query guard admits (100 KB)");
    if (blank(definition.accountColumn) || definition.accountColumn.size() > 256 ||
        hasControl(definition.accountColumn))
        return makeError(ErrorKind::Invalid, "say which column holds the account");
    if (auto checked = checkHints(definition.columns, "columns"); !checked)
        return checked;
    return checkHints(definition.detailColumns, "drill-down columns");
}

const char *visibilityName(Visibility visibility)
{
    return nameOf(visibility, kVisibilities);
}

const char *formatName(ColumnFormat format)
{
    return nameOf(format, kFormats);
}

const char *aggregateName(Aggregate aggregate)
{
    return nameOf(aggregate, kAggregates);
}

const char *periodName(PeriodKind period)
{
    return nameOf(period, kPeriods);
}

Result<Visibility> parseVisibility(std::string_view text)
{
    return parseName(text, kVisibilities, "visibility");
}

Result<ColumnFormat> parseFormat(std::string_view text)
{
    return parseName(text, kFormats, "column format");
}

Result<Aggregate> parseAggregate(std::string_view text)
{
    return parseName(text, kAggregates, "footer aggregate");
}

Result<PeriodKind> parsePeriod(std::string_view text)
{
    return parseName(text, kPeriods, "period");
}

std::string hintsToJson(const std::vector<ColumnHint> &hints)
{
    Json out = Json::array();
    for (const auto &hint : hints) {
        Json entry{{"column", hint.column}, {"format", formatName(hint.format)}};
        if (!hint.label.empty())
            entry["label"] = hint.label;
        if (hint.aggregate != Aggregate::None)
            entry["aggregate"] = aggregateName(hint.aggregate);
        // Written whenever set, so a hint reads back equal even when its aggregate is not Ratio.
        if (!hint.numerator.empty())
            entry["numerator"] = hint.numerator;
        if (!hint.denominator.empty())
            entry["denominator"] = hint.denominator;
        if (hint.hidden)
            entry["hidden"] = true;
        out.push_back(std::move(entry));
    }
    // Text that is not UTF-8 is replaced rather than thrown on: no exception leaves the module.
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::vector<ColumnHint>> hintsFromJson(std::string_view text)
{
    const Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array())
        return makeError(ErrorKind::Malformed, "column hints are not a JSON array");
    std::vector<ColumnHint> hints;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        const Json &entry = parsed[i];
        const std::string where = "column hint " + std::to_string(i + 1);
        if (!entry.is_object())
            return makeError(ErrorKind::Malformed, where + " is not an object");
        ColumnHint hint;
        for (const auto &[key, value] : entry.items()) {
            const std::string field = where + ": \"" + key.substr(0, 40) + "\"";
            if (key == "hidden") {
                if (!value.is_boolean())
                    return makeError(ErrorKind::Malformed, field + " is not true or false");
                hint.hidden = value.get<bool>();
                continue;
            }
            std::string *target = key == "column"        ? &hint.column
                                  : key == "label"       ? &hint.label
                                  : key == "numerator"   ? &hint.numerator
                                  : key == "denominator" ? &hint.denominator
                                                         : nullptr;
            if (!target && key != "format" && key != "aggregate")
                return makeError(ErrorKind::Malformed,
                                 where + ": unexpected field \"" + key.substr(0, 40) + "\"");
            if (!value.is_string())
                return makeError(ErrorKind::Malformed, field + " is not a string");
            if (target) {
                *target = value.get<std::string>();
            } else if (key == "format") {
                auto format = parseFormat(value.get<std::string>());
                if (!format)
                    return makeError(ErrorKind::Malformed, where + ": " + format.error().message);
                hint.format = format.value();
            } else {
                auto aggregate = parseAggregate(value.get<std::string>());
                if (!aggregate)
                    return makeError(ErrorKind::Malformed, where + ": " + aggregate.error().message);
                hint.aggregate = aggregate.value();
            }
        }
        if (hint.column.empty())
            return makeError(ErrorKind::Malformed, where + " names no column");
        hints.push_back(std::move(hint));
    }
    return hints;
}

} // namespace lakeshore::worklists
