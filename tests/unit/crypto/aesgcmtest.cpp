// AES-256-GCM sealing: round trips, the blob layout, and refusal of every damaged or mismatched blob.
#include "crypto/crypto.h"

#include <array>
#include <QTest>

using namespace lakeshore;

namespace {

using Key = std::array<std::uint8_t, 32>;

Key makeKey(std::uint8_t seed)
{
    Key key{};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(seed + i * 7);
    return key;
}

std::vector<std::uint8_t> seal(const Key &key, std::string_view plaintext, std::string_view aad)
{
    auto blob = crypto::sealAesGcm(key, plaintext, aad);
    if (!blob.ok())
        qFatal("seal failed: %s", blob.error().describe().c_str());
    return blob.value();
}

} // namespace

class AesGcmTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("token") << QByteArray("eyJhbGciOi.bearer-token") << QByteArray("connection:crm");
        QTest::newRow("empty plaintext") << QByteArray() << QByteArray("connection:erp");
        QTest::newRow("empty aad") << QByteArray("secret") << QByteArray();
        QTest::newRow("binary") << QByteArray("\0\1\2\xff\xfe", 5) << QByteArray("a\0b", 3);
        QTest::newRow("large") << QByteArray(100000, 'x') << QByteArray("big");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const Key key = makeKey(1);
        const auto blob = seal(key, plaintext.toStdString(), aad.toStdString());

        QCOMPARE(blob.size(), crypto::kAesGcmOverhead + std::size_t(plaintext.size()));
        QCOMPARE(blob[0], std::uint8_t(0x01));
        auto opened = crypto::openAesGcm(key, blob, aad.toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        QCOMPARE(QByteArray::fromStdString(opened.value()), plaintext);
    }

    void sealUsesFreshNonces()
    {
        const Key key = makeKey(2);
        const auto a = seal(key, "same", "same");
        const auto b = seal(key, "same", "same");
        QVERIFY(!std::equal(a.begin() + 1, a.begin() + 13, b.begin() + 1));
        QVERIFY(a != b);
    }

    void ciphertextDoesNotContainPlaintext()
    {
        const std::string secret = "plain-secret-value";
        const auto blob = seal(makeKey(3), secret, "connection:crm");
        const std::string raw(blob.begin(), blob.end());
        QVERIFY(raw.find(secret) == std::string::npos);
    }

    void everyFlippedBitIsRejected()
    {
        const Key key = makeKey(4);
        const std::string secret = "tamper-me";
        const auto blob = seal(key, secret, "connection:crm");
        // Covers the version byte, every nonce byte, every ciphertext byte and every tag byte.
        for (std::size_t i = 0; i < blob.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                auto damaged = blob;
                damaged[i] ^= static_cast<std::uint8_t>(1u << bit);
                auto opened = crypto::openAesGcm(key, damaged, "connection:crm");
                QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1 bit %2 accepted").arg(i).arg(bit)));
                QCOMPARE(opened.error().kind, ErrorKind::Storage);
                QVERIFY(opened.error().message.find(secret) == std::string::npos);
            }
        }
    }

    void wrongKeyIsRejected()
    {
        const auto blob = seal(makeKey(5), "secret", "connection:crm");
        auto opened = crypto::openAesGcm(makeKey(6), blob, "connection:crm");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::Storage);
    }

    void wrongAadIsRejected()
    {
        const Key key = makeKey(7);
        const auto blob = seal(key, "secret", "connection:crm");
        QVERIFY(!crypto::openAesGcm(key, blob, "connection:erp").ok());
        QVERIFY(!crypto::openAesGcm(key, blob, "").ok());
        QVERIFY(!crypto::openAesGcm(key, blob, "connection:crm ").ok());
    }

    void truncatedBlobsAreRejected()
    {
        const Key key = makeKey(8);
        // Every length too short to hold version, nonce and tag, as zeros and as prefixes of a real blob.
        const auto real = seal(key, "", "aad");
        QCOMPARE(real.size(), std::size_t(29));
        for (std::size_t length = 0; length < crypto::kAesGcmOverhead; ++length) {
            const std::vector<std::uint8_t> zeros(length, 0);
            const std::vector<std::uint8_t> prefix(real.begin(), real.begin() + std::ptrdiff_t(length));
            for (const auto &blob : {zeros, prefix}) {
                auto opened = crypto::openAesGcm(key, blob, "aad");
                QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("length %1 accepted").arg(length)));
                QCOMPARE(opened.error().kind, ErrorKind::Storage);
            }
        }
        // A longer blob cut short loses its tag.
        const auto longer = seal(key, "a longer secret", "aad");
        for (std::size_t length = 0; length < longer.size(); ++length) {
            const std::vector<std::uint8_t> prefix(longer.begin(), longer.begin() + std::ptrdiff_t(length));
            QVERIFY(!crypto::openAesGcm(key, prefix, "aad").ok());
        }
    }

    void garbageIsRejected()
    {
        const Key key = makeKey(9);
        for (std::size_t length : {29, 30, 64, 1000}) {
            auto noise = crypto::randomBytes(length);
            QVERIFY(noise.ok());
            noise.value()[0] = 0x01; // get past the version check to the tag check
            QVERIFY(!crypto::openAesGcm(key, noise.value(), "aad").ok());
        }
    }

    void unknownVersionIsRejected()
    {
        const Key key = makeKey(10);
        auto blob = seal(key, "secret", "aad");
        blob[0] = 0x02;
        auto opened = crypto::openAesGcm(key, blob, "aad");
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.find("version") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(AesGcmTest)
#include "aesgcmtest.moc"
