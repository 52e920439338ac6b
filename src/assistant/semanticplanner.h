// The offline semantic-model planner: a rep's question in, a plan out (title, one-line explanation, a SQL
// template, the CRM context it needs, result hints), deterministically and without any service. What it
// cannot read with certainty it refuses, saying what it did not understand and what it can answer.
//
// Flow: planQuestion() -> CrmContextBinder::bind(plan.crm) reads territories/owners/accounts live from
// the CRM -> renderPlanSql(plan, binding) puts the account numbers into the template -> query guard -> MCP.
#pragma once

#include "assistant/semanticmodel.h"
#include "assistant/sqltokenizer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

// Where the quoted account numbers go, as in "a.account_number IN ({{account_numbers}})".
inline constexpr std::string_view kAccountListPlaceholder = "{{account_numbers}}";
// Where the CRM territory or owner of each row's account goes when a plan groups by one.
inline constexpr std::string_view kCrmGroupPlaceholder = "{{crm_group}}";

struct CurrentAccount
{
    std::string number; // the mart's account_number, "C10042"
    std::string name;
    std::string crmId; // CRM GUID
};

struct PlanContext
{
    std::string today; // ISO date: the mart's today (mart_info 'today'), not the wall clock
    std::optional<CurrentAccount> currentAccount; // the account the rep has open
    SqlDialect dialect = SqlDialect::Generic;
};

// What the plan needs from the CRM before its SQL can run. Territory and owner may both be set (the
// accounts of that owner in that territory); thisAccount excludes both.
struct CrmNeeds
{
    std::string territory; // as the rep wrote it: "Cleveland"
    std::string owner;     // "Dana", "Dana Smith"
    bool thisAccount = false;
    CrmDimension groupBy = CrmDimension::None; // rows by CRM territory or owner

    // True when the SQL carries the account-number list (every plan with a CRM need does).
    [[nodiscard]] bool any() const
    {
        return !territory.empty() || !owner.empty() || thisAccount || groupBy != CrmDimension::None;
    }
};

enum class ColumnRole { Dimension, Measure };

struct PlanColumn
{
    std::string name; // as in the SQL; Snowflake reports unquoted names in upper case
    std::string label;
    ColumnRole role = ColumnRole::Dimension;
    MetricFormat format = MetricFormat::Number; // measures
};

struct ResultHints
{
    std::vector<PlanColumn> columns; // in SELECT order
    std::string accountNumberColumn;   // rows open this account; empty when rows are not accounts
    ChartKind chart = ChartKind::None; // bar by category, line over time
    std::string categoryColumn;        // the chart's x axis
    std::vector<std::string> measureColumns;
};

struct SemanticPlan
{
    std::string title;       // "Lifetime gross margin by account — Cleveland territory"
    std::string explanation; // one line: how the question was read
    std::string sqlTemplate; // has kAccountListPlaceholder (and kCrmGroupPlaceholder) when crm.any()
    SqlDialect dialect = SqlDialect::Generic;
    CrmNeeds crm;
    std::optional<CurrentAccount> currentAccount; // from the context, for the binder
    std::string accountExpression;                // the column the list and groups test, "a.account_number"
    ResultHints hints;
    bool ranked = false; // a top-N question
    int limit = 0;       // the SQL's LIMIT: N for a top-N question, else the model's row cap; 0 = one row
    std::string table;   // the mart table it reads
    std::vector<std::string> metrics;    // metric names
    std::vector<std::string> dimensions; // dimension names
    std::string timeFrom;                // ISO dates; empty for lifetime
    std::string timeTo;
};

// Errors are ErrorKind::Invalid with a message for the rep: what was not understood and what can be
// asked, with example questions from the model.
[[nodiscard]] Result<SemanticPlan> planQuestion(std::string_view question, const SemanticModel &model,
                                                const PlanContext &context);

} // namespace lakeshore::assistant
