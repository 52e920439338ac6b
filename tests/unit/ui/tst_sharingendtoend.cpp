// The sharing workflow end to end in the app on the demo tenant: an admin creates a share with the six
// CRM tables and a recipient, starts the share server (which publishes the tables from the demo CRM),
// issues a token, and hands its config.share profile to an independent Delta Sharing client
// (tests/peers/sharing-client.mjs: every list, metadata and query, every file read by hyparquet and
// DuckDB through the signed URLs). "Preview as recipient" shows the same tables; after "Revoke now" the
// very next request is refused. Also: a port already in use is a clear error.
#include "demosession.h"
#include "nodepeer.h"
#include "shareservercontroller.h"
#include "sharingcontroller.h"

#include <nlohmann/json.hpp>
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using nlohmann::json;

namespace {

constexpr int kDeadlineMs = 60000;

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool settled(SharingController &c, QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return !c.busy() && spy.count() > 0; }, kDeadlineMs);
}

json readAsRecipient(const QString &profilePath)
{
    QByteArray output;
    const QString error =
        testing::runPeerScript("sharing-client.mjs", {profilePath, "2"}, "hyparquet", output);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    return json::parse(output.toStdString());
}

} // namespace

class SharingEndToEndTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDirectory;
    std::unique_ptr<Session> m_session;

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

    void anAdminSharesAndARecipientReadsEveryTable()
    {
        SharingController sharing;
        sharing.load();
        QTRY_VERIFY_WITH_TIMEOUT(sharing.loaded(), kDeadlineMs);
        ShareServerController server;
        QAbstractItemModelTester tables(server.tables(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester preview(server.preview(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The server starts on the chosen port and publishes the six tables from the demo CRM at once.
        server.setPort(freePort());
        server.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.running() && !server.busy(), kDeadlineMs);
        QVERIFY2(server.serverError().isEmpty(), qPrintable(server.serverError()));
        QVERIFY(server.endpoint().endsWith(QStringLiteral("/delta-sharing/demo")));
        QTRY_VERIFY_WITH_TIMEOUT(!server.snapshotting(), kDeadlineMs);
        QVERIFY2(!server.snapshotFailed(), qPrintable(server.snapshotMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(server.tables()->rowCount(), 6, kDeadlineMs);
        std::map<std::string, qlonglong> rows;
        for (int i = 0; i < 6; ++i) {
            const QModelIndex index = server.tables()->index(i);
            QCOMPARE(index.data(TableStateModel::VersionRole).toLongLong(), 0);
            QVERIFY(index.data(TableStateModel::RowsRole).toLongLong() > 0);
            rows[index.data(TableStateModel::EntityRole).toString().toStdString()] =
                index.data(TableStateModel::RowsRole).toLongLong();
        }
        QVERIFY(server.tables()->summary(QStringLiteral("accounts")).startsWith(QStringLiteral("version 0")));
        sharing.setEndpoint(server.endpoint()); // as the page does while the server runs

        // A share of all six tables and a recipient granted it, with a token.
        sharing.newShare();
        sharing.shareForm()->setName(QStringLiteral("crm"));
        QSignalSpy shareSaved(&sharing, &SharingController::shareSaved);
        sharing.saveShare();
        QVERIFY2(settled(sharing, shareSaved), qPrintable(sharing.dialogError()));
        sharing.newRecipient();
        sharing.recipientForm()->setName(QStringLiteral("partner"));
        sharing.recipientForm()->setGranted(0, true);
        QSignalSpy recipientSaved(&sharing, &SharingController::recipientSaved);
        sharing.saveRecipient();
        QVERIFY2(settled(sharing, recipientSaved), qPrintable(sharing.dialogError()));
        const QString recipientId = recipientSaved.first().first().toString();
        QSignalSpy issued(&sharing, &SharingController::profileIssued);
        sharing.issueToken(recipientId, QDateTime::currentMSecsSinceEpoch() + 30LL * 24 * 3600 * 1000);
        QVERIFY2(settled(sharing, issued), qPrintable(sharing.message()));
        const QString profileText = sharing.profile()->text();
        QVERIFY(profileText.contains(server.endpoint()));

        // The recipient's client reads every table: all rows, by two Parquet readers.
        const QString profilePath = m_dataDirectory.filePath(QStringLiteral("partner.share"));
        QFile file(profilePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(profileText.toUtf8());
        file.close();
        const json seen = readAsRecipient(profilePath);
        QVERIFY2(seen["problems"].empty(), seen["problems"].dump().c_str());
        QVERIFY2(seen["shares"] == json::array({"crm"}), seen["shares"].dump().c_str());
        QCOMPARE(seen["tables"].size(), std::size_t(6));
        for (const json &table : seen["tables"]) {
            const std::string name = table["name"];
            QVERIFY2(table["hyparquetRows"] == rows[name] && table["duckdbRows"] == rows[name],
                     table.dump().c_str());
        }

        // Preview as recipient shows the same.
        server.previewProfile(profileText, QStringLiteral("partner"));
        QTRY_VERIFY_WITH_TIMEOUT(!server.previewing(), kDeadlineMs);
        QVERIFY2(server.previewError().isEmpty(), qPrintable(server.previewError()));
        QCOMPARE(server.preview()->rowCount(), 6);
        QCOMPARE(server.preview()->index(0).data(PreviewModel::RowsRole).toLongLong(), rows["accounts"]);

        // Revoked: refused on the very next request.
        QSignalSpy stateChanged(&sharing, &SharingController::stateChanged);
        sharing.revokeRecipient(recipientId);
        QVERIFY(QTest::qWaitFor([&] { return !sharing.busy() && stateChanged.count() > 0; }, kDeadlineMs));
        const json refused = readAsRecipient(profilePath);
        QVERIFY(!refused["problems"].empty());
        QVERIFY2(refused["problems"][0].get<std::string>().find("401") != std::string::npos,
                 refused["problems"].dump().c_str());
        server.previewProfile(profileText, QStringLiteral("partner"));
        QTRY_VERIFY_WITH_TIMEOUT(!server.previewing(), kDeadlineMs);
        QVERIFY(server.previewError().contains(QStringLiteral("revoked")));
        QCOMPARE(server.preview()->rowCount(), 0);

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!server.running() && !server.busy(), kDeadlineMs);
        QVERIFY(server.endpoint().isEmpty());
    }

    void aPortInUseIsAClearError()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        ShareServerController server;
        server.setPort(taken.serverPort());
        server.start();
        QTRY_VERIFY_WITH_TIMEOUT(!server.busy(), kDeadlineMs);
        QVERIFY(!server.running());
        QVERIFY2(server.serverError().contains(QString::number(taken.serverPort())),
                 qPrintable(server.serverError()));

        server.previewProfile(QStringLiteral("{not a profile"), QStringLiteral("x"));
        QVERIFY(server.previewError().contains(QStringLiteral("not a usable config.share profile")));
    }
};

QTEST_MAIN(SharingEndToEndTest)
#include "tst_sharingendtoend.moc"
