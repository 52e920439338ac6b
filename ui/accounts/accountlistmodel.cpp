#include "accountlistmodel.h"

#include "errortext.h"
#include "guithread.h"
#include "session.h"
#include "sources/crmconnector.h"

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

sources::AccountSort coreSort(AccountListModel::SortKey key)
{
    switch (key) {
    case AccountListModel::ByName:
        return sources::AccountSort::Name;
    case AccountListModel::ByNumber:
        return sources::AccountSort::AccountNumber;
    case AccountListModel::ByCity:
        return sources::AccountSort::City;
    case AccountListModel::ByRevenue:
        return sources::AccountSort::Revenue;
    case AccountListModel::ByModified:
        return sources::AccountSort::Modified;
    }
    return sources::AccountSort::Name;
}

constexpr int pageSize = 50;

} // namespace

AccountListModel::AccountListModel(QObject *parent) : QAbstractListModel(parent)
{
    // Typing in the search box settles for a moment before the CRM is asked.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &AccountListModel::refresh);
    if (Session *session = Session::instance()) {
        connect(session, &Session::connectorsChanged, this, &AccountListModel::refresh);
        connect(session, &Session::directoryChanged, this, [this] {
            if (!m_accounts.empty())
                Q_EMIT dataChanged(index(0), index(count() - 1), {TerritoryRole, OwnerRole});
        });
        if (session->ready())
            QTimer::singleShot(0, this, &AccountListModel::refresh);
    }
}

AccountListModel::~AccountListModel()
{
    m_cancel.cancel();
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &account = m_accounts[static_cast<std::size_t>(index.row())];
    const Session *session = Session::instance();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(account.name);
    case IdRole:
        return QString::fromStdString(account.id);
    case NumberRole:
        return QString::fromStdString(account.accountNumber);
    case CityRole:
        return QString::fromStdString(account.city);
    case StateRole:
        return QString::fromStdString(account.state);
    case IndustryRole:
        return QString::fromStdString(account.industry);
    case TerritoryRole:
        return session ? session->territoryName(QString::fromStdString(account.territoryId)) : QString();
    case OwnerRole:
        return session ? session->ownerName(QString::fromStdString(account.ownerId)) : QString();
    case RevenueRole:
        return account.annualRevenue;
    case ActiveRole:
        return account.active;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    return {{IdRole, "accountId"},        {NumberRole, "accountNumber"}, {NameRole, "name"},
            {CityRole, "city"},           {StateRole, "state"},          {IndustryRole, "industry"},
            {TerritoryRole, "territory"}, {OwnerRole, "owner"},          {RevenueRole, "revenue"},
            {ActiveRole, "active"}};
}

QVariantMap AccountListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

void AccountListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    m_debounce.start();
}

void AccountListModel::setTerritoryId(const QString &id)
{
    if (id == m_territoryId)
        return;
    m_territoryId = id;
    Q_EMIT territoryIdChanged();
    scheduleRefresh();
}

void AccountListModel::setOwnerId(const QString &id)
{
    if (id == m_ownerId)
        return;
    m_ownerId = id;
    Q_EMIT ownerIdChanged();
    scheduleRefresh();
}

void AccountListModel::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    Q_EMIT sortChanged();
    scheduleRefresh();
}

void AccountListModel::setDescending(bool descending)
{
    if (descending == m_descending)
        return;
    m_descending = descending;
    Q_EMIT sortChanged();
    scheduleRefresh();
}

void AccountListModel::scheduleRefresh()
{
    // Several properties often change together (a view restoring its state): one read for all of them.
    m_debounce.start(0);
}

void AccountListModel::cancelReads()
{
    m_cancel.cancel();
    m_cancel = CancelToken();
}

void AccountListModel::refresh()
{
    Session *session = Session::instance();
    if (!session || !session->crm())
        return;
    m_debounce.stop();
    cancelReads();
    m_loading = true;
    m_loadingMore = false;
    m_error.clear();
    Q_EMIT stateChanged();

    sources::AccountFilter filter;
    filter.search = m_search.trimmed().toStdString();
    filter.territoryId = m_territoryId.toStdString();
    filter.ownerId = m_ownerId.toStdString();
    filter.sort = coreSort(m_sortKey);
    filter.descending = m_descending;
    filter.pageSize = pageSize;
    QPointer<AccountListModel> self(this);
    const CancelToken token = m_cancel;
    session->crm()->accounts(filter, token, [self, token](Result<sources::AccountPage> result) {
        postToGui(self, [token, result = std::move(result)](AccountListModel *model) mutable {
            if (token.cancelled())
                return;
            model->m_loading = false;
            model->beginResetModel();
            model->m_accounts.clear();
            model->m_nextLink.clear();
            if (result) {
                model->m_accounts = std::move(result.value().accounts);
                model->m_nextLink = result.value().nextLink;
                model->m_totalCount = result.value().total ? static_cast<int>(*result.value().total) : -1;
            } else {
                model->m_totalCount = -1;
                model->m_error = ui::errorText(result.error(), tr("CRM"));
            }
            model->endResetModel();
            Q_EMIT model->stateChanged();
        });
    });
}

void AccountListModel::loadMore()
{
    Session *session = Session::instance();
    if (!session || !session->crm() || !canLoadMore())
        return;
    m_loadingMore = true;
    m_error.clear();
    Q_EMIT stateChanged();
    QPointer<AccountListModel> self(this);
    const CancelToken token = m_cancel;
    session->crm()->moreAccounts(m_nextLink, token, [self, token](Result<sources::AccountPage> result) {
        postToGui(self, [token, result = std::move(result)](AccountListModel *model) mutable {
            if (token.cancelled())
                return;
            model->m_loadingMore = false;
            if (!result) {
                model->m_error = ui::errorText(result.error(), tr("CRM"));
                Q_EMIT model->stateChanged();
                return;
            }
            auto &page = result.value();
            if (!page.accounts.empty()) {
                const int first = model->count();
                model->beginInsertRows({}, first, first + static_cast<int>(page.accounts.size()) - 1);
                for (auto &account : page.accounts)
                    model->m_accounts.push_back(std::move(account));
                model->endInsertRows();
            }
            model->m_nextLink = page.nextLink;
            Q_EMIT model->stateChanged();
        });
    });
}
