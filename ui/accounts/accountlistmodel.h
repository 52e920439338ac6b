// The Accounts list: read live from the CRM a page at a time (server-side search, territory and owner
// filters, sort), with the next pages fetched through @odata.nextLink as the view scrolls.
#pragma once

#include "core/canceltoken.h"
#include "domain/crm.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QTimer>
#include <vector>

class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString territoryId READ territoryId WRITE setTerritoryId NOTIFY territoryIdChanged)
    Q_PROPERTY(QString ownerId READ ownerId WRITE setOwnerId NOTIFY ownerIdChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortChanged)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY sortChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool loadingMore READ loadingMore NOTIFY stateChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY stateChanged) // -1 when the CRM did not say
    Q_PROPERTY(int count READ count NOTIFY stateChanged)

public:
    enum SortKey { ByName, ByNumber, ByCity, ByRevenue, ByModified };
    Q_ENUM(SortKey)

    enum Role {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        NameRole,
        CityRole,
        StateRole,
        IndustryRole,
        TerritoryRole,
        OwnerRole,
        RevenueRole,
        ActiveRole,
    };

    explicit AccountListModel(QObject *parent = nullptr);
    ~AccountListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString territoryId() const { return m_territoryId; }
    void setTerritoryId(const QString &id);
    [[nodiscard]] QString ownerId() const { return m_ownerId; }
    void setOwnerId(const QString &id);
    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    [[nodiscard]] bool descending() const { return m_descending; }
    void setDescending(bool descending);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool loadingMore() const { return m_loadingMore; }
    [[nodiscard]] bool canLoadMore() const { return !m_nextLink.empty() && !m_loadingMore && !m_loading; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int totalCount() const { return m_totalCount; }
    [[nodiscard]] int count() const { return static_cast<int>(m_accounts.size()); }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE QVariantMap get(int row) const; // every role of one row, for opening Account 360

Q_SIGNALS:
    void searchChanged();
    void territoryIdChanged();
    void ownerIdChanged();
    void sortChanged();
    void stateChanged();

private:
    void scheduleRefresh();
    void cancelReads();

    QString m_search;
    QString m_territoryId;
    QString m_ownerId;
    SortKey m_sortKey = ByName;
    bool m_descending = false;
    std::vector<lakeshore::domain::Account> m_accounts;
    std::string m_nextLink;
    int m_totalCount = -1;
    bool m_loading = false;
    bool m_loadingMore = false;
    QString m_error;
    lakeshore::CancelToken m_cancel;
    QTimer m_debounce;
};
