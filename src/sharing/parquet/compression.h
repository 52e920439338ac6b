// Page compression: the codecs Parquet readers everywhere understand, from Debian's libsnappy and
// libzstd. One Compressor per writer: it keeps the zstd context between pages.
#pragma once

#include "core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace lakeshore::sharing::parquet {

enum class Codec { Uncompressed = 0, Snappy = 1, Zstd = 6 }; // values are the format's codec codes

[[nodiscard]] const char *codecName(Codec codec);

class Compressor
{
public:
    explicit Compressor(Codec codec, int zstdLevel = 3);
    ~Compressor();
    Compressor(const Compressor &) = delete;
    Compressor &operator=(const Compressor &) = delete;

    [[nodiscard]] Codec codec() const { return m_codec; }
    // Replaces out with the compressed form of in (a copy for Uncompressed).
    [[nodiscard]] Status compress(std::string_view in, std::string &out);

private:
    Codec m_codec;
    int m_level;
    struct ZstdContext;
    std::unique_ptr<ZstdContext> m_zstd;
};

} // namespace lakeshore::sharing::parquet
