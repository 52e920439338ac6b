// The share server and the snapshotter as the Sharing screen runs them inside the app: start and stop the
// Delta Sharing server on this machine (plain HTTP on 127.0.0.1, the port chosen here), keep the tenant's
// tables fresh while it runs (every 15 minutes, and "Snapshot now"), show each table's published version,
// and "Preview as recipient": read the shares through the real protocol with a config.share profile.
// Disk and network work happens off the GUI thread; results come back to it.
#pragma once

#include "previewmodel.h"
#include "tablestatemodel.h"

#include <memory>
#include <functional>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>

namespace lakeshore {
class CancelToken;
class WorkQueue;
namespace sharing::server {
class ShareServer;
}
namespace sharing::snapshot {
class Snapshotter;
class SnapshotSchedule;
struct SnapshotReport;
} // namespace sharing::snapshot
} // namespace lakeshore

class ShareServerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool running READ running NOTIFY serverChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY serverChanged) // starting or stopping
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY serverChanged)
    Q_PROPERTY(QString endpoint READ endpoint NOTIFY serverChanged) // the tenant's, while running
    Q_PROPERTY(QString serverError READ serverError NOTIFY serverChanged)
    Q_PROPERTY(TableStateModel *tables READ tables CONSTANT)
    Q_PROPERTY(bool snapshotting READ snapshotting NOTIFY snapshotChanged)
    Q_PROPERTY(QString snapshotMessage READ snapshotMessage NOTIFY snapshotChanged)
    Q_PROPERTY(bool snapshotFailed READ snapshotFailed NOTIFY snapshotChanged)
    Q_PROPERTY(PreviewModel *preview READ preview CONSTANT)
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    Q_PROPERTY(QString previewError READ previewError NOTIFY previewChanged)
    Q_PROPERTY(QString previewSource READ previewSource NOTIFY previewChanged)

public:
    static constexpr int kDefaultPort = 8080;
    static constexpr int kCadenceMinutes = 15;

    explicit ShareServerController(QObject *parent = nullptr);
    ~ShareServerController() override;

    [[nodiscard]] bool running() const { return m_server != nullptr; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] int port() const { return m_port; }
    void setPort(int port);
    [[nodiscard]] QString endpoint() const { return m_endpoint; }
    [[nodiscard]] QString serverError() const { return m_serverError; }
    [[nodiscard]] TableStateModel *tables() const { return m_tables; }
    [[nodiscard]] bool snapshotting() const { return m_snapshotting; }
    [[nodiscard]] QString snapshotMessage() const { return m_snapshotMessage; }
    [[nodiscard]] bool snapshotFailed() const { return m_snapshotFailed; }
    [[nodiscard]] PreviewModel *preview() const { return m_preview; }
    [[nodiscard]] bool previewing() const { return m_previewing; }
    [[nodiscard]] QString previewError() const { return m_previewError; }
    [[nodiscard]] QString previewSource() const { return m_previewSource; }

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void snapshotNow();
    Q_INVOKABLE void refreshTables();
    // Reads the shares with a profile's token: a profile just issued (its text), or a config.share file.
    Q_INVOKABLE void previewProfile(const QString &profileText, const QString &source);
    Q_INVOKABLE void previewFile(const QUrl &file);
    Q_INVOKABLE void cancelPreview();

Q_SIGNALS:
    void serverChanged();
    void snapshotChanged();
    void previewChanged();

private:
    // Reads the tables' states on the work thread, shows them, then runs then (on the GUI thread).
    void refreshTablesThen(std::function<void(ShareServerController *)> then);
    [[nodiscard]] QString dataDirectory() const;
    [[nodiscard]] QString tenant() const;
    [[nodiscard]] lakeshore::sharing::snapshot::Snapshotter *snapshotter();
    void snapshotFinished(const lakeshore::sharing::snapshot::SnapshotReport &report);
    void setServerError(QString text);

    TableStateModel *m_tables;
    PreviewModel *m_preview;
    std::unique_ptr<lakeshore::WorkQueue> m_work; // server start/stop and table reads
    std::unique_ptr<lakeshore::sharing::server::ShareServer> m_server;
    std::unique_ptr<lakeshore::sharing::snapshot::Snapshotter> m_snapshotter;
    std::unique_ptr<lakeshore::sharing::snapshot::SnapshotSchedule> m_schedule;
    std::unique_ptr<lakeshore::CancelToken> m_previewCancel;
    QString m_snapshotTenant;
    int m_port = kDefaultPort;
    bool m_busy = false;
    QString m_endpoint;
    QString m_serverError;
    bool m_snapshotting = false;
    QString m_snapshotMessage;
    bool m_snapshotFailed = false;
    bool m_previewing = false;
    QString m_previewError;
    QString m_previewSource;
};
