// Parquet's RLE / bit-packed hybrid encoding, used for definition levels and dictionary indices.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace lakeshore::sharing::parquet {

// Appends the runs for `values` (each < 2^bitWidth, bitWidth 1..32) to out: a run of 8 or more equal
// values starting on a group boundary becomes an RLE run, everything else bit-packed groups of 8; the
// last group is padded with zeros (readers know the value count).
void appendRleHybrid(std::string &out, std::span<const std::uint32_t> values, int bitWidth);

// Bits needed for values up to maxValue (0 for 0).
[[nodiscard]] int bitWidthFor(std::uint32_t maxValue);

} // namespace lakeshore::sharing::parquet
