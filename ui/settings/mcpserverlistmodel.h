// The MCP servers of Settings → Lakehouse, one row each: what it runs (values masked), whether it is on,
// which lakehouse connections use it, or why its stored row cannot be read. Never a secret value.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

class McpServerListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The list belongs to an McpServersController")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ServerIdRole = Qt::UserRole + 1,
        NameRole,
        TransportRole, // "stdio" or "http"
        SummaryRole,   // mcp::launchSummary()
        EnabledRole,
        UsedByRole,  // names of the lakehouse connections using it, comma-separated
        ProblemRole, // why the stored row cannot be read; empty when it can
    };

    struct Row
    {
        QString id;
        QString name;
        QString transport;
        QString summary;
        bool enabled = true;
        QString usedBy;
        QString problem;
    };

    explicit McpServerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }

    void setRows(std::vector<Row> rows);
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }

    Q_INVOKABLE int indexOf(const QString &serverId) const; // -1 when absent
    Q_INVOKABLE QVariantMap get(int row) const;             // every role of one row; empty when out of range
    Q_INVOKABLE QStringList names() const;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<Row> m_rows;
};
