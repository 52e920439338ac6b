// Connections and preferences: round trips, secrets sealed at rest and bound to their row, and
// refusal of stored rows this build cannot accept.
#include "storetesthelpers.h"

#include <QTest>

using namespace lakeshore;
using namespace storetest;

Q_DECLARE_METATYPE(http::AuthKind)

namespace {

sources::ConnectionSettings sample(sources::Service service, http::AuthKind kind, const std::string &secret)
{
    sources::ConnectionSettings settings;
    settings.service = service;
    settings.baseUrl = service == sources::Service::Crm ? "https://org.crm.example.com/api/data/v9.2/"
                                                        : "https://erp.example.com/odata/v4/company('Lake')/";
    settings.auth.kind = kind;
    settings.timeoutMs = 20000;
    switch (kind) {
    case http::AuthKind::None:
        break;
    case http::AuthKind::Bearer:
        settings.auth.secret = secret;
        break;
    case http::AuthKind::Basic:
        settings.auth.username = "svc-lakeshore";
        settings.auth.secret = secret;
        break;
    case http::AuthKind::OAuth2ClientCredentials:
        settings.auth.clientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
        settings.auth.tokenUrl = "https://login.example.com/tenant/oauth2/v2.0/token";
        settings.auth.scope = "https://org.crm.example.com/.default";
        settings.auth.secret = secret;
        break;
    }
    return settings;
}

std::unique_ptr<store::SettingsStore> openOrDie(const Paths &paths)
{
    auto store = open(paths);
    if (!store.ok())
        qFatal("could not open the store: %s", store.error().describe().c_str());
    return std::move(store).value();
}

void saveOrDie(store::SettingsStore &store, const sources::ConnectionSettings &settings)
{
    auto saved = store.saveConnection(settings);
    if (!saved.ok())
        qFatal("could not save: %s", saved.error().describe().c_str());
}

// Writes a row the way an older, newer or tampered-with file might hold it, then reads it back.
Error loadAfterRawChange(const char *sql)
{
    Paths paths;
    auto store = openOrDie(paths);
    saveOrDie(*store, sample(sources::Service::Crm, http::AuthKind::Bearer, "raw-change-token"));
    if (!rawExec(paths.database, sql))
        qFatal("raw SQL failed: %s", sql);
    auto loaded = store->connection(sources::Service::Crm);
    if (loaded.ok())
        return makeError(ErrorKind::NotFound, "<the row was accepted>");
    return loaded.error();
}

} // namespace

class ConnectionsTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTripEveryAuthKind_data()
    {
        QTest::addColumn<http::AuthKind>("kind");
        QTest::addColumn<QString>("secret");
        QTest::newRow("none") << http::AuthKind::None << QString();
        QTest::newRow("bearer") << http::AuthKind::Bearer
                                << QStringLiteral("eyJhbGciOiJSUzI1NiJ9.payload.sig");
        QTest::newRow("basic") << http::AuthKind::Basic
                               << QStringLiteral("pa55 wörd'; DROP TABLE connection;--");
        QTest::newRow("oauth2") << http::AuthKind::OAuth2ClientCredentials
                                << QStringLiteral("client~secret.value");
    }

    void roundTripEveryAuthKind()
    {
        QFETCH(http::AuthKind, kind);
        QFETCH(QString, secret);
        Paths paths;
        const auto crm = sample(sources::Service::Crm, kind, secret.toStdString());
        const auto erp = sample(sources::Service::Erp, kind, secret.toStdString() + "-erp");
        {
            auto store = openOrDie(paths);
            saveOrDie(*store, crm);
            saveOrDie(*store, erp);
            auto loaded = store->connection(sources::Service::Crm);
            STORE_VERIFY_OK(loaded);
            QVERIFY(loaded.value().has_value());
            QVERIFY(*loaded.value() == crm);
        }
        // And from disk, in a new store.
        auto store = openOrDie(paths);
        auto loadedCrm = store->connection(sources::Service::Crm);
        auto loadedErp = store->connection(sources::Service::Erp);
        STORE_VERIFY_OK(loadedCrm);
        STORE_VERIFY_OK(loadedErp);
        QVERIFY(*loadedCrm.value() == crm);
        QVERIFY(*loadedErp.value() == erp);
        QCOMPARE(rawQueryText(paths.database, "SELECT auth_kind FROM connection WHERE service = 'crm'"),
                 QString::fromLatin1(http::authKindName(kind)));
    }

    void missingConnectionIsEmpty()
    {
        Paths paths;
        auto store = openOrDie(paths);
        auto loaded = store->connection(sources::Service::Erp);
        STORE_VERIFY_OK(loaded);
        QVERIFY(!loaded.value().has_value());
    }

    void saveReplacesAndRemoveDeletes()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, sample(sources::Service::Crm, http::AuthKind::Bearer, "first"));
        auto second = sample(sources::Service::Crm, http::AuthKind::Basic, "second");
        second.timeoutMs = store::kMaxTimeoutMs;
        saveOrDie(*store, second);
        auto loaded = store->connection(sources::Service::Crm);
        STORE_VERIFY_OK(loaded);
        QVERIFY(*loaded.value() == second);
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM connection"), QStringLiteral("1"));

        saveOrDie(*store, sample(sources::Service::Erp, http::AuthKind::None, ""));
        STORE_VERIFY_OK(store->removeConnection(sources::Service::Crm));
        auto removed = store->connection(sources::Service::Crm);
        STORE_VERIFY_OK(removed);
        QVERIFY(!removed.value().has_value());
        auto kept = store->connection(sources::Service::Erp);
        STORE_VERIFY_OK(kept);
        QVERIFY(kept.value().has_value());
        // Removing what is not there is fine.
        STORE_VERIFY_OK(store->removeConnection(sources::Service::Crm));
    }

    void emptySecretIsStoredAsNull()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, sample(sources::Service::Crm, http::AuthKind::Bearer, ""));
        QCOMPARE(rawQueryText(paths.database, "SELECT secret FROM connection"), QStringLiteral("<null>"));
        auto loaded = store->connection(sources::Service::Crm);
        STORE_VERIFY_OK(loaded);
        QCOMPARE(loaded.value()->auth.secret, std::string());
    }

    void secretIsNotOnDiskInClear()
    {
        const std::string secret = "CLEAR-TEXT-SECRET-7f3a9c";
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, sample(sources::Service::Crm, http::AuthKind::Bearer, secret));
        saveOrDie(*store, sample(sources::Service::Erp, http::AuthKind::Basic, secret));
        QCOMPARE(rawQueryText(paths.database, "SELECT typeof(secret) FROM connection WHERE service = 'crm'"),
                 QStringLiteral("blob"));

        const QByteArray needle = QByteArray::fromStdString(secret);
        // While open, the newest pages are in the write-ahead log; check it as well as the main file.
        const QString wal = paths.database + QStringLiteral("-wal");
        QVERIFY(QFile::exists(wal));
        QVERIFY(readBytes(wal).size() > 0);
        QVERIFY(!readBytes(wal).contains(needle));
        QVERIFY(!readBytes(paths.database).contains(needle));
        QVERIFY(!readBytes(paths.key).contains(needle));
        store.reset();
        QVERIFY(!readBytes(paths.database).contains(needle));
        QVERIFY(!QFile::exists(wal) || !readBytes(wal).contains(needle));
    }

    void saveRejectsTimeoutOutOfRange_data()
    {
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -1;
        QTest::newRow("just under") << store::kMinTimeoutMs - 1;
        QTest::newRow("just over") << store::kMaxTimeoutMs + 1;
    }

    void saveRejectsTimeoutOutOfRange()
    {
        QFETCH(int, timeoutMs);
        Paths paths;
        auto store = openOrDie(paths);
        auto settings = sample(sources::Service::Crm, http::AuthKind::None, "");
        settings.timeoutMs = timeoutMs;
        auto saved = store->saveConnection(settings);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, ErrorKind::Invalid);
        QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM connection"), QStringLiteral("0"));
    }

    void unacceptableStoredRowsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("expectedWords");
        QTest::newRow("unknown auth kind") << QByteArray("UPDATE connection SET auth_kind = 'kerberos'")
                                           << QByteArray("auth_kind 'kerberos'");
        QTest::newRow("empty auth kind")
            << QByteArray("UPDATE connection SET auth_kind = ''") << QByteArray("auth_kind");
        QTest::newRow("timeout too small")
            << QByteArray("UPDATE connection SET timeout_ms = 5") << QByteArray("timeout_ms 5 is outside");
        QTest::newRow("timeout too large") << QByteArray("UPDATE connection SET timeout_ms = 99999999999")
                                           << QByteArray("timeout_ms 99999999999 is outside");
        QTest::newRow("timeout as text") << QByteArray("UPDATE connection SET timeout_ms = 'soon'")
                                         << QByteArray("timeout_ms is not a whole number");
        QTest::newRow("secret as text") << QByteArray("UPDATE connection SET secret = 'raw-change-token'")
                                        << QByteArray("secret is not an encrypted value");
    }

    void unacceptableStoredRowsAreRefused()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, expectedWords);
        const Error error = loadAfterRawChange(sql.constData());
        QCOMPARE(error.kind, ErrorKind::Invalid);
        QVERIFY2(error.message.find("connection crm") != std::string::npos, error.message.c_str());
        QVERIFY2(error.message.find(expectedWords.toStdString()) != std::string::npos, error.message.c_str());
        QVERIFY(error.message.find("raw-change-token") == std::string::npos);
    }

    void damagedSecretsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("sql");
        // Flips the last byte (part of the GCM tag).
        QTest::newRow("tampered blob")
            << QByteArray("UPDATE connection SET secret = CAST(substr(secret, 1, length(secret) - 1) || "
                          "(CASE WHEN substr(secret, -1) = x'00' THEN x'01' ELSE x'00' END) AS BLOB)");
        QTest::newRow("truncated blob") << QByteArray("UPDATE connection SET secret = substr(secret, 1, 20)");
        QTest::newRow("empty blob") << QByteArray("UPDATE connection SET secret = x''");
    }

    void damagedSecretsAreRefused()
    {
        QFETCH(QByteArray, sql);
        const Error error = loadAfterRawChange(sql.constData());
        QCOMPARE(error.kind, ErrorKind::Storage);
        QVERIFY2(error.message.find("connection crm") != std::string::npos, error.message.c_str());
        QVERIFY(error.message.find("raw-change-token") == std::string::npos);
    }

    void secretsCannotMoveBetweenRows()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, sample(sources::Service::Crm, http::AuthKind::Bearer, "crm-token"));
        saveOrDie(*store, sample(sources::Service::Erp, http::AuthKind::Bearer, "erp-token"));
        QVERIFY(rawExec(paths.database,
                        "UPDATE connection SET secret = "
                        "(SELECT secret FROM connection WHERE service = 'erp') WHERE service = 'crm'"));
        auto crm = store->connection(sources::Service::Crm);
        QVERIFY(!crm.ok());
        QCOMPARE(crm.error().kind, ErrorKind::Storage);
        QVERIFY(crm.error().message.find("erp-token") == std::string::npos);
        auto erp = store->connection(sources::Service::Erp);
        STORE_VERIFY_OK(erp);
        QCOMPARE(erp.value()->auth.secret, std::string("erp-token"));
    }

    void preferences()
    {
        Paths paths;
        {
            auto store = openOrDie(paths);
            auto missing = store->value("ui.theme");
            STORE_VERIFY_OK(missing);
            QVERIFY(!missing.value().has_value());

            STORE_VERIFY_OK(store->setValue("ui.theme", "dark"));
            STORE_VERIFY_OK(store->setValue("ui.theme", "light"));
            STORE_VERIFY_OK(store->setValue("ui.empty", ""));
            STORE_VERIFY_OK(store->setValue("ui.quote", "it's \"quoted\"; --"));
            QCOMPARE(rawQueryText(paths.database, "SELECT count(*) FROM preference"), QStringLiteral("3"));
        }
        auto store = openOrDie(paths);
        QCOMPARE(store->value("ui.theme").value().value_or("<none>"), std::string("light"));
        QCOMPARE(store->value("ui.empty").value().value_or("<none>"), std::string());
        QCOMPARE(store->value("ui.quote").value().value_or("<none>"), std::string("it's \"quoted\"; --"));
    }

    void preferenceKeysAreChecked()
    {
        Paths paths;
        auto store = openOrDie(paths);
        QCOMPARE(store->setValue("", "x").error().kind, ErrorKind::Invalid);
        QCOMPARE(store->value("").error().kind, ErrorKind::Invalid);
        const std::string longKey(257, 'k');
        QCOMPARE(store->setValue(longKey, "x").error().kind, ErrorKind::Invalid);
        STORE_VERIFY_OK(store->setValue(std::string(256, 'k'), "x"));
    }
};

QTEST_APPLESS_MAIN(ConnectionsTest)
#include "connectionstest.moc"
