#include "worklisttablemodel.h"

#include "cellformat.h"
#include "columnlabel.h"

#include <algorithm>
#include <QCoreApplication>

using namespace lakeshore::worklists;

namespace {

const std::pair<FilterOp, const char *> kOps[] = {
    {FilterOp::Contains, "contains"},       {FilterOp::NotContains, "not-contains"},
    {FilterOp::Equals, "equals"},           {FilterOp::NotEquals, "not-equals"},
    {FilterOp::Less, "less"},               {FilterOp::LessOrEqual, "less-or-equal"},
    {FilterOp::Greater, "greater"},         {FilterOp::GreaterOrEqual, "greater-or-equal"},
    {FilterOp::IsEmpty, "empty"},           {FilterOp::IsNotEmpty, "not-empty"}};

const char *opName(FilterOp op)
{
    for (const auto &[value, name] : kOps)
        if (value == op)
            return name;
    return "contains";
}

std::optional<FilterOp> parseOp(const QString &name)
{
    for (const auto &[value, text] : kOps)
        if (name == QLatin1String(text))
            return value;
    return std::nullopt;
}

QString opLabel(FilterOp op, bool ordered)
{
    switch (op) {
    case FilterOp::Contains:
        return WorklistTableModel::tr("contains");
    case FilterOp::NotContains:
        return WorklistTableModel::tr("does not contain");
    case FilterOp::Equals:
        return WorklistTableModel::tr("is");
    case FilterOp::NotEquals:
        return WorklistTableModel::tr("is not");
    case FilterOp::Less:
        return ordered ? WorklistTableModel::tr("is before") : QStringLiteral("<");
    case FilterOp::LessOrEqual:
        return ordered ? WorklistTableModel::tr("is on or before") : QStringLiteral("≤");
    case FilterOp::Greater:
        return ordered ? WorklistTableModel::tr("is after") : QStringLiteral(">");
    case FilterOp::GreaterOrEqual:
        return ordered ? WorklistTableModel::tr("is on or after") : QStringLiteral("≥");
    case FilterOp::IsEmpty:
        return WorklistTableModel::tr("is empty");
    case FilterOp::IsNotEmpty:
        return WorklistTableModel::tr("is not empty");
    }
    return {};
}

} // namespace

std::optional<lakeshore::assistant::MetricFormat> WorklistTableModel::metricFormat(ColumnFormat format)
{
    using lakeshore::assistant::MetricFormat;
    switch (format) {
    case ColumnFormat::Money:
        return MetricFormat::Currency;
    case ColumnFormat::Percent:
        return MetricFormat::Percent;
    case ColumnFormat::Integer:
        return MetricFormat::Count;
    case ColumnFormat::Number:
        return MetricFormat::Number;
    default:
        return std::nullopt;
    }
}

WorklistTableModel::WorklistTableModel(QObject *parent) : QAbstractTableModel(parent) {}

WorklistTableModel::~WorklistTableModel() = default;

void WorklistTableModel::setTable(WorklistTable table)
{
    beginResetModel();
    const auto oldColumns = m_table.columns();
    m_table = std::move(table);
    m_visible.clear();
    for (std::size_t c = 0; c < m_table.columns().size(); ++c)
        if (!m_table.columns()[c].hidden)
            m_visible.push_back(c);
    // Keep filters and sort that name the same columns (a refresh); drop the rest.
    auto sameColumn = [&](std::size_t c) {
        return c < oldColumns.size() && c < m_table.columns().size() && oldColumns[c].name == m_table.columns()[c].name;
    };
    std::erase_if(m_spec.conditions, [&](const Condition &condition) { return !sameColumn(condition.column); });
    if (m_spec.sortColumn && !sameColumn(*m_spec.sortColumn))
        m_spec.sortColumn.reset();
    m_selected.assign(m_table.rowCount(), 0);
    m_selectedCount = 0;
    m_taskState.assign(m_table.rowCount(), NoTask);
    m_taskMessage.assign(m_table.rowCount(), QString());
    m_filterError.clear();
    auto built = buildView(m_table, m_spec);
    if (!built) {
        m_spec.conditions.clear();
        built = buildView(m_table, m_spec);
    }
    m_view = built ? std::move(built.value()) : View{};
    endResetModel();
    Q_EMIT columnsChanged();
    Q_EMIT viewChanged();
    Q_EMIT selectionChanged();
}

void WorklistTableModel::clear()
{
    setTable(WorklistTable());
}

std::vector<std::string> WorklistTableModel::keysToJoin(const std::vector<std::uint32_t> &rows) const
{
    return m_table.keysToJoin(rows);
}

void WorklistTableModel::applyJoin(const std::vector<std::string> &keys, const CrmFactsByKey &facts)
{
    m_table.applyJoin(keys, facts);
    crmCellsChanged();
}

void WorklistTableModel::failJoin(const std::vector<std::string> &keys)
{
    m_table.failJoin(keys);
    crmCellsChanged();
}

void WorklistTableModel::crmCellsChanged()
{
    const auto onCrm = [this](std::size_t column) { return m_table.columns()[column].crmField.has_value(); };
    const bool shaped = m_spec.groupBy || (m_spec.sortColumn && onCrm(*m_spec.sortColumn)) ||
                        std::any_of(m_spec.conditions.begin(), m_spec.conditions.end(),
                                    [&](const Condition &condition) { return onCrm(condition.column); });
    if (shaped) {
        rebuild(m_spec); // the CRM's answer moves rows between groups or past filters
        return;
    }
    // Only cells changed: keep the view (and where the user scrolled to).
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole, JoinStateRole});
}

std::vector<std::uint32_t> WorklistTableModel::rowsOnLines(int first, int last) const
{
    std::vector<std::uint32_t> rows;
    const int count = static_cast<int>(m_view.lines.size());
    for (int line = std::max(0, first); line <= std::min(last, count - 1); ++line)
        if (m_view.lines[static_cast<std::size_t>(line)].kind == LineKind::Row)
            rows.push_back(m_view.lines[static_cast<std::size_t>(line)].index);
    return rows;
}

std::vector<std::uint32_t> WorklistTableModel::selectedRows() const
{
    std::vector<std::uint32_t> rows;
    for (auto row : m_view.rows)
        if (m_selected[row])
            rows.push_back(row);
    return rows;
}

void WorklistTableModel::setTaskState(std::uint32_t row, TaskState state, const QString &message)
{
    if (row >= m_taskState.size())
        return;
    m_taskState[row] = state;
    m_taskMessage[row] = message;
    for (std::size_t line = 0; line < m_view.lines.size(); ++line)
        if (m_view.lines[line].kind == LineKind::Row && m_view.lines[line].index == row)
            Q_EMIT dataChanged(index(static_cast<int>(line), 0),
                               index(static_cast<int>(line), columnCount() - 1), {TaskStateRole, TaskMessageRole});
}

bool WorklistTableModel::rebuild(const ViewSpec &spec)
{
    auto built = buildView(m_table, spec);
    if (!built) {
        m_filterError = QString::fromStdString(built.error().message);
        Q_EMIT viewChanged();
        return false;
    }
    beginResetModel();
    m_spec = spec;
    m_view = std::move(built.value());
    m_filterError.clear();
    endResetModel();
    // Rows filtered away stay selected only if shown: a hidden row is never written to by accident.
    int selected = 0;
    std::vector<char> shown(m_table.rowCount(), 0);
    for (auto row : m_view.rows)
        shown[row] = 1;
    for (std::size_t row = 0; row < m_selected.size(); ++row) {
        m_selected[row] = m_selected[row] && shown[row];
        selected += m_selected[row];
    }
    const bool selectionMoved = selected != m_selectedCount;
    m_selectedCount = selected;
    Q_EMIT viewChanged();
    if (selectionMoved)
        Q_EMIT selectionChanged();
    return true;
}

int WorklistTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_view.lines.size());
}

int WorklistTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

const Line *WorklistTableModel::lineAt(int line) const
{
    if (line < 0 || line >= static_cast<int>(m_view.lines.size()))
        return nullptr;
    return &m_view.lines[static_cast<std::size_t>(line)];
}

QString WorklistTableModel::cellText(std::uint32_t row, std::size_t tableColumn) const
{
    const auto &column = m_table.columns()[tableColumn];
    if (column.crmField) {
        switch (m_table.joinState(row)) {
        case JoinState::Pending:
            return QStringLiteral("…");
        case JoinState::Failed:
            return tr("Unknown");
        case JoinState::NotInCrm:
            return tr("Not in CRM");
        case JoinState::Joined:
            break;
        }
        if (*column.crmField == CrmField::Status)
            return m_table.facts(row)->active ? tr("Active") : tr("Inactive");
        const QString text = QString::fromStdString(m_table.text(row, tableColumn));
        return text.isEmpty() ? tr("Unknown") : text;
    }
    if (column.format == ColumnFormat::Text || column.format == ColumnFormat::Date)
        return QString::fromStdString(m_table.text(row, tableColumn));
    const auto number = m_table.number(row, tableColumn);
    if (!number)
        return QString::fromStdString(m_table.text(row, tableColumn));
    return lakeshore::ui::formatNumber(*number, metricFormat(column.format), column.format == ColumnFormat::Integer,
                                       m_locale);
}

QString WorklistTableModel::totalText(const Total &total, std::size_t tableColumn) const
{
    const auto &column = m_table.columns()[tableColumn];
    if (!total.text.empty())
        return QString::fromStdString(total.text);
    if (!total.number)
        return {};
    return lakeshore::ui::formatNumber(*total.number, metricFormat(column.format),
                                       column.format == ColumnFormat::Integer, m_locale);
}

QString WorklistTableModel::groupTitle(const Group &group) const
{
    if (!group.key.empty())
        return QString::fromStdString(group.key);
    const bool pending = !group.rows.empty() && m_table.joinState(group.rows.front()) == JoinState::Pending;
    if (m_spec.groupBy == CrmField::Territory)
        return pending ? tr("Territory not read yet") : tr("Territory not known");
    return pending ? tr("Owner not read yet") : tr("Owner not known");
}

QVariant WorklistTableModel::data(const QModelIndex &index, int role) const
{
    const Line *line = lineAt(index.row());
    if (!line || index.column() < 0 || index.column() >= columnCount())
        return {};
    const std::size_t tableColumn = m_visible[static_cast<std::size_t>(index.column())];
    const auto &column = m_table.columns()[tableColumn];
    switch (role) {
    case LineKindRole:
        return static_cast<int>(line->kind);
    case NumericRole:
        return isNumeric(column.format) && column.queryColumn.has_value();
    case RowRole:
        return static_cast<int>(line->index);
    case CollapsedRole:
        return line->kind != LineKind::Row && m_view.groups[line->index].collapsed;
    default:
        break;
    }
    if (line->kind == LineKind::Row) {
        const auto row = line->index;
        switch (role) {
        case Qt::DisplayRole:
            return cellText(row, tableColumn);
        case SelectedRole:
            return m_selected[row] != 0;
        case JoinStateRole:
            return static_cast<int>(m_table.joinState(row));
        case TaskStateRole:
            return static_cast<int>(m_taskState[row]);
        case TaskMessageRole:
            return m_taskMessage[row];
        default:
            return {};
        }
    }
    const auto &group = m_view.groups[line->index];
    if (role != Qt::DisplayRole)
        return role == SelectedRole ? QVariant(false) : QVariant();
    if (line->kind == LineKind::GroupHeader)
        return index.column() == 0 ? tr("%1 · %n account(s)", nullptr, static_cast<int>(group.rows.size()))
                                         .arg(groupTitle(group))
                                   : QString();
    if (index.column() == 0 && column.aggregate == Aggregate::None)
        return tr("Total %1").arg(groupTitle(group));
    return totalText(group.totals[tableColumn], tableColumn);
}

QString WorklistTableModel::labelOf(std::size_t tableColumn) const
{
    const auto &column = m_table.columns()[tableColumn];
    if (column.crmField) {
        switch (*column.crmField) {
        case CrmField::Owner:
            return tr("Owner");
        case CrmField::Territory:
            return tr("Territory");
        case CrmField::Status:
            return tr("Account status");
        }
    }
    if (column.label.empty())
        return lakeshore::ui::columnLabel(column.name);
    // Built-in definitions' labels are translated; a saved definition's come back as written.
    return QCoreApplication::translate("BuiltInWorklists", column.label.c_str());
}

QVariant WorklistTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return labelOf(m_visible[static_cast<std::size_t>(section)]);
}

QHash<int, QByteArray> WorklistTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names[LineKindRole] = "lineKind";
    names[NumericRole] = "numeric";
    names[SelectedRole] = "selected";
    names[JoinStateRole] = "joinState";
    names[TaskStateRole] = "taskState";
    names[TaskMessageRole] = "taskMessage";
    names[CollapsedRole] = "collapsed";
    names[RowRole] = "tableRow";
    return names;
}

int WorklistTableModel::sortColumn() const
{
    if (!m_spec.sortColumn)
        return -1;
    const auto at = std::find(m_visible.begin(), m_visible.end(), *m_spec.sortColumn);
    return at == m_visible.end() ? -1 : static_cast<int>(at - m_visible.begin());
}

QString WorklistTableModel::groupBy() const
{
    if (!m_spec.groupBy)
        return {};
    return *m_spec.groupBy == CrmField::Territory ? QStringLiteral("territory") : QStringLiteral("owner");
}

void WorklistTableModel::setGroupBy(const QString &field)
{
    ViewSpec spec = m_spec;
    if (field == QLatin1String("owner"))
        spec.groupBy = CrmField::Owner;
    else if (field == QLatin1String("territory"))
        spec.groupBy = CrmField::Territory;
    else
        spec.groupBy.reset();
    if (spec.groupBy == m_spec.groupBy)
        return;
    spec.collapsed.clear();
    rebuild(spec);
}

void WorklistTableModel::setMatchAll(bool all)
{
    if (all == m_spec.matchAll)
        return;
    ViewSpec spec = m_spec;
    spec.matchAll = all;
    rebuild(spec);
}

QVariantList WorklistTableModel::filters() const
{
    QVariantList out;
    for (const auto &condition : m_spec.conditions) {
        const auto at = std::find(m_visible.begin(), m_visible.end(), condition.column);
        const int shown = at == m_visible.end() ? -1 : static_cast<int>(at - m_visible.begin());
        const auto &column = m_table.columns()[condition.column];
        const bool ordered = column.format == ColumnFormat::Date;
        QString text = labelOf(condition.column) + QLatin1Char(' ') + opLabel(condition.op, ordered);
        if (condition.op != FilterOp::IsEmpty && condition.op != FilterOp::IsNotEmpty)
            text += QStringLiteral(" “") + QString::fromStdString(condition.value) + QStringLiteral("”");
        out.append(QVariantMap{{QStringLiteral("column"), shown},
                               {QStringLiteral("op"), QString::fromLatin1(opName(condition.op))},
                               {QStringLiteral("value"), QString::fromStdString(condition.value)},
                               {QStringLiteral("text"), text}});
    }
    return out;
}

QStringList WorklistTableModel::columnLabels() const
{
    QStringList labels;
    for (auto c : m_visible)
        labels.append(labelOf(c));
    return labels;
}

void WorklistTableModel::toggleSort(int column)
{
    if (column < 0 || column >= columnCount())
        return;
    const std::size_t tableColumn = m_visible[static_cast<std::size_t>(column)];
    const auto &def = m_table.columns()[tableColumn];
    const bool largestFirst = isNumeric(def.format) || def.format == ColumnFormat::Date;
    const bool descending = m_spec.sortColumn == tableColumn ? !m_spec.descending : largestFirst;
    sortBy(column, descending);
}

void WorklistTableModel::sortBy(int column, bool descending)
{
    if (column < 0 || column >= columnCount())
        return;
    ViewSpec spec = m_spec;
    spec.sortColumn = m_visible[static_cast<std::size_t>(column)];
    spec.descending = descending;
    rebuild(spec);
}

bool WorklistTableModel::setFilters(const QVariantList &conditions)
{
    ViewSpec spec = m_spec;
    spec.conditions.clear();
    for (const auto &entry : conditions) {
        const QVariantMap map = entry.toMap();
        const int column = map.value(QStringLiteral("column"), -1).toInt();
        const auto op = parseOp(map.value(QStringLiteral("op")).toString());
        if (column < 0 || column >= columnCount() || !op) {
            m_filterError = tr("A filter names a column or a comparison this worklist does not have.");
            Q_EMIT viewChanged();
            return false;
        }
        spec.conditions.push_back(
            {m_visible[static_cast<std::size_t>(column)], *op, map.value(QStringLiteral("value")).toString().trimmed().toStdString()});
    }
    return rebuild(spec);
}

bool WorklistTableModel::addFilter(int column, const QString &op, const QString &value)
{
    QVariantList conditions = filters();
    conditions.append(QVariantMap{{QStringLiteral("column"), column}, {QStringLiteral("op"), op},
                                  {QStringLiteral("value"), value}});
    return setFilters(conditions);
}

void WorklistTableModel::removeFilter(int index)
{
    if (index < 0 || index >= static_cast<int>(m_spec.conditions.size()))
        return;
    ViewSpec spec = m_spec;
    spec.conditions.erase(spec.conditions.begin() + index);
    rebuild(spec);
}

void WorklistTableModel::clearFilters()
{
    ViewSpec spec = m_spec;
    spec.conditions.clear();
    rebuild(spec);
}

QVariantList WorklistTableModel::operatorsFor(int column) const
{
    QVariantList out;
    if (column < 0 || column >= columnCount())
        return out;
    const auto &def = m_table.columns()[m_visible[static_cast<std::size_t>(column)]];
    const ColumnFormat format = def.crmField ? ColumnFormat::Text : def.format;
    for (auto op : lakeshore::worklists::operatorsFor(format))
        out.append(QVariantMap{{QStringLiteral("op"), QString::fromLatin1(opName(op))},
                               {QStringLiteral("label"), opLabel(op, format == ColumnFormat::Date)}});
    return out;
}

bool WorklistTableModel::isNumericColumn(int column) const
{
    if (column < 0 || column >= columnCount())
        return false;
    const auto &def = m_table.columns()[m_visible[static_cast<std::size_t>(column)]];
    return isNumeric(def.format) && def.queryColumn.has_value();
}

QString WorklistTableModel::formatOf(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    const auto &def = m_table.columns()[m_visible[static_cast<std::size_t>(column)]];
    return QString::fromLatin1(def.crmField ? "text" : formatName(def.format));
}

void WorklistTableModel::toggleGroup(int line)
{
    const Line *at = lineAt(line);
    if (!at || at->kind == LineKind::Row)
        return;
    ViewSpec spec = m_spec;
    const std::string &key = m_view.groups[at->index].key;
    if (!spec.collapsed.erase(key))
        spec.collapsed.insert(key);
    rebuild(spec);
}

void WorklistTableModel::setAllGroupsCollapsed(bool collapsed)
{
    ViewSpec spec = m_spec;
    spec.collapsed.clear();
    if (collapsed)
        for (const auto &group : m_view.groups)
            spec.collapsed.insert(group.key);
    rebuild(spec);
}

void WorklistTableModel::toggleSelected(int line)
{
    const Line *at = lineAt(line);
    if (!at)
        return;
    if (at->kind == LineKind::Row)
        return setSelected(line, !m_selected[at->index]);
    // A group line selects its whole group, or clears it when all of it is selected already.
    const auto &rows = m_view.groups[at->index].rows;
    const bool all = std::all_of(rows.begin(), rows.end(), [this](std::uint32_t row) { return m_selected[row]; });
    for (auto row : rows) {
        m_selectedCount += (all ? 0 : 1) - m_selected[row];
        m_selected[row] = !all;
    }
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {SelectedRole});
    Q_EMIT selectionChanged();
}

void WorklistTableModel::setSelected(int line, bool selected)
{
    const Line *at = lineAt(line);
    if (!at || at->kind != LineKind::Row || (m_selected[at->index] != 0) == selected)
        return;
    m_selected[at->index] = selected;
    m_selectedCount += selected ? 1 : -1;
    Q_EMIT dataChanged(index(line, 0), index(line, columnCount() - 1), {SelectedRole});
    Q_EMIT selectionChanged();
}

void WorklistTableModel::selectAllShown()
{
    for (auto row : m_view.rows)
        m_selected[row] = 1;
    m_selectedCount = static_cast<int>(m_view.rows.size());
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {SelectedRole});
    Q_EMIT selectionChanged();
}

void WorklistTableModel::clearSelection()
{
    std::fill(m_selected.begin(), m_selected.end(), 0);
    m_selectedCount = 0;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {SelectedRole});
    Q_EMIT selectionChanged();
}

int WorklistTableModel::lineKind(int line) const
{
    const Line *at = lineAt(line);
    return at ? static_cast<int>(at->kind) : -1;
}

QString WorklistTableModel::accountIdAt(int line) const
{
    const Line *at = lineAt(line);
    if (!at || at->kind != LineKind::Row)
        return {};
    const CrmFacts *facts = m_table.facts(at->index);
    return facts ? QString::fromStdString(facts->crmId) : QString();
}

QString WorklistTableModel::accountKeyAt(int line) const
{
    const Line *at = lineAt(line);
    return at && at->kind == LineKind::Row ? QString::fromStdString(m_table.accountKey(at->index)) : QString();
}

QString WorklistTableModel::accountNameAt(int line) const
{
    const Line *at = lineAt(line);
    if (!at || at->kind != LineKind::Row)
        return {};
    const CrmFacts *facts = m_table.facts(at->index);
    return facts ? QString::fromStdString(facts->name) : QString();
}

QString WorklistTableModel::ownerNameAt(int line) const
{
    const Line *at = lineAt(line);
    if (!at || at->kind != LineKind::Row)
        return {};
    const CrmFacts *facts = m_table.facts(at->index);
    return facts ? QString::fromStdString(facts->ownerName) : QString();
}

QString WorklistTableModel::footer(int column) const
{
    if (column < 0 || column >= columnCount() || m_view.totals.empty())
        return {};
    const std::size_t tableColumn = m_visible[static_cast<std::size_t>(column)];
    return totalText(m_view.totals[tableColumn], tableColumn);
}

int WorklistTableModel::columnTextLength(int column) const
{
    if (column < 0 || column >= columnCount())
        return 0;
    int longest = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().size();
    const int lines = std::min(rowCount(), 200);
    for (int line = 0; line < lines; ++line)
        longest = std::max(longest, static_cast<int>(data(index(line, column), Qt::DisplayRole).toString().size()));
    return longest;
}
