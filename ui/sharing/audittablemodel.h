// The share server's audit trail for the Audit tab: one row per request, newest first, at most 500, read
// from the settings store on its disk thread whenever a filter changes (recipient, text, failures only,
// time range) or refresh() is called. truncated says more rows matched than are shown.
#pragma once

#include "store/sharingsettings.h"

#include <QAbstractTableModel>
#include <QQmlEngine>
#include <vector>

class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The audit list belongs to a SharingController")

    Q_PROPERTY(QString tenant READ tenant WRITE setTenant NOTIFY filterChanged)
    Q_PROPERTY(QString recipientId READ recipientId WRITE setRecipientId NOTIFY filterChanged) // "" = all
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY filterChanged)
    Q_PROPERTY(bool failuresOnly READ failuresOnly WRITE setFailuresOnly NOTIFY filterChanged)
    Q_PROPERTY(Range range READ range WRITE setRange NOTIFY filterChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(bool truncated READ truncated NOTIFY stateChanged)
    Q_PROPERTY(int count READ count NOTIFY stateChanged)
    Q_PROPERTY(int limit READ limit CONSTANT)

public:
    enum Range { LastHour, LastDay, LastWeek, AllTime };
    Q_ENUM(Range)
    enum Column {
        TimeColumn,
        RecipientColumn,
        AddressColumn,
        EndpointColumn,
        ObjectColumn,
        VersionColumn,
        FilesColumn,
        BytesColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        FailedRole = Qt::UserRole + 1, // the request was refused or failed (status >= 400)
        NumericRole,                   // the column holds numbers (right-aligned)
    };
    Q_ENUM(Role)

    static constexpr int kLimit = 500;

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString tenant() const { return m_tenant; }
    void setTenant(const QString &tenant);
    [[nodiscard]] QString recipientId() const { return m_recipientId; }
    void setRecipientId(const QString &id);
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] bool failuresOnly() const { return m_failuresOnly; }
    void setFailuresOnly(bool on);
    [[nodiscard]] Range range() const { return m_range; }
    void setRange(Range range);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool truncated() const { return m_truncated; }
    [[nodiscard]] int count() const { return static_cast<int>(m_events.size()); }
    [[nodiscard]] int limit() const { return kLimit; }
    [[nodiscard]] const std::vector<lakeshore::store::AuditEvent> &events() const { return m_events; }

    // Reads again with the current filters (a filter change does this by itself).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE QVariantMap get(int row) const; // the event's fields; empty when out of range

Q_SIGNALS:
    void filterChanged();
    void stateChanged();
    void refreshed(); // a read finished (its rows or its error are in place)

private:
    void scheduleRefresh();
    void apply(std::vector<lakeshore::store::AuditEvent> events, QString error);
    [[nodiscard]] QString cellText(const lakeshore::store::AuditEvent &event, int column) const;

    QString m_tenant;
    QString m_recipientId;
    QString m_text;
    bool m_failuresOnly = false;
    Range m_range = LastWeek;
    bool m_loading = false;
    bool m_scheduled = false;
    quint64 m_generation = 0; // answers to older reads are dropped
    QString m_error;
    bool m_truncated = false;
    std::vector<lakeshore::store::AuditEvent> m_events;
};
