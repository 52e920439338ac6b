#include "assistant/plansql.h"

#include "assistant/queryguard.h"
#include "assistant/sqltextcheck.h"

namespace lakeshore::assistant {

namespace {

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string shown(std::string_view value)
{
    constexpr std::size_t kLongest = 60;
    return "\"" + std::string(value.substr(0, kLongest)) + (value.size() > kLongest ? "...\"" : "\"");
}

Result<std::string> literalList(const std::vector<std::string> &values, SqlDialect dialect)
{
    std::string out;
    for (const auto &value : values) {
        auto literal = sqlStringLiteral(value, dialect);
        if (!literal)
            return literal.error();
        out += (out.empty() ? "" : ", ") + literal.value();
    }
    return out;
}

Result<std::string> groupExpression(const SemanticPlan &plan, const CrmBinding &binding)
{
    std::map<std::string, std::vector<std::string>> groups;
    for (const auto &number : binding.accountNumbers)
        if (auto it = binding.groupByNumber.find(number); it != binding.groupByNumber.end())
            groups[it->second].push_back(number);
    if (groups.empty())
        return makeError(ErrorKind::Invalid,
                         "the CRM binding has no territory or owner per account, which this "
                         "plan groups by; bind it with the plan's own needs");
    std::string sql = "CASE";
    for (const auto &[group, numbers] : groups) {
        auto list = literalList(numbers, plan.dialect);
        if (!list)
            return list.error();
        auto name = sqlStringLiteral(group, plan.dialect);
        if (!name)
            return name.error();
        sql += " WHEN " + plan.accountExpression + " IN (" + list.value() + ") THEN " + name.value();
    }
    return sql + " END";
}

} // namespace

Result<std::string> sqlStringLiteral(std::string_view value, SqlDialect dialect)
{
    if (const TextProblem problem = checkQueryText(value); !problem.clean())
        return makeError(ErrorKind::Invalid, "the CRM value " + shown(value) +
                                                 " cannot be put in SQL: it has " + problem.message);
    const bool quote = value.find('\'') != std::string_view::npos;
    const bool backslash = value.find('\\') != std::string_view::npos;
    std::string out;
    switch (dialect) {
    case SqlDialect::Generic:
        if (quote || backslash)
            return makeError(
                ErrorKind::Invalid,
                "the CRM value " + shown(value) +
                    " has a quote or backslash, which no one spelling writes the same in every SQL "
                    "dialect; plan for the lakehouse's own dialect");
        return "'" + std::string(value) + "'";
    case SqlDialect::SQLite:
        return "'" + replaceAll(std::string(value), "'", "''") + "'";
    case SqlDialect::PostgreSQL:
        // Without backslashes '...' reads the same whatever standard_conforming_strings says; with them,
        // E'...' says how to read them.
        if (!backslash)
            return "'" + replaceAll(std::string(value), "'", "''") + "'";
        out = replaceAll(std::string(value), "\\", "\\\\");
        return "E'" + replaceAll(out, "'", "\\'") + "'";
    case SqlDialect::Snowflake:
    case SqlDialect::Databricks:
        out = replaceAll(std::string(value), "\\", "\\\\");
        return "'" + replaceAll(out, "'", "\\'") + "'";
    }
    return makeError(ErrorKind::Invalid, "unknown SQL dialect");
}

Result<std::string> renderPlanSql(const SemanticPlan &plan, const CrmBinding &binding)
{
    std::string sql = plan.sqlTemplate;
    const bool list = sql.find(kAccountListPlaceholder) != std::string::npos;
    const bool group = sql.find(kCrmGroupPlaceholder) != std::string::npos;
    if ((list || group) && binding.accountNumbers.empty()) {
        const std::string scope = binding.scope.empty() ? std::string("for this question") : binding.scope;
        return makeError(ErrorKind::NotFound,
                         "There are no accounts " + scope +
                             " in the CRM, so there is nothing to look up in the lakehouse" +
                             (binding.withoutNumber > 0 ? " (" + std::to_string(binding.withoutNumber) +
                                                              " CRM accounts there have no account number)"
                                                        : ""));
    }
    if (group) {
        auto expression = groupExpression(plan, binding);
        if (!expression)
            return expression.error();
        sql = replaceAll(std::move(sql), kCrmGroupPlaceholder, expression.value());
    }
    if (list) {
        auto numbers = literalList(binding.accountNumbers, plan.dialect);
        if (!numbers)
            return numbers.error();
        sql = replaceAll(std::move(sql), kAccountListPlaceholder, numbers.value());
    }
    if (sql.find("{{") != std::string::npos)
        return makeError(ErrorKind::Invalid, "the SQL template has a placeholder the binding cannot fill");
    if (sql.size() > kMaxGuardedQueryBytes)
        return makeError(
            ErrorKind::TooLarge,
            "Listing the " + std::to_string(binding.accountNumbers.size()) + " accounts " + binding.scope +
                " makes the query " + std::to_string(sql.size()) + " bytes, over the " +
                std::to_string(kMaxGuardedQueryBytes) +
                " bytes the query guard admits; narrow the question to an owner or a smaller territory");
    const GuardVerdict verdict = checkReadOnlySelect(sql, plan.dialect);
    if (!verdict.admitted)
        return makeError(ErrorKind::Invalid, "the query guard refused the SQL: " + verdict.reason);
    return sql;
}

} // namespace lakeshore::assistant
