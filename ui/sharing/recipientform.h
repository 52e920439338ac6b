// The editor of one recipient: name, comment, which shares it may read (grants) and the addresses it may
// read from (one CIDR range or address per line; empty = any). The allow-list is checked while typing
// with the store's own rule, so the message next to the field is the one saving would give.
#pragma once

#include "store/sharingsettings.h"

#include <optional>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <vector>

class RecipientForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Forms belong to a SharingController")

    Q_PROPERTY(QString recipientId READ recipientId NOTIFY loaded)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY edited)
    Q_PROPERTY(QString comment MEMBER m_comment NOTIFY edited)
    Q_PROPERTY(QString allowListText READ allowListText WRITE setAllowListText NOTIFY edited)
    Q_PROPERTY(QString nameProblem READ nameProblem NOTIFY edited)
    Q_PROPERTY(QString allowListProblem READ allowListProblem NOTIFY edited)
    // {shareId, name, granted}, one per share of the tenant, by name
    Q_PROPERTY(QVariantList grants READ grants NOTIFY edited)
    Q_PROPERTY(int grantedCount READ grantedCount NOTIFY edited)
    Q_PROPERTY(bool valid READ valid NOTIFY edited)

public:
    explicit RecipientForm(QObject *parent = nullptr);

    [[nodiscard]] QString recipientId() const { return m_recipientId; }
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString allowListText() const { return m_allowListText; }
    void setAllowListText(const QString &text);
    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] QString allowListProblem() const;
    [[nodiscard]] QVariantList grants() const;
    [[nodiscard]] int grantedCount() const;
    [[nodiscard]] bool valid() const { return validate().isEmpty(); }

    Q_INVOKABLE void setGranted(int row, bool granted);

    // nullopt = a new recipient. shares: the tenant's shares to offer as grants.
    void load(const std::optional<lakeshore::store::Recipient> &recipient,
              const std::vector<lakeshore::store::Share> &shares);
    [[nodiscard]] QString validate() const; // translated, or empty
    [[nodiscard]] lakeshore::store::Recipient toRecipient(const QString &tenant) const;

Q_SIGNALS:
    void edited();
    void loaded();

private:
    [[nodiscard]] QStringList allowList() const; // non-empty lines, trimmed

    struct Grant
    {
        QString shareId;
        QString name;
        bool granted = false;
    };

    QString m_recipientId;
    QString m_name;
    QString m_comment;
    QString m_allowListText;
    std::int64_t m_createdAt = 0;
    std::vector<Grant> m_grants;
};
