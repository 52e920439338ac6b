// SHA-256, HMAC-SHA256 (RFC 4231), HKDF-SHA256 (RFC 5869), random bytes, constant-time compare, wiping.
#include "crypto/crypto.h"

#include <QTest>

using namespace lakeshore;

namespace {

std::string text(const QByteArray &bytes)
{
    return bytes.toStdString();
}

std::vector<std::uint8_t> bytes(const QByteArray &data)
{
    return {data.begin(), data.end()};
}

QByteArray hex(std::span<const std::uint8_t> digest)
{
    return QByteArray::fromStdString(crypto::toHex(digest));
}

QByteArray repeated(char byte, int count)
{
    return QByteArray(count, byte);
}

QByteArray range(int first, int pastLast)
{
    QByteArray out;
    for (int b = first; b < pastLast; ++b)
        out.append(static_cast<char>(b));
    return out;
}

} // namespace

class DigestTest : public QObject
{
    Q_OBJECT

private slots:
    void sha256KnownAnswers()
    {
        QCOMPARE(hex(crypto::sha256("abc")),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(hex(crypto::sha256("")),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void hmacRfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected"); // hex, truncated where the RFC truncates

        QTest::newRow("case 1") << repeated('\x0b', 20) << QByteArray("Hi There")
                                << QByteArray(
                                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray(
                                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << repeated('\xaa', 20) << repeated('\xdd', 50)
                                << QByteArray(
                                       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 4") << range(1, 26) << repeated('\xcd', 50)
                                << QByteArray(
                                       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("case 5 (truncated)") << repeated('\x0c', 20) << QByteArray("Test With Truncation")
                                            << QByteArray("a3b6167473100ee06e0c796c2955552b");
        QTest::newRow("case 6") << repeated('\xaa', 131)
                                << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                << QByteArray(
                                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("case 7") << repeated('\xaa', 131)
                                << QByteArray(
                                       "This is a test using a larger than block-size key and a larger than "
                                       "block-size data. The key needs to be hashed before being used by the "
                                       "HMAC algorithm.")
                                << QByteArray(
                                       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    void hmacRfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);

        const auto keyBytes = bytes(key);
        const QByteArray fromSpan =
            hex(crypto::hmacSha256(std::span<const std::uint8_t>(keyBytes), text(data)));
        const QByteArray fromString = hex(crypto::hmacSha256(std::string_view(text(key)), text(data)));
        QCOMPARE(fromSpan.left(expected.size()), expected);
        QCOMPARE(fromString, fromSpan);
    }

    void hmacEmptyKeyAndData()
    {
        // Known answer for HMAC-SHA256 with an empty key over empty data.
        QCOMPARE(hex(crypto::hmacSha256(std::string_view(), std::string_view())),
                 QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }

    void hkdfRfc5869_data()
    {
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("case 1") << repeated('\x0b', 22) << range(0x00, 0x0d) << range(0xf0, 0xfa)
                                << QByteArray(
                                       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                       "34007208d5b887185865");
        QTest::newRow("case 2") << range(0x00, 0x50) << range(0x60, 0xb0) << range(0xb0, 0x100)
                                << QByteArray(
                                       "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                                       "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                                       "cc30c58179ec3e87c14c01d5c1f3434f1d87");
        QTest::newRow("case 3 (no salt, no info)")
            << repeated('\x0b', 22) << QByteArray() << QByteArray()
            << QByteArray(
                   "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    void hkdfRfc5869()
    {
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(QByteArray, expected);

        const auto ikmBytes = bytes(ikm);
        const auto saltBytes = bytes(salt);
        const std::string infoText = text(info);
        auto okm =
            crypto::hkdfSha256(ikmBytes, saltBytes, infoText, static_cast<std::size_t>(expected.size() / 2));
        QVERIFY2(okm.ok(), okm.ok() ? "" : okm.error().describe().c_str());
        QCOMPARE(hex(okm.value()), expected);
    }

    void hkdfRejectsBadArguments()
    {
        const std::vector<std::uint8_t> ikm(32, 7);
        QCOMPARE(crypto::hkdfSha256({}, {}, "x", 32).error().kind, ErrorKind::Invalid);
        QCOMPARE(crypto::hkdfSha256(ikm, {}, "x", 0).error().kind, ErrorKind::Invalid);
        QCOMPARE(crypto::hkdfSha256(ikm, {}, "x", 255 * 32 + 1).error().kind, ErrorKind::Invalid);
        QVERIFY(crypto::hkdfSha256(ikm, {}, "x", 255 * 32).ok());
    }

    void hkdfSeparatesByInfo()
    {
        const std::vector<std::uint8_t> master(32, 1);
        auto a = crypto::hkdfSha256(master, {}, "tenant:a", 32);
        auto b = crypto::hkdfSha256(master, {}, "tenant:b", 32);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value() != b.value());
    }

    void randomBytes()
    {
        auto none = crypto::randomBytes(0);
        QVERIFY(none.ok());
        QVERIFY(none.value().empty());

        auto a = crypto::randomBytes(32);
        auto b = crypto::randomBytes(32);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value().size(), std::size_t(32));
        QVERIFY(a.value() != b.value());
    }

    void constantTimeEqual()
    {
        QVERIFY(crypto::constantTimeEqual("", ""));
        QVERIFY(crypto::constantTimeEqual("token", "token"));
        QVERIFY(!crypto::constantTimeEqual("token", "tokem"));
        QVERIFY(!crypto::constantTimeEqual("token", "token "));
        QVERIFY(!crypto::constantTimeEqual("", "a"));
        QVERIFY(crypto::constantTimeEqual(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
        QVERIFY(!crypto::constantTimeEqual(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
    }

    void wipe()
    {
        std::vector<std::uint8_t> secret{1, 2, 3, 4};
        crypto::wipe(secret);
        QCOMPARE(secret, std::vector<std::uint8_t>(4, 0));
        crypto::wipe({}); // nothing to wipe is fine
    }
};

QTEST_APPLESS_MAIN(DigestTest)
#include "digesttest.moc"
