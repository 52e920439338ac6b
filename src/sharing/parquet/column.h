// One column's values for a batch of rows, one slot per row (a null row keeps an empty slot), so a
// row range of every column lines up without bookkeeping.
#pragma once

#include "sharing/parquet/parquetschema.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::sharing::parquet {

class Column
{
public:
    explicit Column(ColumnType type = ColumnType::String) : m_type(type) {}

    [[nodiscard]] ColumnType type() const { return m_type; }
    [[nodiscard]] std::size_t size() const { return m_present.size(); }
    void reserve(std::size_t rows);

    // Integers for Int32, Int64, Date (days), Timestamp (µs), Decimal (unscaled) and Boolean (0/1).
    void appendInteger(std::int64_t value);
    void appendDouble(double value);
    void appendString(std::string_view value);
    void appendNull();

    [[nodiscard]] bool present(std::size_t row) const { return m_present[row] != 0; }
    [[nodiscard]] std::int64_t integer(std::size_t row) const { return m_integers[row]; }
    [[nodiscard]] double real(std::size_t row) const { return m_doubles[row]; }
    [[nodiscard]] std::string_view text(std::size_t row) const;

    [[nodiscard]] std::size_t nullCount() const;
    // False when values were appended through the wrong call for the type (an integer into a string
    // column, say): the slots no longer line up with the rows.
    [[nodiscard]] bool consistent() const;

private:
    ColumnType m_type;
    std::vector<std::uint8_t> m_present;
    std::vector<std::int64_t> m_integers;
    std::vector<double> m_doubles;
    std::string m_bytes;                 // every string, back to back
    std::vector<std::uint64_t> m_ends{}; // end offset of row i's string in m_bytes
};

} // namespace lakeshore::sharing::parquet
