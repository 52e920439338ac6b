#include "assistant/resultsetbuilder.h"

#include <cassert>
#include <charconv>
#include <cstdlib>

namespace lakeshore::assistant {

using detail::Storage;

namespace {

constexpr std::uint64_t kExactInDouble = 1ull << 53;

std::string_view decimal(std::int64_t value, char (&buf)[32])
{
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return {buf, static_cast<std::size_t>(r.ptr - buf)};
}

std::string_view shortest(double value, char (&buf)[32])
{
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return {buf, static_cast<std::size_t>(r.ptr - buf)};
}

std::uint64_t magnitude(std::int64_t value)
{
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

} // namespace

void detail::assignType(ResultColumn &column, std::uint8_t kinds)
{
    column.mixed = false;
    switch (kinds) {
    case 0:
        column.type = ColumnType::Null;
        break;
    case kHasBoolean:
        column.type = ColumnType::Boolean;
        break;
    case kHasInteger:
        column.type = ColumnType::Integer;
        break;
    case kHasReal:
    case kHasInteger | kHasReal:
        column.type = ColumnType::Real;
        break;
    case kHasText:
        column.type = ColumnType::Text;
        break;
    default:
        column.type = ColumnType::Text;
        column.mixed = true;
        break;
    }
}

namespace {

void setBit(std::vector<std::uint64_t> &bits, std::size_t i)
{
    if (bits.size() <= i / 64)
        bits.resize(i / 64 + 1, 0);
    bits[i / 64] |= std::uint64_t{1} << (i % 64);
}

} // namespace

void ColumnBuilder::setNull(std::size_t i)
{
    setBit(m_chunk.nulls, i);
}

void ColumnBuilder::become(Storage storage)
{
    // From Empty: every cell so far is null and gets a placeholder.
    auto &c = m_chunk;
    c.storage = storage;
    const std::size_t room = std::max(m_reserve, m_cells + 1);
    switch (storage) {
    case Storage::Integer:
    case Storage::Boolean:
        c.integers.reserve(room);
        c.integers.assign(m_cells, 0);
        break;
    case Storage::Real:
        c.reals.reserve(room);
        c.reals.assign(m_cells, 0.0);
        break;
    case Storage::Mixed:
        c.tags.reserve(room);
        c.tags.assign(m_cells, CellKind::Null);
        [[fallthrough]];
    case Storage::Text:
        c.offsets.reserve(room + 1);
        c.offsets.assign(m_cells + 1, 0);
        c.arena.reserve(m_arenaHint);
        break;
    case Storage::Empty:
        break;
    }
    for (std::size_t i = 0; i < m_cells; ++i)
        setNull(i);
}

void ColumnBuilder::toMixed()
{
    auto &c = m_chunk;
    if (c.storage == Storage::Mixed)
        return;
    if (c.storage == Storage::Empty) {
        become(Storage::Mixed);
        return;
    }
    std::string arena;
    std::vector<std::uint32_t> offsets;
    std::vector<CellKind> tags;
    const std::size_t room = std::max(m_reserve, m_cells + 1);
    offsets.reserve(room + 1);
    tags.reserve(room);
    offsets.push_back(0);
    char buf[32];
    for (std::size_t i = 0; i < m_cells; ++i) {
        if (c.isNull(i)) {
            tags.push_back(CellKind::Null);
        } else {
            switch (c.storage) {
            case Storage::Integer:
                arena += decimal(c.integers[i], buf);
                tags.push_back(CellKind::Integer);
                break;
            case Storage::Real:
                if (c.isIntegerCell(i)) {
                    arena += decimal(static_cast<std::int64_t>(c.reals[i]), buf);
                    tags.push_back(CellKind::Integer);
                } else {
                    arena += shortest(c.reals[i], buf);
                    tags.push_back(CellKind::Real);
                }
                break;
            case Storage::Boolean:
                arena += c.integers[i] ? "true" : "false";
                tags.push_back(CellKind::Boolean);
                break;
            case Storage::Text:
                arena += c.textAt(i);
                tags.push_back(CellKind::Text);
                break;
            case Storage::Empty:
            case Storage::Mixed:
                break;
            }
        }
        offsets.push_back(static_cast<std::uint32_t>(arena.size()));
    }
    c.integers = {};
    c.reals = {};
    c.integerCells = {};
    c.arena = std::move(arena);
    c.offsets = std::move(offsets);
    c.tags = std::move(tags);
    c.storage = Storage::Mixed;
}

void ColumnBuilder::pushMixedText(std::string_view text, CellKind kind)
{
    m_chunk.arena += text;
    m_chunk.offsets.push_back(static_cast<std::uint32_t>(m_chunk.arena.size()));
    m_chunk.tags.push_back(kind);
}

void ColumnBuilder::appendNull()
{
    auto &c = m_chunk;
    switch (c.storage) {
    case Storage::Empty:
        ++m_cells;
        return;
    case Storage::Integer:
    case Storage::Boolean:
        c.integers.push_back(0);
        break;
    case Storage::Real:
        c.reals.push_back(0.0);
        break;
    case Storage::Text:
        c.offsets.push_back(c.offsets.back());
        break;
    case Storage::Mixed:
        c.offsets.push_back(c.offsets.back());
        c.tags.push_back(CellKind::Null);
        break;
    }
    setNull(m_cells);
    ++m_cells;
}

void ColumnBuilder::padNulls(std::size_t cells)
{
    while (m_cells < cells)
        appendNull();
}

void ColumnBuilder::appendInteger(std::int64_t value)
{
    auto &c = m_chunk;
    char buf[32];
    switch (c.storage) {
    case Storage::Empty:
        become(Storage::Integer);
        [[fallthrough]];
    case Storage::Integer:
        c.integers.push_back(value);
        break;
    case Storage::Real:
        if (magnitude(value) <= kExactInDouble) {
            setBit(c.integerCells, m_cells);
            c.reals.push_back(static_cast<double>(value));
            break;
        }
        toMixed();
        pushMixedText(decimal(value, buf), CellKind::Integer);
        break;
    case Storage::Boolean:
    case Storage::Text:
        toMixed();
        [[fallthrough]];
    case Storage::Mixed:
        pushMixedText(decimal(value, buf), CellKind::Integer);
        break;
    }
    m_maxAbsInteger = std::max(m_maxAbsInteger, magnitude(value));
    c.kinds |= detail::kHasInteger;
    m_raw += 8;
    ++m_cells;
}

void ColumnBuilder::appendReal(double value)
{
    auto &c = m_chunk;
    char buf[32];
    switch (c.storage) {
    case Storage::Empty:
        become(Storage::Real);
        [[fallthrough]];
    case Storage::Real:
        c.reals.push_back(value);
        break;
    case Storage::Integer:
        if (m_maxAbsInteger <= kExactInDouble) {
            // Widen: every integer is exact as a double, and stays marked as an integer.
            c.reals.reserve(c.integers.capacity());
            for (std::size_t i = 0; i < c.integers.size(); ++i) {
                c.reals.push_back(static_cast<double>(c.integers[i]));
                if (!c.isNull(i))
                    setBit(c.integerCells, i);
            }
            c.integers = {};
            c.storage = Storage::Real;
            c.reals.push_back(value);
            break;
        }
        toMixed();
        pushMixedText(shortest(value, buf), CellKind::Real);
        break;
    case Storage::Boolean:
    case Storage::Text:
        toMixed();
        [[fallthrough]];
    case Storage::Mixed:
        pushMixedText(shortest(value, buf), CellKind::Real);
        break;
    }
    c.kinds |= detail::kHasReal;
    m_raw += 8;
    ++m_cells;
}

void ColumnBuilder::appendBoolean(bool value)
{
    auto &c = m_chunk;
    switch (c.storage) {
    case Storage::Empty:
        become(Storage::Boolean);
        [[fallthrough]];
    case Storage::Boolean:
        c.integers.push_back(value ? 1 : 0);
        break;
    case Storage::Integer:
    case Storage::Real:
    case Storage::Text:
        toMixed();
        [[fallthrough]];
    case Storage::Mixed:
        pushMixedText(value ? "true" : "false", CellKind::Boolean);
        break;
    }
    c.kinds |= detail::kHasBoolean;
    m_raw += 8;
    ++m_cells;
}

std::string &ColumnBuilder::beginText()
{
    switch (m_chunk.storage) {
    case Storage::Empty:
        become(Storage::Text);
        break;
    case Storage::Integer:
    case Storage::Real:
    case Storage::Boolean:
        toMixed();
        break;
    case Storage::Text:
    case Storage::Mixed:
        break;
    }
    return m_chunk.arena;
}

void ColumnBuilder::endText()
{
    auto &c = m_chunk;
    m_raw += c.arena.size() - c.offsets.back();
    c.offsets.push_back(static_cast<std::uint32_t>(c.arena.size()));
    if (c.storage == Storage::Mixed)
        c.tags.push_back(CellKind::Text);
    c.kinds |= detail::kHasText;
    ++m_cells;
}

void ColumnBuilder::appendText(std::string_view text)
{
    beginText() += text;
    endText();
}

void ColumnBuilder::appendLiteral(std::string_view literal, CellKind kind)
{
    toMixed();
    pushMixedText(literal, kind);
    m_chunk.kinds |= kind == CellKind::Integer ? detail::kHasInteger : detail::kHasReal;
    m_raw += 8;
    ++m_cells;
}

detail::ColumnChunk ColumnBuilder::take()
{
    auto &c = m_chunk;
    // Copying to shrink costs time; a little slack (the arena was sized from the chunk before) is kept.
    auto shrink = [](auto &container) {
        if (container.capacity() > container.size() + container.size() / 8 + 4096 / sizeof(container[0]))
            container.shrink_to_fit();
    };
    shrink(c.integers);
    shrink(c.reals);
    shrink(c.offsets);
    shrink(c.arena);
    shrink(c.tags);
    shrink(c.nulls);
    shrink(c.integerCells);
    detail::ColumnChunk out = std::move(c);
    m_chunk = {};
    m_cells = 0;
    m_raw = 0;
    m_maxAbsInteger = 0;
    return out;
}

ResultSetBuilder::ResultSetBuilder(std::size_t firstChunkRows, std::size_t chunkRows)
    : m_firstChunkRows(firstChunkRows ? firstChunkRows : std::max<std::size_t>(chunkRows, 1)),
      m_chunkRows(std::max<std::size_t>(chunkRows, 1))
{
}

std::size_t ResultSetBuilder::addColumn(std::string name, std::string declaredType)
{
    ResultColumn column;
    column.name = std::move(name);
    column.declaredType = std::move(declaredType);
    m_columns.push_back(std::move(column));
    m_closedKinds.push_back(0);
    m_open.emplace_back();
    m_open.back().reserve(m_chunks.empty() ? m_firstChunkRows : m_chunkRows);
    m_open.back().padNulls(m_openRows);
    return m_columns.size() - 1;
}

void ResultSetBuilder::renameColumn(std::size_t index, std::string name, std::string declaredType)
{
    m_columns[index].name = std::move(name);
    m_columns[index].declaredType = std::move(declaredType);
}

bool ResultSetBuilder::endRow()
{
    ++m_openRows;
    bool bigArena = false;
    for (auto &column : m_open) {
        assert(column.cells() <= m_openRows);
        column.padNulls(m_openRows); // a decoder bug must not make columns uneven
        bigArena = bigArena || column.arenaBytes() > kCloseChunkArenaBytes;
    }
    const std::size_t target = m_chunks.empty() ? m_firstChunkRows : m_chunkRows;
    if (m_openRows < target && !bigArena)
        return false;
    closeChunk();
    return true;
}

void ResultSetBuilder::closeChunk()
{
    if (m_openRows == 0)
        return;
    auto chunk = std::make_shared<detail::Chunk>();
    chunk->rows = m_openRows;
    chunk->columns.reserve(m_open.size());
    for (std::size_t i = 0; i < m_open.size(); ++i) {
        chunk->rawBytes += m_open[i].rawBytes();
        const std::size_t arena = m_open[i].arenaBytes();
        chunk->columns.push_back(m_open[i].take());
        m_closedKinds[i] |= chunk->columns.back().kinds;
        m_closedBytes += chunk->columns.back().bytesUsed();
        // The next chunk's text likely takes as many bytes per row as this one's.
        const std::size_t perRow = (arena + m_openRows - 1) / m_openRows;
        m_open[i].reserve(m_chunkRows,
                          std::min(perRow * m_chunkRows + perRow * m_chunkRows / 32, kCloseChunkArenaBytes));
    }
    m_closedBytes += sizeof(detail::Chunk);
    m_closedRaw += chunk->rawBytes;
    m_chunkStarts.push_back(m_closedRows);
    m_closedRows += m_openRows;
    m_openRows = 0;
    m_chunks.push_back(std::move(chunk));
}

std::size_t ResultSetBuilder::bytesUsed() const
{
    std::size_t bytes = m_closedBytes;
    for (const auto &column : m_open)
        bytes += column.bytesUsed();
    return bytes;
}

std::shared_ptr<detail::ResultData> ResultSetBuilder::data(bool complete) const
{
    auto data = std::make_shared<detail::ResultData>();
    data->hasTable = true;
    data->complete = complete;
    data->truncated = m_truncated;
    data->reportedRowCount = m_reportedRowCount;
    data->note = m_note;
    data->source = m_source;
    data->columns = m_columns;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        detail::assignType(data->columns[i], m_closedKinds[i]);
    data->chunks = m_chunks;
    data->chunkStarts = m_chunkStarts;
    data->rows = m_closedRows;
    data->rawBytes = m_closedRaw;
    data->chunkBytes = m_closedBytes;
    return data;
}

ResultSet ResultSetBuilder::snapshot() const
{
    return ResultSet(data(false));
}

ResultSet ResultSetBuilder::finish()
{
    closeChunk();
    return ResultSet(data(true));
}

ResultSet ResultSetBuilder::noTable(std::string note, std::string source)
{
    auto data = std::make_shared<detail::ResultData>();
    data->hasTable = false;
    data->complete = true;
    data->note = std::move(note);
    data->source = std::move(source);
    return ResultSet(std::move(data));
}

} // namespace lakeshore::assistant
