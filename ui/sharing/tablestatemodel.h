// The shared tables of the tenant as the Sharing screen lists them: each CRM entity's published version,
// when it was committed, its rows, files and bytes, or why it cannot be read.
#pragma once

#include "sharing/snapshot/snapshotter.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

class TableStateModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ShareServerController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Moves on every reset: bindings on summary() name it to be evaluated again.
    Q_PROPERTY(int revision READ revision NOTIFY countChanged)

public:
    enum Role {
        EntityRole = Qt::UserRole + 1,
        VersionRole,
        CommittedRole,
        RowsRole,
        FilesRole,
        BytesRole,
        ProblemRole
    };

    using QAbstractListModel::QAbstractListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int revision() const { return m_revision; }
    void reset(std::vector<lakeshore::sharing::snapshot::TableState> states);
    // The state of one entity's table as text for a share's table row: "v3 · 21 Nov 17:42", or why not.
    Q_INVOKABLE QString summary(const QString &entity) const;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<lakeshore::sharing::snapshot::TableState> m_states;
    int m_revision = 0;
};
