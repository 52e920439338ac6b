// Hex and unpadded base64url: known answers, round trips, and rejection of malformed text.
#include "crypto/crypto.h"

#include <QTest>

using namespace lakeshore;

class EncodingTest : public QObject
{
    Q_OBJECT

private slots:
    void hexKnownAnswers()
    {
        QCOMPARE(crypto::toHex({}), std::string());
        const std::vector<std::uint8_t> sample{0x00, 0x01, 0xab, 0xff};
        QCOMPARE(crypto::toHex(sample), std::string("0001abff"));
        QCOMPARE(crypto::fromHex("0001abff").value(), sample);
        QCOMPARE(crypto::fromHex("0001ABFF").value(), sample);
        QVERIFY(crypto::fromHex("").value().empty());
    }

    void hexRoundTrip()
    {
        std::vector<std::uint8_t> all(256);
        for (int i = 0; i < 256; ++i)
            all[std::size_t(i)] = static_cast<std::uint8_t>(i);
        QCOMPARE(crypto::fromHex(crypto::toHex(all)).value(), all);
    }

    void hexRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("odd length") << QByteArray("abc");
        QTest::newRow("non-hex letter") << QByteArray("0g");
        QTest::newRow("space") << QByteArray("00 11");
        QTest::newRow("prefix") << QByteArray("0x00");
        QTest::newRow("nul") << QByteArray("0\0", 2);
        QTest::newRow("high byte") << QByteArray("\xc3\xa9");
    }

    void hexRejectsBadInput()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!crypto::fromHex(text.toStdString()).has_value());
    }

    void base64UrlKnownAnswers_data()
    {
        // RFC 4648 §10 vectors, padding removed.
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    }

    void base64UrlKnownAnswers()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(QByteArray::fromStdString(crypto::base64UrlEncode(plain.toStdString())), encoded);
        const auto decoded = crypto::base64UrlDecode(encoded.toStdString());
        QVERIFY(decoded.has_value());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(decoded->data()), qsizetype(decoded->size())),
                 plain);
    }

    void base64UrlRoundTripEveryLength()
    {
        for (std::size_t length = 0; length < 70; ++length) {
            std::vector<std::uint8_t> data(length);
            for (std::size_t i = 0; i < length; ++i)
                data[i] = static_cast<std::uint8_t>(i * 37 + length);
            const std::string text = crypto::base64UrlEncode(data);
            QVERIFY(text.find_first_of("+/=") == std::string::npos);
            QCOMPARE(crypto::base64UrlDecode(text).value(), data);
        }
    }

    void base64UrlRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("standard alphabet plus") << QByteArray("+/+/");
        QTest::newRow("whitespace") << QByteArray("Zm9v Yg");
        QTest::newRow("newline") << QByteArray("Zm9v\n");
        QTest::newRow("one leftover char") << QByteArray("Zm9vY");
        QTest::newRow("single char") << QByteArray("Z");
        QTest::newRow("non-zero spare bits (2 chars)") << QByteArray("Zh");
        QTest::newRow("non-zero spare bits (3 chars)") << QByteArray("Zm9");
        QTest::newRow("nul") << QByteArray("Zg\0\0", 4);
        QTest::newRow("high byte") << QByteArray("Zm\xc3\xa9");
    }

    void base64UrlRejectsBadInput()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!crypto::base64UrlDecode(text.toStdString()).has_value());
    }
};

QTEST_APPLESS_MAIN(EncodingTest)
#include "encodingtest.moc"
