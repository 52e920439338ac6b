#include "crypto/encoding.h"

namespace lakeshore::crypto {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

std::string toHex(std::span<const std::uint8_t> bytes)
{
    std::string text;
    text.reserve(bytes.size() * 2);
    for (std::uint8_t byte : bytes) {
        text.push_back(kHexDigits[byte >> 4]);
        text.push_back(kHexDigits[byte & 0x0f]);
    }
    return text;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = hexValue(text[i]);
        const int low = hexValue(text[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return bytes;
}

std::string base64UrlEncode(std::span<const std::uint8_t> bytes)
{
    std::string text;
    text.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group =
            std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
        text.push_back(kBase64Url[group >> 18 & 0x3f]);
        text.push_back(kBase64Url[group >> 12 & 0x3f]);
        text.push_back(kBase64Url[group >> 6 & 0x3f]);
        text.push_back(kBase64Url[group & 0x3f]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t group = std::uint32_t(bytes[i]) << 16;
        text.push_back(kBase64Url[group >> 18 & 0x3f]);
        text.push_back(kBase64Url[group >> 12 & 0x3f]);
    } else if (rest == 2) {
        const std::uint32_t group = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8;
        text.push_back(kBase64Url[group >> 18 & 0x3f]);
        text.push_back(kBase64Url[group >> 12 & 0x3f]);
        text.push_back(kBase64Url[group >> 6 & 0x3f]);
    }
    return text;
}

std::string base64UrlEncode(std::string_view bytes)
{
    return base64UrlEncode(asBytes(bytes));
}

std::optional<std::vector<std::uint8_t>> base64UrlDecode(std::string_view text)
{
    // One leftover character would carry only 6 bits: not a whole byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(text.size() * 3 / 4);
    std::uint32_t accumulator = 0;
    int bits = 0;
    for (char c : text) {
        const int value = base64UrlValue(c);
        if (value < 0)
            return std::nullopt;
        accumulator = (accumulator << 6 | static_cast<std::uint32_t>(value)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<std::uint8_t>(accumulator >> bits & 0xff));
        }
    }
    if ((accumulator & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return bytes;
}

} // namespace lakeshore::crypto
