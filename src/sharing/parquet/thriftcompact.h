// Thrift's compact protocol, write side only: the encoding of Parquet's footer and page headers.
// Fields must be written in ascending id order within a struct; nested structs keep their own
// last-field-id, so begin/end calls must pair up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::sharing::parquet {

class CompactWriter
{
public:
    enum class Type : std::uint8_t { I8 = 3, I16 = 4, I32 = 5, I64 = 6, Binary = 8, List = 9, Struct = 12 };

    void fieldBool(int id, bool value);
    void fieldI8(int id, std::int8_t value);
    void fieldI16(int id, std::int16_t value);
    void fieldI32(int id, std::int32_t value);
    void fieldI64(int id, std::int64_t value);
    void fieldBinary(int id, std::string_view value);

    // A struct-valued field: its fields follow, then endStruct().
    void beginStructField(int id);
    void endStruct();

    // A list-valued field: `size` elements follow, each written with the element calls below.
    void beginListField(int id, Type elementType, std::size_t size);
    void elementI32(std::int32_t value);
    void elementBinary(std::string_view value);
    void beginStructElement(); // then its fields, then endStruct()

    // The top-level struct needs no begin; finish() writes its STOP and hands the bytes over.
    [[nodiscard]] std::string finish();

private:
    void fieldHeader(int id, std::uint8_t type);
    void varint(std::uint64_t value);
    void zigzag(std::int64_t value);

    std::string m_out;
    std::vector<int> m_lastIds{0};
};

} // namespace lakeshore::sharing::parquet
