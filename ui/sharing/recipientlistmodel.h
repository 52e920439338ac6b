// The tenant's recipients, one row each: status of their tokens (as of the last load), when the token
// ends, which shares they may read and from which addresses.
#pragma once

#include "store/sharingsettings.h"

#include <cstdint>
#include <QAbstractListModel>
#include <QQmlEngine>
#include <QStringList>
#include <vector>

class RecipientListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The list belongs to a SharingController")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        RecipientIdRole = Qt::UserRole + 1,
        NameRole,
        CommentRole,
        StatusRole,     // "none", "active", "expiring", "expired", "revoked"
        StatusTextRole, // translated
        TokenTextRole,  // translated: when the token ends or ended, or that none was issued
        OlderTokenRole, // translated: an older token still working during a rotation; empty otherwise
        ExpiresAtRole,  // epoch ms: the last usable token's end, else the newest token's; 0 = no token
        HasUsableTokenRole,
        AllowListRole, // QStringList of CIDRs
        SharesRole,    // names of the granted shares, comma-separated
        ShareIdsRole,  // QStringList
    };

    struct Row
    {
        lakeshore::store::Recipient recipient;
        lakeshore::store::RecipientStatus status = lakeshore::store::RecipientStatus::NoToken;
        QString tokenText;
        QString olderToken;
        std::int64_t expiresAt = 0;
        bool hasUsableToken = false;
        QString shares;
    };

    explicit RecipientListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }

    // Replaces every row, judging tokens at `now` (epoch ms); shares name the grants.
    void setRecipients(std::vector<lakeshore::store::Recipient> recipients,
                       const std::vector<lakeshore::store::Share> &shares, std::int64_t now);
    [[nodiscard]] const lakeshore::store::Recipient *find(const QString &recipientId) const;

    Q_INVOKABLE int indexOf(const QString &recipientId) const; // -1 when absent
    Q_INVOKABLE QVariantMap get(int row) const;                // every role; empty when out of range

    [[nodiscard]] static QString statusKey(lakeshore::store::RecipientStatus status);
    [[nodiscard]] static QString statusText(lakeshore::store::RecipientStatus status);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<Row> m_rows;
};
