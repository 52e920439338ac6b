#include "shareservercontroller.h"

#include "core/canceltoken.h"
#include "core/workqueue.h"
#include "errortext.h"
#include "guithread.h"
#include "session.h"
#include "sharing/server/shareserver.h"
#include "sharing/snapshot/snapshotter.h"
#include "sharing/snapshot/tablelayout.h"

#include <chrono>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

using namespace lakeshore;
using lakeshore::ui::postToGui;

ShareServerController::ShareServerController(QObject *parent)
    : QObject(parent), m_tables(new TableStateModel(this)), m_preview(new PreviewModel(this)),
      m_work(std::make_unique<WorkQueue>())
{
    if (Session *session = Session::instance())
        connect(session, &Session::connectorsChanged, this, &ShareServerController::refreshTables);
    refreshTables();
}

ShareServerController::~ShareServerController()
{
    cancelPreview();
    m_schedule.reset(); // cancels a run in progress and waits for it
    m_snapshotter.reset();
    m_server.reset();
    m_work.reset();
}

QString ShareServerController::dataDirectory() const
{
    Session *session = Session::instance();
    return session ? QFileInfo(session->settingsPath()).absolutePath() : QString();
}

QString ShareServerController::tenant() const
{
    Session *session = Session::instance();
    return session ? session->sharingTenant() : QString();
}

void ShareServerController::setPort(int port)
{
    if (port == m_port || port < 1 || port > 65535 || running() || m_busy)
        return;
    m_port = port;
    Q_EMIT serverChanged();
}

void ShareServerController::setServerError(QString text)
{
    m_serverError = std::move(text);
    Q_EMIT serverChanged();
}

sharing::snapshot::Snapshotter *ShareServerController::snapshotter()
{
    Session *session = Session::instance();
    if (!session || !session->crm() || tenant().isEmpty())
        return nullptr;
    if (m_snapshotter && m_snapshotTenant == tenant())
        return m_snapshotter.get();
    m_schedule.reset(); // it runs the snapshotter it was made with
    sharing::snapshot::SnapshotOptions options;
    options.tablesRoot = sharing::snapshot::tablesRootIn(dataDirectory().toStdString());
    options.tenant = tenant().toStdString();
    m_snapshotter = std::make_unique<sharing::snapshot::Snapshotter>(session->crm(), options);
    m_snapshotTenant = tenant();
    return m_snapshotter.get();
}

void ShareServerController::start()
{
    if (running() || m_busy || tenant().isEmpty())
        return;
    m_busy = true;
    m_serverError.clear();
    Q_EMIT serverChanged();
    const std::string directory = dataDirectory().toStdString();
    sharing::server::ShareServerOptions options;
    options.port = m_port;
    options.tablesRoot = sharing::snapshot::tablesRootIn(directory);
    QPointer<ShareServerController> self(this);
    m_work->post([self, directory, options] {
        auto started = std::make_shared<Result<std::unique_ptr<sharing::server::ShareServer>>>(
            sharing::server::ShareServer::start(directory + "/settings.sqlite3", directory + "/settings.key",
                                                options));
        postToGui(self, [started](ShareServerController *controller) {
            controller->m_busy = false;
            if (!*started) {
                controller->setServerError(tr("The share server did not start: %1")
                                               .arg(QString::fromStdString(started->error().message)));
                return;
            }
            controller->m_server = std::move(started->value());
            controller->m_endpoint =
                QString::fromStdString(controller->m_server->endpoint(controller->tenant().toStdString()));
            Q_EMIT controller->serverChanged();
            if (auto *snapshotter = controller->snapshotter()) {
                QPointer<ShareServerController> again(controller);
                controller->m_schedule = std::make_unique<sharing::snapshot::SnapshotSchedule>(
                    *snapshotter, std::chrono::minutes(kCadenceMinutes),
                    [again](const sharing::snapshot::SnapshotReport &report) {
                        postToGui(again, [report](ShareServerController *c) { c->snapshotFinished(report); });
                    });
                controller->m_snapshotting = true;
                controller->m_snapshotMessage = tr("Publishing the CRM tables…");
                Q_EMIT controller->snapshotChanged();
            }
        });
    });
}

void ShareServerController::stop()
{
    if (!running() || m_busy)
        return;
    m_busy = true;
    Q_EMIT serverChanged();
    // Stopping waits for open connections and a snapshot in progress: not on the GUI thread.
    auto server = std::shared_ptr<sharing::server::ShareServer>(std::move(m_server));
    auto schedule = std::shared_ptr<sharing::snapshot::SnapshotSchedule>(std::move(m_schedule));
    QPointer<ShareServerController> self(this);
    m_work->post([self, server, schedule]() mutable {
        schedule.reset();
        server.reset();
        postToGui(self, [](ShareServerController *controller) {
            controller->m_busy = false;
            controller->m_endpoint.clear();
            Q_EMIT controller->serverChanged();
        });
    });
}

void ShareServerController::snapshotNow()
{
    if (m_snapshotting)
        return;
    auto *runner = snapshotter();
    if (!runner) {
        m_snapshotFailed = true;
        m_snapshotMessage = tr("There is no CRM connection to read the tables from.");
        Q_EMIT snapshotChanged();
        return;
    }
    m_snapshotting = true;
    m_snapshotFailed = false;
    m_snapshotMessage = tr("Publishing the CRM tables…");
    Q_EMIT snapshotChanged();
    if (m_schedule) {
        m_schedule->snapshotNow();
        return;
    }
    QPointer<ShareServerController> self(this);
    runner->run(CancelToken(), [self](sharing::snapshot::SnapshotReport report) {
        postToGui(self,
                  [report](ShareServerController *controller) { controller->snapshotFinished(report); });
    });
}

void ShareServerController::snapshotFinished(const sharing::snapshot::SnapshotReport &report)
{
    const QString at =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.finishedAt).time(), QLocale::ShortFormat);
    if (report.error) {
        m_snapshotFailed = true;
        m_snapshotMessage =
            tr("The snapshot did not run: %1").arg(QString::fromStdString(report.error->message));
    } else {
        QStringList failures;
        int published = 0;
        for (const auto &table : report.tables) {
            if (table.error)
                failures << QStringLiteral("%1: %2").arg(QString::fromStdString(table.entity),
                                                         QString::fromStdString(table.error->message));
            else
                ++published;
        }
        m_snapshotFailed = !failures.isEmpty();
        m_snapshotMessage = failures.isEmpty()
                                ? tr("Snapshot at %1: %n tables published.", "", published).arg(at)
                                : tr("Snapshot at %1: %2 published; failed: %3")
                                      .arg(at)
                                      .arg(published)
                                      .arg(failures.join(QStringLiteral("; ")));
    }
    // The snapshot counts as done once the tables it published show, so no one reads the old versions.
    refreshTablesThen([](ShareServerController *controller) {
        controller->m_snapshotting = false;
        Q_EMIT controller->snapshotChanged();
    });
}

void ShareServerController::refreshTables()
{
    refreshTablesThen({});
}

void ShareServerController::refreshTablesThen(std::function<void(ShareServerController *)> then)
{
    const std::string root = sharing::snapshot::tablesRootIn(dataDirectory().toStdString());
    const std::string tenantName = tenant().toStdString();
    if (tenantName.empty()) {
        if (then)
            then(this);
        return;
    }
    QPointer<ShareServerController> self(this);
    m_work->post([self, root, tenantName, then = std::move(then)] {
        auto states = std::make_shared<std::vector<sharing::snapshot::TableState>>(
            sharing::snapshot::tableStates(root, tenantName));
        postToGui(self, [states, then](ShareServerController *controller) {
            controller->m_tables->reset(*states);
            if (then)
                then(controller);
        });
    });
}

void ShareServerController::previewProfile(const QString &profileText, const QString &source)
{
    cancelPreview();
    m_previewSource = source;
    m_preview->reset({});
    auto profile = sharing::client::parseProfile(profileText.toStdString());
    Session *session = Session::instance();
    if (!profile || !session) {
        m_previewError = profile ? tr("The app is not ready yet.")
                                 : tr("This is not a usable config.share profile: %1")
                                       .arg(QString::fromStdString(profile.error().message));
        Q_EMIT previewChanged();
        return;
    }
    m_previewing = true;
    m_previewError.clear();
    Q_EMIT previewChanged();
    m_previewCancel = std::make_unique<CancelToken>();
    QPointer<ShareServerController> self(this);
    sharing::client::previewShares(
        session->http(), profile.value(), *m_previewCancel,
        [self](Result<sharing::client::SharePreview> result) {
            auto shared = std::make_shared<Result<sharing::client::SharePreview>>(std::move(result));
            postToGui(self, [shared](ShareServerController *controller) {
                controller->m_previewing = false;
                if (!*shared) {
                    if (shared->error().kind != ErrorKind::Cancelled)
                        controller->m_previewError =
                            lakeshore::ui::errorText(shared->error(), tr("The share server"));
                } else {
                    controller->m_preview->reset(shared->value().tables);
                }
                Q_EMIT controller->previewChanged();
            });
        });
}

void ShareServerController::previewFile(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QPointer<ShareServerController> self(this);
    m_previewing = true;
    m_previewError.clear();
    Q_EMIT previewChanged();
    m_work->post([self, path] {
        QFile in(path);
        const bool opened = in.open(QIODevice::ReadOnly);
        const QString text = opened && in.size() <= 1 << 20 ? QString::fromUtf8(in.readAll()) : QString();
        postToGui(self, [opened, text, path](ShareServerController *controller) {
            controller->m_previewing = false;
            if (!opened || text.isEmpty()) {
                controller->m_previewError = tr("Cannot read the profile %1.").arg(path);
                Q_EMIT controller->previewChanged();
                return;
            }
            controller->previewProfile(text, QFileInfo(path).fileName());
        });
    });
}

void ShareServerController::cancelPreview()
{
    if (m_previewCancel)
        m_previewCancel->cancel();
    m_previewCancel.reset();
    if (m_previewing) {
        m_previewing = false;
        Q_EMIT previewChanged();
    }
}
