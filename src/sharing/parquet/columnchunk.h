// Encodes one column's rows of a row group as a column chunk: an optional dictionary page, then data
// pages (v1) of about pageBytes each, every page compressed with the writer's codec.
#pragma once

#include "core/result.h"
#include "sharing/parquet/column.h"
#include "sharing/parquet/columnstatistics.h"
#include "sharing/parquet/compression.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::sharing::parquet {

// Encoding codes of the format.
enum class Encoding : std::int32_t { Plain = 0, Rle = 3, RleDictionary = 8 };

// What the footer records about a written chunk.
struct ChunkLayout
{
    std::vector<Encoding> encodings;
    std::int64_t valueCount = 0;       // rows, nulls included
    std::int64_t uncompressedSize = 0; // page headers included
    std::int64_t compressedSize = 0;   // page headers included
    std::int64_t dataPageOffset = 0;   // absolute file offsets
    std::optional<std::int64_t> dictionaryPageOffset;
    ColumnStatistics statistics;
};

struct ChunkOptions
{
    std::size_t pageBytes = 1 << 20; // values per data page, before compression
    bool dictionary = true;          // for strings and integers with few distinct values
    std::size_t maxDictionaryEntries = 1 << 16;
    std::size_t maxDictionaryBytes = 1 << 20;
};

class ChunkEncoder
{
public:
    ChunkEncoder(Compressor &compressor, ChunkOptions options) : m_compressor(compressor), m_options(options)
    {
    }

    // Appends the chunk for rows [begin, end) to out; chunkStart is the file offset out's new bytes
    // will be written at.
    [[nodiscard]] Result<ChunkLayout> encode(const ColumnSpec &spec, const Column &column, std::size_t begin,
                                             std::size_t end, std::int64_t chunkStart, std::string &out);

private:
    struct Dictionary;
    [[nodiscard]] bool buildDictionary(const ColumnSpec &spec, const Column &column, std::size_t begin,
                                       std::size_t end, Dictionary &dictionary);
    [[nodiscard]] Status appendPage(std::string &out, std::int32_t pageType, std::int32_t valueCount,
                                    Encoding encoding, ChunkLayout &layout);
    [[nodiscard]] std::size_t pageEnd(const Column &column, PhysicalType type, std::size_t begin,
                                      std::size_t end) const;

    Compressor &m_compressor;
    ChunkOptions m_options;
    std::string m_body;       // one page before compression
    std::string m_compressed; // and after
    std::vector<std::uint32_t> m_levels;
    std::vector<std::uint32_t> m_indices;
};

} // namespace lakeshore::sharing::parquet
