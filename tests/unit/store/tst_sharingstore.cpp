// The sharing tables of the settings store: shares and their tables, recipients with grants and IP
// allow-lists, tokens stored only as hashes, rotation that only shortens, revocation, the audit trail,
// and the change counter the share server polls. Real SQLite files in a temporary folder.
#include "store/sharingstore.h"
#include "storetesthelpers.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::store;

namespace {

constexpr std::int64_t kNow = 1800000000000;
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

Share crmShare(const std::string &name, const std::string &tenant = "demo")
{
    Share share;
    share.tenant = tenant;
    share.name = name;
    share.tables = {{"crm", "accounts", "accounts"}, {"crm", "contacts", "contacts"}};
    return share;
}

} // namespace

class SharingStoreTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_path;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<SharingStore> m_sharing;

private slots:
    void init()
    {
        m_path = m_dir.path() + "/s" + QString::number(++m_files) + ".sqlite3";
        auto opened = SettingsStore::open(m_path.toStdString(), (m_dir.path() + "/key").toStdString());
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        m_settings = std::move(opened).value();
        m_sharing = std::make_unique<SharingStore>(*m_settings);
    }

    void sharesRoundTrip()
    {
        auto id = m_sharing->saveShare(crmShare("sales"), kNow);
        QVERIFY(id);
        auto shares = m_sharing->shares("demo");
        QVERIFY(shares);
        QCOMPARE(shares.value().size(), 1u);
        const Share &share = shares.value()[0];
        QCOMPARE(share.id, id.value());
        QCOMPARE(share.createdAt, kNow);
        QCOMPARE(share.tables.size(), 2u);
        QCOMPARE(share.tables[1].entity, std::string("contacts"));

        Share edited = share;
        edited.tables = {{"service", "cases", "cases"}};
        edited.comment = "support data";
        QVERIFY(m_sharing->saveShare(edited, kNow + 5));
        auto after = m_sharing->shares();
        QVERIFY(after);
        QCOMPARE(after.value()[0].tables, edited.tables);
        QCOMPARE(after.value()[0].createdAt, kNow); // kept
        QVERIFY(m_sharing->shares("other").value().empty());
    }

    void badSharesAreRefused_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name") << 0 << "a name is needed";
        QTest::newRow("space") << 1 << "may not contain spaces";
        QTest::newRow("slash") << 2 << "may not contain spaces, '/'";
        QTest::newRow("dot in table") << 3 << "may not contain '.'";
        QTest::newRow("unknown entity") << 4 << "'invoices' is not a CRM table that can be shared";
        QTest::newRow("table twice") << 5 << "lists CRM.Accounts twice";
        QTest::newRow("name taken, other case") << 6 << "there is already a share named 'SALES'";
        QTest::newRow("long name") << 7 << "at most 255 characters";
        QTest::newRow("no tenant") << 8 << "belongs to a tenant";
        QTest::newRow("control character") << 9 << "control characters";
    }

    void badSharesAreRefused()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        QVERIFY(m_sharing->saveShare(crmShare("sales"), kNow));
        Share share = crmShare("other");
        switch (which) {
        case 0:
            share.name = "";
            break;
        case 1:
            share.name = "my share";
            break;
        case 2:
            share.name = "a/b";
            break;
        case 3:
            share.tables[0].name = "acc.ounts";
            break;
        case 4:
            share.tables[0].entity = "invoices";
            break;
        case 5:
            share.tables[1] = {"CRM", "Accounts", "contacts"};
            break;
        case 6:
            share.name = "SALES";
            break;
        case 7:
            share.name = std::string(256, 'a');
            break;
        case 8:
            share.tenant = "";
            break;
        case 9:
            share.name = "bad\x01name";
            break;
        }
        auto saved = m_sharing->saveShare(share, kNow);
        QVERIFY(!saved);
        QVERIFY2(QString::fromStdString(saved.error().message).contains(message),
                 saved.error().message.c_str());
        QCOMPARE(m_sharing->shares().value().size(), 1u); // nothing half-saved
    }

    void sameNameInAnotherTenantIsFine()
    {
        QVERIFY(m_sharing->saveShare(crmShare("sales", "a"), kNow));
        QVERIFY(m_sharing->saveShare(crmShare("sales", "b"), kNow));
    }

    void recipientsWithGrantsAndAllowLists()
    {
        const std::string share = m_sharing->saveShare(crmShare("sales"), kNow).value();
        Recipient recipient;
        recipient.tenant = "demo";
        recipient.name = "Acme analytics";
        recipient.ipAllowList = {"203.0.113.7", "10.1.2.3/8", "2001:db8::1/32"};
        recipient.shareIds = {share};
        auto id = m_sharing->saveRecipient(recipient, kNow);
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        auto all = m_sharing->recipients("demo");
        QVERIFY(all);
        QCOMPARE(all.value().size(), 1u);
        const Recipient &read = all.value()[0];
        QCOMPARE(read.shareIds, std::vector<std::string>{share});
        const std::vector<std::string> canonical = {"203.0.113.7/32", "10.0.0.0/8", "2001:db8::/32"};
        QCOMPARE(read.ipAllowList, canonical);
        QCOMPARE(recipientStatus(read, kNow), RecipientStatus::NoToken);

        // Removing the share removes the grant with it.
        QVERIFY(m_sharing->removeShare(share));
        QVERIFY(m_sharing->recipients().value()[0].shareIds.empty());
    }

    void badRecipientsAreRefused_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad address") << 0 << "'300.1.1.1' is not an IP address or CIDR range";
        QTest::newRow("prefix too long") << 1 << "'10.0.0.0/33' is not an IP address";
        QTest::newRow("junk after prefix") << 2 << "'10.0.0.0/8x' is not an IP address";
        QTest::newRow("empty name") << 3 << "1 to 255 characters";
        QTest::newRow("grant of another tenant") << 4 << "a granted share no longer exists";
        QTest::newRow("grant of nothing") << 5 << "a granted share no longer exists";
        QTest::newRow("name taken") << 6 << "there is already a recipient named";
    }

    void badRecipientsAreRefused()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        const std::string foreign = m_sharing->saveShare(crmShare("sales", "other"), kNow).value();
        Recipient first;
        first.tenant = "demo";
        first.name = "taken";
        QVERIFY(m_sharing->saveRecipient(first, kNow));
        Recipient recipient;
        recipient.tenant = "demo";
        recipient.name = "r";
        switch (which) {
        case 0:
            recipient.ipAllowList = {"300.1.1.1"};
            break;
        case 1:
            recipient.ipAllowList = {"10.0.0.0/33"};
            break;
        case 2:
            recipient.ipAllowList = {"10.0.0.0/8x"};
            break;
        case 3:
            recipient.name = "";
            break;
        case 4:
            recipient.shareIds = {foreign};
            break;
        case 5:
            recipient.shareIds = {"nope"};
            break;
        case 6:
            recipient.name = "TAKEN";
            break;
        }
        auto saved = m_sharing->saveRecipient(recipient, kNow);
        QVERIFY(!saved);
        QVERIFY2(QString::fromStdString(saved.error().message).contains(message),
                 saved.error().message.c_str());
        QCOMPARE(m_sharing->recipients().value().size(), 1u);
    }

    void tokensAreStoredOnlyAsHashes()
    {
        Recipient recipient;
        recipient.tenant = "demo";
        recipient.name = "r";
        const std::string id = m_sharing->saveRecipient(recipient, kNow).value();
        auto issued = m_sharing->issueToken(id, kNow + 30 * kDay, kNow);
        QVERIFY(issued);
        const std::string token = issued.value().bearerToken;
        QCOMPARE(token.size(), 47u);
        QVERIFY(token.rfind("lsk_", 0) == 0);

        auto found = m_sharing->findToken(token);
        QVERIFY(found && found.value());
        QCOMPARE(found.value()->recipient.id, id);
        QCOMPARE(found.value()->token.expiresAt, kNow + 30 * kDay);
        QVERIFY(found.value()->token.activeAt(kNow));
        QVERIFY(!found.value()->token.activeAt(kNow + 30 * kDay));

        // Neither the database nor its WAL holds the token's text.
        QVERIFY(m_settings.get());
        const QByteArray secretPart = QByteArray::fromStdString(token.substr(4));
        for (const QString &file : {m_path, m_path + "-wal"})
            QVERIFY2(!storetest::readBytes(file).contains(secretPart), qPrintable(file));

        for (const std::string &wrong : {std::string(), token.substr(0, 46), "lsk_" + std::string(43, 'A'),
                                         "Bearer " + token, token + " "}) {
            auto none = m_sharing->findToken(wrong);
            QVERIFY(none);
            QVERIFY(!none.value());
        }
        QVERIFY(!m_sharing->issueToken(id, kNow, kNow)); // expiry must be in the future
        QCOMPARE(m_sharing->issueToken("nope", kNow + kDay, kNow).error().kind, ErrorKind::NotFound);
    }

    void rotationOnlyShortens()
    {
        Recipient recipient;
        recipient.tenant = "demo";
        recipient.name = "r";
        const std::string id = m_sharing->saveRecipient(recipient, kNow).value();
        const auto longLived = m_sharing->issueToken(id, kNow + 90 * kDay, kNow).value();
        const auto shortLived = m_sharing->issueToken(id, kNow + 1 * kDay, kNow).value();

        // A 7-day grace: the 90-day token now ends in 7 days, the 1-day token keeps its 1 day.
        auto rotated = m_sharing->rotateToken(id, kNow + 60 * kDay, 7 * kDay, kNow);
        QVERIFY(rotated);
        QCOMPARE(m_sharing->findToken(longLived.bearerToken).value()->token.expiresAt, kNow + 7 * kDay);
        QCOMPARE(m_sharing->findToken(shortLived.bearerToken).value()->token.expiresAt, kNow + 1 * kDay);
        QCOMPARE(m_sharing->findToken(rotated.value().bearerToken).value()->token.expiresAt,
                 kNow + 60 * kDay);

        // Negative grace would lengthen nothing but is refused as meaningless.
        auto negative = m_sharing->rotateToken(id, kNow + 60 * kDay, -1, kNow);
        QVERIFY(!negative);
        QVERIFY(QString::fromStdString(negative.error().message).contains("only shorten"));

        // Grace 0: every older token is revoked at once.
        auto again = m_sharing->rotateToken(id, kNow + 60 * kDay, 0, kNow + 10);
        QVERIFY(again);
        QVERIFY(!m_sharing->findToken(rotated.value().bearerToken).value()->token.activeAt(kNow + 11));
        QVERIFY(m_sharing->findToken(again.value().bearerToken).value()->token.activeAt(kNow + 11));
        const Recipient read = m_sharing->recipients().value()[0];
        QCOMPARE(read.tokens.size(), 4u);
        QCOMPARE(read.tokens.front().id, again.value().tokenId); // newest first
        QCOMPARE(recipientStatus(read, kNow + 11), RecipientStatus::Active);
        QCOMPARE(recipientStatus(read, kNow + 55 * kDay), RecipientStatus::Expiring);
        QCOMPARE(recipientStatus(read, kNow + 61 * kDay), RecipientStatus::Expired);

        QVERIFY(m_sharing->revokeRecipient(id, kNow + 20));
        const Recipient revoked = m_sharing->recipients().value()[0];
        QCOMPARE(recipientStatus(revoked, kNow + 21), RecipientStatus::Revoked);
        QVERIFY(!m_sharing->findToken(again.value().bearerToken).value()->token.activeAt(kNow + 21));

        QVERIFY(m_sharing->removeRecipient(id));
        QVERIFY(!m_sharing->findToken(again.value().bearerToken).value()); // gone with the recipient
    }

    void auditAppendsAndFilters()
    {
        std::vector<AuditEvent> events;
        for (int i = 0; i < 30; ++i) {
            AuditEvent event;
            event.at = kNow + i;
            event.tenant = "demo";
            event.recipientId = i % 2 ? "r1" : "r2";
            event.recipientName = i % 2 ? "Acme" : "Globex";
            event.endpoint = i % 3 ? "query" : "list shares";
            event.share = "sales";
            event.table = i % 3 ? "accounts" : "";
            event.version = i % 3 ? std::optional<std::int64_t>(i) : std::nullopt;
            event.files = i;
            event.bytes = i * 1000;
            event.status = i % 5 == 0 ? 401 : 200;
            event.remoteAddress = "127.0.0.1";
            event.userAgent = "Delta-Sharing-Python/1.1.0";
            events.push_back(event);
        }
        QVERIFY(m_sharing->appendAudit(events));
        auto all = m_sharing->audit({});
        QVERIFY(all);
        QCOMPARE(all.value().size(), 30u);
        QCOMPARE(all.value().front().at, kNow + 29); // newest first
        AuditEvent expected = events[29];
        expected.id = all.value().front().id;
        QCOMPARE(all.value().front(), expected);

        AuditFilter byRecipient;
        byRecipient.recipientId = "r1";
        QCOMPARE(m_sharing->audit(byRecipient).value().size(), 15u);
        AuditFilter failures;
        failures.failuresOnly = true;
        QCOMPARE(m_sharing->audit(failures).value().size(), 6u);
        AuditFilter text;
        text.text = "GLOBEX";
        QCOMPARE(m_sharing->audit(text).value().size(), 15u);
        AuditFilter window;
        window.since = kNow + 10;
        window.until = kNow + 19;
        window.limit = 3;
        const auto windowed = m_sharing->audit(window).value();
        QCOMPARE(windowed.size(), 3u);
        QCOMPARE(windowed[0].at, kNow + 19);
        AuditFilter tooMany;
        tooMany.limit = 0;
        QVERIFY(!m_sharing->audit(tooMany));
    }

    void anotherConnectionsChangeIsSeen()
    {
        auto before = m_sharing->changeCounter();
        QVERIFY(before);
        QCOMPARE(m_sharing->changeCounter().value(), before.value()); // nothing changed
        // lakeshore-server and the GUI each open their own store over the same file.
        auto other = SettingsStore::open(m_path.toStdString(), (m_dir.path() + "/key").toStdString());
        QVERIFY(other);
        SharingStore otherSharing(*other.value());
        QVERIFY(otherSharing.saveShare(crmShare("sales"), kNow));
        auto after = m_sharing->changeCounter();
        QVERIFY(after);
        QVERIFY(after.value() != before.value());
        QVERIFY(m_sharing->saveShare(crmShare("more"), kNow));
        QVERIFY(m_sharing->changeCounter().value() != after.value()); // our own writes count too
    }

    void damagedAllowListIsAnErrorNotACrash()
    {
        Recipient recipient;
        recipient.tenant = "demo";
        recipient.name = "r";
        QVERIFY(m_sharing->saveRecipient(recipient, kNow));
        QVERIFY(storetest::rawExec(m_path, "UPDATE recipient SET ip_allow_list = '[\"not an ip\"]'"));
        auto read = m_sharing->recipients();
        QVERIFY(!read);
        QVERIFY2(QString::fromStdString(read.error().message).contains("ip_allow_list"),
                 read.error().message.c_str());
        QVERIFY(storetest::rawExec(m_path, "UPDATE recipient SET ip_allow_list = '{'"));
        QVERIFY(!m_sharing->recipients());
    }
};

QTEST_GUILESS_MAIN(SharingStoreTest)
#include "tst_sharingstore.moc"
