// What a recipient sees through the protocol ("Preview as recipient"): one row per table with its
// version, columns, files, rows and bytes, or why it could not be read.
#pragma once

#include "sharing/client/sharepreview.h"

#include <QAbstractListModel>
#include <QQmlEngine>

class PreviewModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ShareServerController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ShareRole = Qt::UserRole + 1,
        SchemaRole,
        NameRole,
        VersionRole,
        ColumnsRole,
        FilesRole,
        RowsRole,
        BytesRole,
        ProblemRole
    };

    using QAbstractListModel::QAbstractListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reset(std::vector<lakeshore::sharing::client::PreviewTable> tables);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<lakeshore::sharing::client::PreviewTable> m_tables;
};
