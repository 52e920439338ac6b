// Names with write-only values (an MCP server's environment or HTTP headers) as an editor shows them:
// a stored value is never loaded into the GUI, only the fact that one exists; typing replaces it.
// A renamed row keeps its stored value (rows remember the name they were stored under).
#pragma once

#include <map>
#include <QAbstractListModel>
#include <QQmlEngine>
#include <string>
#include <utility>
#include <vector>

class SecretMapModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Secret maps belong to a form")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ValueInputRole, StoredRole };

    explicit SecretMapModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }

    Q_INVOKABLE void append();
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void setName(int row, const QString &name);
    Q_INVOKABLE void setValue(int row, const QString &value);

    // Loads stored names; their values stay on the disk thread.
    void load(const std::vector<std::string> &storedNames);
    // Typed values by trimmed name: new rows, and stored rows given a new value.
    [[nodiscard]] std::map<std::string, std::string> typed() const;
    // (name, name it was stored under) for rows that keep their stored value.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> kept() const;
    // The names, in order, for previews and validation.
    [[nodiscard]] std::vector<std::string> names() const;

Q_SIGNALS:
    void countChanged();
    void edited();

private:
    struct Row
    {
        QString name;
        QString storedName; // empty for a new row
        QString valueInput;
        bool stored = false;
    };
    std::vector<Row> m_rows;
};
