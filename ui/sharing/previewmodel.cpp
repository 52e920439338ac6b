#include "previewmodel.h"

#include <QStringList>

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tables.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &table = m_tables[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ShareRole:
        return QString::fromStdString(table.share);
    case SchemaRole:
        return QString::fromStdString(table.schema);
    case NameRole:
    case Qt::DisplayRole:
        return QString::fromStdString(table.name);
    case VersionRole:
        return static_cast<qlonglong>(table.version);
    case ColumnsRole: {
        QStringList columns;
        for (const auto &column : table.columns)
            columns << QString::fromStdString(column.name + " " + column.type);
        return columns.join(QStringLiteral(", "));
    }
    case FilesRole:
        return static_cast<qlonglong>(table.files);
    case RowsRole:
        return static_cast<qlonglong>(table.rows);
    case BytesRole:
        return static_cast<qlonglong>(table.bytes);
    case ProblemRole:
        return QString::fromStdString(table.problem);
    default:
        return {};
    }
}

QHash<int, QByteArray> PreviewModel::roleNames() const
{
    return {{ShareRole, "share"},     {SchemaRole, "schema"},   {NameRole, "name"},
            {VersionRole, "version"}, {ColumnsRole, "columns"}, {FilesRole, "files"},
            {RowsRole, "rows"},       {BytesRole, "bytes"},     {ProblemRole, "problem"}};
}

void PreviewModel::reset(std::vector<lakeshore::sharing::client::PreviewTable> tables)
{
    const bool countMoves = tables.size() != m_tables.size();
    beginResetModel();
    m_tables = std::move(tables);
    endResetModel();
    if (countMoves)
        Q_EMIT countChanged();
}
