// The storage behind ResultSet, shared by the set (reading) and ResultSetBuilder (writing). Not part of
// the assistant's face: only resultset*.cpp and resultsetbuilder.cpp include it.
#pragma once

#include "assistant/resultset.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::assistant::detail {

enum class Storage : std::uint8_t {
    Empty,   // every cell null, nothing stored
    Integer, // integers
    Real,    // reals
    Boolean, // integers 0/1
    Text,    // arena + offsets
    Mixed,   // arena + offsets holding every cell's text, and a CellKind per cell
};

// Which kinds of values a column chunk holds (a union over chunks gives the column's type).
enum KindBits : std::uint8_t {
    kHasBoolean = 1,
    kHasInteger = 2,
    kHasReal = 4,
    kHasText = 8,
};

struct ColumnChunk
{
    Storage storage = Storage::Empty;
    std::uint8_t kinds = 0;
    std::vector<std::int64_t> integers;      // Integer, Boolean
    std::vector<double> reals;               // Real
    std::vector<std::uint64_t> integerCells; // Real: bit i set: cell i is an integer (widened, exact)
    std::vector<std::uint32_t> offsets;      // Text, Mixed: cell i is arena[offsets[i], offsets[i + 1])
    std::string arena;
    std::vector<CellKind> tags;       // Mixed
    std::vector<std::uint64_t> nulls; // bit i: cell i is null; shorter than the cells when the rest are not

    [[nodiscard]] bool isNull(std::size_t i) const
    {
        if (storage == Storage::Empty)
            return true;
        const std::size_t word = i / 64;
        return word < nulls.size() && ((nulls[word] >> (i % 64)) & 1u);
    }
    [[nodiscard]] bool isIntegerCell(std::size_t i) const
    {
        const std::size_t word = i / 64;
        return word < integerCells.size() && ((integerCells[word] >> (i % 64)) & 1u);
    }
    [[nodiscard]] std::string_view textAt(std::size_t i) const
    {
        return {arena.data() + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
    }
    [[nodiscard]] std::size_t bytesUsed() const
    {
        return sizeof(ColumnChunk) + integers.capacity() * sizeof(std::int64_t) +
               reals.capacity() * sizeof(double) + offsets.capacity() * sizeof(std::uint32_t) +
               arena.capacity() + tags.capacity() + nulls.capacity() * sizeof(std::uint64_t);
    }
};

struct Chunk
{
    std::size_t rows = 0;
    std::size_t rawBytes = 0;
    std::vector<ColumnChunk> columns; // may be fewer than the set's columns: the rest are all null
};

struct ResultData
{
    bool hasTable = false;
    bool complete = false;
    bool truncated = false;
    std::optional<std::uint64_t> reportedRowCount;
    std::string note;
    std::string source;
    std::vector<ResultColumn> columns;
    std::vector<std::shared_ptr<const Chunk>> chunks;
    std::vector<std::size_t> chunkStarts; // the first row of each chunk
    std::size_t rows = 0;
    std::size_t rawBytes = 0;
    std::size_t chunkBytes = 0; // bytesUsed of all chunks
};

} // namespace lakeshore::assistant::detail

namespace lakeshore::assistant {

struct ResultSet::Cell
{
    const detail::ColumnChunk *column = nullptr; // null: the cell is null (out of range or a missing column)
    std::size_t index = 0;
};

} // namespace lakeshore::assistant

namespace lakeshore::assistant::detail {

// A column's type from the union of its chunks' kinds.
void assignType(ResultColumn &column, std::uint8_t kinds);

} // namespace lakeshore::assistant::detail
