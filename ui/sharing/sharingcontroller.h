// The Sharing screen: the tenant's shares and recipients in the settings store (read and written on its
// disk thread), their editors, tokens (issue, rotate with a grace period, revoke) whose config.share
// profile is shown once, and the share server's audit trail.
//
// The profile's endpoint is `endpoint`: the conventional local one (sharingendpoint.h) until something
// that knows better, such as a running share server, sets it.
#pragma once

#include "audittablemodel.h"
#include "issuedprofile.h"
#include "recipientform.h"
#include "recipientlistmodel.h"
#include "shareform.h"
#include "sharelistmodel.h"

#include <functional>
#include <QObject>
#include <QQmlEngine>

struct SharingSnapshot;
namespace lakeshore::store {
class SharingStore;
}

class SharingController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString tenant READ tenant NOTIFY tenantChanged)
    Q_PROPERTY(QString endpoint READ endpoint WRITE setEndpoint RESET resetEndpoint NOTIFY endpointChanged)
    Q_PROPERTY(ShareListModel *shares READ shares CONSTANT)
    Q_PROPERTY(RecipientListModel *recipients READ recipients CONSTANT)
    Q_PROPERTY(AuditTableModel *audit READ audit CONSTANT)
    Q_PROPERTY(ShareForm *shareForm READ shareForm CONSTANT)
    Q_PROPERTY(RecipientForm *recipientForm READ recipientForm CONSTANT)
    Q_PROPERTY(IssuedProfile *profile READ profile CONSTANT)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged) // reading, or waiting for the session
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)   // the lists hold what the store holds
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)       // a write is under way
    Q_PROPERTY(bool canSave READ canSave NOTIFY stateChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY stateChanged)
    Q_PROPERTY(QString dialogError READ dialogError NOTIFY stateChanged) // for the dialog that is open

public:
    explicit SharingController(QObject *parent = nullptr);
    ~SharingController() override;

    [[nodiscard]] QString tenant() const { return m_tenant; }
    [[nodiscard]] QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);
    void resetEndpoint(); // back to the conventional local endpoint of the tenant
    [[nodiscard]] ShareListModel *shares() const { return m_shares; }
    [[nodiscard]] RecipientListModel *recipients() const { return m_recipients; }
    [[nodiscard]] AuditTableModel *audit() const { return m_audit; }
    [[nodiscard]] ShareForm *shareForm() const { return m_shareForm; }
    [[nodiscard]] RecipientForm *recipientForm() const { return m_recipientForm; }
    [[nodiscard]] IssuedProfile *profile() const { return m_profile; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] bool canSave() const;
    [[nodiscard]] QString loadError() const { return m_loadError; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool messageIsError() const { return m_messageIsError; }
    [[nodiscard]] QString dialogError() const { return m_dialogError; }

    Q_INVOKABLE void load();             // shares and recipients (the audit list reads itself)
    Q_INVOKABLE void clearDialogError(); // a dialog opens

    Q_INVOKABLE void newShare();
    Q_INVOKABLE bool editShare(const QString &shareId); // false for an unknown one
    Q_INVOKABLE void saveShare();                       // shareSaved() when done
    Q_INVOKABLE void removeShare(const QString &shareId);

    Q_INVOKABLE void newRecipient();
    Q_INVOKABLE bool editRecipient(const QString &recipientId);
    Q_INVOKABLE void saveRecipient(); // recipientSaved() when done
    Q_INVOKABLE void removeRecipient(const QString &recipientId);

    // A token valid until expiresAt (epoch ms); profileIssued() when `profile` holds its config.share.
    Q_INVOKABLE void issueToken(const QString &recipientId, qint64 expiresAt);
    // A new token; the recipient's older ones end graceMillis from now (0: at once) unless sooner.
    Q_INVOKABLE void rotateToken(const QString &recipientId, qint64 expiresAt, qint64 graceMillis);
    // Every token of the recipient stops working now.
    Q_INVOKABLE void revokeRecipient(const QString &recipientId);

Q_SIGNALS:
    void tenantChanged();
    void endpointChanged();
    void stateChanged();
    void shareSaved(const QString &shareId);
    void recipientSaved(const QString &recipientId, bool created);
    void profileIssued();

private:
    // Runs job on the disk thread (it returns a translated problem, or empty), reloads, and on the GUI
    // thread shows the problem (in the open dialog when toDialog) or calls after().
    using StoreJob = std::function<QString(lakeshore::store::SharingStore &store)>;
    void writeAndReload(StoreJob job, std::function<void(SharingController *)> after, bool toDialog);
    void issue(const QString &recipientId, qint64 expiresAt, std::optional<qint64> graceMillis);
    void followSession();
    void apply(const SharingSnapshot &snapshot);
    void setMessage(QString text, bool isError);
    void setDialogError(QString text);
    [[nodiscard]] QString recipientName(const QString &recipientId) const;

    ShareListModel *m_shares;
    RecipientListModel *m_recipients;
    AuditTableModel *m_audit;
    ShareForm *m_shareForm;
    RecipientForm *m_recipientForm;
    IssuedProfile *m_profile;
    QString m_tenant;
    QString m_endpoint;
    bool m_endpointSet = false;
    bool m_loadWanted = false; // load() was called before the tenant was known
    bool m_loading = false;
    bool m_loaded = false;
    bool m_busy = false;
    QString m_loadError;
    QString m_message;
    bool m_messageIsError = false;
    QString m_dialogError;
};
