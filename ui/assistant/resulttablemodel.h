// One answer's rows as a table for a virtualized TableView: formatted cells (money, percentages in the
// user's locale), numbers flagged for right alignment, null as a mark of its own, sorting by a column
// (off the GUI thread for large results), the CRM account behind a row, copy of a selection as
// tab-separated text, and "Export CSV…" written on a worker thread. Rows stay in memory only.
#pragma once

#include "assistant/answer.h"

#include <cstdint>
#include <map>
#include <optional>
#include <QAbstractTableModel>
#include <QLocale>
#include <QModelIndexList>
#include <QQmlEngine>
#include <QUrl>
#include <vector>

class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each answer of the assistant's conversation has one")

    Q_PROPERTY(int rows READ rows NOTIFY resultChanged)
    Q_PROPERTY(int columns READ columns NOTIFY resultChanged)
    Q_PROPERTY(bool hasAccounts READ hasAccounts NOTIFY resultChanged)
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY sortChanged) // -1: the order the lakehouse sent
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder NOTIFY sortChanged)
    Q_PROPERTY(bool sorting READ sorting NOTIFY sortingChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)

public:
    enum Role {
        NumericRole = Qt::UserRole + 1, // the column holds numbers: right-aligned
        NullRole,                       // the cell is null; display is an em dash
        RawRole,                        // the cell as the lakehouse sent it (no formatting)
    };
    Q_ENUM(Role)

    explicit ResultTableModel(QObject *parent = nullptr);
    ~ResultTableModel() override;

    // formats: column → how to show its numbers; accountColumn: the column of account numbers (may be
    // empty); accounts: account number → CRM account, as the answer bound them.
    void setResult(lakeshore::assistant::ResultSet rows,
                   const std::map<std::string, lakeshore::assistant::MetricFormat> &formats,
                   const std::string &accountColumn,
                   std::map<std::string, lakeshore::assistant::AccountRef> accounts);
    // A larger snapshot of the same result while it is still being decoded: its new rows are inserted
    // (a sort in effect is run again to take them in); anything else is ignored.
    void growResult(lakeshore::assistant::ResultSet grown);
    // Headers to show instead of the ones made from column names (SQL name -> label); a worklist's hints.
    void setColumnLabels(std::map<std::string, QString> labels);
    // Tells the model about an account found later (findAccount), so its rows open directly next time.
    void addAccount(const std::string &number, lakeshore::assistant::AccountRef account);
    [[nodiscard]] const lakeshore::assistant::ResultSet &resultSet() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int rows() const { return rowCount(); }
    [[nodiscard]] int columns() const { return columnCount(); }
    [[nodiscard]] bool hasAccounts() const { return m_accountColumn.has_value(); }
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    [[nodiscard]] bool sorting() const { return m_sortRunning; }
    [[nodiscard]] bool exporting() const { return m_exporting; }

    // Results with at least this many rows are sorted on a worker thread (the view resets when done).
    void setAsyncSortThreshold(std::size_t rows) { m_asyncSortThreshold = rows; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // A header click: ascending first, then the other way.
    Q_INVOKABLE void toggleSort(int column);

    // The longest shown text in a column (a sample of its first rows), in characters, for widths.
    Q_INVOKABLE int columnTextLength(int column) const;

    // The account behind a row of the view (sorted order); empty when the answer has no account column,
    // the cell is null, or the CRM did not bind that number.
    Q_INVOKABLE QString accountNumber(int row) const;
    Q_INVOKABLE QString accountId(int row) const;

    // The selected cells as rows × columns of tab-separated shown text (unselected cells in that grid are
    // empty); copySelection puts it on the clipboard and returns how many cells were copied.
    Q_INVOKABLE QString selectionText(const QModelIndexList &indexes) const;
    Q_INVOKABLE int copySelection(const QModelIndexList &indexes) const;

    // Writes the whole table, in the view's order, as CSV to a local file on a worker thread; ends with
    // exportFinished. A second export while one runs is refused.
    Q_INVOKABLE void exportCsv(const QUrl &url);

Q_SIGNALS:
    void resultChanged();
    void sortChanged();
    void sortingChanged();
    void exportingChanged();
    void exportFinished(bool ok, const QString &message);

private:
    [[nodiscard]] std::size_t sourceRow(int row) const;
    void applySort(int column, Qt::SortOrder order, std::vector<std::uint32_t> permutation,
                   std::uint64_t generation);
    // Per-column formats, number flags and the account column, for m_rows' columns.
    void adoptColumns();

    lakeshore::assistant::ResultSet m_rows;
    std::vector<std::optional<lakeshore::assistant::MetricFormat>> m_formats; // per column
    std::vector<bool> m_numeric;                                              // per column
    std::optional<std::size_t> m_accountColumn;
    std::map<std::string, lakeshore::assistant::MetricFormat> m_formatsByName; // as the answer gave them
    std::string m_accountColumnName;
    std::map<std::string, lakeshore::assistant::AccountRef> m_accounts;
    std::map<std::string, QString> m_labels; // header overrides by SQL name
    std::vector<std::uint32_t> m_order; // view row → result row; empty = as sent
    int m_sortColumn = -1;              // the sort shown
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_wantedSortColumn = -1; // the sort last asked for (it may still be running)
    Qt::SortOrder m_wantedSortOrder = Qt::AscendingOrder;
    std::uint64_t m_sortGeneration = 0;
    bool m_sortRunning = false; // a worker thread is sorting
    std::size_t m_asyncSortThreshold = 20000;
    bool m_exporting = false;
    QLocale m_locale;
};
