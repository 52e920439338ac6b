#include "session.h"

#include "core/workqueue.h"
#include "errortext.h"
#include "guithread.h"
#include "http/httpclient.h"
#include "sharing/snapshot/tablelayout.h"
#include "sources/account360.h"
#include "sources/erpconnector.h"
#include "store/paths.h"
#include "store/settingsstore.h"

#include <QVariantMap>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

Session *g_instance = nullptr;

sources::ConnectionSettings demoSettings(const demo::DemoTenant &tenant, sources::Service service)
{
    sources::ConnectionSettings settings;
    settings.service = service;
    settings.baseUrl = service == sources::Service::Crm ? tenant.crmServiceRoot() : tenant.erpServiceRoot();
    settings.auth = tenant.clientAuth();
    return settings;
}

} // namespace

Session::Session(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_http(std::make_unique<http::HttpClient>()),
      m_disk(std::make_unique<WorkQueue>())
{
    // Opening the store is the disk thread's first job, so every later job (a settings page loading
    // before start(), say) finds it open or knows why not.
    const std::string databasePath = settingsPath().toStdString();
    const std::string keyPath = databasePath.substr(0, databasePath.rfind('/')) + "/settings.key";
    m_disk->post([this, databasePath, keyPath] {
        auto opened = store::SettingsStore::open(databasePath, keyPath);
        if (opened)
            m_store = std::move(opened.value());
        else
            m_storeProblem = opened.error().message;
    });
}

Session::~Session()
{
    m_directoryCancel.cancel();
    m_http.reset(); // joins the I/O thread; pending callbacks are told they were cancelled
    m_disk.reset(); // finishes queued disk work while the store still exists
    m_store.reset();
    m_account360.reset();
    m_crm.reset();
    m_erp.reset();
    m_demoTenant.reset();
    if (g_instance == this)
        g_instance = nullptr;
}

void Session::setInstance(Session *session)
{
    g_instance = session;
}
Session *Session::instance()
{
    return g_instance;
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

QString Session::settingsPath() const
{
    const QString directory = m_options.dataDirectory.isEmpty()
                                  ? QString::fromStdString(store::defaultDataDirectory())
                                  : m_options.dataDirectory;
    return directory + QStringLiteral("/settings.sqlite3");
}

void Session::start()
{
    QPointer<Session> self(this);
    m_disk->post([this, self] {
        std::optional<sources::ConnectionSettings> crm, erp;
        std::string problem;
        bool custom = false;
        if (!m_store) {
            problem = m_storeProblem;
        } else {
            auto readCrm = m_store->connection(sources::Service::Crm);
            auto readErp = m_store->connection(sources::Service::Erp);
            auto mode = m_store->value("connections.mode");
            if (!readCrm)
                problem = readCrm.error().message;
            else if (!readErp)
                problem = readErp.error().message;
            else {
                crm = readCrm.value();
                erp = readErp.value();
            }
            // The demo tenant unless the user saved both connections and chose them.
            custom = mode && mode.value() && *mode.value() == "custom";
        }
        const bool storeOpen = m_store != nullptr;
        const LakehouseRead lakehouse = readLakehouse();
        postToGui(self, [=](Session *session) {
            session->m_storeOpen = storeOpen;
            session->setLakehouse(lakehouse);
            if (!problem.empty()) {
                session->m_settingsError =
                    tr("Lakeshore could not use its settings file %1: %2. The file was left as it is. You "
                       "are "
                       "working on the demo tenant; connection changes cannot be saved until the file is "
                       "repaired or moved away.")
                        .arg(session->settingsPath(), QString::fromStdString(problem));
                Q_EMIT session->settingsErrorChanged();
            }
            if (session->m_options.forceDemo || !custom || !problem.empty() || !crm || !erp)
                session->startDemo();
            else
                session->connectTo(*crm, *erp, false);
        });
    });
}

void Session::startDemo()
{
    if (m_demoTenant) {
        connectTo(demoSettings(*m_demoTenant, sources::Service::Crm),
                  demoSettings(*m_demoTenant, sources::Service::Erp), true);
        return;
    }
    QPointer<Session> self(this);
    const demo::DemoOptions options = m_options.demo;
    // Generating the world and binding the ports is kept off the GUI thread.
    m_disk->post([self, options] {
        auto started = demo::DemoTenant::start(options);
        // A shared holder carries the move-only tenant across threads.
        auto holder = std::make_shared<std::unique_ptr<demo::DemoTenant>>();
        std::string problem;
        if (started)
            *holder = std::move(started.value());
        else
            problem = started.error().message;
        postToGui(self, [holder, problem](Session *session) {
            if (!*holder) {
                session->setStartupError(
                    tr("The demo tenant could not start: %1").arg(QString::fromStdString(problem)));
                return;
            }
            session->m_demoTenant = std::move(*holder);
            session->connectTo(demoSettings(*session->m_demoTenant, sources::Service::Crm),
                               demoSettings(*session->m_demoTenant, sources::Service::Erp), true);
        });
    });
}

void Session::setStartupError(const QString &text)
{
    m_startupError = text;
    Q_EMIT startupErrorChanged();
}

void Session::connectTo(sources::ConnectionSettings crm, sources::ConnectionSettings erp, bool demo)
{
    m_usingDemo = demo;
    m_directoryCancel.cancel();
    m_crm = std::make_shared<sources::CrmConnector>(*m_http, std::move(crm));
    m_erp = std::make_shared<sources::ErpConnector>(*m_http, std::move(erp));
    m_account360 = std::make_shared<sources::Account360>(m_crm, m_erp);
    m_directory = {};
    Q_EMIT connectorsChanged();
    if (!m_ready) {
        m_ready = true;
        Q_EMIT readyChanged();
    }
    reloadDirectory();
}

void Session::applyConnections(std::optional<sources::ConnectionSettings> crm,
                               std::optional<sources::ConnectionSettings> erp)
{
    if (crm && erp) {
        connectTo(std::move(*crm), std::move(*erp), false);
        return;
    }
    startDemo();
}

QString Session::crmUrl() const
{
    return m_crm ? QString::fromStdString(m_crm->settings().baseUrl) : QString();
}
QString Session::erpUrl() const
{
    return m_erp ? QString::fromStdString(m_erp->settings().baseUrl) : QString();
}

QString Session::sharingTenant() const
{
    if (!m_crm)
        return {};
    if (m_usingDemo)
        return QString::fromLatin1(sharing::snapshot::kDemoTenant);
    return QString::fromStdString(sharing::snapshot::tenantForServiceRoot(m_crm->settings().baseUrl));
}

void Session::withStore(std::function<void(store::SettingsStore *)> job)
{
    m_disk->post([this, job = std::move(job)] { job(m_store.get()); });
}

Session::LakehouseRead Session::readLakehouse()
{
    if (!m_store)
        return std::optional<store::ChosenLakehouse>(); // Session says why the store is not open
    return m_store->chosenLakehouse();
}

void Session::setLakehouse(const LakehouseRead &read)
{
    std::optional<store::ChosenLakehouse> chosen;
    QString problem;
    if (read)
        chosen = read.value();
    else
        problem = QString::fromStdString(read.error().message);
    if (chosen == m_lakehouse && problem == m_lakehouseProblem)
        return;
    m_lakehouse = std::move(chosen);
    m_lakehouseProblem = problem;
    Q_EMIT lakehouseChanged();
}

void Session::reloadLakehouse()
{
    QPointer<Session> self(this);
    m_disk->post([this, self] {
        const LakehouseRead read = readLakehouse();
        postToGui(self, [read](Session *session) { session->setLakehouse(read); });
    });
}

void Session::reloadDirectory()
{
    if (!m_crm)
        return;
    m_directoryCancel.cancel();
    m_directoryCancel = CancelToken();
    m_directoryLoading = true;
    m_directoryError.clear();
    Q_EMIT directoryChanged();
    QPointer<Session> self(this);
    const CancelToken token = m_directoryCancel;
    m_crm->directory(token, [self, token](Result<sources::Directory> result) {
        postToGui(self, [token, result = std::move(result)](Session *session) {
            if (token.cancelled())
                return;
            session->m_directoryLoading = false;
            if (result)
                session->m_directory = result.value();
            else
                session->m_directoryError = ui::errorText(result.error(), tr("CRM"));
            Q_EMIT session->directoryChanged();
        });
    });
}

QVariantList Session::territories() const
{
    QVariantList list;
    for (const auto &territory : m_directory.territories)
        list.append(QVariantMap{{QStringLiteral("id"), QString::fromStdString(territory.id)},
                                {QStringLiteral("name"), QString::fromStdString(territory.name)},
                                {QStringLiteral("region"), QString::fromStdString(territory.region)}});
    return list;
}

QVariantList Session::owners() const
{
    QVariantList list;
    for (const auto &owner : m_directory.owners)
        list.append(QVariantMap{{QStringLiteral("id"), QString::fromStdString(owner.id)},
                                {QStringLiteral("name"), QString::fromStdString(owner.fullName)},
                                {QStringLiteral("title"), QString::fromStdString(owner.title)},
                                {QStringLiteral("isManager"), owner.isManager},
                                {QStringLiteral("territoryId"), QString::fromStdString(owner.territoryId)}});
    return list;
}

QString Session::territoryName(const QString &id) const
{
    const auto *territory = m_directory.territory(id.toStdString());
    return territory ? QString::fromStdString(territory->name) : QString();
}

QString Session::ownerName(const QString &id) const
{
    const auto *owner = m_directory.owner(id.toStdString());
    return owner ? QString::fromStdString(owner->fullName) : QString();
}
