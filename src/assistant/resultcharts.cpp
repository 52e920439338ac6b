#include "assistant/resultcharts.h"

#include <algorithm>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool readsAsTime(const std::string &columnName)
{
    const std::string name = lower(columnName);
    for (const char *word : {"month", "date", "day", "week", "quarter", "year", "period"})
        if (name.find(word) != std::string::npos)
            return true;
    return false;
}

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Integer || type == ColumnType::Real;
}

std::optional<std::size_t> indexOf(const ResultSet &rows, const std::string &name)
{
    for (std::size_t i = 0; i < rows.columnCount(); ++i)
        if (rows.columns()[i].name == name)
            return i;
    return std::nullopt;
}

const char *formatName(MetricFormat format)
{
    switch (format) {
    case MetricFormat::Currency:
        return "currency";
    case MetricFormat::Percent:
        return "percent";
    default:
        return "number";
    }
}

} // namespace

ChartHint chartFor(const ResultSet &rows)
{
    ChartHint hint;
    if (!rows.hasTable() || rows.rowCount() < 2)
        return hint;
    for (const auto &column : rows.columns()) {
        if (hint.categoryColumn.empty() && (column.type == ColumnType::Text || readsAsTime(column.name))) {
            hint.categoryColumn = column.name;
            continue;
        }
        if (isNumeric(column.type) && hint.measureColumns.size() < 3 && !readsAsTime(column.name))
            hint.measureColumns.push_back(column.name);
    }
    if (hint.categoryColumn.empty() || hint.measureColumns.empty())
        return {};
    hint.kind = readsAsTime(hint.categoryColumn) ? ChartKind::Line : ChartKind::Bar;
    return hint;
}

Json chartSpec(const ResultSet &rows, const ChartHint &hint,
               const std::map<std::string, MetricFormat> &formats, const ChartLimits &limits)
{
    if (hint.kind == ChartKind::None || !rows.hasTable() || rows.rowCount() < 2)
        return nullptr;
    const auto category = indexOf(rows, hint.categoryColumn);
    if (!category)
        return nullptr;
    std::vector<std::size_t> measures;
    for (const auto &name : hint.measureColumns)
        if (auto index = indexOf(rows, name))
            measures.push_back(*index);
    if (measures.empty())
        return nullptr;
    const bool line = hint.kind == ChartKind::Line;
    if (line && rows.rowCount() > limits.maxPoints)
        return nullptr;
    const std::size_t shown = line ? rows.rowCount() : std::min(rows.rowCount(), limits.maxBars);
    Json labels = Json::array();
    std::vector<Json> values(measures.size(), Json::array());
    std::vector<bool> anyNumber(measures.size(), false);
    for (std::size_t row = 0; row < shown; ++row) {
        labels.push_back(rows.text(row, *category));
        for (std::size_t m = 0; m < measures.size(); ++m) {
            const auto number = rows.number(row, measures[m]);
            values[m].push_back(number ? Json(*number) : Json(nullptr));
            anyNumber[m] = anyNumber[m] || number.has_value();
        }
    }
    Json series = Json::array();
    for (std::size_t m = 0; m < measures.size(); ++m)
        if (anyNumber[m])
            series.push_back({{"name", rows.columns()[measures[m]].name}, {"values", std::move(values[m])}});
    if (series.empty())
        return nullptr;
    const auto format = formats.find(rows.columns()[measures.front()].name);
    return Json{{"kind", line ? "line" : "bar"},
                {"labels", std::move(labels)},
                {"series", std::move(series)},
                {"format", format == formats.end() ? "number" : formatName(format->second)},
                {"horizontal", !line && shown > 12},
                {"shown", shown},
                {"of", rows.rowCount()}};
}

} // namespace lakeshore::assistant
