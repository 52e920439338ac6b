#include "worklists/worklisttable.h"

#include "worklists/runner.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace lakeshore::worklists {
namespace {

ColumnFormat formatFromType(assistant::ColumnType type)
{
    switch (type) {
    case assistant::CellKind::Integer:
        return ColumnFormat::Integer;
    case assistant::CellKind::Real:
        return ColumnFormat::Number;
    default:
        return ColumnFormat::Text;
    }
}

} // namespace

std::string foldCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

WorklistTable::WorklistTable(assistant::ResultSet rows, std::size_t accountColumn, const std::vector<ColumnHint> &hints)
    : m_rows(std::move(rows)), m_accountColumn(accountColumn)
{
    const auto &queryColumns = m_rows.columns();
    for (std::size_t i = 0; i < queryColumns.size(); ++i) {
        TableColumn column;
        column.name = queryColumns[i].name;
        column.format = formatFromType(queryColumns[i].type);
        column.queryColumn = i;
        m_columns.push_back(std::move(column));
    }
    // The query's columns come first, at their own indexes.
    auto indexOf = [this](std::string_view name) {
        const auto found = findColumn(m_rows, name);
        return found ? static_cast<int>(*found) : -1;
    };
    for (const auto &hint : hints) {
        const int at = indexOf(hint.column);
        if (at < 0)
            continue; // a hint for a column this result does not have
        auto &column = m_columns[static_cast<std::size_t>(at)];
        column.label = hint.label;
        column.format = hint.format;
        column.aggregate = hint.aggregate;
        column.hidden = hint.hidden;
        if (hint.aggregate == Aggregate::Ratio) {
            column.numerator = indexOf(hint.numerator);
            column.denominator = indexOf(hint.denominator);
            if (column.numerator < 0 || column.denominator < 0)
                column.aggregate = Aggregate::None;
        }
    }
    for (auto [field, name] : {std::pair{CrmField::Owner, "owner"}, std::pair{CrmField::Territory, "territory"},
                               std::pair{CrmField::Status, "account_status"}}) {
        TableColumn column;
        column.name = name;
        column.crmField = field;
        m_columns.push_back(std::move(column));
    }
    m_keyKind = accountKeyOf(m_rows, m_accountColumn);
    const std::size_t count = m_rows.rowCount();
    m_state.assign(count, JoinState::Pending);
    m_factIndex.assign(count, -1);
    for (std::size_t row = 0; row < count; ++row)
        if (!m_rows.isNull(row, m_accountColumn))
            m_rowsByKey[m_rows.text(row, m_accountColumn)].push_back(static_cast<std::uint32_t>(row));
        else
            m_state[row] = JoinState::NotInCrm;
}

std::optional<std::size_t> WorklistTable::columnOf(CrmField field) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].crmField == field)
            return i;
    return std::nullopt;
}

std::string WorklistTable::text(std::size_t row, std::size_t column) const
{
    const auto &def = m_columns.at(column);
    if (def.queryColumn)
        return m_rows.text(row, *def.queryColumn);
    const CrmFacts *fact = facts(row);
    if (!fact)
        return {};
    switch (*def.crmField) {
    case CrmField::Owner:
        return fact->ownerName;
    case CrmField::Territory:
        return fact->territoryName;
    case CrmField::Status:
        return fact->active ? "Active" : "Inactive";
    }
    return {};
}

std::optional<double> WorklistTable::number(std::size_t row, std::size_t column) const
{
    const auto &def = m_columns.at(column);
    if (!def.queryColumn)
        return std::nullopt;
    return m_rows.number(row, *def.queryColumn);
}

bool WorklistTable::isEmpty(std::size_t row, std::size_t column) const
{
    const auto &def = m_columns.at(column);
    if (def.queryColumn)
        return m_rows.isNull(row, *def.queryColumn) ||
               (m_rows.kind(row, *def.queryColumn) == assistant::CellKind::Text && m_rows.text(row, *def.queryColumn).empty());
    return text(row, column).empty();
}

std::string WorklistTable::accountKey(std::size_t row) const
{
    return m_rows.isNull(row, m_accountColumn) ? std::string() : m_rows.text(row, m_accountColumn);
}

JoinState WorklistTable::joinState(std::size_t row) const
{
    return m_state.at(row);
}

const CrmFacts *WorklistTable::facts(std::size_t row) const
{
    const std::int32_t at = m_factIndex.at(row);
    return at < 0 ? nullptr : &m_facts[static_cast<std::size_t>(at)];
}

std::vector<std::string> WorklistTable::keysToJoin(const std::vector<std::uint32_t> &rows) const
{
    std::set<std::string> keys;
    for (auto row : rows)
        if (row < m_state.size() && (m_state[row] == JoinState::Pending || m_state[row] == JoinState::Failed))
            keys.insert(accountKey(row));
    return {keys.begin(), keys.end()};
}

void WorklistTable::setState(std::size_t row, JoinState state, std::int32_t facts)
{
    m_state[row] = state;
    m_factIndex[row] = facts;
}

void WorklistTable::applyJoin(const std::vector<std::string> &keys, const CrmFactsByKey &facts)
{
    for (const auto &key : keys) {
        const auto rows = m_rowsByKey.find(key);
        if (rows == m_rowsByKey.end())
            continue;
        const auto fact = facts.find(key);
        std::int32_t index = -1;
        if (fact != facts.end()) {
            index = static_cast<std::int32_t>(m_facts.size());
            m_facts.push_back(fact->second);
        }
        for (auto row : rows->second)
            setState(row, index < 0 ? JoinState::NotInCrm : JoinState::Joined, index);
    }
    ++m_joinGeneration;
}

void WorklistTable::failJoin(const std::vector<std::string> &keys)
{
    for (const auto &key : keys)
        if (const auto rows = m_rowsByKey.find(key); rows != m_rowsByKey.end())
            for (auto row : rows->second)
                if (m_state[row] != JoinState::Joined)
                    setState(row, JoinState::Failed, -1);
    ++m_joinGeneration;
}

std::size_t WorklistTable::countIn(JoinState state) const
{
    return static_cast<std::size_t>(std::count(m_state.begin(), m_state.end(), state));
}

const std::vector<std::uint32_t> &WorklistTable::order(std::size_t column, bool descending) const
{
    const auto &def = m_columns.at(column);
    if (!def.queryColumn && m_ordersGeneration != m_joinGeneration) {
        // CRM columns moved: forget their orders (query columns' orders stay valid).
        for (auto it = m_orders.begin(); it != m_orders.end();)
            it = m_columns[it->first.first].queryColumn ? std::next(it) : m_orders.erase(it);
        m_ordersGeneration = m_joinGeneration;
    }
    const auto key = std::pair{column, descending};
    if (auto found = m_orders.find(key); found != m_orders.end())
        return found->second;
    std::vector<std::uint32_t> order;
    if (def.queryColumn) {
        order = m_rows.sortPermutation(*def.queryColumn,
                                       descending ? assistant::SortOrder::Descending : assistant::SortOrder::Ascending);
    } else {
        const std::size_t count = rowCount();
        std::vector<std::string> keys(count);
        for (std::size_t row = 0; row < count; ++row)
            keys[row] = foldCase(text(row, column));
        order.resize(count);
        for (std::size_t row = 0; row < count; ++row)
            order[row] = static_cast<std::uint32_t>(row);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto &x = keys[a];
            const auto &y = keys[b];
            if (x.empty() != y.empty())
                return y.empty(); // empty last either way
            return descending ? y < x : x < y;
        });
    }
    return m_orders.emplace(key, std::move(order)).first->second;
}

} // namespace lakeshore::worklists
