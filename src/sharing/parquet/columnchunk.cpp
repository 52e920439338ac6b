#include "sharing/parquet/columnchunk.h"

#include "sharing/parquet/plainencoding.h"
#include "sharing/parquet/rlehybrid.h"
#include "sharing/parquet/thriftcompact.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace lakeshore::sharing::parquet {

namespace {

constexpr std::int32_t kDataPage = 0;
constexpr std::int32_t kDictionaryPage = 2;

std::size_t fixedWidth(PhysicalType type)
{
    switch (type) {
    case PhysicalType::Int32:
        return 4;
    case PhysicalType::Int64:
    case PhysicalType::Double:
        return 8;
    default:
        return 0;
    }
}

} // namespace

// Distinct values in first-seen order, and each row's index into them (0 for null rows).
struct ChunkEncoder::Dictionary
{
    std::vector<std::string_view> texts;
    std::vector<std::int64_t> integers;
    [[nodiscard]] std::size_t size() const { return std::max(texts.size(), integers.size()); }
};

bool ChunkEncoder::buildDictionary(const ColumnSpec &spec, const Column &column, std::size_t begin,
                                   std::size_t end, Dictionary &dictionary)
{
    const Storage storage = storageOf(spec.type);
    if (!m_options.dictionary || storage == Storage::Double || spec.type == ColumnType::Boolean)
        return false;
    m_indices.assign(end - begin, 0);
    std::size_t bytes = 0;
    std::size_t seen = 0;
    // Gives up as soon as the values look mostly distinct: a dictionary would only add work.
    auto worthIt = [&](std::size_t distinct) {
        if (distinct > m_options.maxDictionaryEntries || bytes > m_options.maxDictionaryBytes)
            return false;
        return seen < 1024 || distinct * 2 <= seen;
    };
    if (storage == Storage::Text) {
        std::unordered_map<std::string_view, std::uint32_t> index;
        for (std::size_t row = begin; row < end; ++row) {
            if (!column.present(row))
                continue;
            ++seen;
            const std::string_view text = column.text(row);
            auto [it, added] = index.try_emplace(text, static_cast<std::uint32_t>(dictionary.texts.size()));
            if (added) {
                dictionary.texts.push_back(text);
                bytes += text.size() + 4;
                if (!worthIt(dictionary.texts.size()))
                    return false;
            }
            m_indices[row - begin] = it->second;
        }
        return seen > 0 && dictionary.texts.size() * 2 <= seen;
    }
    std::unordered_map<std::int64_t, std::uint32_t> index;
    const std::size_t width = fixedWidth(physicalTypeOf(spec));
    for (std::size_t row = begin; row < end; ++row) {
        if (!column.present(row))
            continue;
        ++seen;
        auto [it, added] =
            index.try_emplace(column.integer(row), static_cast<std::uint32_t>(dictionary.integers.size()));
        if (added) {
            dictionary.integers.push_back(column.integer(row));
            bytes += width;
            if (!worthIt(dictionary.integers.size()))
                return false;
        }
        m_indices[row - begin] = it->second;
    }
    return seen > 0 && dictionary.integers.size() * 2 <= seen;
}

std::size_t ChunkEncoder::pageEnd(const Column &column, PhysicalType type, std::size_t begin,
                                  std::size_t end) const
{
    const std::size_t width = fixedWidth(type);
    if (type == PhysicalType::Boolean)
        return std::min(end, begin + m_options.pageBytes * 8);
    if (width != 0)
        return std::min(end, begin + std::max<std::size_t>(1, m_options.pageBytes / width));
    std::size_t bytes = 0;
    std::size_t row = begin;
    while (row < end && bytes < m_options.pageBytes) {
        bytes += 4 + column.text(row).size();
        ++row;
    }
    return row;
}

Status ChunkEncoder::appendPage(std::string &out, std::int32_t pageType, std::int32_t valueCount,
                                Encoding encoding, ChunkLayout &layout)
{
    if (m_body.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        return makeError(ErrorKind::TooLarge, "a Parquet page is larger than 2 GiB");
    if (auto status = m_compressor.compress(m_body, m_compressed); !status)
        return status;

    CompactWriter header;
    header.fieldI32(1, pageType);
    header.fieldI32(2, static_cast<std::int32_t>(m_body.size()));
    header.fieldI32(3, static_cast<std::int32_t>(m_compressed.size()));
    if (pageType == kDictionaryPage) {
        header.beginStructField(7);
        header.fieldI32(1, valueCount);
        header.fieldI32(2, static_cast<std::int32_t>(Encoding::Plain));
        header.endStruct();
    } else {
        header.beginStructField(5);
        header.fieldI32(1, valueCount);
        header.fieldI32(2, static_cast<std::int32_t>(encoding));
        header.fieldI32(3, static_cast<std::int32_t>(Encoding::Rle)); // definition levels
        header.fieldI32(4, static_cast<std::int32_t>(Encoding::Rle)); // repetition levels (none written)
        header.endStruct();
    }
    const std::string headerBytes = header.finish();
    out += headerBytes;
    out += m_compressed;
    layout.uncompressedSize += static_cast<std::int64_t>(headerBytes.size() + m_body.size());
    layout.compressedSize += static_cast<std::int64_t>(headerBytes.size() + m_compressed.size());
    return okStatus();
}

Result<ChunkLayout> ChunkEncoder::encode(const ColumnSpec &spec, const Column &column, std::size_t begin,
                                         std::size_t end, std::int64_t chunkStart, std::string &out)
{
    ChunkLayout layout;
    layout.valueCount = static_cast<std::int64_t>(end - begin);
    layout.statistics = ColumnStatistics::of(column, begin, end);
    const PhysicalType type = physicalTypeOf(spec);
    const std::size_t outStart = out.size();
    auto offsetNow = [&] { return chunkStart + static_cast<std::int64_t>(out.size() - outStart); };

    Dictionary dictionary;
    const bool useDictionary = buildDictionary(spec, column, begin, end, dictionary);
    if (useDictionary) {
        layout.dictionaryPageOffset = offsetNow();
        m_body.clear();
        if (storageOf(spec.type) == Storage::Text) {
            for (const std::string_view text : dictionary.texts) {
                appendLittleEndian(m_body, static_cast<std::uint32_t>(text.size()));
                m_body.append(text);
            }
        } else {
            for (const std::int64_t value : dictionary.integers) {
                if (type == PhysicalType::Int32)
                    appendLittleEndian(m_body, static_cast<std::uint32_t>(static_cast<std::int32_t>(value)));
                else
                    appendLittleEndian(m_body, static_cast<std::uint64_t>(value));
            }
        }
        if (auto status = appendPage(out, kDictionaryPage, static_cast<std::int32_t>(dictionary.size()),
                                     Encoding::Plain, layout);
            !status)
            return status.error();
        layout.encodings = {Encoding::Plain, Encoding::Rle, Encoding::RleDictionary};
    } else {
        layout.encodings = {Encoding::Plain, Encoding::Rle};
    }

    layout.dataPageOffset = offsetNow();
    const int indexWidth = std::max(
        1, bitWidthFor(static_cast<std::uint32_t>(dictionary.size() > 0 ? dictionary.size() - 1 : 0)));
    std::vector<std::uint32_t> pageIndices;
    for (std::size_t pageBegin = begin, pageStop = begin; pageBegin < end; pageBegin = pageStop) {
        pageStop = pageEnd(column, type, pageBegin, end);
        m_body.clear();
        if (spec.nullable) {
            m_levels.resize(pageStop - pageBegin);
            for (std::size_t row = pageBegin; row < pageStop; ++row)
                m_levels[row - pageBegin] = column.present(row) ? 1 : 0;
            m_body.append(4, '\0'); // length of the levels, filled in below
            appendRleHybrid(m_body, m_levels, 1);
            const auto levelBytes = static_cast<std::uint32_t>(m_body.size() - 4);
            std::string length;
            appendLittleEndian(length, levelBytes);
            m_body.replace(0, 4, length);
        }
        if (useDictionary) {
            pageIndices.clear();
            for (std::size_t row = pageBegin; row < pageStop; ++row)
                if (column.present(row))
                    pageIndices.push_back(m_indices[row - begin]);
            m_body.push_back(static_cast<char>(indexWidth));
            appendRleHybrid(m_body, pageIndices, indexWidth);
        } else {
            appendPlainValues(m_body, column, type, pageBegin, pageStop);
        }
        if (auto status = appendPage(out, kDataPage, static_cast<std::int32_t>(pageStop - pageBegin),
                                     useDictionary ? Encoding::RleDictionary : Encoding::Plain, layout);
            !status)
            return status.error();
    }
    return layout;
}

} // namespace lakeshore::sharing::parquet
