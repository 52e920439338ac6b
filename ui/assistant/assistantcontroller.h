// The Assistant pane's controller: asks the lakehouse assistant a question (with the account open on the
// Accounts page as "this account"), shows progress, cancels, re-runs edited SQL through the query guard,
// exports and copies, and turns a clicked row into the CRM account to open. One question runs at a time:
// asking while one runs cancels the running one (it shows as cancelled).
#pragma once

#include "conversationmodel.h"
#include "core/canceltoken.h"

#include <memory>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>
#include <vector>

namespace lakeshore::assistant {
class Assistant;
}

class AssistantController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(ConversationModel *conversation READ conversation CONSTANT)
    Q_PROPERTY(bool connecting READ connecting NOTIFY availabilityChanged)
    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY availabilityChanged) // why it is not available
    Q_PROPERTY(QStringList examples READ examples NOTIFY availabilityChanged)
    // The lakehouse the answers come from: the chosen connection's name, or "Demo lakehouse".
    Q_PROPERTY(QString lakehouseName READ lakehouseName NOTIFY availabilityChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int runningIndex READ runningIndex NOTIFY busyChanged) // -1 when idle
    Q_PROPERTY(QString contextAccountId READ contextAccountId WRITE setContextAccountId NOTIFY contextChanged)
    Q_PROPERTY(QString contextAccountNumber READ contextAccountNumber WRITE setContextAccountNumber NOTIFY
                   contextChanged)
    Q_PROPERTY(
        QString contextAccountName READ contextAccountName WRITE setContextAccountName NOTIFY contextChanged)

public:
    explicit AssistantController(QObject *parent = nullptr);
    ~AssistantController() override;

    [[nodiscard]] ConversationModel *conversation() const { return m_conversation; }
    [[nodiscard]] bool connecting() const { return m_connecting; }
    [[nodiscard]] bool available() const { return m_assistant != nullptr; }
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QStringList examples() const { return m_examples; }
    [[nodiscard]] QString lakehouseName() const;
    [[nodiscard]] bool busy() const { return m_running >= 0; }
    [[nodiscard]] int runningIndex() const { return m_running; }
    [[nodiscard]] QString contextAccountId() const { return m_contextId; }
    void setContextAccountId(const QString &id);
    [[nodiscard]] QString contextAccountNumber() const { return m_contextNumber; }
    void setContextAccountNumber(const QString &number);
    [[nodiscard]] QString contextAccountName() const { return m_contextName; }
    void setContextAccountName(const QString &name);

    // Empty (or blank) questions are ignored.
    Q_INVOKABLE void ask(const QString &question);
    Q_INVOKABLE void cancel();
    // Runs the rep's edit of an answer's SQL (guarded) as a new entry.
    Q_INVOKABLE void rerun(int index, const QString &editedSql);
    // Asks a failed or cancelled entry's question (or runs its edited SQL) again, in place.
    Q_INVOKABLE void retry(int index);
    Q_INVOKABLE void exportCsv(int index, const QUrl &url);
    Q_INVOKABLE void copySql(int index) const;
    // Opens the account of a row (view order) of an answer: accountRequested, at once when the answer
    // bound that account, else after reading it from the CRM; a failure shows as the entry's notice.
    Q_INVOKABLE void openRow(int index, int row);
    Q_INVOKABLE void clear();
    // Saves an answer whose rows carry account numbers as a worklist definition (its SQL, account column
    // and number formats; on the lakehouse connection it came from). worklistSaved or worklistNotSaved.
    Q_INVOKABLE void saveAsWorklist(int index, const QString &name, const QString &description, bool shared);
    Q_INVOKABLE bool canSaveAsWorklist(int index) const;

Q_SIGNALS:
    void availabilityChanged();
    void busyChanged();
    void contextChanged();
    void accountRequested(const QString &accountId, const QString &accountNumber);
    void answered(int index); // an entry finished (done, failed or cancelled)
    void worklistSaved(int index, const QString &id, const QString &name);
    void worklistNotSaved(int index, const QString &reason);

private:
    struct Request;
    void updateAvailability();
    void start(int index);
    void finished(int index);
    void watchTable(int index);

    ConversationModel *m_conversation;
    std::unique_ptr<lakeshore::assistant::Assistant> m_assistant;
    std::vector<std::shared_ptr<Request>> m_requests; // per entry: what to run
    const void *m_builtFor = nullptr;                 // the CRM connector the assistant was made with
    bool m_connecting = true;
    bool m_lakehouseChanged = false; // Settings → Lakehouse chose another connection (or changed it)
    QString m_problem;
    QStringList m_examples;
    int m_running = -1;
    lakeshore::CancelToken m_cancel;
    lakeshore::CancelToken m_lookupCancel;
    QString m_contextId;
    QString m_contextNumber;
    QString m_contextName;
};
