#include "worklists/placeholders.h"

#include "assistant/plansql.h"
#include "assistant/queryguard.h"

namespace lakeshore::worklists {
namespace {

constexpr std::string_view kPeriodStart = "{{period_start}}";
constexpr std::string_view kPeriodEnd = "{{period_end}}";
constexpr std::string_view kAccount = "{{account}}";

} // namespace

bool usesPeriod(std::string_view sql)
{
    return sql.find(kPeriodStart) != std::string_view::npos || sql.find(kPeriodEnd) != std::string_view::npos;
}

bool usesAccount(std::string_view sql)
{
    return sql.find(kAccount) != std::string_view::npos;
}

Result<std::string> renderSql(std::string_view sql, const SqlValues &values, assistant::SqlDialect dialect)
{
    std::string out;
    out.reserve(sql.size() + 64);
    std::size_t at = 0;
    while (at < sql.size()) {
        const std::size_t open = sql.find("{{", at);
        if (open == std::string_view::npos) {
            out.append(sql.substr(at));
            break;
        }
        out.append(sql.substr(at, open - at));
        const std::size_t close = sql.find("}}", open + 2);
        if (close == std::string_view::npos)
            return makeError(ErrorKind::Invalid, "the SQL has a \"{{\" without \"}}\" at offset " + std::to_string(open));
        const std::string_view placeholder = sql.substr(open, close + 2 - open);
        std::optional<std::string> value;
        if (placeholder == kPeriodStart || placeholder == kPeriodEnd) {
            if (!values.period)
                return makeError(ErrorKind::Invalid, "the SQL asks for a period but none was chosen");
            value = placeholder == kPeriodStart ? values.period->from.iso() : values.period->to.iso();
        } else if (placeholder == kAccount) {
            if (!values.account)
                return makeError(ErrorKind::Invalid, "the SQL asks for an account but none was given");
            value = *values.account;
        } else {
            return makeError(ErrorKind::Invalid, "unknown placeholder " + std::string(placeholder.substr(0, 60)) +
                                                     " (known: {{period_start}}, {{period_end}}, {{account}})");
        }
        auto literal = assistant::sqlStringLiteral(*value, dialect);
        if (!literal)
            return literal.error();
        out += literal.value();
        at = close + 2;
    }
    const auto verdict = assistant::checkReadOnlySelect(out, dialect);
    if (!verdict.admitted)
        return makeError(ErrorKind::Invalid, "Lakeshore's query guard refused the SQL: " + verdict.reason);
    return out;
}

} // namespace lakeshore::worklists
