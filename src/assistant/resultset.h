// A columnar result set: the rows one lakehouse query returned, held in memory only and read by the
// assistant's virtualized table, its charts and "export/copy as CSV". A ResultSet is an immutable
// snapshot, cheap to copy and safe to read from any thread; a decode in progress hands out successive
// snapshots with more rows (see resultdecoder.h).
//
// Storage: rows in chunks; per chunk and column one typed array (int64, double, bool-as-int64, or text
// in one arena with offsets), a null bitmap, and for a chunk whose values mix kinds the text of every cell
// plus a one-byte kind per cell. Values are kept exactly: an integer that does not fit int64, or a real
// beyond double's range, is kept as its exact literal text (its number() is the nearest double, or
// +-infinity/0); a mix of integers and reals widens to real storage when every integer is exact as a
// double (the cells stay integers: kind(), integer() and text() are as before); any other mix of kinds in
// a chunk is held as text with each cell's kind, so nothing is lost and no cell depends on chunking.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

enum class CellKind : std::uint8_t { Null, Boolean, Integer, Real, Text };

// A column's type, from its values: only integers → Integer; integers and reals → Real; only booleans →
// Boolean; only text → Text; any other mix → Text with mixed set; no values at all → Null.
using ColumnType = CellKind;

struct ResultColumn
{
    std::string name;
    std::string declaredType; // as the server named it ("integer", "DECIMAL(10,2)"), may be empty
    ColumnType type = ColumnType::Null;
    bool mixed = false; // values of more than one kind that are not all numbers
};

enum class SortOrder : std::uint8_t { Ascending, Descending };

struct CsvOptions
{
    bool header = true;
    bool byteOrderMark = false; // for spreadsheets that guess the encoding
};

// One text field of a CSV line by writeCsv's rules: quoted when it holds a comma, quote or line break;
// a leading apostrophe when a spreadsheet would run it as a formula.
void appendCsvTextField(std::string &line, std::string_view text);

namespace detail {
struct ResultData;
}

class ResultSet
{
public:
    ResultSet(); // nothing decoded yet: no table, no rows, not complete
    explicit ResultSet(std::shared_ptr<const detail::ResultData> data);

    // False when the tool answered without tabular data; note() then holds its text for display.
    [[nodiscard]] bool hasTable() const;
    [[nodiscard]] const std::string &note() const; // also remarks on a table (e.g. which statement it shows)
    [[nodiscard]] const std::string &source() const; // where the rows were found, e.g. "structuredContent"
    [[nodiscard]] bool complete() const;             // every row of the reply is in this snapshot
    [[nodiscard]] bool truncated() const;            // the server said it cut the result short
    [[nodiscard]] std::optional<std::uint64_t> reportedRowCount() const; // the server's own count, if any

    [[nodiscard]] std::size_t rowCount() const;
    [[nodiscard]] std::size_t columnCount() const;
    [[nodiscard]] const std::vector<ResultColumn> &columns() const;

    // Cell access; row and column must be in range (checked: out of range reads as null).
    [[nodiscard]] CellKind kind(std::size_t row, std::size_t column) const;
    [[nodiscard]] bool isNull(std::size_t row, std::size_t column) const;
    // For display: integers in decimal, reals in shortest round-trip form, true/false, exact literals as
    // written, nested JSON values as their JSON text, null as "".
    [[nodiscard]] std::string text(std::size_t row, std::size_t column) const;
    void appendText(std::size_t row, std::size_t column, std::string &out) const;
    // For sorting and charts: integers, reals, exact literals (nearest double) and booleans (0/1); empty
    // for null and text.
    [[nodiscard]] std::optional<double> number(std::size_t row, std::size_t column) const;
    // Integer cells that fit int64.
    [[nodiscard]] std::optional<std::int64_t> integer(std::size_t row, std::size_t column) const;
    [[nodiscard]] std::optional<bool> boolean(std::size_t row, std::size_t column) const;

    // Row order for a view sorted by one column: stable, nulls last in both orders, numbers (and booleans
    // as 0/1) numerically and before text, text case-insensitively (simple folding of Latin and Cyrillic
    // letters) and then by exact bytes.
    [[nodiscard]] std::vector<std::uint32_t> sortPermutation(std::size_t column, SortOrder order) const;

    // RFC 4180 CSV (comma, CRLF, quotes doubled), UTF-8, a header row of column names. Text that starts
    // with = + - @ (or a tab or carriage return) gets a leading apostrophe so spreadsheets do not run it as
    // a formula; typed numbers are written as numbers. Null is an empty field.
    Status writeCsv(std::ostream &out, const CsvOptions &options = {}) const;
    // A selection: these rows (in this order, e.g. a sorted view's) and these columns.
    Status writeCsv(std::ostream &out, std::span<const std::uint32_t> rows,
                    std::span<const std::size_t> columns, const CsvOptions &options = {}) const;

    // Memory held by this result's storage (capacities, not sizes), and the raw size of its values:
    // 8 bytes per non-null number or boolean plus the bytes of every text cell.
    [[nodiscard]] std::size_t bytesUsed() const;
    [[nodiscard]] std::size_t rawBytes() const;

private:
    struct Cell;
    [[nodiscard]] Cell locate(std::size_t row, std::size_t column) const;

    std::shared_ptr<const detail::ResultData> m_data;
};

} // namespace lakeshore::assistant
