// Minimum, maximum, null and NaN counts of a column's values: written into the Parquet footer per
// column chunk, merged per file for the Delta log's stats and for predicate pruning.
#pragma once

#include "sharing/parquet/column.h"

#include <cstdint>
#include <string>

namespace lakeshore::sharing::parquet {

struct ColumnStatistics
{
    std::uint64_t valueCount = 0; // rows, nulls included
    std::uint64_t nullCount = 0;
    std::uint64_t nanCount = 0; // Double only
    bool hasBounds = false;     // false when every value is null (or NaN)
    std::int64_t minInteger = 0, maxInteger = 0;
    double minDouble = 0, maxDouble = 0;
    std::string minText, maxText;

    // Rows [begin, end) of column.
    static ColumnStatistics of(const Column &column, std::size_t begin, std::size_t end);
    void merge(const ColumnStatistics &other, Storage storage);
};

// The bounds as Parquet stores them: PLAIN bytes of the physical type, no length prefix for strings.
[[nodiscard]] std::string plainMinimum(const ColumnStatistics &stats, const ColumnSpec &column);
[[nodiscard]] std::string plainMaximum(const ColumnStatistics &stats, const ColumnSpec &column);

} // namespace lakeshore::sharing::parquet
