#include "secretmapmodel.h"

SecretMapModel::SecretMapModel(QObject *parent) : QAbstractListModel(parent) {}

int SecretMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SecretMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case ValueInputRole:
        return row.valueInput;
    case StoredRole:
        return row.stored;
    default:
        return {};
    }
}

QHash<int, QByteArray> SecretMapModel::roleNames() const
{
    return {{NameRole, "name"}, {ValueInputRole, "valueInput"}, {StoredRole, "stored"}};
}

void SecretMapModel::append()
{
    beginInsertRows({}, count(), count());
    m_rows.push_back({});
    endInsertRows();
    Q_EMIT countChanged();
    Q_EMIT edited();
}

void SecretMapModel::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
    Q_EMIT edited();
}

void SecretMapModel::setName(int row, const QString &name)
{
    if (row < 0 || row >= count() || m_rows[static_cast<std::size_t>(row)].name == name)
        return;
    m_rows[static_cast<std::size_t>(row)].name = name;
    Q_EMIT dataChanged(index(row), index(row), {NameRole});
    Q_EMIT edited();
}

void SecretMapModel::setValue(int row, const QString &value)
{
    if (row < 0 || row >= count() || m_rows[static_cast<std::size_t>(row)].valueInput == value)
        return;
    m_rows[static_cast<std::size_t>(row)].valueInput = value;
    Q_EMIT dataChanged(index(row), index(row), {ValueInputRole});
    Q_EMIT edited();
}

void SecretMapModel::load(const std::vector<std::string> &storedNames)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &name : storedNames) {
        const QString text = QString::fromStdString(name);
        m_rows.push_back({text, text, {}, true});
    }
    endResetModel();
    Q_EMIT countChanged();
}

std::map<std::string, std::string> SecretMapModel::typed() const
{
    std::map<std::string, std::string> out;
    for (const Row &row : m_rows)
        if (!row.stored || !row.valueInput.isEmpty())
            out[row.name.trimmed().toStdString()] = row.valueInput.toStdString();
    return out;
}

std::vector<std::pair<std::string, std::string>> SecretMapModel::kept() const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const Row &row : m_rows)
        if (row.stored && row.valueInput.isEmpty())
            out.emplace_back(row.name.trimmed().toStdString(), row.storedName.toStdString());
    return out;
}

std::vector<std::string> SecretMapModel::names() const
{
    std::vector<std::string> out;
    for (const Row &row : m_rows)
        out.push_back(row.name.trimmed().toStdString());
    return out;
}
