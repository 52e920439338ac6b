// A worklist's rows as the screen holds them: the lakehouse's rows (read-only) plus, per row, what the
// CRM said about its account once the join answered. The columns are the query's, in its order, shaped by
// the definition's hints, then three from the CRM: owner, territory and account status.
#pragma once

#include "assistant/resultset.h"
#include "worklists/crmjoin.h"
#include "worklists/definition.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lakeshore::worklists {

enum class CrmField { Owner, Territory, Status };

// Text as the worklist compares it: ASCII letters in lower case.
[[nodiscard]] std::string foldCase(std::string text);

struct TableColumn
{
    std::string name;  // the query's column name, or "owner", "territory", "account_status"
    std::string label; // the hint's label; empty = name
    ColumnFormat format = ColumnFormat::Text;
    Aggregate aggregate = Aggregate::None;
    int numerator = -1; // Ratio: column indexes
    int denominator = -1;
    bool hidden = false;
    std::optional<std::size_t> queryColumn; // set for the query's columns
    std::optional<CrmField> crmField;       // set for the CRM's
};

// Where a row's CRM facts stand.
enum class JoinState : std::int8_t { Pending, Joined, NotInCrm, Failed };

class WorklistTable
{
public:
    WorklistTable() = default;
    WorklistTable(assistant::ResultSet rows, std::size_t accountColumn, const std::vector<ColumnHint> &hints);

    [[nodiscard]] std::size_t rowCount() const { return m_rows.rowCount(); }
    [[nodiscard]] const std::vector<TableColumn> &columns() const { return m_columns; }
    [[nodiscard]] std::optional<std::size_t> columnOf(CrmField field) const;
    [[nodiscard]] const assistant::ResultSet &rows() const { return m_rows; }

    // Cells: query columns from the rows; CRM columns from the facts ("" until joined; status "Active" or
    // "Inactive"). number() is empty for text and nulls.
    [[nodiscard]] std::string text(std::size_t row, std::size_t column) const;
    [[nodiscard]] std::optional<double> number(std::size_t row, std::size_t column) const;
    [[nodiscard]] bool isEmpty(std::size_t row, std::size_t column) const;

    [[nodiscard]] std::string accountKey(std::size_t row) const; // "" for a null account
    [[nodiscard]] AccountKey keyKind() const { return m_keyKind; }
    [[nodiscard]] JoinState joinState(std::size_t row) const;
    [[nodiscard]] const CrmFacts *facts(std::size_t row) const; // null unless Joined

    // The distinct keys of these rows still Pending or Failed (nothing to ask for the rest).
    [[nodiscard]] std::vector<std::string> keysToJoin(const std::vector<std::uint32_t> &rows) const;
    // The CRM answered for these keys: the ones it knows become Joined, the others NotInCrm.
    void applyJoin(const std::vector<std::string> &keys, const CrmFactsByKey &facts);
    // The CRM could not be read for these keys: Failed (owner unknown) until joined again.
    void failJoin(const std::vector<std::string> &keys);
    [[nodiscard]] std::size_t countIn(JoinState state) const;
    // Bumped by every applyJoin/failJoin, so views know their CRM columns moved.
    [[nodiscard]] std::uint64_t joinGeneration() const { return m_joinGeneration; }

    // The stable order of all rows by one column (nulls and empty text last in both directions); query
    // columns reuse ResultSet::sortPermutation and are cached (the rows never change).
    [[nodiscard]] const std::vector<std::uint32_t> &order(std::size_t column, bool descending) const;

private:
    void setState(std::size_t row, JoinState state, std::int32_t facts);

    assistant::ResultSet m_rows;
    std::size_t m_accountColumn = 0;
    AccountKey m_keyKind = AccountKey::Number;
    std::vector<TableColumn> m_columns;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_rowsByKey;
    std::vector<JoinState> m_state;
    std::vector<std::int32_t> m_factIndex; // into m_facts, -1 unless Joined
    std::vector<CrmFacts> m_facts;
    std::uint64_t m_joinGeneration = 0;
    mutable std::map<std::pair<std::size_t, bool>, std::vector<std::uint32_t>> m_orders;
    mutable std::uint64_t m_ordersGeneration = 0;
};

} // namespace lakeshore::worklists
