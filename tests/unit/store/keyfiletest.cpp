// The key file: created private and exact, reused as it is, and refused — never repaired or replaced —
// when it is the wrong size, open to others, or not a plain file; a different key cannot open secrets.
#include "storetesthelpers.h"

#include <QDir>
#include <QTest>

using namespace lakeshore;
using namespace storetest;

namespace {

sources::ConnectionSettings bearerCrm(const std::string &token)
{
    sources::ConnectionSettings settings;
    settings.service = sources::Service::Crm;
    settings.baseUrl = "https://org.crm.example.com/api/data/v9.2/";
    settings.auth.kind = http::AuthKind::Bearer;
    settings.auth.secret = token;
    return settings;
}

// Opens once so the database and key exist, then closes.
void createStore(const Paths &paths)
{
    auto store = open(paths);
    if (!store.ok())
        qFatal("could not create a store: %s", store.error().describe().c_str());
}

void verifyKeyRefused(const Paths &paths, const char *expectedWords)
{
    const QByteArray keyBefore = readBytes(paths.key);
    const unsigned modeBefore = fileMode(paths.key);
    auto store = open(paths);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().kind, ErrorKind::Storage);
    QVERIFY2(store.error().message.find(paths.key.toStdString()) != std::string::npos,
             store.error().message.c_str());
    QVERIFY2(store.error().message.find(expectedWords) != std::string::npos, store.error().message.c_str());
    QCOMPARE(readBytes(paths.key), keyBefore);
    QCOMPARE(fileMode(paths.key), modeBefore);
}

} // namespace

class KeyFileTest : public QObject
{
    Q_OBJECT

private slots:
    void keyIsCreatedPrivateAndExact()
    {
        Paths paths;
        createStore(paths);
        QCOMPARE(fileMode(paths.key), 0600u);
        QCOMPARE(readBytes(paths.key).size(), 32);
        QVERIFY(readBytes(paths.key) != QByteArray(32, '\0'));
    }

    void keyIsCreatedExactEvenUnderAStrictUmask()
    {
        Paths paths;
        const mode_t old = ::umask(0277);
        auto store = open(paths);
        ::umask(old);
        STORE_VERIFY_OK(store);
        QCOMPARE(fileMode(paths.key), 0600u);
        QCOMPARE(fileMode(paths.database), 0600u);
    }

    void existingKeyIsReused()
    {
        Paths paths;
        createStore(paths);
        const QByteArray key = readBytes(paths.key);
        createStore(paths);
        QCOMPARE(readBytes(paths.key), key);
    }

    void wrongSizeIsRefused_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("one short") << 31;
        QTest::newRow("one over") << 33;
        QTest::newRow("hex text of a key") << 64;
    }

    void wrongSizeIsRefused()
    {
        QFETCH(int, size);
        Paths paths;
        createStore(paths);
        QVERIFY(writeBytes(paths.key, QByteArray(size, 'k')));
        QVERIFY(::chmod(paths.key.toLocal8Bit().constData(), 0600) == 0);
        verifyKeyRefused(paths, "exactly 32 bytes");
    }

    void openToOthersIsRefused_data()
    {
        QTest::addColumn<unsigned>("mode");
        QTest::newRow("world-readable 0644") << 0644u;
        QTest::newRow("group-readable 0640") << 0640u;
        QTest::newRow("world-writable 0602") << 0602u;
    }

    void openToOthersIsRefused()
    {
        QFETCH(unsigned, mode);
        Paths paths;
        createStore(paths);
        QVERIFY(::chmod(paths.key.toLocal8Bit().constData(), mode) == 0);
        verifyKeyRefused(paths, "open to group or others");
    }

    void symlinkIsRefused()
    {
        Paths paths;
        createStore(paths);
        const QString real = paths.dir.filePath(QStringLiteral("real.key"));
        QVERIFY(QFile::rename(paths.key, real));
        QVERIFY(QFile::link(real, paths.key));
        auto store = open(paths);
        QVERIFY(!store.ok());
        QVERIFY2(store.error().message.find("symbolic link") != std::string::npos,
                 store.error().message.c_str());
        QVERIFY(QFileInfo(paths.key).isSymLink());
    }

    void folderIsRefused()
    {
        Paths paths;
        QVERIFY(QDir().mkpath(paths.key));
        auto store = open(paths);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().kind, ErrorKind::Storage);
        QVERIFY2(store.error().message.find("not a regular file") != std::string::npos,
                 store.error().message.c_str());
        QVERIFY(QFileInfo(paths.key).isDir());
    }

    void differentKeyCannotOpenSecrets()
    {
        Paths paths;
        {
            auto store = open(paths);
            STORE_VERIFY_OK(store);
            STORE_VERIFY_OK(store.value()->saveConnection(bearerCrm("token-under-key-one")));
        }
        // Another key file, as after restoring the database without its key.
        const QString otherKey = paths.dir.filePath(QStringLiteral("data/other.key"));
        auto store = open(paths.database, otherKey);
        STORE_VERIFY_OK(store);
        auto loaded = store.value()->connection(sources::Service::Crm);
        QVERIFY(!loaded.ok());
        const std::string &message = loaded.error().message;
        QCOMPARE(loaded.error().kind, ErrorKind::Storage);
        QVERIFY2(message.find("connection crm") != std::string::npos, message.c_str());
        QVERIFY(message.find(otherKey.toStdString()) != std::string::npos);
        QVERIFY(message.find("token-under-key-one") == std::string::npos);

        // Entering the secret again repairs the row under the new key.
        STORE_VERIFY_OK(store.value()->saveConnection(bearerCrm("token-under-key-two")));
        auto again = store.value()->connection(sources::Service::Crm);
        STORE_VERIFY_OK(again);
        QCOMPARE(again.value()->auth.secret, std::string("token-under-key-two"));
    }

    void missingKeyWithStoredSecretsIsAClearError()
    {
        Paths paths;
        {
            auto store = open(paths);
            STORE_VERIFY_OK(store);
            STORE_VERIFY_OK(store.value()->saveConnection(bearerCrm("lost-token")));
        }
        QVERIFY(QFile::remove(paths.key));
        auto store = open(paths);
        STORE_VERIFY_OK(store);
        auto loaded = store.value()->connection(sources::Service::Crm);
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.find("cannot be decrypted") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(KeyFileTest)
#include "keyfiletest.moc"
