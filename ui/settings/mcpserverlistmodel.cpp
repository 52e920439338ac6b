#include "mcpserverlistmodel.h"

McpServerListModel::McpServerListModel(QObject *parent) : QAbstractListModel(parent) {}

int McpServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant McpServerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case ServerIdRole:
        return row.id;
    case TransportRole:
        return row.transport;
    case SummaryRole:
        return row.summary;
    case EnabledRole:
        return row.enabled;
    case UsedByRole:
        return row.usedBy;
    case ProblemRole:
        return row.problem;
    default:
        return {};
    }
}

QHash<int, QByteArray> McpServerListModel::roleNames() const
{
    return {{ServerIdRole, "serverId"},     {NameRole, "name"},
            {TransportRole, "transport"},   {SummaryRole, "summary"},
            {EnabledRole, "serverEnabled"}, {UsedByRole, "usedBy"},
            {ProblemRole, "problem"}};
}

void McpServerListModel::setRows(std::vector<Row> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

int McpServerListModel::indexOf(const QString &serverId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == serverId)
            return static_cast<int>(i);
    return -1;
}

QVariantMap McpServerListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

QStringList McpServerListModel::names() const
{
    QStringList names;
    for (const Row &row : m_rows)
        names << row.name;
    return names;
}
