#include "sharing/parquet/columnstatistics.h"

#include "sharing/parquet/plainencoding.h"

#include <cmath>

namespace lakeshore::sharing::parquet {

namespace {

void widenInteger(ColumnStatistics &stats, std::int64_t value)
{
    if (!stats.hasBounds) {
        stats.minInteger = stats.maxInteger = value;
        stats.hasBounds = true;
    } else if (value < stats.minInteger) {
        stats.minInteger = value;
    } else if (value > stats.maxInteger) {
        stats.maxInteger = value;
    }
}

void widenDouble(ColumnStatistics &stats, double value)
{
    if (std::isnan(value)) {
        ++stats.nanCount;
        return;
    }
    if (!stats.hasBounds) {
        stats.minDouble = stats.maxDouble = value;
        stats.hasBounds = true;
        return;
    }
    // Zeros of either sign compare equal; plainMinimum/plainMaximum write them the way the format asks.
    if (value < stats.minDouble)
        stats.minDouble = value;
    else if (value > stats.maxDouble)
        stats.maxDouble = value;
}

void widenText(ColumnStatistics &stats, std::string_view value)
{
    if (!stats.hasBounds) {
        stats.minText = stats.maxText = value;
        stats.hasBounds = true;
    } else if (value < stats.minText) {
        stats.minText = value;
    } else if (value > stats.maxText) {
        stats.maxText = value;
    }
}

} // namespace

ColumnStatistics ColumnStatistics::of(const Column &column, std::size_t begin, std::size_t end)
{
    ColumnStatistics stats;
    stats.valueCount = end - begin;
    const Storage storage = storageOf(column.type());
    for (std::size_t row = begin; row < end; ++row) {
        if (!column.present(row)) {
            ++stats.nullCount;
            continue;
        }
        switch (storage) {
        case Storage::Integer:
            widenInteger(stats, column.integer(row));
            break;
        case Storage::Double:
            widenDouble(stats, column.real(row));
            break;
        case Storage::Text:
            widenText(stats, column.text(row));
            break;
        }
    }
    return stats;
}

void ColumnStatistics::merge(const ColumnStatistics &other, Storage storage)
{
    valueCount += other.valueCount;
    nullCount += other.nullCount;
    nanCount += other.nanCount;
    if (!other.hasBounds)
        return;
    switch (storage) {
    case Storage::Integer:
        widenInteger(*this, other.minInteger);
        widenInteger(*this, other.maxInteger);
        break;
    case Storage::Double: {
        const auto nans = nanCount;
        widenDouble(*this, other.minDouble);
        widenDouble(*this, other.maxDouble);
        nanCount = nans;
        break;
    }
    case Storage::Text:
        widenText(*this, other.minText);
        widenText(*this, other.maxText);
        break;
    }
}

namespace {

std::string plainBound(const ColumnSpec &column, std::int64_t integer, double real, const std::string &text,
                       bool isMinimum)
{
    std::string out;
    switch (physicalTypeOf(column)) {
    case PhysicalType::Boolean:
        out.push_back(integer != 0 ? 1 : 0);
        break;
    case PhysicalType::Int32:
        appendLittleEndian(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(integer)));
        break;
    case PhysicalType::Int64:
        appendLittleEndian(out, static_cast<std::uint64_t>(integer));
        break;
    case PhysicalType::Double: {
        // The format's rule for zeros: a minimum of zero is written as -0.0, a maximum as +0.0.
        double value = real;
        if (value == 0)
            value = isMinimum ? -0.0 : 0.0;
        appendDouble(out, value);
        break;
    }
    case PhysicalType::ByteArray:
        out = text;
        break;
    }
    return out;
}

} // namespace

std::string plainMinimum(const ColumnStatistics &stats, const ColumnSpec &column)
{
    return plainBound(column, stats.minInteger, stats.minDouble, stats.minText, true);
}

std::string plainMaximum(const ColumnStatistics &stats, const ColumnSpec &column)
{
    return plainBound(column, stats.maxInteger, stats.maxDouble, stats.maxText, false);
}

} // namespace lakeshore::sharing::parquet
