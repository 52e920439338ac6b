// What the Delta log says about a table's columns and a data file's values: the Spark StructType JSON
// of `metaData.schemaString`, and the `stats` JSON string of an `add` action.
#pragma once

#include "sharing/parquet/parquetschema.h"
#include "sharing/parquet/parquetwriter.h"

#include <string>

namespace lakeshore::sharing::delta {

// {"type":"struct","fields":[{"name":"id","type":"string","nullable":false,"metadata":{}},...]}
[[nodiscard]] std::string schemaString(const parquet::Schema &schema);

// The Delta type name of a column: string, date, timestamp, decimal(18,2), integer, long, double, boolean.
[[nodiscard]] std::string deltaTypeName(const parquet::ColumnSpec &column);

// {"numRecords":N,"minValues":{...},"maxValues":{...},"nullCount":{...}}. Bounds are always safe for
// skipping: timestamps at millisecond precision (the maximum rounded up), strings longer than
// kStatsStringPrefix characters keep a truncated minimum and no maximum, doubles with NaN or infinite
// bounds and booleans carry only their null count.
[[nodiscard]] std::string statsJson(const parquet::Schema &schema, const parquet::FileSummary &summary);

inline constexpr std::size_t kStatsStringPrefix = 32;

// "2026-11-21T10:42:03.123Z" for epoch milliseconds.
[[nodiscard]] std::string isoMillis(std::int64_t epochMillis);

} // namespace lakeshore::sharing::delta
