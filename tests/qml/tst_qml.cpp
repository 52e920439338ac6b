// Runner for the Qt Quick tests: one ctest entry per tst_*.qml. Every test process runs the real
// Session on the embedded demo tenant (small world, fixed date) over loopback HTTP.
#include "demo/odataservice.h"
#include "session.h"

#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(LakeshorePlugin)

// Lets a QML test inject demo faults (HTTP errors, malformed replies) into the running demo tenant.
class DemoControl : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // service: "crm" or "erp"; specs as on the command line (see README), empty = no faults.
    Q_INVOKABLE QString setFaults(const QString &service, const QStringList &specs)
    {
        auto *tenant = Session::instance() ? Session::instance()->demoTenant() : nullptr;
        if (!tenant)
            return QStringLiteral("no demo tenant");
        std::vector<lakeshore::demo::Fault> faults;
        for (const QString &spec : specs) {
            auto fault = lakeshore::demo::parseFault(spec.toStdString());
            if (!fault)
                return QString::fromStdString(fault.error().message);
            faults.push_back(fault.value());
        }
        tenant->setFaults(service == QLatin1String("crm") ? lakeshore::demo::DemoService::Crm
                                                          : lakeshore::demo::DemoService::Erp,
                          std::move(faults));
        return {};
    }

    Q_INVOKABLE QString accountNumberIn(const QString &territory) const
    {
        auto *tenant = Session::instance() ? Session::instance()->demoTenant() : nullptr;
        if (!tenant)
            return {};
        const auto &world = tenant->world();
        std::string territoryId;
        for (const auto &t : world.territories())
            if (QString::fromStdString(t.name) == territory)
                territoryId = t.id;
        for (const auto &account : world.accounts())
            if (account.territoryId == territoryId && account.active)
                return QString::fromStdString(account.accountNumber);
        return {};
    }

    Q_INVOKABLE QString accountIdOf(const QString &number) const
    {
        auto *tenant = Session::instance() ? Session::instance()->demoTenant() : nullptr;
        if (!tenant)
            return {};
        const auto &world = tenant->world();
        auto index = world.findAccountByNumber(number.toStdString());
        return index ? QString::fromStdString(world.accounts()[*index].id) : QString();
    }
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        if (!m_session) {
            Session::Options options;
            options.forceDemo = true;
            options.demo.world.size = lakeshore::demo::WorldSize::Small;
            options.demo.world.today = lakeshore::domain::Date(2026, 11, 21);
            options.demo.maxPageSize = 20; // several pages even in the small world
            options.dataDirectory = m_dataDirectory.path();
            m_session = new Session(options, this);
            Session::setInstance(m_session);
            m_session->start();
        }
        qmlRegisterSingletonInstance("LakeshoreTest", 1, 0, "DemoControl", &m_control);
    }

    void cleanupTestCase()
    {
        Session::setInstance(nullptr);
        delete m_session;
        m_session = nullptr;
    }

private:
    QTemporaryDir m_dataDirectory;
    Session *m_session = nullptr;
    DemoControl m_control;
};

QUICK_TEST_MAIN_WITH_SETUP(lakeshore_qml, Setup)

#include "tst_qml.moc"
