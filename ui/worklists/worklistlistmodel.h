// The Worklists screen's list: the definitions shipped with Lakeshore, then the saved ones the user can
// see (shared ones and their own private ones), by name.
#pragma once

#include "worklists/definition.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

class WorklistListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The worklists controller owns it")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, DescriptionRole, BuiltInRole, SharedRole, OwnerRole, MineRole };
    Q_ENUM(Role)

    explicit WorklistListModel(QObject *parent = nullptr);

    void setDefinitions(std::vector<lakeshore::worklists::Definition> definitions, const QString &user);
    [[nodiscard]] const lakeshore::worklists::Definition *find(const QString &id) const;
    [[nodiscard]] int count() const { return static_cast<int>(m_definitions.size()); }
    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QString idAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<lakeshore::worklists::Definition> m_definitions;
    QString m_user;
};
