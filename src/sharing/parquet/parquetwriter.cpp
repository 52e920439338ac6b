#include "sharing/parquet/parquetwriter.h"

#include "sharing/parquet/thriftcompact.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <set>
#include <unistd.h>

namespace lakeshore::sharing::parquet {

namespace {

constexpr std::string_view kMagic = "PAR1";

// Converted type codes (the format's older annotations, still written next to logical types).
constexpr std::int32_t kUtf8 = 0;
constexpr std::int32_t kConvertedDecimal = 5;
constexpr std::int32_t kConvertedDate = 6;
constexpr std::int32_t kTimestampMicros = 10;
constexpr std::int32_t kInt32 = 17;
constexpr std::int32_t kInt64 = 18;

std::string lowered(std::string text)
{
    for (char &c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string systemError(const std::string &what, const std::string &path)
{
    return what + " " + path + ": " + std::strerror(errno);
}

int fieldIdOf(const Schema &schema, std::size_t index)
{
    return schema[index].fieldId != 0 ? schema[index].fieldId : static_cast<int>(index + 1);
}

std::int64_t powerOfTen(int digits)
{
    std::int64_t value = 1;
    for (int i = 0; i < digits; ++i)
        value *= 10;
    return value;
}

void writeSchemaElement(CompactWriter &out, const ColumnSpec &column, int fieldId)
{
    out.beginStructElement();
    out.fieldI32(1, static_cast<std::int32_t>(physicalTypeOf(column)));
    out.fieldI32(3, column.nullable ? 1 : 0); // OPTIONAL : REQUIRED
    out.fieldBinary(4, column.name);
    switch (column.type) {
    case ColumnType::String:
        out.fieldI32(6, kUtf8);
        out.fieldI32(9, fieldId);
        out.beginStructField(10);
        out.beginStructField(1); // STRING
        out.endStruct();
        out.endStruct();
        break;
    case ColumnType::Date:
        out.fieldI32(6, kConvertedDate);
        out.fieldI32(9, fieldId);
        out.beginStructField(10);
        out.beginStructField(6); // DATE
        out.endStruct();
        out.endStruct();
        break;
    case ColumnType::Timestamp:
        out.fieldI32(6, kTimestampMicros);
        out.fieldI32(9, fieldId);
        out.beginStructField(10);
        out.beginStructField(8); // TIMESTAMP
        out.fieldBool(1, true);  // isAdjustedToUTC
        out.beginStructField(2); // unit
        out.beginStructField(2); // MICROS
        out.endStruct();
        out.endStruct();
        out.endStruct();
        out.endStruct();
        break;
    case ColumnType::Decimal:
        out.fieldI32(6, kConvertedDecimal);
        out.fieldI32(7, column.scale);
        out.fieldI32(8, column.precision);
        out.fieldI32(9, fieldId);
        out.beginStructField(10);
        out.beginStructField(5); // DECIMAL
        out.fieldI32(1, column.scale);
        out.fieldI32(2, column.precision);
        out.endStruct();
        out.endStruct();
        break;
    case ColumnType::Int32:
    case ColumnType::Int64: {
        const bool is32 = column.type == ColumnType::Int32;
        out.fieldI32(6, is32 ? kInt32 : kInt64);
        out.fieldI32(9, fieldId);
        out.beginStructField(10);
        out.beginStructField(10); // INTEGER
        out.fieldI8(1, is32 ? 32 : 64);
        out.fieldBool(2, true);
        out.endStruct();
        out.endStruct();
        break;
    }
    case ColumnType::Double:
    case ColumnType::Boolean:
        out.fieldI32(9, fieldId);
        break;
    }
    out.endStruct();
}

} // namespace

Status checkSchema(const Schema &schema)
{
    if (schema.empty())
        return makeError(ErrorKind::Invalid, "a Parquet file needs at least one column");
    std::set<std::string> names;
    std::set<int> fieldIds;
    for (std::size_t i = 0; i < schema.size(); ++i) {
        const ColumnSpec &column = schema[i];
        if (column.name.empty())
            return makeError(ErrorKind::Invalid, "column " + std::to_string(i + 1) + " has no name");
        if (!names.insert(lowered(column.name)).second)
            return makeError(ErrorKind::Invalid, "two columns are named '" + column.name + "'");
        if (!fieldIds.insert(fieldIdOf(schema, i)).second || fieldIdOf(schema, i) < 0)
            return makeError(ErrorKind::Invalid, "column '" + column.name + "' repeats field id " +
                                                     std::to_string(fieldIdOf(schema, i)));
        if (column.type == ColumnType::Decimal && (column.precision < 1 || column.precision > 18 ||
                                                   column.scale < 0 || column.scale > column.precision))
            return makeError(ErrorKind::Invalid, "column '" + column.name + "': decimal(" +
                                                     std::to_string(column.precision) + "," +
                                                     std::to_string(column.scale) + ") is not supported");
    }
    return okStatus();
}

ParquetWriter::ParquetWriter(int fd, std::string path, Schema schema, WriterOptions options)
    : m_fd(fd), m_path(std::move(path)), m_schema(std::move(schema)), m_options(std::move(options)),
      m_compressor(m_options.codec, m_options.zstdLevel), m_encoder(m_compressor, m_options.chunk),
      m_fileStatistics(m_schema.size())
{
}

ParquetWriter::~ParquetWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::create(const std::string &path, Schema schema,
                                                             WriterOptions options)
{
    if (auto status = checkSchema(schema); !status)
        return status.error();
    if (options.rowGroupRows == 0)
        return makeError(ErrorKind::Invalid, "row groups need at least one row");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError(ErrorKind::Storage, systemError("cannot create", path));
    std::unique_ptr<ParquetWriter> writer(new ParquetWriter(fd, path, std::move(schema), std::move(options)));
    if (auto status = writer->writeBytes(kMagic); !status)
        return status.error();
    return writer;
}

Status ParquetWriter::writeBytes(std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return makeError(ErrorKind::Storage, systemError("cannot write", m_path));
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
        m_offset += written;
    }
    return okStatus();
}

Status ParquetWriter::checkColumns(const std::vector<Column> &columns, std::size_t begin,
                                   std::size_t end) const
{
    if (columns.size() != m_schema.size())
        return makeError(ErrorKind::Invalid, "expected " + std::to_string(m_schema.size()) +
                                                 " columns, got " + std::to_string(columns.size()));
    const std::size_t rows = columns.front().size();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ColumnSpec &spec = m_schema[i];
        const Column &column = columns[i];
        const std::string where = "column '" + spec.name + "'";
        if (column.type() != spec.type)
            return makeError(ErrorKind::Invalid, where + " holds " + columnTypeName(column.type()) +
                                                     " values, the schema says " + columnTypeName(spec.type));
        if (!column.consistent())
            return makeError(ErrorKind::Invalid, where + " was filled with values of another type");
        if (column.size() != rows)
            return makeError(ErrorKind::Invalid, where + " has " + std::to_string(column.size()) +
                                                     " rows, column '" + m_schema.front().name + "' has " +
                                                     std::to_string(rows));
        const bool int32Range = physicalTypeOf(spec) == PhysicalType::Int32;
        const std::int64_t decimalLimit = spec.type == ColumnType::Decimal ? powerOfTen(spec.precision) : 0;
        for (std::size_t row = begin; row < end; ++row) {
            if (!column.present(row)) {
                if (!spec.nullable)
                    return makeError(ErrorKind::Invalid,
                                     where + " is required, but row " + std::to_string(row + 1) + " is null");
                continue;
            }
            if (storageOf(spec.type) != Storage::Integer)
                continue;
            const std::int64_t value = column.integer(row);
            const bool outOfRange =
                (int32Range && (value < std::numeric_limits<std::int32_t>::min() ||
                                value > std::numeric_limits<std::int32_t>::max())) ||
                (decimalLimit != 0 && (value <= -decimalLimit || value >= decimalLimit)) ||
                (spec.type == ColumnType::Boolean && value != 0 && value != 1);
            if (outOfRange)
                return makeError(ErrorKind::Invalid, where + " row " + std::to_string(row + 1) + ": " +
                                                         std::to_string(value) + " does not fit its type");
        }
    }
    return okStatus();
}

Status ParquetWriter::write(const std::vector<Column> &columns)
{
    return write(columns, 0, columns.empty() ? 0 : columns.front().size());
}

Status ParquetWriter::write(const std::vector<Column> &columns, std::size_t first, std::size_t last)
{
    if (m_finished || m_fd < 0)
        return makeError(ErrorKind::Invalid, "the Parquet file is already finished");
    const std::size_t rows = columns.empty() ? 0 : std::min(last, columns.front().size());
    if (auto status = checkColumns(columns, std::min(first, rows), rows); !status)
        return status;
    for (std::size_t begin = first; begin < rows; begin += m_options.rowGroupRows) {
        const std::size_t end = std::min(rows, begin + m_options.rowGroupRows);
        RowGroupLayout group;
        group.rows = static_cast<std::int64_t>(end - begin);
        group.fileOffset = m_offset;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            m_buffer.clear();
            auto chunk = m_encoder.encode(m_schema[i], columns[i], begin, end, m_offset, m_buffer);
            if (!chunk)
                return chunk.error();
            if (auto status = writeBytes(m_buffer); !status)
                return status;
            m_fileStatistics[i].merge(chunk.value().statistics, storageOf(m_schema[i].type));
            group.chunks.push_back(std::move(chunk.value()));
        }
        m_rowGroups.push_back(std::move(group));
    }
    return okStatus();
}

std::string ParquetWriter::footer() const
{
    CompactWriter out;
    out.fieldI32(1, 1); // format version
    out.beginListField(2, CompactWriter::Type::Struct, m_schema.size() + 1);
    out.beginStructElement(); // the root: a group holding every column
    out.fieldBinary(4, "schema");
    out.fieldI32(5, static_cast<std::int32_t>(m_schema.size()));
    out.endStruct();
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        writeSchemaElement(out, m_schema[i], fieldIdOf(m_schema, i));

    std::int64_t rows = 0;
    for (const RowGroupLayout &group : m_rowGroups)
        rows += group.rows;
    out.fieldI64(3, rows);

    out.beginListField(4, CompactWriter::Type::Struct, m_rowGroups.size());
    for (std::size_t g = 0; g < m_rowGroups.size(); ++g) {
        const RowGroupLayout &group = m_rowGroups[g];
        std::int64_t uncompressed = 0;
        std::int64_t compressed = 0;
        out.beginStructElement();
        out.beginListField(1, CompactWriter::Type::Struct, group.chunks.size());
        for (std::size_t i = 0; i < group.chunks.size(); ++i) {
            const ChunkLayout &chunk = group.chunks[i];
            const ColumnSpec &spec = m_schema[i];
            uncompressed += chunk.uncompressedSize;
            compressed += chunk.compressedSize;
            out.beginStructElement();
            out.fieldI64(2, 0); // file_offset: deprecated, required
            out.beginStructField(3);
            out.fieldI32(1, static_cast<std::int32_t>(physicalTypeOf(spec)));
            out.beginListField(2, CompactWriter::Type::I32, chunk.encodings.size());
            for (const Encoding encoding : chunk.encodings)
                out.elementI32(static_cast<std::int32_t>(encoding));
            out.beginListField(3, CompactWriter::Type::Binary, 1);
            out.elementBinary(spec.name);
            out.fieldI32(4, static_cast<std::int32_t>(m_options.codec));
            out.fieldI64(5, chunk.valueCount);
            out.fieldI64(6, chunk.uncompressedSize);
            out.fieldI64(7, chunk.compressedSize);
            out.fieldI64(9, chunk.dataPageOffset);
            if (chunk.dictionaryPageOffset)
                out.fieldI64(11, *chunk.dictionaryPageOffset);
            out.beginStructField(12);
            out.fieldI64(3, static_cast<std::int64_t>(chunk.statistics.nullCount));
            if (chunk.statistics.hasBounds) {
                out.fieldBinary(5, plainMaximum(chunk.statistics, spec));
                out.fieldBinary(6, plainMinimum(chunk.statistics, spec));
            }
            if (spec.type == ColumnType::Double)
                out.fieldI64(9, static_cast<std::int64_t>(chunk.statistics.nanCount));
            out.endStruct(); // statistics
            out.endStruct(); // meta_data
            out.endStruct(); // column chunk
        }
        out.fieldI64(2, uncompressed);
        out.fieldI64(3, group.rows);
        out.fieldI64(5, group.fileOffset);
        out.fieldI64(6, compressed);
        out.fieldI16(7, static_cast<std::int16_t>(g));
        out.endStruct();
    }
    out.fieldBinary(6, m_options.createdBy);
    out.beginListField(7, CompactWriter::Type::Struct, m_schema.size());
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        out.beginStructElement();
        out.beginStructField(1); // TYPE_ORDER
        out.endStruct();
        out.endStruct();
    }
    return out.finish();
}

Result<FileSummary> ParquetWriter::finish()
{
    if (m_finished || m_fd < 0)
        return makeError(ErrorKind::Invalid, "the Parquet file is already finished");
    m_finished = true;
    std::string tail = footer();
    const auto footerLength = static_cast<std::uint32_t>(tail.size());
    for (int i = 0; i < 4; ++i)
        tail.push_back(static_cast<char>((footerLength >> (8 * i)) & 0xFF));
    tail += kMagic;
    if (auto status = writeBytes(tail); !status)
        return status.error();
    if (m_options.sync && ::fsync(m_fd) != 0)
        return makeError(ErrorKind::Storage, systemError("cannot sync", m_path));
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return makeError(ErrorKind::Storage, systemError("cannot close", m_path));

    FileSummary summary;
    summary.bytes = m_offset;
    summary.rowGroups = static_cast<int>(m_rowGroups.size());
    for (const RowGroupLayout &group : m_rowGroups)
        summary.rows += group.rows;
    summary.columns = m_fileStatistics;
    return summary;
}

} // namespace lakeshore::sharing::parquet
