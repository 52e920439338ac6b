// The columns of a Parquet file we write: flat (no nesting), each REQUIRED or OPTIONAL, with one of
// the logical types CRM tables need and a stable field id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lakeshore::sharing::parquet {

enum class ColumnType {
    String,    // BYTE_ARRAY, STRING (UTF-8)
    Date,      // INT32, DATE: days since 1970-01-01
    Timestamp, // INT64, TIMESTAMP(MICROS, adjusted to UTC)
    Decimal,   // INT64 (INT32 when precision <= 9), DECIMAL(precision, scale): the unscaled integer
    Int32,
    Int64,
    Double,
    Boolean,
};

struct ColumnSpec
{
    std::string name;
    ColumnType type = ColumnType::String;
    bool nullable = true;
    int precision = 18; // Decimal only: 1..18
    int scale = 2;      // Decimal only: 0..precision
    int fieldId = 0;    // 0: numbered 1, 2, ... in schema order
};

using Schema = std::vector<ColumnSpec>;

// Where a type's values live in a Column: integers (all integer-like types, booleans as 0/1),
// doubles or strings.
enum class Storage { Integer, Double, Text };

[[nodiscard]] Storage storageOf(ColumnType type);
[[nodiscard]] const char *columnTypeName(ColumnType type);

// Physical type codes of the Parquet format.
enum class PhysicalType : std::int32_t { Boolean = 0, Int32 = 1, Int64 = 2, Double = 5, ByteArray = 6 };
[[nodiscard]] PhysicalType physicalTypeOf(const ColumnSpec &column);

} // namespace lakeshore::sharing::parquet
