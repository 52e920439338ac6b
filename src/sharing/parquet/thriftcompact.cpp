#include "sharing/parquet/thriftcompact.h"

namespace lakeshore::sharing::parquet {

namespace {
constexpr std::uint8_t kBoolTrue = 1;
constexpr std::uint8_t kBoolFalse = 2;
} // namespace

void CompactWriter::varint(std::uint64_t value)
{
    while (value >= 0x80) {
        m_out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    m_out.push_back(static_cast<char>(value));
}

void CompactWriter::zigzag(std::int64_t value)
{
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

void CompactWriter::fieldHeader(int id, std::uint8_t type)
{
    const int delta = id - m_lastIds.back();
    if (delta > 0 && delta <= 15) {
        m_out.push_back(static_cast<char>((delta << 4) | type));
    } else {
        m_out.push_back(static_cast<char>(type));
        zigzag(id);
    }
    m_lastIds.back() = id;
}

void CompactWriter::fieldBool(int id, bool value)
{
    fieldHeader(id, value ? kBoolTrue : kBoolFalse);
}

void CompactWriter::fieldI8(int id, std::int8_t value)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::I8));
    m_out.push_back(static_cast<char>(value));
}

void CompactWriter::fieldI16(int id, std::int16_t value)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::I16));
    zigzag(value);
}

void CompactWriter::fieldI32(int id, std::int32_t value)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::I32));
    zigzag(value);
}

void CompactWriter::fieldI64(int id, std::int64_t value)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::I64));
    zigzag(value);
}

void CompactWriter::fieldBinary(int id, std::string_view value)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::Binary));
    elementBinary(value);
}

void CompactWriter::beginStructField(int id)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::Struct));
    m_lastIds.push_back(0);
}

void CompactWriter::endStruct()
{
    m_out.push_back(0); // STOP
    m_lastIds.pop_back();
}

void CompactWriter::beginListField(int id, Type elementType, std::size_t size)
{
    fieldHeader(id, static_cast<std::uint8_t>(Type::List));
    const auto type = static_cast<std::uint8_t>(elementType);
    if (size < 15) {
        m_out.push_back(static_cast<char>((size << 4) | type));
    } else {
        m_out.push_back(static_cast<char>(0xF0 | type));
        varint(size);
    }
}

void CompactWriter::elementI32(std::int32_t value)
{
    zigzag(value);
}

void CompactWriter::elementBinary(std::string_view value)
{
    varint(value.size());
    m_out.append(value);
}

void CompactWriter::beginStructElement()
{
    m_lastIds.push_back(0);
}

std::string CompactWriter::finish()
{
    m_out.push_back(0);
    m_lastIds.assign(1, 0);
    return std::move(m_out);
}

} // namespace lakeshore::sharing::parquet
