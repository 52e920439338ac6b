#include "sharelistmodel.h"

#include <QStringList>
#include <QVariantMap>

using namespace lakeshore;

namespace {

QVariantList tableList(const store::Share &share)
{
    QVariantList tables;
    for (const store::SharedTable &table : share.tables)
        tables.append(QVariantMap{
            {QStringLiteral("schema"), QString::fromStdString(table.schema)},
            {QStringLiteral("name"), QString::fromStdString(table.name)},
            {QStringLiteral("entity"), QString::fromStdString(table.entity)},
            {QStringLiteral("label"), ShareListModel::entityLabel(QString::fromStdString(table.entity))}});
    return tables;
}

} // namespace

ShareListModel::ShareListModel(QObject *parent) : QAbstractListModel(parent) {}

QString ShareListModel::entityLabel(const QString &entity)
{
    if (entity == QLatin1String("accounts"))
        return tr("Accounts");
    if (entity == QLatin1String("contacts"))
        return tr("Contacts");
    if (entity == QLatin1String("opportunities"))
        return tr("Opportunities");
    if (entity == QLatin1String("activities"))
        return tr("Activities");
    if (entity == QLatin1String("conversations"))
        return tr("Conversations");
    if (entity == QLatin1String("cases"))
        return tr("Cases");
    return entity;
}

int ShareListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ShareListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const store::Share &share = m_shares[row];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(share.name);
    case ShareIdRole:
        return QString::fromStdString(share.id);
    case CommentRole:
        return QString::fromStdString(share.comment);
    case TablesRole:
        return tableList(share);
    case RecipientsRole:
        return m_recipientNames[row];
    case CreatedAtRole:
        return static_cast<qint64>(share.createdAt);
    default:
        return {};
    }
}

QHash<int, QByteArray> ShareListModel::roleNames() const
{
    return {{ShareIdRole, "shareId"},       {NameRole, "name"},
            {CommentRole, "comment"},       {TablesRole, "tables"},
            {RecipientsRole, "recipients"}, {CreatedAtRole, "createdAt"}};
}

void ShareListModel::setShares(std::vector<store::Share> shares,
                               const std::vector<store::Recipient> &recipients)
{
    const bool countChanges = shares.size() != m_shares.size();
    beginResetModel();
    m_shares = std::move(shares);
    m_recipientNames.clear();
    for (const store::Share &share : m_shares) {
        QStringList names;
        for (const store::Recipient &recipient : recipients)
            for (const std::string &granted : recipient.shareIds)
                if (granted == share.id)
                    names << QString::fromStdString(recipient.name);
        m_recipientNames.push_back(names.join(QStringLiteral(", ")));
    }
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

const store::Share *ShareListModel::find(const QString &shareId) const
{
    for (const store::Share &share : m_shares)
        if (QString::fromStdString(share.id) == shareId)
            return &share;
    return nullptr;
}

int ShareListModel::indexOf(const QString &shareId) const
{
    for (std::size_t i = 0; i < m_shares.size(); ++i)
        if (QString::fromStdString(m_shares[i].id) == shareId)
            return static_cast<int>(i);
    return -1;
}

QVariantMap ShareListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}
