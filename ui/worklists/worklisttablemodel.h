// A worklist on screen for a virtualized TableView: the lakehouse rows joined with the CRM's owner,
// territory and status, filtered (all conditions or any), sorted by a header click, grouped by owner or
// territory with a total line per group (groups fold), formatted in the user's locale. Rows can be
// selected for follow-ups and carry the outcome of their task write. Everything stays in memory.
#pragma once

#include "assistant/semanticmodel.h"
#include "worklists/worklistview.h"

#include <cstdint>
#include <optional>
#include <QAbstractTableModel>
#include <QLocale>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <vector>

class WorklistTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The worklists controller owns it")

    Q_PROPERTY(int totalRows READ totalRows NOTIFY viewChanged)  // rows the lakehouse returned
    Q_PROPERTY(int shownRows READ shownRows NOTIFY viewChanged)  // rows passing the filters
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY viewChanged) // -1: the order the lakehouse sent
    Q_PROPERTY(bool descending READ descending NOTIFY viewChanged)
    Q_PROPERTY(QString groupBy READ groupBy WRITE setGroupBy NOTIFY viewChanged) // "", "owner", "territory"
    Q_PROPERTY(bool matchAll READ matchAll WRITE setMatchAll NOTIFY viewChanged)
    Q_PROPERTY(QVariantList filters READ filters NOTIFY viewChanged) // [{column, op, value, text}]
    Q_PROPERTY(QString filterError READ filterError NOTIFY viewChanged)
    Q_PROPERTY(QStringList columnLabels READ columnLabels NOTIFY columnsChanged)

public:
    enum Role {
        LineKindRole = Qt::UserRole + 1, // 0 group header, 1 row, 2 group total
        NumericRole,                     // right-aligned
        SelectedRole,
        JoinStateRole,  // 0 reading, 1 joined, 2 not in the CRM, 3 the CRM could not be read
        TaskStateRole,  // 0 none, 1 writing, 2 created, 3 failed
        TaskMessageRole,
        CollapsedRole, // group lines
        RowRole,       // the table row (rows), the group index (group lines)
    };
    Q_ENUM(Role)
    enum TaskState { NoTask, TaskWriting, TaskCreated, TaskFailed };
    Q_ENUM(TaskState)

    explicit WorklistTableModel(QObject *parent = nullptr);
    ~WorklistTableModel() override;

    // A new result: filters that still fit its columns are kept, selection and task outcomes are not.
    void setTable(lakeshore::worklists::WorklistTable table);
    void clear();
    [[nodiscard]] const lakeshore::worklists::WorklistTable &table() const { return m_table; }
    [[nodiscard]] const lakeshore::worklists::View &view() const { return m_view; }

    // The CRM join: keys of these table rows still to read, and their answer.
    [[nodiscard]] std::vector<std::string> keysToJoin(const std::vector<std::uint32_t> &rows) const;
    void applyJoin(const std::vector<std::string> &keys, const lakeshore::worklists::CrmFactsByKey &facts);
    void failJoin(const std::vector<std::string> &keys);
    // Table rows on the lines first..last (group lines skipped), for the join of what is on screen.
    [[nodiscard]] std::vector<std::uint32_t> rowsOnLines(int first, int last) const;

    [[nodiscard]] std::vector<std::uint32_t> selectedRows() const; // in view order
    void setTaskState(std::uint32_t row, TaskState state, const QString &message);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int totalRows() const { return static_cast<int>(m_table.rowCount()); }
    [[nodiscard]] int shownRows() const { return static_cast<int>(m_view.rows.size()); }
    [[nodiscard]] int selectedCount() const { return m_selectedCount; }
    [[nodiscard]] int sortColumn() const;
    [[nodiscard]] bool descending() const { return m_spec.descending; }
    [[nodiscard]] QString groupBy() const;
    void setGroupBy(const QString &field);
    [[nodiscard]] bool matchAll() const { return m_spec.matchAll; }
    void setMatchAll(bool all);
    [[nodiscard]] QVariantList filters() const;
    [[nodiscard]] QString filterError() const { return m_filterError; }
    [[nodiscard]] QStringList columnLabels() const;

    // A header click: descending first for numbers and dates (largest, latest on top), then the other way.
    Q_INVOKABLE void toggleSort(int column);
    Q_INVOKABLE void sortBy(int column, bool descending);
    // Conditions as [{column, op, value}] (op: "contains", "not-contains", "equals", "not-equals", "less",
    // "less-or-equal", "greater", "greater-or-equal", "empty", "not-empty"). A value a column cannot
    // compare with leaves the view as it was and sets filterError.
    Q_INVOKABLE bool setFilters(const QVariantList &conditions);
    Q_INVOKABLE bool addFilter(int column, const QString &op, const QString &value);
    Q_INVOKABLE void removeFilter(int index);
    Q_INVOKABLE void clearFilters();
    // [{op, label}] for a column's filter menu.
    Q_INVOKABLE QVariantList operatorsFor(int column) const;
    Q_INVOKABLE bool isNumericColumn(int column) const;
    Q_INVOKABLE QString formatOf(int column) const; // "text", "money", "date", ...

    Q_INVOKABLE void toggleGroup(int line);
    Q_INVOKABLE void setAllGroupsCollapsed(bool collapsed);
    Q_INVOKABLE void toggleSelected(int line);
    Q_INVOKABLE void setSelected(int line, bool selected);
    Q_INVOKABLE void selectAllShown();
    Q_INVOKABLE void clearSelection();

    Q_INVOKABLE int lineKind(int line) const;
    Q_INVOKABLE QString accountIdAt(int line) const;  // the CRM account id, "" until joined
    Q_INVOKABLE QString accountKeyAt(int line) const; // the account column's value
    Q_INVOKABLE QString accountNameAt(int line) const;
    Q_INVOKABLE QString ownerNameAt(int line) const;
    // The footer over every shown row, per column ("" where the column has no aggregate).
    Q_INVOKABLE QString footer(int column) const;
    // The longest shown text in a column among the first lines, in characters, for widths.
    Q_INVOKABLE int columnTextLength(int column) const;

    // A cell as the table shows it (formatted; the CRM's columns say when they are not known).
    [[nodiscard]] QString cellText(std::uint32_t row, std::size_t tableColumn) const;
    // How a column format's numbers are shown (the assistant's formats).
    [[nodiscard]] static std::optional<lakeshore::assistant::MetricFormat>
    metricFormat(lakeshore::worklists::ColumnFormat format);

    // Translated label of table column c (hint label, CRM column name, or the query's name).
    [[nodiscard]] QString labelOf(std::size_t tableColumn) const;
    [[nodiscard]] const std::vector<std::size_t> &visibleColumns() const { return m_visible; }

Q_SIGNALS:
    void viewChanged();
    void columnsChanged();
    void selectionChanged();

private:
    bool rebuild(const lakeshore::worklists::ViewSpec &spec); // false: filterError set, view kept
    void crmCellsChanged();
    [[nodiscard]] QString totalText(const lakeshore::worklists::Total &total, std::size_t tableColumn) const;
    [[nodiscard]] QString groupTitle(const lakeshore::worklists::Group &group) const;
    [[nodiscard]] const lakeshore::worklists::Line *lineAt(int line) const;

    lakeshore::worklists::WorklistTable m_table;
    lakeshore::worklists::ViewSpec m_spec;
    lakeshore::worklists::View m_view;
    std::vector<std::size_t> m_visible; // table columns shown, in order
    std::vector<char> m_selected;       // per table row
    int m_selectedCount = 0;
    std::vector<TaskState> m_taskState; // per table row
    std::vector<QString> m_taskMessage;
    QString m_filterError;
    QLocale m_locale;
};
