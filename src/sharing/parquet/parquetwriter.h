// Writes a Parquet file from columns held in memory: flat schema, data pages v1, PLAIN or dictionary
// encoding, SNAPPY or ZSTD, chunk statistics, field ids, a row group per rowGroupRows rows.
//
//   auto writer = ParquetWriter::create(path, schema, {});
//   writer.value()->write(columns);          // as often as needed
//   auto summary = writer.value()->finish(); // footer, fsync, close
#pragma once

#include "core/result.h"
#include "sharing/parquet/column.h"
#include "sharing/parquet/columnchunk.h"
#include "sharing/parquet/columnstatistics.h"
#include "sharing/parquet/compression.h"
#include "sharing/parquet/parquetschema.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::sharing::parquet {

struct WriterOptions
{
    Codec codec = Codec::Zstd;
    int zstdLevel = 3;
    std::size_t rowGroupRows = 122880;
    ChunkOptions chunk;
    bool sync = true; // fsync before finish() returns
    std::string createdBy = "lakeshore";
};

struct FileSummary
{
    std::int64_t rows = 0;
    std::int64_t bytes = 0; // the file's size
    int rowGroups = 0;
    std::vector<ColumnStatistics> columns; // per schema column, over the whole file
};

// Names must be non-empty and distinct ignoring case, decimals 1..18 digits with 0..precision scale,
// field ids distinct. ErrorKind::Invalid otherwise.
[[nodiscard]] Status checkSchema(const Schema &schema);

class ParquetWriter
{
public:
    ~ParquetWriter(); // an unfinished file is closed as it is: not a valid Parquet file
    ParquetWriter(const ParquetWriter &) = delete;
    ParquetWriter &operator=(const ParquetWriter &) = delete;

    // Creates (or truncates) path.
    [[nodiscard]] static Result<std::unique_ptr<ParquetWriter>> create(const std::string &path, Schema schema,
                                                                       WriterOptions options = {});

    // One Column per schema column, of its type, all the same length. A required column with a null,
    // a value out of its type's range (int32, decimal digits, booleans 0/1) or mismatched columns give
    // ErrorKind::Invalid and write nothing.
    [[nodiscard]] Status write(const std::vector<Column> &columns);
    // Only rows [begin, end) of the columns (end clamped to their length).
    [[nodiscard]] Status write(const std::vector<Column> &columns, std::size_t begin, std::size_t end);

    [[nodiscard]] Result<FileSummary> finish();

    [[nodiscard]] const Schema &schema() const { return m_schema; }

private:
    ParquetWriter(int fd, std::string path, Schema schema, WriterOptions options);
    [[nodiscard]] Status writeBytes(std::string_view bytes);
    [[nodiscard]] Status checkColumns(const std::vector<Column> &columns, std::size_t begin,
                                      std::size_t end) const;
    [[nodiscard]] std::string footer() const;

    struct RowGroupLayout
    {
        std::int64_t rows = 0;
        std::int64_t fileOffset = 0;
        std::vector<ChunkLayout> chunks;
    };

    int m_fd;
    std::string m_path;
    Schema m_schema;
    WriterOptions m_options;
    Compressor m_compressor;
    ChunkEncoder m_encoder;
    std::int64_t m_offset = 0;
    std::vector<RowGroupLayout> m_rowGroups;
    std::vector<ColumnStatistics> m_fileStatistics;
    std::string m_buffer;
    bool m_finished = false;
};

} // namespace lakeshore::sharing::parquet
