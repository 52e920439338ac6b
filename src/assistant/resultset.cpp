#include "assistant/resultset.h"

#include "assistant/jsonscan.h"
#include "assistant/resultsetdata.h"

#include <algorithm>
#include <charconv>

namespace lakeshore::assistant {

using detail::Storage;

namespace {

const detail::ResultData &emptyData()
{
    static const detail::ResultData empty;
    return empty;
}

} // namespace

ResultSet::ResultSet() = default;

ResultSet::ResultSet(std::shared_ptr<const detail::ResultData> data) : m_data(std::move(data)) {}

bool ResultSet::hasTable() const
{
    return m_data && m_data->hasTable;
}

const std::string &ResultSet::note() const
{
    return (m_data ? *m_data : emptyData()).note;
}

const std::string &ResultSet::source() const
{
    return (m_data ? *m_data : emptyData()).source;
}

bool ResultSet::complete() const
{
    return m_data && m_data->complete;
}

bool ResultSet::truncated() const
{
    return m_data && m_data->truncated;
}

std::optional<std::uint64_t> ResultSet::reportedRowCount() const
{
    return m_data ? m_data->reportedRowCount : std::nullopt;
}

std::size_t ResultSet::rowCount() const
{
    return m_data ? m_data->rows : 0;
}

std::size_t ResultSet::columnCount() const
{
    return m_data ? m_data->columns.size() : 0;
}

const std::vector<ResultColumn> &ResultSet::columns() const
{
    return (m_data ? *m_data : emptyData()).columns;
}

ResultSet::Cell ResultSet::locate(std::size_t row, std::size_t column) const
{
    if (!m_data || row >= m_data->rows || column >= m_data->columns.size())
        return {};
    const auto &starts = m_data->chunkStarts;
    const auto it = std::upper_bound(starts.begin(), starts.end(), row);
    const auto chunkIndex = static_cast<std::size_t>(it - starts.begin()) - 1;
    const detail::Chunk &chunk = *m_data->chunks[chunkIndex];
    if (column >= chunk.columns.size())
        return {};
    const std::size_t index = row - starts[chunkIndex];
    if (chunk.columns[column].isNull(index))
        return {};
    return {&chunk.columns[column], index};
}

CellKind ResultSet::kind(std::size_t row, std::size_t column) const
{
    const Cell cell = locate(row, column);
    if (!cell.column)
        return CellKind::Null;
    switch (cell.column->storage) {
    case Storage::Integer:
        return CellKind::Integer;
    case Storage::Real:
        return cell.column->isIntegerCell(cell.index) ? CellKind::Integer : CellKind::Real;
    case Storage::Boolean:
        return CellKind::Boolean;
    case Storage::Text:
        return CellKind::Text;
    case Storage::Mixed:
        return cell.column->tags[cell.index];
    case Storage::Empty:
        break;
    }
    return CellKind::Null;
}

bool ResultSet::isNull(std::size_t row, std::size_t column) const
{
    return locate(row, column).column == nullptr;
}

void ResultSet::appendText(std::size_t row, std::size_t column, std::string &out) const
{
    const Cell cell = locate(row, column);
    if (!cell.column)
        return;
    const auto &c = *cell.column;
    char buf[32];
    switch (c.storage) {
    case Storage::Integer: {
        const auto r = std::to_chars(buf, buf + sizeof buf, c.integers[cell.index]);
        out.append(buf, r.ptr);
        break;
    }
    case Storage::Real: {
        const auto r =
            c.isIntegerCell(cell.index)
                ? std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(c.reals[cell.index]))
                : std::to_chars(buf, buf + sizeof buf, c.reals[cell.index]);
        out.append(buf, r.ptr);
        break;
    }
    case Storage::Boolean:
        out += c.integers[cell.index] ? "true" : "false";
        break;
    case Storage::Text:
    case Storage::Mixed:
        out += c.textAt(cell.index);
        break;
    case Storage::Empty:
        break;
    }
}

std::string ResultSet::text(std::size_t row, std::size_t column) const
{
    std::string out;
    appendText(row, column, out);
    return out;
}

std::optional<double> ResultSet::number(std::size_t row, std::size_t column) const
{
    const Cell cell = locate(row, column);
    if (!cell.column)
        return std::nullopt;
    const auto &c = *cell.column;
    switch (c.storage) {
    case Storage::Integer:
        return static_cast<double>(c.integers[cell.index]);
    case Storage::Real:
        return c.reals[cell.index];
    case Storage::Boolean:
        return c.integers[cell.index] ? 1.0 : 0.0;
    case Storage::Mixed: {
        const CellKind kind = c.tags[cell.index];
        if (kind == CellKind::Boolean)
            return c.textAt(cell.index) == "true" ? 1.0 : 0.0;
        JsonNumber parsed;
        if ((kind == CellKind::Integer || kind == CellKind::Real) &&
            parseJsonNumber(c.textAt(cell.index), parsed))
            return parsed.real;
        return std::nullopt;
    }
    case Storage::Text:
    case Storage::Empty:
        break;
    }
    return std::nullopt;
}

std::optional<std::int64_t> ResultSet::integer(std::size_t row, std::size_t column) const
{
    const Cell cell = locate(row, column);
    if (!cell.column)
        return std::nullopt;
    const auto &c = *cell.column;
    if (c.storage == Storage::Integer)
        return c.integers[cell.index];
    if (c.storage == Storage::Real && c.isIntegerCell(cell.index))
        return static_cast<std::int64_t>(c.reals[cell.index]);
    if (c.storage == Storage::Mixed && c.tags[cell.index] == CellKind::Integer) {
        JsonNumber parsed;
        if (parseJsonNumber(c.textAt(cell.index), parsed) && parsed.kind == JsonNumber::Kind::Integer)
            return parsed.integer;
    }
    return std::nullopt;
}

std::optional<bool> ResultSet::boolean(std::size_t row, std::size_t column) const
{
    const Cell cell = locate(row, column);
    if (!cell.column)
        return std::nullopt;
    const auto &c = *cell.column;
    if (c.storage == Storage::Boolean)
        return c.integers[cell.index] != 0;
    if (c.storage == Storage::Mixed && c.tags[cell.index] == CellKind::Boolean)
        return c.textAt(cell.index) == "true";
    return std::nullopt;
}

std::size_t ResultSet::bytesUsed() const
{
    if (!m_data)
        return 0;
    std::size_t bytes = sizeof(detail::ResultData) + m_data->note.capacity() + m_data->source.capacity() +
                        m_data->chunkBytes + m_data->chunks.capacity() * sizeof(m_data->chunks[0]) +
                        m_data->chunkStarts.capacity() * sizeof(std::size_t);
    for (const auto &column : m_data->columns)
        bytes += sizeof(column) + column.name.capacity() + column.declaredType.capacity();
    return bytes;
}

std::size_t ResultSet::rawBytes() const
{
    return m_data ? m_data->rawBytes : 0;
}

} // namespace lakeshore::assistant
