// The last step before the query guard: a plan's SQL template with the CRM's account numbers (and each
// account's territory or owner) written in as string literals for the target dialect.
#pragma once

#include "assistant/semanticplanner.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

// What the CRM said about the accounts a plan is about; see CrmContextBinder.
struct CrmBinding
{
    std::string
        scope; // "in the Cleveland territory", "owned by Dana Smith", "for Acme (C10042)", "in the CRM"
    std::vector<std::string> accountNumbers;          // sorted, no duplicates
    std::map<std::string, std::string> crmIdByNumber; // so a result row can open its account
    std::map<std::string, std::string> nameByNumber;
    std::map<std::string, std::string> groupByNumber; // territory or owner name, when the plan groups by one
    std::size_t withoutNumber = 0;                    // CRM accounts with no account number: not in the mart
};

// The final SQL: the placeholders replaced, under kMaxGuardedQueryBytes and admitted by the query guard
// for plan.dialect. Errors: NotFound when the CRM gave no accounts, TooLarge when the list does not fit,
// Invalid when a value cannot be written in the dialect or the guard refuses.
[[nodiscard]] Result<std::string> renderPlanSql(const SemanticPlan &plan, const CrmBinding &binding);

// A string literal that reads back as exactly `value` in the dialect. Generic refuses quotes and
// backslashes, which no single spelling suits in every dialect; all refuse control characters.
[[nodiscard]] Result<std::string> sqlStringLiteral(std::string_view value, SqlDialect dialect);

} // namespace lakeshore::assistant
