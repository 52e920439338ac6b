#include "cellformat.h"

#include <cmath>
#include <QCoreApplication>

namespace lakeshore::ui {

using assistant::CellKind;
using assistant::MetricFormat;

namespace {

QString formatNumber(double value, CellKind kind, std::optional<MetricFormat> format, const QLocale &locale)
{
    if (!std::isfinite(value))
        return {};
    const bool fitsInteger = std::fabs(value) < 9.0e18; // beyond it: the exact literal, as written
    switch (format.value_or(MetricFormat::Number)) {
    case MetricFormat::Currency:
        // The lakehouse keeps US dollars whatever the user's locale is.
        return locale.toCurrencyString(value, QStringLiteral("$"), 2);
    case MetricFormat::Percent: // the planner's ratios are already scaled to 0..100
        return locale.toString(value, 'f', 1) + locale.percent();
    case MetricFormat::Count:
        if (!fitsInteger)
            return {};
        return locale.toString(static_cast<qlonglong>(std::llround(value)));
    case MetricFormat::Score:
        return locale.toString(value, 'f', 2);
    case MetricFormat::Number:
        break;
    }
    if (kind == CellKind::Integer && (!format || !fitsInteger))
        return {}; // years, ids, numbers of no known kind: as written
    if (kind == CellKind::Integer)
        return locale.toString(static_cast<qlonglong>(std::llround(value)));
    return std::fabs(value) >= 1 || value == 0 ? locale.toString(value, 'f', 2)
                                               : locale.toString(value, 'g', 4);
}

} // namespace

QString formatNumber(double value, std::optional<MetricFormat> format, bool integer, const QLocale &locale)
{
    return formatNumber(value, integer ? CellKind::Integer : CellKind::Real, format, locale);
}

QString formatCell(const assistant::ResultSet &rows, std::size_t row, std::size_t column,
                   std::optional<MetricFormat> format, const QLocale &locale)
{
    const CellKind kind = rows.kind(row, column);
    switch (kind) {
    case CellKind::Null:
        return {};
    case CellKind::Boolean:
        return rows.boolean(row, column).value_or(false) ? QCoreApplication::translate("ResultTable", "Yes")
                                                         : QCoreApplication::translate("ResultTable", "No");
    case CellKind::Integer:
    case CellKind::Real:
        if (const auto number = rows.number(row, column)) {
            QString text = formatNumber(*number, kind, format, locale);
            if (!text.isEmpty())
                return text;
        }
        return QString::fromStdString(rows.text(row, column));
    case CellKind::Text:
        break;
    }
    return QString::fromStdString(rows.text(row, column));
}

} // namespace lakeshore::ui
