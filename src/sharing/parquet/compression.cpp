#include "sharing/parquet/compression.h"

#include <snappy-c.h>
#include <zstd.h>

namespace lakeshore::sharing::parquet {

struct Compressor::ZstdContext
{
    ZSTD_CCtx *context = ZSTD_createCCtx();
    ~ZstdContext() { ZSTD_freeCCtx(context); }
};

const char *codecName(Codec codec)
{
    switch (codec) {
    case Codec::Uncompressed:
        return "uncompressed";
    case Codec::Snappy:
        return "snappy";
    case Codec::Zstd:
        return "zstd";
    }
    return "?";
}

Compressor::Compressor(Codec codec, int zstdLevel) : m_codec(codec), m_level(zstdLevel)
{
    if (codec == Codec::Zstd)
        m_zstd = std::make_unique<ZstdContext>();
}

Compressor::~Compressor() = default;

Status Compressor::compress(std::string_view in, std::string &out)
{
    switch (m_codec) {
    case Codec::Uncompressed:
        out.assign(in);
        return okStatus();
    case Codec::Snappy: {
        std::size_t length = snappy_max_compressed_length(in.size());
        out.resize(length);
        if (snappy_compress(in.data(), in.size(), out.data(), &length) != SNAPPY_OK)
            return makeError(ErrorKind::Invalid, "snappy could not compress a page");
        out.resize(length);
        return okStatus();
    }
    case Codec::Zstd: {
        if (m_zstd->context == nullptr)
            return makeError(ErrorKind::Invalid, "zstd could not allocate its context");
        out.resize(ZSTD_compressBound(in.size()));
        const std::size_t length =
            ZSTD_compressCCtx(m_zstd->context, out.data(), out.size(), in.data(), in.size(), m_level);
        if (ZSTD_isError(length))
            return makeError(ErrorKind::Invalid,
                             std::string("zstd could not compress a page: ") + ZSTD_getErrorName(length));
        out.resize(length);
        return okStatus();
    }
    }
    return makeError(ErrorKind::Invalid, "unknown codec");
}

} // namespace lakeshore::sharing::parquet
