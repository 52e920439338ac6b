// PLAIN encoding: values back to back in little-endian, strings with a 4-byte length, booleans one
// bit each (LSB first). Appends to the page buffer.
#pragma once

#include "sharing/parquet/column.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

namespace lakeshore::sharing::parquet {

template <class Unsigned> void appendLittleEndian(std::string &out, Unsigned value)
{
    char bytes[sizeof(Unsigned)];
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(bytes, &value, sizeof bytes);
    } else {
        for (std::size_t i = 0; i < sizeof(Unsigned); ++i)
            bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    }
    out.append(bytes, sizeof bytes);
}

inline void appendDouble(std::string &out, double value)
{
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    appendLittleEndian(out, bits);
}

// The present values of rows [begin, end), in the column's physical type.
void appendPlainValues(std::string &out, const Column &column, PhysicalType type, std::size_t begin,
                       std::size_t end);

} // namespace lakeshore::sharing::parquet
