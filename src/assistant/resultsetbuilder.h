// Builds a ResultSet row by row, one cell per column per row, on one thread; closed chunks are immutable
// and can be handed out as snapshots while the build goes on. The decoder uses it; tests may too.
#pragma once

#include "assistant/resultset.h"
#include "assistant/resultsetdata.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

// Largest arena a chunk column may reach (offsets are 32-bit); a chunk closes early past half of it.
inline constexpr std::size_t kMaxChunkArenaBytes = 0xFFFFFFFFu;
inline constexpr std::size_t kCloseChunkArenaBytes = kMaxChunkArenaBytes / 2;

// One column of the open chunk. Each append adds one cell.
class ColumnBuilder
{
public:
    void appendNull();
    void appendInteger(std::int64_t value);
    void appendReal(double value);
    void appendBoolean(bool value);
    // A text cell: write its bytes at the end of the returned arena, then call endText().
    std::string &beginText();
    void endText();
    void appendText(std::string_view text);
    // A number kept as its exact literal (beyond int64 or double): kind is Integer or Real.
    void appendLiteral(std::string_view literal, CellKind kind);

    [[nodiscard]] std::size_t cells() const { return m_cells; }
    [[nodiscard]] std::size_t arenaBytes() const { return m_chunk.arena.size(); }
    [[nodiscard]] std::size_t rawBytes() const { return m_raw; }
    [[nodiscard]] std::size_t bytesUsed() const { return m_chunk.bytesUsed(); }

    // Pads with nulls up to cells (a column that appeared mid-chunk), used by ResultSetBuilder.
    void padNulls(std::size_t cells);
    detail::ColumnChunk take(); // shrinks to fit and resets
    // Room to set aside when the column gets its first value: cells, and arena bytes for text.
    void reserve(std::size_t cells, std::size_t arenaBytes = 0)
    {
        m_reserve = cells;
        m_arenaHint = arenaBytes;
    }

private:
    void setNull(std::size_t i);
    void become(detail::Storage storage);
    void toMixed();
    void pushMixedText(std::string_view text, CellKind kind);

    detail::ColumnChunk m_chunk;
    std::size_t m_cells = 0;
    std::size_t m_raw = 0;
    std::size_t m_reserve = 0;
    std::size_t m_arenaHint = 0;
    std::uint64_t m_maxAbsInteger = 0; // to know whether integers widen exactly to double
};

class ResultSetBuilder
{
public:
    // The first chunk closes after firstChunkRows rows (0: use chunkRows), later ones after chunkRows.
    explicit ResultSetBuilder(std::size_t firstChunkRows = 200, std::size_t chunkRows = 65536);

    // Adds a column; rows already added are null in it. Returns its index.
    std::size_t addColumn(std::string name, std::string declaredType = {});
    void renameColumn(std::size_t index, std::string name, std::string declaredType);
    [[nodiscard]] std::size_t columnCount() const { return m_columns.size(); }
    [[nodiscard]] const ResultColumn &columnInfo(std::size_t index) const { return m_columns[index]; }
    [[nodiscard]] ColumnBuilder &column(std::size_t index) { return m_open[index]; }

    // Ends the row (every column must have had one cell). True when this closed a chunk.
    bool endRow();
    [[nodiscard]] std::size_t rows() const { return m_closedRows + m_openRows; }
    [[nodiscard]] std::size_t readyRows() const { return m_closedRows; }

    void setNote(std::string note) { m_note = std::move(note); }
    void setSource(std::string source) { m_source = std::move(source); }
    void setTruncated(bool truncated) { m_truncated = truncated; }
    void setReportedRowCount(std::uint64_t count) { m_reportedRowCount = count; }
    [[nodiscard]] std::size_t bytesUsed() const;

    // The closed chunks so far (complete = false), or, after closing the open chunk, everything.
    [[nodiscard]] ResultSet snapshot() const;
    ResultSet finish();

    // A complete result without a table: the tool's text, kept for display.
    [[nodiscard]] static ResultSet noTable(std::string note, std::string source);

private:
    void closeChunk();
    [[nodiscard]] std::shared_ptr<detail::ResultData> data(bool complete) const;

    std::size_t m_firstChunkRows;
    std::size_t m_chunkRows;
    std::vector<ResultColumn> m_columns;
    std::vector<std::uint8_t> m_closedKinds; // per column, over closed chunks
    std::vector<ColumnBuilder> m_open;
    std::size_t m_openRows = 0;
    std::size_t m_closedRows = 0;
    std::size_t m_closedRaw = 0;
    std::size_t m_closedBytes = 0;
    std::vector<std::shared_ptr<const detail::Chunk>> m_chunks;
    std::vector<std::size_t> m_chunkStarts;
    std::string m_note;
    std::string m_source;
    bool m_truncated = false;
    std::optional<std::uint64_t> m_reportedRowCount;
};

} // namespace lakeshore::assistant
