// The running app's connections: the HTTP client, the settings store (on its own disk thread), the
// embedded demo tenant when it is in use, and the CRM/ERP connectors. One per process, shared with QML.
#pragma once

#include "demo/demotenant.h"
#include "sources/connectionsettings.h"
#include "sources/crmconnector.h"
#include "store/mcpsettings.h"

#include <memory>
#include <optional>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QVariantList>

namespace lakeshore {
class WorkQueue;
namespace http {
class HttpClient;
}
namespace store {
class SettingsStore;
}
namespace sources {
class ErpConnector;
class Account360;
} // namespace sources
} // namespace lakeshore

class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY connectorsChanged)
    Q_PROPERTY(QString crmUrl READ crmUrl NOTIFY connectorsChanged)
    Q_PROPERTY(QString erpUrl READ erpUrl NOTIFY connectorsChanged)
    // Whose CRM tables Sharing publishes: "demo" on the demo tenant, else named after the CRM's host.
    // Empty until connected.
    Q_PROPERTY(QString sharingTenant READ sharingTenant NOTIFY connectorsChanged)
    Q_PROPERTY(QString startupError READ startupError NOTIFY startupErrorChanged)
    Q_PROPERTY(QString settingsError READ settingsError NOTIFY settingsErrorChanged)
    Q_PROPERTY(QString settingsPath READ settingsPath CONSTANT)
    Q_PROPERTY(QVariantList territories READ territories NOTIFY directoryChanged)
    Q_PROPERTY(QVariantList owners READ owners NOTIFY directoryChanged)
    Q_PROPERTY(bool directoryLoading READ directoryLoading NOTIFY directoryChanged)
    Q_PROPERTY(QString directoryError READ directoryError NOTIFY directoryChanged)

public:
    struct Options
    {
        bool forceDemo = false;
        lakeshore::demo::DemoOptions demo;
        QString dataDirectory; // empty = the user's data folder
    };

    explicit Session(Options options, QObject *parent = nullptr);
    ~Session() override;

    // The instance QML gets; main() (or a test) makes it and keeps ownership.
    static void setInstance(Session *session);
    static Session *instance();
    static Session *create(QQmlEngine *, QJSEngine *);

    // Opens the settings store and connects (to the demo tenant when nothing is configured). Asynchronous.
    void start();

    [[nodiscard]] bool ready() const { return m_ready; }
    [[nodiscard]] bool demo() const { return m_usingDemo; }
    [[nodiscard]] QString crmUrl() const;
    [[nodiscard]] QString erpUrl() const;
    [[nodiscard]] QString sharingTenant() const;
    [[nodiscard]] QString startupError() const { return m_startupError; }
    [[nodiscard]] QString settingsError() const { return m_settingsError; }
    [[nodiscard]] QString settingsPath() const;
    [[nodiscard]] QVariantList territories() const;
    [[nodiscard]] QVariantList owners() const;
    [[nodiscard]] bool directoryLoading() const { return m_directoryLoading; }
    [[nodiscard]] QString directoryError() const { return m_directoryError; }

    Q_INVOKABLE void reloadDirectory();
    Q_INVOKABLE QString territoryName(const QString &id) const;
    Q_INVOKABLE QString ownerName(const QString &id) const;

    // For the feature controllers (GUI thread only).
    [[nodiscard]] lakeshore::http::HttpClient &http() { return *m_http; }
    [[nodiscard]] std::shared_ptr<lakeshore::sources::CrmConnector> crm() const { return m_crm; }
    [[nodiscard]] std::shared_ptr<lakeshore::sources::ErpConnector> erp() const { return m_erp; }
    [[nodiscard]] std::shared_ptr<lakeshore::sources::Account360> account360() const { return m_account360; }
    [[nodiscard]] lakeshore::demo::DemoTenant *demoTenant() const { return m_demoTenant.get(); }
    [[nodiscard]] bool hasSettingsStore() const { return m_storeOpen; }
    [[nodiscard]] const lakeshore::demo::DemoOptions &demoOptions() const { return m_options.demo; }

    // The lakehouse connection chosen in Settings → Lakehouse (with its server and secrets), or none:
    // the demo tenant's lakehouse then. lakehouseProblem() says why a chosen one could not be read.
    [[nodiscard]] const std::optional<lakeshore::store::ChosenLakehouse> &chosenLakehouse() const
    {
        return m_lakehouse;
    }
    [[nodiscard]] QString lakehouseProblem() const { return m_lakehouseProblem; }
    // Reads the choice again (after Settings → Lakehouse wrote); lakehouseChanged() when it differs.
    void reloadLakehouse();

    // Runs job on the disk thread with the open store (nullptr when it could not be opened).
    void withStore(std::function<void(lakeshore::store::SettingsStore *)> job);

    // Replaces the connectors (after Settings → Connections was saved). Empty = back to the demo tenant.
    void applyConnections(std::optional<lakeshore::sources::ConnectionSettings> crm,
                          std::optional<lakeshore::sources::ConnectionSettings> erp);

Q_SIGNALS:
    void readyChanged();
    void connectorsChanged();
    void startupErrorChanged();
    void settingsErrorChanged();
    void directoryChanged();
    void lakehouseChanged();
    void worklistsChanged(); // a worklist definition was saved or removed (notifyWorklistsChanged)

public:
    // Whoever saved a worklist definition tells the screens that list them.
    void notifyWorklistsChanged() { Q_EMIT worklistsChanged(); }

private:
    using LakehouseRead = lakeshore::Result<std::optional<lakeshore::store::ChosenLakehouse>>;
    [[nodiscard]] LakehouseRead readLakehouse(); // disk thread
    void setLakehouse(const LakehouseRead &read);
    void connectTo(lakeshore::sources::ConnectionSettings crm, lakeshore::sources::ConnectionSettings erp,
                   bool demo);
    void startDemo();
    void setStartupError(const QString &text);

    Options m_options;
    std::unique_ptr<lakeshore::http::HttpClient> m_http;
    std::unique_ptr<lakeshore::WorkQueue> m_disk;
    std::unique_ptr<lakeshore::store::SettingsStore> m_store; // touched only on m_disk's thread
    std::string m_storeProblem;                               // why it could not be opened; disk thread too
    bool m_storeOpen = false;
    std::unique_ptr<lakeshore::demo::DemoTenant> m_demoTenant;
    std::shared_ptr<lakeshore::sources::CrmConnector> m_crm;
    std::shared_ptr<lakeshore::sources::ErpConnector> m_erp;
    std::shared_ptr<lakeshore::sources::Account360> m_account360;
    lakeshore::sources::Directory m_directory;
    lakeshore::CancelToken m_directoryCancel;
    bool m_ready = false;
    bool m_usingDemo = false;
    bool m_directoryLoading = false;
    QString m_directoryError;
    std::optional<lakeshore::store::ChosenLakehouse> m_lakehouse;
    QString m_lakehouseProblem;
    QString m_startupError;
    QString m_settingsError;
};
