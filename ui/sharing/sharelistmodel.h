// The tenant's shares, one row each: name, comment, the tables it publishes and who may read it.
#pragma once

#include "store/sharingsettings.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

class ShareListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The list belongs to a SharingController")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ShareIdRole = Qt::UserRole + 1,
        NameRole,
        CommentRole,
        TablesRole,     // [{schema, name, entity, label}], by schema then name
        RecipientsRole, // names of the recipients granted it, comma-separated
        CreatedAtRole,  // epoch ms
    };

    explicit ShareListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_shares.size()); }

    // Replaces every row; recipients say who holds grants to which share.
    void setShares(std::vector<lakeshore::store::Share> shares,
                   const std::vector<lakeshore::store::Recipient> &recipients);
    [[nodiscard]] const std::vector<lakeshore::store::Share> &shares() const { return m_shares; }
    [[nodiscard]] const lakeshore::store::Share *find(const QString &shareId) const;

    Q_INVOKABLE int indexOf(const QString &shareId) const; // -1 when absent
    Q_INVOKABLE QVariantMap get(int row) const;            // every role of one row; empty when out of range

    // A CRM entity as the user knows it ("accounts" -> "Accounts"), translated.
    [[nodiscard]] static QString entityLabel(const QString &entity);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<lakeshore::store::Share> m_shares;
    std::vector<QString> m_recipientNames; // per row
};
