#include "sharing/parquet/parquetschema.h"

namespace lakeshore::sharing::parquet {

Storage storageOf(ColumnType type)
{
    switch (type) {
    case ColumnType::String:
        return Storage::Text;
    case ColumnType::Double:
        return Storage::Double;
    default:
        return Storage::Integer;
    }
}

const char *columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::String:
        return "string";
    case ColumnType::Date:
        return "date";
    case ColumnType::Timestamp:
        return "timestamp";
    case ColumnType::Decimal:
        return "decimal";
    case ColumnType::Int32:
        return "int32";
    case ColumnType::Int64:
        return "int64";
    case ColumnType::Double:
        return "double";
    case ColumnType::Boolean:
        return "boolean";
    }
    return "?";
}

PhysicalType physicalTypeOf(const ColumnSpec &column)
{
    switch (column.type) {
    case ColumnType::String:
        return PhysicalType::ByteArray;
    case ColumnType::Date:
    case ColumnType::Int32:
        return PhysicalType::Int32;
    case ColumnType::Decimal:
        return column.precision <= 9 ? PhysicalType::Int32 : PhysicalType::Int64;
    case ColumnType::Timestamp:
    case ColumnType::Int64:
        return PhysicalType::Int64;
    case ColumnType::Double:
        return PhysicalType::Double;
    case ColumnType::Boolean:
        return PhysicalType::Boolean;
    }
    return PhysicalType::ByteArray;
}

} // namespace lakeshore::sharing::parquet
