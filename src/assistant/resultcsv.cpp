// ResultSet::writeCsv: RFC 4180 with spreadsheet-formula defusing.
#include "assistant/resultset.h"
#include "assistant/resultsetdata.h"

#include <numeric>

namespace lakeshore::assistant {

namespace {

// Text a spreadsheet would run as a formula when it starts a cell (OWASP "CSV injection").
bool looksLikeFormula(std::string_view text)
{
    if (text.empty())
        return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

void appendCsvTextField(std::string &line, std::string_view text)
{
    const bool defuse = looksLikeFormula(text);
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote)
        line.push_back('"');
    if (defuse)
        line.push_back('\'');
    if (quote) {
        for (const char c : text) {
            if (c == '"')
                line.push_back('"');
            line.push_back(c);
        }
        line.push_back('"');
    } else {
        line += text;
    }
}

Status ResultSet::writeCsv(std::ostream &out, const CsvOptions &options) const
{
    if (rowCount() > 0xFFFFFFFFu)
        return makeError(ErrorKind::TooLarge, "the result has too many rows to export at once");
    std::vector<std::uint32_t> rows(rowCount());
    std::iota(rows.begin(), rows.end(), 0u);
    std::vector<std::size_t> columns(columnCount());
    std::iota(columns.begin(), columns.end(), std::size_t{0});
    return writeCsv(out, rows, columns, options);
}

Status ResultSet::writeCsv(std::ostream &out, std::span<const std::uint32_t> rows,
                           std::span<const std::size_t> columns, const CsvOptions &options) const
{
    if (!hasTable())
        return makeError(ErrorKind::Invalid, "the answer has no table to export");
    for (const std::size_t column : columns)
        if (column >= columnCount())
            return makeError(ErrorKind::Invalid,
                             "column " + std::to_string(column) + " is not in the result");
    for (const std::uint32_t row : rows)
        if (row >= rowCount())
            return makeError(ErrorKind::Invalid, "row " + std::to_string(row) + " is not in the result");

    std::string line;
    if (options.byteOrderMark)
        line += "\xEF\xBB\xBF";
    if (options.header) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                line.push_back(',');
            appendCsvTextField(line, m_data->columns[columns[i]].name);
        }
        line += "\r\n";
    }
    std::string cell;
    for (const std::uint32_t row : rows) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                line.push_back(',');
            const CellKind cellKind = kind(row, columns[i]);
            if (cellKind == CellKind::Null)
                continue;
            if (cellKind == CellKind::Text) {
                cell.clear();
                appendText(row, columns[i], cell);
                appendCsvTextField(line, cell);
            } else {
                appendText(row, columns[i], line); // numbers and booleans never need quoting
            }
        }
        line += "\r\n";
        if (line.size() >= (1u << 16)) {
            out.write(line.data(), static_cast<std::streamsize>(line.size()));
            line.clear();
            if (!out)
                return makeError(ErrorKind::Storage, "could not write the CSV (the stream failed)");
        }
    }
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    out.flush();
    if (!out)
        return makeError(ErrorKind::Storage, "could not write the CSV (the stream failed)");
    return okStatus();
}

} // namespace lakeshore::assistant
