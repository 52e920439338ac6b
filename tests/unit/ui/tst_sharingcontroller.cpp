// The Sharing screen behind the QML: SharingController with the real Session (settings store on its disk
// thread, demo tenant), its list models and the audit table under QAbstractItemModelTester, the share and
// recipient forms' live checks, tokens issued, rotated and revoked (the profile parses, names the
// endpoint, and the token never reaches the database file), the profile file's mode, and audit filters.
#include "demosession.h"
#include "sharingcontroller.h"
#include "sharingendpoint.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"
#include "tokenexpiry.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace lakeshore;

namespace {

constexpr int kDeadlineMs = 30000;
constexpr qint64 kDayMillis = 24LL * 3600 * 1000;

bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    const bool ok =
        sqlite3_open_v2(path.toLocal8Bit().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

class SharingControllerTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;

    QString databasePath() const { return m_dataDirectory.filePath(QStringLiteral("settings.sqlite3")); }

    // A second store over the same files, as lakeshore-server would open it.
    std::unique_ptr<store::SettingsStore> peekStore() const
    {
        auto opened = store::SettingsStore::open(
            databasePath().toStdString(),
            m_dataDirectory.filePath(QStringLiteral("settings.key")).toStdString());
        if (!opened)
            qFatal("cannot open the store: %s", opened.error().message.c_str());
        return std::move(opened).value();
    }

    static void loaded(SharingController &c)
    {
        c.load();
        QTRY_VERIFY_WITH_TIMEOUT(c.loaded() && !c.loading(), kDeadlineMs);
    }

    static bool waitFor(SharingController &c, QSignalSpy &spy)
    {
        return QTest::qWaitFor([&] { return !c.busy(); }, kDeadlineMs) && spy.count() > 0;
    }

    QString addShare(SharingController &c, const QString &name)
    {
        c.newShare();
        c.shareForm()->setName(name);
        QSignalSpy saved(&c, &SharingController::shareSaved);
        c.saveShare();
        if (!waitFor(c, saved))
            return {};
        return saved.first().first().toString();
    }

    QString addRecipient(SharingController &c, const QString &name, bool grantAll = true)
    {
        c.newRecipient();
        c.recipientForm()->setName(name);
        if (grantAll)
            for (int i = 0; i < c.recipientForm()->grants().size(); ++i)
                c.recipientForm()->setGranted(i, true);
        QSignalSpy saved(&c, &SharingController::recipientSaved);
        c.saveRecipient();
        if (!waitFor(c, saved))
            return {};
        return saved.first().first().toString();
    }

    // The profile of a token just issued or rotated, as a recipient's client would parse it.
    static QJsonObject issuedProfile(SharingController &c, const std::function<void()> &issue)
    {
        QSignalSpy issued(&c, &SharingController::profileIssued);
        issue();
        if (!waitFor(c, issued))
            return {};
        return QJsonDocument::fromJson(c.profile()->text().toUtf8()).object();
    }

    QByteArray databaseBytes() const
    {
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(databasePath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

private slots:
    void initTestCase()
    {
        m_session = startDemoSession(m_dataDirectory);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->ready() && m_session->hasSettingsStore(), kDeadlineMs);
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        m_session.reset();
    }

    void init()
    {
        QVERIFY(rawExec(databasePath(), "DELETE FROM audit_event; DELETE FROM recipient_token; "
                                        "DELETE FROM recipient_share; DELETE FROM recipient; "
                                        "DELETE FROM share_table; DELETE FROM share;"));
    }

    void tenantAndEndpoint()
    {
        QCOMPARE(m_session->sharingTenant(), QStringLiteral("demo"));
        SharingController c;
        QCOMPARE(c.tenant(), QStringLiteral("demo"));
        QCOMPARE(c.endpoint(), QStringLiteral("http://127.0.0.1:8080/delta-sharing/demo"));
        QCOMPARE(c.endpoint(), ui::defaultSharingEndpoint(QStringLiteral("demo")));
        QSignalSpy changed(&c, &SharingController::endpointChanged);
        c.setEndpoint(QStringLiteral("https://share.example.com/delta-sharing/demo"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(c.endpoint(), QStringLiteral("https://share.example.com/delta-sharing/demo"));
        c.resetEndpoint();
        QCOMPARE(c.endpoint(), ui::defaultSharingEndpoint(QStringLiteral("demo")));
        QCOMPARE(c.audit()->tenant(), QStringLiteral("demo"));
    }

    void createAndEditShare()
    {
        SharingController c;
        QAbstractItemModelTester shares(c.shares(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester recipients(c.recipients(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!c.canSave()); // not before the lists are read
        loaded(c);
        QVERIFY(c.canSave());
        QCOMPARE(c.shares()->count(), 0);

        c.newShare();
        ShareForm *form = c.shareForm();
        QCOMPARE(form->schema(), QStringLiteral("crm"));
        QCOMPARE(form->tables().size(), 6);
        QCOMPARE(form->includedCount(), 6);
        const QVariantMap accounts = form->tables().first().toMap();
        QCOMPARE(accounts.value(QStringLiteral("entity")).toString(), QStringLiteral("accounts"));
        QCOMPARE(accounts.value(QStringLiteral("name")).toString(), QStringLiteral("accounts"));
        QCOMPARE(accounts.value(QStringLiteral("label")).toString(), QStringLiteral("Accounts"));

        form->setName(QStringLiteral("sales"));
        form->setProperty("comment", QStringLiteral("for the analysts"));
        form->setIncluded(4, false); // conversations
        form->setIncluded(5, false); // cases
        form->setTableName(0, QStringLiteral("customers"));
        QSignalSpy saved(&c, &SharingController::shareSaved);
        c.saveShare();
        QVERIFY2(waitFor(c, saved), qPrintable(c.dialogError()));
        QCOMPARE(c.shares()->count(), 1);
        const QVariantMap row = c.shares()->get(0);
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("sales"));
        QCOMPARE(row.value(QStringLiteral("comment")).toString(), QStringLiteral("for the analysts"));
        QCOMPARE(row.value(QStringLiteral("tables")).toList().size(), 4);
        QVERIFY(c.message().contains(QStringLiteral("sales")));

        auto stored = store::SharingStore(*peekStore()).shares("demo");
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().size(), std::size_t(1));
        const auto &tables = stored.value().front().tables;
        QCOMPARE(tables.size(), std::size_t(4));
        QCOMPARE(tables.front(), (store::SharedTable{"crm", "activities", "activities"}));
        QVERIFY(std::find(tables.begin(), tables.end(), store::SharedTable{"crm", "customers", "accounts"}) !=
                tables.end());

        // Edited: the form holds what is stored, and saving replaces it.
        const QString id = row.value(QStringLiteral("shareId")).toString();
        QVERIFY(!c.editShare(QStringLiteral("nope")));
        QVERIFY(c.editShare(id));
        QCOMPARE(form->shareId(), id);
        QCOMPARE(form->name(), QStringLiteral("sales"));
        QCOMPARE(form->includedCount(), 4);
        QCOMPARE(form->tables().at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("customers"));
        form->setIncluded(5, true);
        saved.clear();
        c.saveShare();
        QVERIFY2(waitFor(c, saved), qPrintable(c.dialogError()));
        QCOMPARE(saved.first().first().toString(), id);
        QCOMPARE(c.shares()->get(0).value(QStringLiteral("tables")).toList().size(), 5);

        c.removeShare(id);
        QTRY_COMPARE_WITH_TIMEOUT(c.shares()->count(), 0, kDeadlineMs);
    }

    void badShareNamesAreNamed()
    {
        SharingController c;
        loaded(c);
        c.newShare();
        ShareForm *form = c.shareForm();
        QCOMPARE(form->nameProblem(), QString()); // nothing typed yet: no complaint
        QVERIFY(!form->valid());
        form->setName(QStringLiteral("sales team"));
        QVERIFY2(form->nameProblem().contains(QStringLiteral("may not contain spaces")),
                 qPrintable(form->nameProblem()));
        QVERIFY(!form->valid());
        c.saveShare();
        QCOMPARE(c.dialogError(), form->nameProblem());
        QVERIFY(!c.busy());

        form->setName(QStringLiteral("sales"));
        QCOMPARE(form->nameProblem(), QString());
        form->setTableName(1, QStringLiteral("crm.contacts"));
        const QString tableProblem = form->tables().at(1).toMap().value(QStringLiteral("problem")).toString();
        QVERIFY2(tableProblem.contains(QStringLiteral("may not contain '.'")), qPrintable(tableProblem));
        form->setTableName(1, QStringLiteral("ACCOUNTS"));
        QVERIFY(form->tables()
                    .at(1)
                    .toMap()
                    .value(QStringLiteral("problem"))
                    .toString()
                    .contains(QStringLiteral("Another table")));
        form->setIncluded(1, false); // an unticked table is not checked
        QVERIFY(form->valid());
        QSignalSpy saved(&c, &SharingController::shareSaved);
        c.saveShare();
        QVERIFY(waitFor(c, saved));

        // A name the tenant already uses: the store says so, in the dialog.
        c.newShare();
        form->setName(QStringLiteral("sales"));
        saved.clear();
        c.saveShare();
        QVERIFY(!waitFor(c, saved));
        QVERIFY2(c.dialogError().contains(QStringLiteral("already a share named")),
                 qPrintable(c.dialogError()));
        QCOMPARE(c.shares()->count(), 1);
    }

    void recipientWithABadCidrIsNotSaved()
    {
        SharingController c;
        loaded(c);
        const QString shareId = addShare(c, QStringLiteral("sales"));
        QVERIFY(!shareId.isEmpty());
        c.newRecipient();
        RecipientForm *form = c.recipientForm();
        QCOMPARE(form->grants().size(), 1);
        QCOMPARE(form->grants().first().toMap().value(QStringLiteral("granted")).toBool(), false);
        form->setName(QStringLiteral("Contoso analytics"));
        form->setAllowListText(QStringLiteral("203.0.113.0/24\n\n  10.0.0.0/33  \n"));
        QCOMPARE(form->allowListProblem(),
                 QStringLiteral("'10.0.0.0/33' is not an IP address or CIDR range (like 203.0.113.0/24)"));
        QSignalSpy saved(&c, &SharingController::recipientSaved);
        c.saveRecipient();
        QVERIFY(c.dialogError().contains(form->allowListProblem()));
        QVERIFY(!c.busy());
        QCOMPARE(saved.count(), 0);

        form->setAllowListText(QStringLiteral("203.0.113.7/24\n2001:db8::1"));
        QCOMPARE(form->allowListProblem(), QString());
        form->setGranted(0, true);
        c.saveRecipient();
        QVERIFY2(waitFor(c, saved), qPrintable(c.dialogError()));
        QCOMPARE(saved.first().at(1).toBool(), true); // created
        QCOMPARE(c.recipients()->count(), 1);
        const QVariantMap row = c.recipients()->get(0);
        QCOMPARE(row.value(QStringLiteral("allowList")).toStringList(),
                 (QStringList{QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8::1/128")}));
        QCOMPARE(row.value(QStringLiteral("shares")).toString(), QStringLiteral("sales"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("none"));
        QCOMPARE(row.value(QStringLiteral("statusText")).toString(), QStringLiteral("No token"));
        QCOMPARE(row.value(QStringLiteral("hasUsableToken")).toBool(), false);
        QCOMPARE(c.shares()->get(0).value(QStringLiteral("recipients")).toString(),
                 QStringLiteral("Contoso analytics"));

        // Edited: the allow-list comes back one per line, the grant ticked.
        QVERIFY(c.editRecipient(row.value(QStringLiteral("recipientId")).toString()));
        QCOMPARE(form->allowListText(), QStringLiteral("203.0.113.0/24\n2001:db8::1/128"));
        QCOMPARE(form->grantedCount(), 1);
        form->setName(QString());
        c.saveRecipient();
        QVERIFY(c.dialogError().contains(QStringLiteral("name")));
    }

    void issuedTokenProfileIsShownOnceAndNeverStored()
    {
        SharingController c;
        loaded(c);
        QVERIFY(!addShare(c, QStringLiteral("sales")).isEmpty());
        const QString id = addRecipient(c, QStringLiteral("Contoso"));
        QVERIFY(!id.isEmpty());

        const qint64 expiresAt = now() + 90 * kDayMillis;
        const QJsonObject profile = issuedProfile(c, [&] { c.issueToken(id, expiresAt); });
        QVERIFY2(!profile.isEmpty(), qPrintable(c.dialogError()));
        QCOMPARE(profile.value(QStringLiteral("shareCredentialsVersion")).toInt(), 1);
        QCOMPARE(profile.value(QStringLiteral("endpoint")).toString(), c.endpoint());
        const QString token = profile.value(QStringLiteral("bearerToken")).toString();
        QVERIFY(token.startsWith(QStringLiteral("lsk_")));
        QCOMPARE(token.size(), 47);
        const QDateTime expiration = QDateTime::fromString(
            profile.value(QStringLiteral("expirationTime")).toString(), Qt::ISODateWithMs);
        QVERIFY(expiration.isValid());
        QCOMPARE(expiration.toMSecsSinceEpoch(), expiresAt);
        QCOMPARE(c.profile()->recipientName(), QStringLiteral("Contoso"));
        QCOMPARE(c.profile()->oldTokensEndAt(), -1);
        QCOMPARE(c.profile()->rotationText(), QString());
        QCOMPARE(c.profile()->suggestedFileName(), QStringLiteral("contoso.share"));

        // The store knows the token by its hash only.
        const QByteArray stored = databaseBytes();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(token.toLatin1()));
        auto found = store::SharingStore(*peekStore()).findToken(token.toStdString());
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->recipient.name, std::string("Contoso"));

        const QVariantMap row = c.recipients()->get(0);
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(row.value(QStringLiteral("expiresAt")).toLongLong(), expiresAt);
        QVERIFY(row.value(QStringLiteral("tokenText"))
                    .toString()
                    .startsWith(QStringLiteral("Token works until")));
        QVERIFY(!row.value(QStringLiteral("tokenText")).toString().contains(token));

        // Saved as a file only its owner can read.
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("contoso.share"));
        QSignalSpy saved(c.profile(), &IssuedProfile::saved);
        c.profile()->saveAs(QUrl::fromLocalFile(path));
        QVERIFY(saved.wait(kDeadlineMs));
        QVERIFY2(saved.first().first().toBool(), qPrintable(saved.first().at(1).toString()));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther |
                                                  QFile::WriteOther | QFile::ExeOwner),
                 QFile::Permissions());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), c.profile()->text());
        QCOMPARE(folder.path(), QFileInfo(path).absolutePath());
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{QStringLiteral("contoso.share")});

        // A folder cannot be written to; the reason says so.
        saved.clear();
        c.profile()->saveAs(QUrl::fromLocalFile(folder.path()));
        QVERIFY(saved.wait(kDeadlineMs));
        QVERIFY(!saved.first().first().toBool());

        // Closing the dialog forgets it.
        c.profile()->forget();
        QVERIFY(!c.profile()->available());
        QCOMPARE(c.profile()->text(), QString());

        // Expiry in the past is refused by the store, in the dialog.
        c.issueToken(id, now() - 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QVERIFY2(c.dialogError().contains(QStringLiteral("in the future")), qPrintable(c.dialogError()));
        QVERIFY(!c.profile()->available());
    }

    void rotationShortensTheOldTokenAndRevocationEndsAll()
    {
        SharingController c;
        loaded(c);
        const QString id = addRecipient(c, QStringLiteral("Fabrikam"), false);
        QVERIFY(!id.isEmpty());
        const QString first = issuedProfile(c, [&] { c.issueToken(id, now() + 30 * kDayMillis); })
                                  .value(QStringLiteral("bearerToken"))
                                  .toString();
        QVERIFY(!first.isEmpty());

        // Rotation with a grace period of an hour: both work, the old one for an hour at most.
        const QJsonObject second =
            issuedProfile(c, [&] { c.rotateToken(id, now() + 90 * kDayMillis, 3600 * 1000); });
        const QString secondToken = second.value(QStringLiteral("bearerToken")).toString();
        QVERIFY(!secondToken.isEmpty() && secondToken != first);
        QVERIFY(c.profile()->oldTokensEndAt() > now());
        QVERIFY(c.profile()->rotationText().startsWith(QStringLiteral("The previous token works until")));
        {
            auto store = peekStore();
            auto old = store::SharingStore(*store).findToken(first.toStdString());
            QVERIFY(old.ok() && old.value());
            QVERIFY(old.value()->token.activeAt(now()));
            QVERIFY(old.value()->token.expiresAt <= now() + 3600 * 1000);
        }
        QVERIFY(!c.recipients()->get(0).value(QStringLiteral("olderToken")).toString().isEmpty());

        // A negative grace period would lengthen nothing: refused.
        c.rotateToken(id, now() + 90 * kDayMillis, -1);
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), kDeadlineMs);
        QVERIFY2(c.dialogError().contains(QStringLiteral("cannot be negative")), qPrintable(c.dialogError()));

        // Grace 0: the older tokens stop at once, the recipient stays active on the new one.
        const QString third = issuedProfile(c, [&] { c.rotateToken(id, now() + 90 * kDayMillis, 0); })
                                  .value(QStringLiteral("bearerToken"))
                                  .toString();
        QVERIFY(!third.isEmpty());
        QCOMPARE(c.profile()->oldTokensEndAt(), 0);
        QCOMPARE(c.profile()->rotationText(), QStringLiteral("The previous token stopped working."));
        {
            auto store = peekStore();
            store::SharingStore sharing(*store);
            for (const QString &old : {first, secondToken}) {
                auto found = sharing.findToken(old.toStdString());
                QVERIFY(found.ok() && found.value());
                QVERIFY(found.value()->token.revokedAt.has_value());
                QVERIFY(!found.value()->token.activeAt(now()));
            }
            auto current = sharing.findToken(third.toStdString());
            QVERIFY(current.ok() && current.value() && current.value()->token.activeAt(now()));
            QCOMPARE(store::recipientStatus(current.value()->recipient, now()),
                     store::RecipientStatus::Active);
        }
        QVariantMap row = c.recipients()->get(0);
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(row.value(QStringLiteral("olderToken")).toString(), QString());

        // Revoke: every token ends now.
        c.revokeRecipient(id);
        QTRY_COMPARE_WITH_TIMEOUT(c.recipients()->get(0).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("revoked"), kDeadlineMs);
        row = c.recipients()->get(0);
        QCOMPARE(row.value(QStringLiteral("statusText")).toString(), QStringLiteral("Revoked"));
        QCOMPARE(row.value(QStringLiteral("hasUsableToken")).toBool(), false);
        QVERIFY(
            row.value(QStringLiteral("tokenText")).toString().startsWith(QStringLiteral("Token revoked")));
        auto revoked = store::SharingStore(*peekStore()).findToken(third.toStdString());
        QVERIFY(revoked.ok() && revoked.value() && revoked.value()->token.revokedAt);
    }

    void expiringSoonIsShown()
    {
        SharingController c;
        loaded(c);
        const QString id = addRecipient(c, QStringLiteral("Soon"), false);
        QVERIFY(!issuedProfile(c, [&] { c.issueToken(id, now() + 2 * kDayMillis); }).isEmpty());
        QCOMPARE(c.recipients()->get(0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("expiring"));
        QCOMPARE(c.recipients()->get(0).value(QStringLiteral("statusText")).toString(),
                 QStringLiteral("Expiring"));
        c.removeRecipient(id);
        QTRY_COMPARE_WITH_TIMEOUT(c.recipients()->count(), 0, kDeadlineMs);
    }

    void tokenExpiryChoices()
    {
        TokenExpiry expiry;
        const QDateTime start = QDateTime::currentDateTime();
        QCOMPARE(expiry.days(), 90);
        QCOMPARE(expiry.problem(), QString());
        QCOMPARE(expiry.expiresAtFrom(start), start.addDays(90).toMSecsSinceEpoch());
        QVERIFY(expiry.summary().startsWith(QStringLiteral("Works until")));
        expiry.setDays(365);
        QCOMPARE(expiry.expiresAtFrom(start), start.addDays(365).toMSecsSinceEpoch());

        expiry.setDays(0);
        QCOMPARE(expiry.expiresAt(), 0);
        QVERIFY(expiry.problem().contains(QStringLiteral("YYYY-MM-DD")));
        expiry.setCustomDate(QStringLiteral("31st of never"));
        QVERIFY(expiry.problem().contains(QStringLiteral("is not a date")));
        expiry.setCustomDate(QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(expiry.problem(), QStringLiteral("The last day must be after today."));
        const QDate later = QDate::currentDate().addDays(10);
        expiry.setCustomDate(later.toString(Qt::ISODate));
        QCOMPARE(expiry.problem(), QString());
        QCOMPARE(expiry.expiresAt(), QDateTime(later, QTime(23, 59, 59, 999)).toMSecsSinceEpoch());

        expiry.reset();
        QCOMPARE(expiry.days(), 90);
        QCOMPARE(expiry.customDate(), QString());
    }

    void auditFiltersInTheModel()
    {
        SharingController c;
        AuditTableModel *audit = c.audit();
        QAbstractItemModelTester tester(audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(audit->columnCount(), static_cast<int>(AuditTableModel::ColumnCount));
        QCOMPARE(audit->headerData(AuditTableModel::BytesColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Bytes"));

        const qint64 t = now();
        auto event = [](qint64 at, const char *tenant, const char *recipientId, const char *name,
                        const char *endpoint, const char *table, int status) {
            store::AuditEvent e;
            e.at = at;
            e.tenant = tenant;
            e.recipientId = recipientId;
            e.recipientName = name;
            e.remoteAddress = "127.0.0.1";
            e.method = "GET";
            e.endpoint = endpoint;
            e.share = "sales";
            e.schema = table[0] ? "crm" : "";
            e.table = table;
            e.status = status;
            return e;
        };
        std::vector<store::AuditEvent> events = {
            event(t - 10 * kDayMillis, "demo", "r1", "Contoso", "list shares", "", 200),
            event(t - 2 * kDayMillis, "demo", "r1", "Contoso", "metadata", "accounts", 200),
            event(t - 2 * 3600 * 1000, "demo", "r2", "Fabrikam", "query", "contacts", 403),
            event(t - 60 * 1000, "demo", "r1", "Contoso", "query", "accounts", 200),
            event(t - 30 * 1000, "demo", "", "", "list shares", "", 401),
            event(t - 20 * 1000, "other.example.com", "r9", "Elsewhere", "query", "accounts", 200),
        };
        events[3].version = 7;
        events[3].files = 3;
        events[3].bytes = 2048;
        QVERIFY(store::SharingStore(*peekStore()).appendAudit(events).ok());

        QSignalSpy refreshed(audit, &AuditTableModel::refreshed);
        auto settle = [&] {
            QTRY_VERIFY_WITH_TIMEOUT(!audit->loading(), kDeadlineMs);
            QCOMPARE(audit->error(), QString());
        };
        audit->setRange(AuditTableModel::AllTime);
        settle();
        QCOMPARE(audit->count(), 5); // the other tenant's request is not listed
        QVERIFY(!audit->truncated());
        // Newest first.
        QCOMPARE(audit->get(0).value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(audit->data(audit->index(0, AuditTableModel::RecipientColumn)).toString(),
                 QStringLiteral("(no valid token)"));
        QCOMPARE(audit->data(audit->index(1, AuditTableModel::ObjectColumn)).toString(),
                 QStringLiteral("sales.crm.accounts"));
        QCOMPARE(audit->data(audit->index(1, AuditTableModel::VersionColumn)).toString(),
                 QStringLiteral("7"));
        QCOMPARE(audit->data(audit->index(1, AuditTableModel::FilesColumn)).toString(), QStringLiteral("3"));
        QCOMPARE(audit->data(audit->index(1, AuditTableModel::BytesColumn)).toString(),
                 QLocale().formattedDataSize(2048));
        QCOMPARE(audit->data(audit->index(1, AuditTableModel::StatusColumn)).toString(),
                 QStringLiteral("200"));
        QCOMPARE(audit->data(audit->index(0, 0), AuditTableModel::FailedRole).toBool(), true);
        QCOMPARE(audit->data(audit->index(1, 0), AuditTableModel::FailedRole).toBool(), false);
        QCOMPARE(
            audit->data(audit->index(1, AuditTableModel::FilesColumn), AuditTableModel::NumericRole).toBool(),
            true);

        audit->setRange(AuditTableModel::LastWeek);
        settle();
        QCOMPARE(audit->count(), 4);
        audit->setRange(AuditTableModel::LastDay);
        settle();
        QCOMPARE(audit->count(), 3);
        audit->setRange(AuditTableModel::LastHour);
        settle();
        QCOMPARE(audit->count(), 2);

        audit->setRange(AuditTableModel::AllTime);
        audit->setRecipientId(QStringLiteral("r1"));
        settle();
        QCOMPARE(audit->count(), 3);
        audit->setText(QStringLiteral("ACCOUNTS"));
        settle();
        QCOMPARE(audit->count(), 2);
        audit->setRecipientId(QString());
        audit->setText(QStringLiteral("contacts"));
        settle();
        QCOMPARE(audit->count(), 1);
        QCOMPARE(audit->get(0).value(QStringLiteral("recipientName")).toString(), QStringLiteral("Fabrikam"));
        audit->setText(QString());
        audit->setFailuresOnly(true);
        settle();
        QCOMPARE(audit->count(), 2);
        QVERIFY(refreshed.count() > 0);

        // More than the limit: the newest 500, and a flag to say so.
        std::vector<store::AuditEvent> many;
        for (int i = 0; i < AuditTableModel::kLimit + 20; ++i)
            many.push_back(event(t - 5000 - i, "demo", "r3", "Bulk", "file", "accounts", 200));
        QVERIFY(store::SharingStore(*peekStore()).appendAudit(many).ok());
        audit->setFailuresOnly(false);
        settle();
        QCOMPARE(audit->count(), AuditTableModel::kLimit);
        QVERIFY(audit->truncated());
        audit->setRecipientId(QStringLiteral("r2"));
        settle();
        QCOMPARE(audit->count(), 1);
        QVERIFY(!audit->truncated());
    }
};

QTEST_MAIN(SharingControllerTest)
#include "tst_sharingcontroller.moc"
