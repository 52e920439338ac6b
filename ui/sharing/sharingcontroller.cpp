#include "sharingcontroller.h"

#include "guithread.h"
#include "session.h"
#include "sharing/server/profile.h"
#include "sharingendpoint.h"
#include "sharingsnapshot.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <algorithm>
#include <memory>
#include <QDateTime>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

std::int64_t nowMillis()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A token's text on its way from the disk thread to the dialog; wiped once handed over.
struct IssuedText
{
    std::string profile;
    std::int64_t expiresAt = 0;
    std::int64_t oldTokensEndAt = -1;

    ~IssuedText() { std::fill(profile.begin(), profile.end(), '\0'); }
};

} // namespace

SharingController::SharingController(QObject *parent)
    : QObject(parent), m_shares(new ShareListModel(this)), m_recipients(new RecipientListModel(this)),
      m_audit(new AuditTableModel(this)), m_shareForm(new ShareForm(this)),
      m_recipientForm(new RecipientForm(this)), m_profile(new IssuedProfile(this))
{
    if (Session *session = Session::instance()) {
        connect(session, &Session::connectorsChanged, this, &SharingController::followSession);
        connect(session, &Session::readyChanged, this, &SharingController::stateChanged);
    }
    followSession();
}

SharingController::~SharingController() = default;

void SharingController::followSession()
{
    const Session *session = Session::instance();
    const QString tenant = session ? session->sharingTenant() : QString();
    if (tenant == m_tenant)
        return;
    m_tenant = tenant;
    Q_EMIT tenantChanged();
    if (!m_endpointSet) {
        m_endpoint = tenant.isEmpty() ? QString() : ui::defaultSharingEndpoint(tenant);
        Q_EMIT endpointChanged();
    }
    m_audit->setTenant(tenant);
    if (m_loadWanted && !tenant.isEmpty())
        load();
}

void SharingController::setEndpoint(const QString &endpoint)
{
    m_endpointSet = true;
    if (endpoint == m_endpoint)
        return;
    m_endpoint = endpoint;
    Q_EMIT endpointChanged();
}

void SharingController::resetEndpoint()
{
    m_endpointSet = false;
    const QString conventional = m_tenant.isEmpty() ? QString() : ui::defaultSharingEndpoint(m_tenant);
    if (conventional == m_endpoint)
        return;
    m_endpoint = conventional;
    Q_EMIT endpointChanged();
}

bool SharingController::canSave() const
{
    const Session *session = Session::instance();
    return session && session->hasSettingsStore() && !m_tenant.isEmpty() && m_loaded && !m_busy;
}

void SharingController::setMessage(QString text, bool isError)
{
    m_message = std::move(text);
    m_messageIsError = isError;
    Q_EMIT stateChanged();
}

void SharingController::setDialogError(QString text)
{
    m_dialogError = std::move(text);
    Q_EMIT stateChanged();
}

void SharingController::clearDialogError()
{
    if (!m_dialogError.isEmpty())
        setDialogError({});
}

void SharingController::load()
{
    Session *session = Session::instance();
    m_loadWanted = true;
    m_loading = true;
    Q_EMIT stateChanged();
    if (!session || m_tenant.isEmpty())
        return; // followSession() loads once the session knows the tenant
    QPointer<SharingController> self(this);
    const std::string tenant = m_tenant.toStdString();
    session->withStore([self, tenant](store::SettingsStore *settings) {
        auto snapshot = std::make_shared<SharingSnapshot>(readSharingSnapshot(settings, tenant));
        postToGui(self, [snapshot, tenant](SharingController *c) {
            if (tenant != c->m_tenant.toStdString())
                return; // the session moved to another tenant; its own load follows
            c->m_loading = false;
            c->apply(*snapshot);
        });
    });
}

void SharingController::apply(const SharingSnapshot &snapshot)
{
    if (!snapshot.problem.empty()) {
        m_loadError = tr("The shares and recipients could not be read: %1").arg(qs(snapshot.problem));
        Q_EMIT stateChanged();
        return;
    }
    m_loadError.clear();
    m_loaded = true;
    m_shares->setShares(snapshot.shares, snapshot.recipients);
    m_recipients->setRecipients(snapshot.recipients, snapshot.shares, nowMillis());
    Q_EMIT stateChanged();
}

void SharingController::writeAndReload(StoreJob job, std::function<void(SharingController *)> after,
                                       bool toDialog)
{
    Session *session = Session::instance();
    if (!session || !canSave())
        return;
    m_busy = true;
    if (toDialog)
        m_dialogError.clear();
    Q_EMIT stateChanged();
    QPointer<SharingController> self(this);
    const std::string tenant = m_tenant.toStdString();
    session->withStore([self, tenant, job = std::move(job), after = std::move(after),
                        toDialog](store::SettingsStore *settings) {
        QString problem = tr("The settings store is not open.");
        if (settings) {
            store::SharingStore sharing(*settings);
            problem = job(sharing);
        }
        auto snapshot = std::make_shared<SharingSnapshot>(readSharingSnapshot(settings, tenant));
        postToGui(self, [problem, snapshot, after, toDialog](SharingController *c) {
            c->m_busy = false;
            c->apply(*snapshot);
            if (!problem.isEmpty()) {
                if (toDialog)
                    c->setDialogError(problem);
                else
                    c->setMessage(problem, true);
                return;
            }
            Q_EMIT c->stateChanged();
            after(c);
        });
    });
}

QString SharingController::recipientName(const QString &recipientId) const
{
    const store::Recipient *recipient = m_recipients->find(recipientId);
    return recipient ? qs(recipient->name) : QString();
}

void SharingController::newShare()
{
    m_shareForm->load(std::nullopt);
    setDialogError({});
}

bool SharingController::editShare(const QString &shareId)
{
    const store::Share *share = m_shares->find(shareId);
    if (!share)
        return false;
    m_shareForm->load(*share);
    setDialogError({});
    return true;
}

void SharingController::saveShare()
{
    if (const QString problem = m_shareForm->validate(); !problem.isEmpty()) {
        setDialogError(problem);
        return;
    }
    const store::Share share = m_shareForm->toShare(m_tenant);
    auto id = std::make_shared<std::string>();
    writeAndReload(
        [share, id](store::SharingStore &sharing) -> QString {
            auto saved = sharing.saveShare(share, nowMillis());
            if (!saved)
                return tr("The share was not saved: %1").arg(qs(saved.error().message));
            *id = saved.value();
            return {};
        },
        [id, name = qs(share.name)](SharingController *c) {
            c->setMessage(tr("Saved the share “%1”.").arg(name), false);
            Q_EMIT c->shareSaved(qs(*id));
        },
        true);
}

void SharingController::removeShare(const QString &shareId)
{
    const store::Share *share = m_shares->find(shareId);
    const QString name = share ? qs(share->name) : QString();
    writeAndReload(
        [id = shareId.toStdString()](store::SharingStore &sharing) -> QString {
            auto removed = sharing.removeShare(id);
            return removed ? QString() : tr("The share was not removed: %1").arg(qs(removed.error().message));
        },
        [name](SharingController *c) { c->setMessage(tr("Removed the share “%1”.").arg(name), false); },
        false);
}

void SharingController::newRecipient()
{
    m_recipientForm->load(std::nullopt, m_shares->shares());
    setDialogError({});
}

bool SharingController::editRecipient(const QString &recipientId)
{
    const store::Recipient *recipient = m_recipients->find(recipientId);
    if (!recipient)
        return false;
    m_recipientForm->load(*recipient, m_shares->shares());
    setDialogError({});
    return true;
}

void SharingController::saveRecipient()
{
    if (const QString problem = m_recipientForm->validate(); !problem.isEmpty()) {
        setDialogError(problem);
        return;
    }
    const store::Recipient recipient = m_recipientForm->toRecipient(m_tenant);
    const bool created = recipient.id.empty();
    auto id = std::make_shared<std::string>();
    writeAndReload(
        [recipient, id](store::SharingStore &sharing) -> QString {
            auto saved = sharing.saveRecipient(recipient, nowMillis());
            if (!saved)
                return tr("The recipient was not saved: %1").arg(qs(saved.error().message));
            *id = saved.value();
            return {};
        },
        [id, created, name = qs(recipient.name)](SharingController *c) {
            c->setMessage(tr("Saved the recipient “%1”.").arg(name), false);
            Q_EMIT c->recipientSaved(qs(*id), created);
        },
        true);
}

void SharingController::removeRecipient(const QString &recipientId)
{
    const QString name = recipientName(recipientId);
    writeAndReload(
        [id = recipientId.toStdString()](store::SharingStore &sharing) -> QString {
            auto removed = sharing.removeRecipient(id);
            return removed ? QString()
                           : tr("The recipient was not removed: %1").arg(qs(removed.error().message));
        },
        [name](SharingController *c) {
            c->setMessage(tr("Removed the recipient “%1”; its tokens no longer work.").arg(name), false);
        },
        false);
}

void SharingController::issueToken(const QString &recipientId, qint64 expiresAt)
{
    issue(recipientId, expiresAt, std::nullopt);
}

void SharingController::rotateToken(const QString &recipientId, qint64 expiresAt, qint64 graceMillis)
{
    issue(recipientId, expiresAt, graceMillis);
}

void SharingController::issue(const QString &recipientId, qint64 expiresAt, std::optional<qint64> graceMillis)
{
    if (m_endpoint.isEmpty()) {
        setDialogError(tr("The profile's endpoint is not known yet."));
        return;
    }
    auto issued = std::make_shared<IssuedText>();
    const std::string endpoint = m_endpoint.toStdString();
    const QString name = recipientName(recipientId);
    writeAndReload(
        [id = recipientId.toStdString(), expiresAt, graceMillis, endpoint,
         issued](store::SharingStore &sharing) -> QString {
            const std::int64_t now = nowMillis();
            auto token = graceMillis ? sharing.rotateToken(id, expiresAt, *graceMillis, now)
                                     : sharing.issueToken(id, expiresAt, now);
            if (!token)
                return graceMillis ? tr("The token was not rotated: %1").arg(qs(token.error().message))
                                   : tr("No token was issued: %1").arg(qs(token.error().message));
            issued->profile =
                sharing::server::profileJson(endpoint, token.value().bearerToken, token.value().expiresAt);
            std::fill(token.value().bearerToken.begin(), token.value().bearerToken.end(), '\0');
            issued->expiresAt = token.value().expiresAt;
            issued->oldTokensEndAt = graceMillis ? (*graceMillis == 0 ? 0 : now + *graceMillis) : -1;
            return {};
        },
        [issued, name, endpoint, rotated = graceMillis.has_value()](SharingController *c) {
            c->m_profile->set(QString::fromStdString(issued->profile), name, qs(endpoint), issued->expiresAt,
                              issued->oldTokensEndAt);
            c->setMessage(rotated ? tr("Rotated the token of “%1”.").arg(name)
                                  : tr("Issued a token for “%1”.").arg(name),
                          false);
            Q_EMIT c->profileIssued();
        },
        true);
}

void SharingController::revokeRecipient(const QString &recipientId)
{
    const QString name = recipientName(recipientId);
    writeAndReload(
        [id = recipientId.toStdString()](store::SharingStore &sharing) -> QString {
            auto revoked = sharing.revokeRecipient(id, nowMillis());
            return revoked ? QString()
                           : tr("The tokens were not revoked: %1").arg(qs(revoked.error().message));
        },
        [name](SharingController *c) {
            c->setMessage(tr("Revoked every token of “%1”; they stopped working now.").arg(name), false);
        },
        false);
}
