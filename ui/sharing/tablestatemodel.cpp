#include "tablestatemodel.h"

#include <QDateTime>
#include <QLocale>

int TableStateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_states.size());
}

QVariant TableStateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &state = m_states[static_cast<std::size_t>(index.row())];
    switch (role) {
    case EntityRole:
    case Qt::DisplayRole:
        return QString::fromStdString(state.entity);
    case VersionRole:
        return state.version ? QVariant(static_cast<qlonglong>(*state.version)) : QVariant(-1);
    case CommittedRole:
        return state.version ? QDateTime::fromMSecsSinceEpoch(state.committedAt) : QVariant();
    case RowsRole:
        return static_cast<qlonglong>(state.rows);
    case FilesRole:
        return state.files;
    case BytesRole:
        return static_cast<qlonglong>(state.bytes);
    case ProblemRole:
        return QString::fromStdString(state.problem);
    default:
        return {};
    }
}

QHash<int, QByteArray> TableStateModel::roleNames() const
{
    return {{EntityRole, "entity"},  {VersionRole, "version"}, {CommittedRole, "committedAt"},
            {RowsRole, "rows"},      {FilesRole, "files"},     {BytesRole, "bytes"},
            {ProblemRole, "problem"}};
}

void TableStateModel::reset(std::vector<lakeshore::sharing::snapshot::TableState> states)
{
    beginResetModel();
    m_states = std::move(states);
    ++m_revision;
    endResetModel();
    Q_EMIT countChanged();
}

QString TableStateModel::summary(const QString &entity) const
{
    for (const auto &state : m_states) {
        if (QString::fromStdString(state.entity) != entity)
            continue;
        if (!state.version)
            return tr("not published yet");
        return tr("version %1 · %2 · %Ln rows", "", static_cast<int>(state.rows))
            .arg(*state.version)
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(state.committedAt), QLocale::ShortFormat));
    }
    return {};
}
