#include "resulttablemodel.h"

#include "cellformat.h"
#include "columnlabel.h"
#include "csvfile.h"
#include "guithread.h"

#include <algorithm>
#include <climits>
#include <numeric>
#include <QClipboard>
#include <QGuiApplication>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <utility>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

const QString kEmDash = QStringLiteral("\u2014");

bool isNumericColumn(const assistant::ResultColumn &column)
{
    return !column.mixed &&
           (column.type == assistant::ColumnType::Integer || column.type == assistant::ColumnType::Real);
}

QString oneLine(QString text)
{
    for (QChar &c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return text;
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ResultTableModel::~ResultTableModel() = default;

void ResultTableModel::setResult(assistant::ResultSet rows,
                                 const std::map<std::string, assistant::MetricFormat> &formats,
                                 const std::string &accountColumn,
                                 std::map<std::string, assistant::AccountRef> accounts)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_accounts = std::move(accounts);
    m_formatsByName = formats;
    m_accountColumnName = accountColumn;
    adoptColumns();
    m_order.clear();
    m_sortColumn = -1;
    m_sortOrder = Qt::AscendingOrder;
    m_wantedSortColumn = -1;
    m_wantedSortOrder = Qt::AscendingOrder;
    const bool wasSorting = std::exchange(m_sortRunning, false);
    ++m_sortGeneration; // drops a sort still running for the old rows
    endResetModel();
    Q_EMIT resultChanged();
    Q_EMIT sortChanged();
    if (wasSorting)
        Q_EMIT sortingChanged();
}

void ResultTableModel::adoptColumns()
{
    m_formats.clear();
    m_numeric.clear();
    m_accountColumn.reset();
    for (std::size_t i = 0; i < m_rows.columnCount(); ++i) {
        const auto &column = m_rows.columns()[i];
        const auto format = m_formatsByName.find(column.name);
        m_formats.push_back(format == m_formatsByName.end() ? std::nullopt : std::optional(format->second));
        m_numeric.push_back(isNumericColumn(column));
        if (!m_accountColumnName.empty() && column.name == m_accountColumnName)
            m_accountColumn = i;
    }
}

void ResultTableModel::growResult(assistant::ResultSet grown)
{
    if (grown.columnCount() < m_rows.columnCount() || grown.rowCount() < m_rows.rowCount())
        return; // not the same decode growing: setResult() is for a new result
    const int before = rowCount();
    const int after =
        grown.hasTable() ? static_cast<int>(std::min<std::size_t>(grown.rowCount(), INT_MAX)) : 0;
    if (grown.columnCount() > m_rows.columnCount()) {
        // A key first seen in later rows added a column: the view starts over with every column.
        beginResetModel();
        m_rows = std::move(grown);
        adoptColumns();
        endResetModel();
    } else {
        if (after > before)
            beginInsertRows({}, before, after - 1);
        m_rows = std::move(grown);
        if (after > before)
            endInsertRows();
        // A column whose first rows were all null may turn out numeric.
        bool numericChanged = false;
        for (std::size_t i = 0; i < m_rows.columnCount(); ++i) {
            const bool numeric = isNumericColumn(m_rows.columns()[i]);
            numericChanged = numericChanged || numeric != m_numeric[i];
            m_numeric[i] = numeric;
        }
        if (numericChanged && after > 0) {
            Q_EMIT dataChanged(index(0, 0), index(after - 1, columnCount() - 1),
                               {NumericRole, Qt::DisplayRole});
            Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        }
    }
    Q_EMIT resultChanged();
    // The new rows sit unsorted at the end until the sort that takes them in lands.
    if (m_wantedSortColumn >= 0 && after > before)
        sort(m_wantedSortColumn, m_wantedSortOrder);
}

void ResultTableModel::setColumnLabels(std::map<std::string, QString> labels)
{
    m_labels = std::move(labels);
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void ResultTableModel::addAccount(const std::string &number, assistant::AccountRef account)
{
    m_accounts[number] = std::move(account);
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_rows.hasTable() ? 0 : static_cast<int>(m_rows.rowCount());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_rows.hasTable() ? 0 : static_cast<int>(m_rows.columnCount());
}

std::size_t ResultTableModel::sourceRow(int row) const
{
    // Rows a growing result added after the last sort follow the sorted ones as they came.
    const auto at = static_cast<std::size_t>(row);
    return at < m_order.size() ? m_order[at] : at;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t row = sourceRow(index.row());
    const auto column = static_cast<std::size_t>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (m_rows.isNull(row, column))
            return kEmDash;
        return ui::formatCell(m_rows, row, column, m_formats[column], m_locale);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue<int>((m_numeric[column] ? Qt::AlignRight : Qt::AlignLeft) |
                                        Qt::AlignVCenter);
    case NumericRole:
        return bool(m_numeric[column]);
    case NullRole:
        return m_rows.isNull(row, column);
    case RawRole:
        return m_rows.isNull(row, column) ? QVariant() : QString::fromStdString(m_rows.text(row, column));
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const std::string &name = m_rows.columns()[static_cast<std::size_t>(section)].name;
    switch (role) {
    case Qt::DisplayRole:
        if (const auto label = m_labels.find(name); label != m_labels.end())
            return label->second;
        return ui::columnLabel(name);
    case Qt::ToolTipRole:
        return QString::fromStdString(name);
    case NumericRole:
        return bool(m_numeric[static_cast<std::size_t>(section)]);
    default:
        return {};
    }
}

QHash<int, QByteArray> ResultTableModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {Qt::TextAlignmentRole, "textAlignment"},
            {Qt::ToolTipRole, "toolTip"}, {NumericRole, "numeric"},
            {NullRole, "isNull"},         {RawRole, "raw"}};
}

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < -1 || column >= columnCount())
        return;
    m_wantedSortColumn = column;
    m_wantedSortOrder = order;
    const std::uint64_t generation = ++m_sortGeneration;
    if (column == -1) {
        applySort(-1, Qt::AscendingOrder, {}, generation);
        return;
    }
    const auto sortOrder =
        order == Qt::AscendingOrder ? assistant::SortOrder::Ascending : assistant::SortOrder::Descending;
    if (m_rows.rowCount() < m_asyncSortThreshold) {
        applySort(column, order, m_rows.sortPermutation(static_cast<std::size_t>(column), sortOrder),
                  generation);
        return;
    }
    if (!std::exchange(m_sortRunning, true))
        Q_EMIT sortingChanged();
    QPointer<ResultTableModel> self(this);
    QThreadPool::globalInstance()->start([self, rows = m_rows, column, order, sortOrder, generation] {
        auto permutation = rows.sortPermutation(static_cast<std::size_t>(column), sortOrder);
        postToGui(self, [column, order, generation,
                         permutation = std::move(permutation)](ResultTableModel *model) mutable {
            model->applySort(column, order, std::move(permutation), generation);
        });
    });
}

void ResultTableModel::applySort(int column, Qt::SortOrder order, std::vector<std::uint32_t> permutation,
                                 std::uint64_t generation)
{
    if (generation != m_sortGeneration)
        return; // a newer sort (or new rows) came after this one
    const bool wasSorting = std::exchange(m_sortRunning, false);
    beginResetModel();
    m_order = std::move(permutation);
    m_sortColumn = column;
    m_sortOrder = order;
    endResetModel();
    Q_EMIT sortChanged();
    if (wasSorting)
        Q_EMIT sortingChanged();
}

void ResultTableModel::toggleSort(int column)
{
    const bool again = column == m_sortColumn && m_sortOrder == Qt::AscendingOrder;
    sort(column, again ? Qt::DescendingOrder : Qt::AscendingOrder);
}

int ResultTableModel::columnTextLength(int column) const
{
    if (column < 0 || column >= columnCount())
        return 0;
    qsizetype longest = 0;
    const int sample = std::min(rowCount(), 300);
    for (int row = 0; row < sample; ++row)
        longest = std::max(longest, data(index(row, column), Qt::DisplayRole).toString().size());
    return static_cast<int>(longest);
}

QString ResultTableModel::accountNumber(int row) const
{
    if (!m_accountColumn || row < 0 || row >= rowCount())
        return {};
    const std::size_t source = sourceRow(row);
    if (m_rows.isNull(source, *m_accountColumn))
        return {};
    return QString::fromStdString(m_rows.text(source, *m_accountColumn));
}

QString ResultTableModel::accountId(int row) const
{
    const QString number = accountNumber(row);
    if (number.isEmpty())
        return {};
    const auto found = m_accounts.find(number.toStdString());
    return found == m_accounts.end() ? QString() : QString::fromStdString(found->second.crmId);
}

QString ResultTableModel::selectionText(const QModelIndexList &indexes) const
{
    std::vector<int> rows, columns;
    QSet<QPair<int, int>> selected;
    for (const QModelIndex &index : indexes) {
        if (index.model() != this || !index.isValid())
            continue;
        rows.push_back(index.row());
        columns.push_back(index.column());
        selected.insert({index.row(), index.column()});
    }
    for (auto *list : {&rows, &columns}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    QString text;
    for (const int row : rows) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                text += QLatin1Char('\t');
            const QModelIndex cell = index(row, columns[i]);
            if (selected.contains({row, columns[i]}) && !data(cell, NullRole).toBool())
                text += oneLine(data(cell, Qt::DisplayRole).toString());
        }
        text += QLatin1Char('\n');
    }
    return text;
}

int ResultTableModel::copySelection(const QModelIndexList &indexes) const
{
    const QString text = selectionText(indexes);
    if (text.isEmpty())
        return 0;
    QGuiApplication::clipboard()->setText(text);
    int cells = 0;
    for (const QModelIndex &index : indexes)
        cells += index.isValid() && index.model() == this ? 1 : 0;
    return cells;
}

void ResultTableModel::exportCsv(const QUrl &url)
{
    if (m_exporting) {
        Q_EMIT exportFinished(false, tr("An export of this table is still running."));
        return;
    }
    if (!url.isLocalFile()) {
        Q_EMIT exportFinished(
            false, tr("Only files on this computer can be written: %1").arg(url.toDisplayString()));
        return;
    }
    const QString path = url.toLocalFile();
    // As the view shows them: sorted rows, then any that arrived after the last sort, as they came.
    std::vector<std::uint32_t> order = m_order;
    const std::size_t sorted = order.size();
    order.resize(m_rows.hasTable() ? m_rows.rowCount() : 0);
    std::iota(order.begin() + static_cast<std::ptrdiff_t>(std::min(sorted, order.size())), order.end(),
              static_cast<std::uint32_t>(sorted));
    std::vector<std::size_t> columns(m_rows.columnCount());
    std::iota(columns.begin(), columns.end(), std::size_t{0});
    m_exporting = true;
    Q_EMIT exportingChanged();
    QPointer<ResultTableModel> self(this);
    QThreadPool::globalInstance()->start(
        [self, path, rows = m_rows, order = std::move(order), columns = std::move(columns)] {
            const Status written = ui::writeCsvFile(path, rows, order, columns);
            const QString reason = written ? QString() : QString::fromStdString(written.error().message);
            const int count = static_cast<int>(order.size());
            postToGui(self, [path, reason, count, ok = written.ok()](ResultTableModel *model) {
                model->m_exporting = false;
                Q_EMIT model->exportingChanged();
                if (ok)
                    Q_EMIT model->exportFinished(true, tr("Saved %n row(s) to %1.", "", count).arg(path));
                else
                    Q_EMIT model->exportFinished(false, tr("Could not save %1: %2.").arg(path, reason));
            });
        });
}
