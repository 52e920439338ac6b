// The byte-level encoders under the Parquet writer: Thrift compact structs and the RLE / bit-packed
// hybrid, checked against hand-worked bytes and a decoder written here from the format's description.
#include "sharing/parquet/rlehybrid.h"
#include "sharing/parquet/thriftcompact.h"

#include <QTest>
#include <random>

using namespace lakeshore::sharing::parquet;

namespace {

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), static_cast<int>(s.size()));
}

std::uint64_t readVarint(const std::string &in, std::size_t &pos)
{
    std::uint64_t value = 0;
    int shift = 0;
    while (true) {
        const auto byte = static_cast<std::uint8_t>(in.at(pos++));
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0)
            return value;
        shift += 7;
    }
}

// Decodes `count` values of the hybrid encoding.
std::vector<std::uint32_t> decodeHybrid(const std::string &in, int bitWidth, std::size_t count)
{
    std::vector<std::uint32_t> out;
    std::size_t pos = 0;
    while (out.size() < count) {
        const std::uint64_t header = readVarint(in, pos);
        if ((header & 1) == 0) {
            std::uint32_t value = 0;
            for (int b = 0; b < (bitWidth + 7) / 8; ++b)
                value |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in.at(pos++))) << (8 * b);
            out.insert(out.end(), header >> 1, value);
        } else {
            const std::size_t values = (header >> 1) * 8;
            std::uint64_t buffer = 0;
            int bits = 0;
            for (std::size_t i = 0; i < values; ++i) {
                while (bits < bitWidth) {
                    buffer |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in.at(pos++))) << bits;
                    bits += 8;
                }
                out.push_back(static_cast<std::uint32_t>(buffer & ((1ull << bitWidth) - 1)));
                buffer >>= bitWidth;
                bits -= bitWidth;
            }
        }
    }
    if (pos != in.size())
        throw std::runtime_error("trailing bytes after the runs");
    out.resize(count); // the last bit-packed group may be padded
    return out;
}

} // namespace

class ParquetEncodingTest : public QObject
{
    Q_OBJECT

private slots:
    // A one-column FileMetaData, worked by hand from the compact protocol's rules.
    void compactFileMetadata()
    {
        CompactWriter out;
        out.fieldI32(1, 1);
        out.beginListField(2, CompactWriter::Type::Struct, 2);
        out.beginStructElement();
        out.fieldBinary(4, "schema");
        out.fieldI32(5, 1);
        out.endStruct();
        out.beginStructElement();
        out.fieldI32(1, 2);
        out.fieldI32(3, 0);
        out.fieldBinary(4, "id");
        out.endStruct();
        out.fieldI64(3, 0);
        out.beginListField(4, CompactWriter::Type::Struct, 0);
        out.fieldBinary(6, "test");
        const QByteArray expected = QByteArray::fromHex("1502"
                                                        "192c"
                                                        "4806736368656d61"
                                                        "150200"
                                                        "1504250018026964"
                                                        "00"
                                                        "1600"
                                                        "190c"
                                                        "280474657374"
                                                        "00");
        QCOMPARE(bytes(out.finish()).toHex(), expected.toHex());
    }

    void compactLongFormsAndBooleans()
    {
        CompactWriter out;
        out.fieldBool(1, true);
        out.fieldBool(2, false);
        out.fieldI16(20, -1); // a jump of 18 ids: long form, id as a zigzag varint
        out.fieldI8(21, 64);
        out.fieldI64(22, -300);                               // zigzag 599 = 0xd7 0x04
        out.beginListField(23, CompactWriter::Type::I32, 20); // 15 or more elements: size in its own varint
        for (int i = 0; i < 20; ++i)
            out.elementI32(i);
        out.beginStructField(24);
        out.fieldI32(1, 7); // inner ids count from 0 again
        out.endStruct();
        out.fieldI32(25, 1); // and the outer level resumes from 24
        const std::string encoded = out.finish();
        QByteArray expected = QByteArray::fromHex("1112"
                                                  "042801"
                                                  "1340"
                                                  "16d704"
                                                  "19f514");
        for (int i = 0; i < 20; ++i)
            expected.append(static_cast<char>(i * 2)); // zigzag of small non-negatives, one byte each
        expected.append(QByteArray::fromHex("1c"
                                            "150e00"
                                            "1502"
                                            "00"));
        QCOMPARE(bytes(encoded).toHex(), expected.toHex());
    }

    void hybridRunsOfOnesAreOneRleRun()
    {
        std::vector<std::uint32_t> ones(1000, 1);
        std::string out;
        appendRleHybrid(out, ones, 1);
        QCOMPARE(bytes(out).toHex(), QByteArray("d00f01")); // varint(1000 << 1), value 1
    }

    void hybridShortInputIsPaddedBitPacking()
    {
        const std::vector<std::uint32_t> values{1, 0, 1, 1, 0};
        std::string out;
        appendRleHybrid(out, values, 1);
        QCOMPARE(bytes(out).toHex(), QByteArray("030d")); // one group of 8: bits 1,0,1,1,0 (+ 3 zero pads)
    }

    void hybridRoundTripsRandomData_data()
    {
        QTest::addColumn<int>("bitWidth");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("runBias");
        for (int width : {1, 2, 3, 5, 8, 9, 13, 16, 20, 32})
            for (int count : {0, 1, 7, 8, 9, 63, 1000})
                for (int bias : {0, 90})
                    QTest::addRow("w%d n%d r%d", width, count, bias) << width << count << bias;
    }

    void hybridRoundTripsRandomData()
    {
        QFETCH(int, bitWidth);
        QFETCH(int, count);
        QFETCH(int, runBias);
        std::mt19937 random(static_cast<unsigned>(bitWidth * 1000 + count + runBias));
        const std::uint64_t limit = bitWidth == 32 ? 0xFFFFFFFFull : (1ull << bitWidth) - 1;
        std::vector<std::uint32_t> values;
        for (int i = 0; i < count; ++i) {
            const bool repeat = !values.empty() && static_cast<int>(random() % 100) < runBias;
            values.push_back(repeat ? values.back() : static_cast<std::uint32_t>(random() % (limit + 1)));
        }
        std::string out;
        appendRleHybrid(out, values, bitWidth);
        QCOMPARE(decodeHybrid(out, bitWidth, values.size()), values);
    }

    void bitWidths()
    {
        QCOMPARE(bitWidthFor(0), 0);
        QCOMPARE(bitWidthFor(1), 1);
        QCOMPARE(bitWidthFor(2), 2);
        QCOMPARE(bitWidthFor(255), 8);
        QCOMPARE(bitWidthFor(256), 9);
        QCOMPARE(bitWidthFor(0xFFFFFFFFu), 32);
    }
};

QTEST_APPLESS_MAIN(ParquetEncodingTest)
#include "parquetencodingtest.moc"
