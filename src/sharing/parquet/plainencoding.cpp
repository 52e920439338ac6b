#include "sharing/parquet/plainencoding.h"

namespace lakeshore::sharing::parquet {

namespace {

void appendBooleans(std::string &out, const Column &column, std::size_t begin, std::size_t end)
{
    std::uint8_t byte = 0;
    int bit = 0;
    for (std::size_t row = begin; row < end; ++row) {
        if (!column.present(row))
            continue;
        if (column.integer(row) != 0)
            byte |= static_cast<std::uint8_t>(1u << bit);
        if (++bit == 8) {
            out.push_back(static_cast<char>(byte));
            byte = 0;
            bit = 0;
        }
    }
    if (bit != 0)
        out.push_back(static_cast<char>(byte));
}

} // namespace

void appendPlainValues(std::string &out, const Column &column, PhysicalType type, std::size_t begin,
                       std::size_t end)
{
    switch (type) {
    case PhysicalType::Boolean:
        appendBooleans(out, column, begin, end);
        return;
    case PhysicalType::Int32:
        for (std::size_t row = begin; row < end; ++row)
            if (column.present(row))
                appendLittleEndian(
                    out, static_cast<std::uint32_t>(static_cast<std::int32_t>(column.integer(row))));
        return;
    case PhysicalType::Int64:
        for (std::size_t row = begin; row < end; ++row)
            if (column.present(row))
                appendLittleEndian(out, static_cast<std::uint64_t>(column.integer(row)));
        return;
    case PhysicalType::Double:
        for (std::size_t row = begin; row < end; ++row)
            if (column.present(row))
                appendDouble(out, column.real(row));
        return;
    case PhysicalType::ByteArray:
        for (std::size_t row = begin; row < end; ++row) {
            if (!column.present(row))
                continue;
            const std::string_view text = column.text(row);
            appendLittleEndian(out, static_cast<std::uint32_t>(text.size()));
            out.append(text);
        }
        return;
    }
}

} // namespace lakeshore::sharing::parquet
