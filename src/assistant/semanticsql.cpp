#include "assistant/semanticsql.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lakeshore::assistant {

namespace {

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string decimal(double value)
{
    char buffer[32];
    if (std::floor(value) == value)
        std::snprintf(buffer, sizeof buffer, "%.1f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

bool offers(const ModelTable &table, const ModelDimension &d)
{
    if (d.crm != CrmDimension::None)
        return true;
    if (!d.join.empty() && !table.joins.contains(d.join))
        return false;
    for (const auto &column : d.columns)
        if (column.sql.find("{month}") != std::string::npos && table.monthSql.empty())
            return false;
    return true;
}

bool holdsTime(const ModelTable &table, const TimeRange &time)
{
    if (time.lifetime)
        return true;
    return time.byDay ? !table.dateSql.empty() : !table.monthSql.empty();
}

std::string columnSql(const ModelTable &table, const ModelDimension &d, const DimensionColumn &column)
{
    if (d.crm != CrmDimension::None)
        return std::string(kCrmGroupPlaceholder);
    return replaceAll(column.sql, "{month}", table.monthSql);
}

std::string joinLabels(const std::vector<std::string> &labels)
{
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + labels[i];
    return out;
}

// Why no table can answer, in the rep's terms.
Error whyNoTable(const SemanticModel &model, const QueryRequest &request)
{
    std::vector<const ModelTable *> withMetrics;
    for (const auto &table : model.tables) {
        bool all = true;
        for (const ModelMetric *m : request.metrics)
            all = all && !metricSql(model, *m, table).empty();
        if (all)
            withMetrics.push_back(&table);
    }
    std::vector<std::string> labels;
    for (const ModelMetric *m : request.metrics)
        labels.push_back(m->label);
    const std::string metrics = joinLabels(labels);
    if (withMetrics.empty())
        return makeError(ErrorKind::Invalid,
                         metrics + " are not kept in one table of the mart, so I cannot put them "
                                   "in one answer; ask for them one at a time");
    for (const ModelDimension *d : request.dimensions) {
        bool any = false;
        for (const ModelTable *t : withMetrics)
            any = any || offers(*t, *d);
        if (!any)
            return makeError(ErrorKind::Invalid, metrics + " cannot be broken down by " + d->label);
    }
    bool anyTime = false;
    for (const ModelTable *t : withMetrics)
        anyTime = anyTime || holdsTime(*t, request.time);
    if (!anyTime) {
        bool monthly = false;
        for (const ModelTable *t : withMetrics)
            monthly = monthly || !t->monthSql.empty();
        if (monthly)
            return makeError(ErrorKind::Invalid,
                             metrics + " is kept by month, not by day, so I cannot limit it to the " +
                                 request.time.label + "; ask for months instead (e.g. last 3 months)");
        return makeError(ErrorKind::Invalid, metrics +
                                                 " has no history (it is a current score), so it cannot be "
                                                 "limited to " +
                                                 request.time.label + " or broken down over time");
    }
    std::vector<std::string> dims;
    for (const ModelDimension *d : request.dimensions)
        dims.push_back(d->label);
    return makeError(ErrorKind::Invalid, "no table of the mart holds " + metrics + " by " + joinLabels(dims) +
                                             (request.time.lifetime ? "" : " for " + request.time.label) +
                                             " together; ask with fewer breakdowns");
}

std::string timeCondition(const ModelTable &table, const TimeRange &time)
{
    if (!table.dateSql.empty())
        return table.dateSql + " >= '" + time.from.iso() + "' AND " + table.dateSql + " <= '" +
               time.to.iso() + "'";
    return table.monthSql + " >= '" + time.from.iso().substr(0, 7) + "' AND " + table.monthSql + " <= '" +
           time.to.iso().substr(0, 7) + "'";
}

} // namespace

std::string metricSql(const SemanticModel &model, const ModelMetric &metric, const ModelTable &table)
{
    if (!metric.ratio) {
        auto it = metric.sqlByTable.find(table.name);
        return it == metric.sqlByTable.end() ? std::string() : it->second;
    }
    const ModelMetric *numerator = model.metric(metric.ratio->numerator);
    const ModelMetric *denominator = model.metric(metric.ratio->denominator);
    if (!numerator || !denominator || numerator->ratio || denominator->ratio)
        return {};
    const std::string top = metricSql(model, *numerator, table);
    const std::string bottom = metricSql(model, *denominator, table);
    if (top.empty() || bottom.empty())
        return {};
    // The scale is written with a decimal point so no dialect divides in integers.
    return decimal(metric.ratio->scale) + " * " + top + " / NULLIF(" + bottom + ", 0)";
}

Result<BuiltQuery> buildQuery(const SemanticModel &model, const QueryRequest &request)
{
    const ModelTable *table = nullptr;
    for (const auto &candidate : model.tables) {
        bool ok = holdsTime(candidate, request.time);
        for (const ModelMetric *m : request.metrics)
            ok = ok && !metricSql(model, *m, candidate).empty();
        for (const ModelDimension *d : request.dimensions)
            ok = ok && offers(candidate, *d);
        if (ok) {
            table = &candidate;
            break;
        }
    }
    if (!table)
        return whyNoTable(model, request);

    BuiltQuery built;
    built.table = table;
    std::vector<std::string> select, groupBy, joins, where, keyColumns, timeColumns, plainColumns;
    bool anyTime = false;
    for (const ModelDimension *d : request.dimensions) {
        if (!d->join.empty()) {
            const std::string &join = table->joins.at(d->join);
            if (std::find(joins.begin(), joins.end(), join) == joins.end())
                joins.push_back(join);
        }
        anyTime = anyTime || d->time;
        for (const auto &column : d->columns) {
            const std::string sql = columnSql(*table, *d, column);
            select.push_back(sql + " AS " + column.name);
            groupBy.push_back(sql);
            (d->time ? timeColumns : plainColumns).push_back(column.name);
            built.hints.columns.push_back(
                {column.name, column.label, ColumnRole::Dimension, MetricFormat::Number});
        }
        if (built.hints.accountNumberColumn.empty())
            built.hints.accountNumberColumn = d->accountNumberColumn;
    }
    keyColumns = plainColumns;
    keyColumns.insert(keyColumns.end(), timeColumns.begin(), timeColumns.end());
    for (const ModelMetric *m : request.metrics) {
        select.push_back(metricSql(model, *m, *table) + " AS " + m->name);
        built.hints.columns.push_back({m->name, m->label, ColumnRole::Measure, m->format});
        built.hints.measureColumns.push_back(m->name);
    }
    if (request.dimensions.size() == 1) {
        built.hints.chart = request.dimensions.front()->chart;
        built.hints.categoryColumn = request.dimensions.front()->columns.back().name;
    }
    if (request.accountList)
        where.push_back(table->accountSql + " IN (" + std::string(kAccountListPlaceholder) + ")");
    if (!request.time.lifetime)
        where.push_back(timeCondition(*table, request.time));

    auto list = [](const std::vector<std::string> &items) {
        std::string out;
        for (const auto &item : items)
            out += (out.empty() ? "" : ", ") + item;
        return out;
    };
    std::string sql = "SELECT " + list(select) + "\nFROM " + table->name + " " + table->alias;
    for (const auto &join : joins)
        sql += "\n" + join;
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i == 0 ? "\nWHERE " : "\n  AND ") + where[i];
    if (!groupBy.empty()) {
        sql += "\nGROUP BY " + list(groupBy);
        std::vector<std::string> order;
        const std::string measure = request.metrics.front()->name;
        if (request.rankDescending)
            order.push_back(measure + (*request.rankDescending ? " DESC" : " ASC") + " NULLS LAST");
        else if (!anyTime)
            order.push_back(measure + " DESC NULLS LAST");
        order.insert(order.end(), keyColumns.begin(), keyColumns.end());
        sql += "\nORDER BY " + list(order);
    }
    if (request.limit > 0)
        sql += "\nLIMIT " + std::to_string(request.limit);
    built.sql = std::move(sql);
    return built;
}

} // namespace lakeshore::assistant
