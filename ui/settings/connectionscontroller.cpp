#include "connectionscontroller.h"

#include "errortext.h"
#include "guithread.h"
#include "session.h"
#include "sources/crmconnector.h"
#include "sources/erpconnector.h"
#include "store/settingsstore.h"

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

struct Stored
{
    std::optional<sources::ConnectionSettings> crm;
    std::optional<sources::ConnectionSettings> erp;
    bool demo = true;
    std::string problem;
};

Stored readStored(store::SettingsStore *store)
{
    Stored stored;
    if (!store) {
        stored.problem = "the settings store is not open";
        return stored;
    }
    auto crm = store->connection(sources::Service::Crm);
    auto erp = store->connection(sources::Service::Erp);
    auto mode = store->value("connections.mode");
    if (!crm)
        stored.problem = crm.error().message;
    else if (!erp)
        stored.problem = erp.error().message;
    else if (!mode)
        stored.problem = mode.error().message;
    if (!stored.problem.empty())
        return stored;
    stored.crm = crm.value();
    stored.erp = erp.value();
    stored.demo = !mode.value() || *mode.value() != "custom" || !stored.crm || !stored.erp;
    return stored;
}

// What the GUI may hold: whether a secret exists, never the secret.
std::optional<sources::ConnectionSettings> masked(std::optional<sources::ConnectionSettings> settings)
{
    if (settings && !settings->auth.secret.empty())
        settings->auth.secret = "*";
    return settings;
}

std::string storedSecret(const std::optional<sources::ConnectionSettings> &settings)
{
    return settings ? settings->auth.secret : std::string();
}

} // namespace

ConnectionsController::ConnectionsController(QObject *parent)
    : QObject(parent), m_crm(new ConnectionForm(sources::Service::Crm, tr("CRM"), this)),
      m_erp(new ConnectionForm(sources::Service::Erp, tr("ERP"), this))
{
    if (Session *session = Session::instance())
        connect(session, &Session::readyChanged, this, &ConnectionsController::stateChanged);
}

ConnectionsController::~ConnectionsController()
{
    m_testCancel.cancel();
}

bool ConnectionsController::canSave() const
{
    const Session *session = Session::instance();
    return session && session->hasSettingsStore() && !m_busy;
}

void ConnectionsController::setMessage(QString text, bool isError)
{
    m_message = std::move(text);
    m_messageIsError = isError;
    Q_EMIT stateChanged();
}

void ConnectionsController::setBusy(bool busy)
{
    m_busy = busy;
    Q_EMIT stateChanged();
}

void ConnectionsController::load()
{
    Session *session = Session::instance();
    if (!session)
        return;
    setBusy(true);
    QPointer<ConnectionsController> self(this);
    session->withStore([self](store::SettingsStore *store) {
        Stored stored = readStored(store);
        stored.crm = masked(stored.crm);
        stored.erp = masked(stored.erp);
        postToGui(self, [stored](ConnectionsController *c) {
            c->m_busy = false;
            c->m_crm->load(stored.crm);
            c->m_erp->load(stored.erp);
            c->m_useDemo = stored.demo;
            Q_EMIT c->useDemoChanged();
            if (!stored.problem.empty())
                c->setMessage(tr("The saved connections could not be read: %1")
                                  .arg(QString::fromStdString(stored.problem)),
                              true);
            else
                c->setMessage({}, false);
        });
    });
}

void ConnectionsController::save()
{
    Session *session = Session::instance();
    if (!session || !canSave())
        return;
    if (!m_useDemo) {
        for (auto *form : {m_crm, m_erp}) {
            if (const QString problem = form->validate(); !problem.isEmpty()) {
                setMessage(problem, true);
                return;
            }
        }
    }
    setBusy(true);
    setMessage(tr("Saving…"), false);
    QPointer<ConnectionsController> self(this);
    // The forms are read here, on the GUI thread; only plain values cross to the disk thread.
    const bool useDemo = m_useDemo;
    const sources::ConnectionSettings crmTyped = m_crm->toSettings({});
    const sources::ConnectionSettings erpTyped = m_erp->toSettings({});
    const bool crmSecretTyped = !crmTyped.auth.secret.empty();
    const bool erpSecretTyped = !erpTyped.auth.secret.empty();
    session->withStore([self, useDemo, crmTyped, erpTyped, crmSecretTyped,
                        erpSecretTyped](store::SettingsStore *store) {
        std::string problem;
        sources::ConnectionSettings crm = crmTyped;
        sources::ConnectionSettings erp = erpTyped;
        if (!store) {
            problem = "the settings store is not open";
        } else if (!useDemo) {
            const Stored before = readStored(store);
            if (!crmSecretTyped && crm.auth.kind != http::AuthKind::None)
                crm.auth.secret = storedSecret(before.crm);
            if (!erpSecretTyped && erp.auth.kind != http::AuthKind::None)
                erp.auth.secret = storedSecret(before.erp);
            for (const auto *settings : {&crm, &erp})
                if (auto saved = store->saveConnection(*settings); !saved && problem.empty())
                    problem = saved.error().message;
        }
        if (problem.empty())
            if (auto saved = store->setValue("connections.mode", useDemo ? "demo" : "custom"); !saved)
                problem = saved.error().message;
        Stored after = problem.empty() ? readStored(store) : Stored{};
        postToGui(self, [=](ConnectionsController *c) {
            c->m_busy = false;
            if (!problem.empty()) {
                c->setMessage(tr("The connections were not saved: %1").arg(QString::fromStdString(problem)),
                              true);
                return;
            }
            c->m_crm->load(masked(after.crm));
            c->m_erp->load(masked(after.erp));
            if (Session *session = Session::instance()) {
                if (useDemo)
                    session->applyConnections(std::nullopt, std::nullopt);
                else
                    session->applyConnections(crm, erp);
            }
            c->setMessage(useDemo ? tr("Saved. Lakeshore now reads the demo tenant.")
                                  : tr("Saved. Lakeshore now reads the CRM and ERP you configured."),
                          false);
        });
    });
}

void ConnectionsController::test(ConnectionForm *form)
{
    Session *session = Session::instance();
    if (!session || !form)
        return;
    if (const QString problem = form->validate(); !problem.isEmpty()) {
        form->setTestState(false, problem, false);
        return;
    }
    m_testCancel.cancel();
    m_testCancel = CancelToken();
    form->setTestState(true, tr("Testing…"), false);
    const sources::ConnectionSettings typed = form->toSettings({});
    const bool secretTyped = !typed.auth.secret.empty();
    QPointer<ConnectionForm> target(form);
    const CancelToken token = m_testCancel;
    http::HttpClient *client = &session->http();
    session->withStore([typed, secretTyped, target, token, client](store::SettingsStore *store) {
        sources::ConnectionSettings settings = typed;
        if (!secretTyped && settings.auth.kind != http::AuthKind::None && store) {
            const Stored stored = readStored(store);
            settings.auth.secret =
                storedSecret(settings.service == sources::Service::Crm ? stored.crm : stored.erp);
        }
        auto report = [target, token, service = settings.service](Result<sources::ServiceProbe> result) {
            postToGui(target, [token, service, result = std::move(result)](ConnectionForm *f) {
                if (token.cancelled())
                    return;
                const QString name = service == sources::Service::Crm ? tr("CRM") : tr("ERP");
                if (result)
                    f->setTestState(false,
                                    tr("Connected in %1 ms: %n entity set(s).", nullptr,
                                       static_cast<int>(result.value().entitySets.size()))
                                        .arg(qRound(result.value().elapsedMs)),
                                    true);
                else
                    f->setTestState(false, ui::errorText(result.error(), name), false);
            });
        };
        // The probe's connector lives in its own callback until the reply arrives.
        if (settings.service == sources::Service::Crm) {
            auto connector = std::make_shared<sources::CrmConnector>(*client, settings);
            connector->probe(token, [connector, report](Result<sources::ServiceProbe> result) mutable {
                report(std::move(result));
            });
        } else {
            auto connector = std::make_shared<sources::ErpConnector>(*client, settings);
            connector->probe(token, [connector, report](Result<sources::ServiceProbe> result) mutable {
                report(std::move(result));
            });
        }
    });
}
