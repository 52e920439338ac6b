#include "sharing/parquet/rlehybrid.h"

namespace lakeshore::sharing::parquet {

namespace {

void appendVarint(std::string &out, std::uint64_t value)
{
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

// A bit-packed run of `groups` groups of 8 starting at values[begin]; values past the end read as 0.
void appendBitPacked(std::string &out, std::span<const std::uint32_t> values, std::size_t begin,
                     std::size_t groups, int bitWidth)
{
    appendVarint(out, (static_cast<std::uint64_t>(groups) << 1) | 1);
    std::uint64_t buffer = 0;
    int bits = 0;
    for (std::size_t i = begin; i < begin + groups * 8; ++i) {
        const std::uint64_t value = i < values.size() ? values[i] : 0;
        buffer |= value << bits;
        bits += bitWidth;
        while (bits >= 8) {
            out.push_back(static_cast<char>(buffer & 0xFF));
            buffer >>= 8;
            bits -= 8;
        }
    }
    // groups * 8 * bitWidth is a multiple of 8 bits: nothing is left over.
}

void appendRle(std::string &out, std::uint32_t value, std::size_t count, int bitWidth)
{
    appendVarint(out, static_cast<std::uint64_t>(count) << 1);
    for (int byte = 0; byte < (bitWidth + 7) / 8; ++byte)
        out.push_back(static_cast<char>((value >> (8 * byte)) & 0xFF));
}

} // namespace

int bitWidthFor(std::uint32_t maxValue)
{
    int width = 0;
    while (maxValue != 0) {
        ++width;
        maxValue >>= 1;
    }
    return width;
}

void appendRleHybrid(std::string &out, std::span<const std::uint32_t> values, int bitWidth)
{
    std::size_t i = 0;
    std::size_t packedStart = 0;
    std::size_t packedGroups = 0;
    auto flushPacked = [&] {
        if (packedGroups > 0)
            appendBitPacked(out, values, packedStart, packedGroups, bitWidth);
        packedGroups = 0;
    };
    while (i < values.size()) {
        std::size_t run = 1;
        while (i + run < values.size() && values[i + run] == values[i])
            ++run;
        if (run >= 8) {
            flushPacked();
            appendRle(out, values[i], run, bitWidth);
            i += run;
            continue;
        }
        if (packedGroups == 0)
            packedStart = i;
        ++packedGroups;
        i += 8;
    }
    flushPacked();
}

} // namespace lakeshore::sharing::parquet
