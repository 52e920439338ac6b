#include "worklistlistmodel.h"

#include <QCoreApplication>

using lakeshore::worklists::Definition;

WorklistListModel::WorklistListModel(QObject *parent) : QAbstractListModel(parent) {}

void WorklistListModel::setDefinitions(std::vector<Definition> definitions, const QString &user)
{
    beginResetModel();
    m_definitions = std::move(definitions);
    m_user = user;
    endResetModel();
    Q_EMIT countChanged();
}

const Definition *WorklistListModel::find(const QString &id) const
{
    const int at = indexOf(id);
    return at < 0 ? nullptr : &m_definitions[static_cast<std::size_t>(at)];
}

int WorklistListModel::indexOf(const QString &id) const
{
    const std::string wanted = id.toStdString();
    for (std::size_t i = 0; i < m_definitions.size(); ++i)
        if (m_definitions[i].id == wanted)
            return static_cast<int>(i);
    return -1;
}

QString WorklistListModel::idAt(int row) const
{
    return row >= 0 && row < count() ? QString::fromStdString(m_definitions[static_cast<std::size_t>(row)].id) : QString();
}

int WorklistListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant WorklistListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Definition &definition = m_definitions[static_cast<std::size_t>(index.row())];
    auto text = [&](const std::string &value) {
        // Built-in definitions' texts are translated; saved ones show as written.
        return definition.builtIn() ? QCoreApplication::translate("BuiltInWorklists", value.c_str())
                                    : QString::fromStdString(value);
    };
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return text(definition.name);
    case IdRole:
        return QString::fromStdString(definition.id);
    case DescriptionRole:
        return text(definition.description);
    case BuiltInRole:
        return definition.builtIn();
    case SharedRole:
        return definition.visibility == lakeshore::worklists::Visibility::Shared;
    case OwnerRole:
        return QString::fromStdString(definition.owner);
    case MineRole:
        return !definition.builtIn() && QString::fromStdString(definition.owner) == m_user;
    default:
        return {};
    }
}

QHash<int, QByteArray> WorklistListModel::roleNames() const
{
    return {{IdRole, "worklistId"}, {NameRole, "name"},     {DescriptionRole, "description"}, {BuiltInRole, "builtIn"},
            {SharedRole, "shared"},  {OwnerRole, "owner"}, {MineRole, "mine"}};
}
