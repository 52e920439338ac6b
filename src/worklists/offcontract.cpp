#include "worklists/offcontract.h"

namespace lakeshore::worklists {
namespace {

// Off contract = billed with no contract price valid on the invoice date (the mart's off_contract flag).
// price_variance is (billed - contract) x quantity on contracted lines: below zero is leakage, above is
// overbilling. The contract expiry is the end of the contract running on the period's last day.
constexpr const char *kAccountsSql =
    "WITH lines AS (\n"
    "  SELECT account_number, item_number, invoice_date, amount, off_contract, price_variance\n"
    "  FROM fact_invoice_line\n"
    "  WHERE invoice_date BETWEEN {{period_start}} AND {{period_end}}\n"
    "),\n"
    "per_account AS (\n"
    "  SELECT account_number,\n"
    "         ROUND(SUM(amount), 2) AS total_spend,\n"
    "         ROUND(SUM(CASE WHEN off_contract = 1 THEN amount ELSE 0 END), 2) AS off_contract_spend,\n"
    "         ROUND(SUM(CASE WHEN price_variance < 0 THEN -price_variance ELSE 0 END), 2) AS leakage,\n"
    "         ROUND(SUM(CASE WHEN price_variance > 0 THEN price_variance ELSE 0 END), 2) AS overbilling,\n"
    "         COUNT(DISTINCT CASE WHEN off_contract = 1 THEN item_number END) AS off_contract_skus,\n"
    "         MAX(invoice_date) AS last_order_date,\n"
    "         MAX(CASE WHEN off_contract = 1 THEN invoice_date END) AS last_off_contract_date\n"
    "  FROM lines\n"
    "  GROUP BY account_number\n"
    "),\n"
    "running AS (\n"
    "  SELECT account_number, MAX(valid_to) AS contract_expiry\n"
    "  FROM contract_price\n"
    "  WHERE valid_from <= {{period_end}} AND valid_to >= {{period_end}}\n"
    "  GROUP BY account_number\n"
    ")\n"
    "SELECT p.account_number, a.account_name, p.total_spend, p.off_contract_spend,\n"
    "       ROUND(100.0 * p.off_contract_spend / NULLIF(p.total_spend, 0), 1) AS off_contract_pct,\n"
    "       p.leakage, p.overbilling, p.off_contract_skus, p.last_order_date, p.last_off_contract_date,\n"
    "       r.contract_expiry\n"
    "FROM per_account p\n"
    "JOIN dim_account a ON a.account_number = p.account_number\n"
    "LEFT JOIN running r ON r.account_number = p.account_number\n"
    "WHERE p.off_contract_spend > 0 OR p.leakage > 0 OR p.overbilling > 0\n"
    "ORDER BY p.off_contract_spend DESC, p.account_number";

constexpr const char *kItemsSql =
    "SELECT f.item_number, i.description, i.category,\n"
    "       ROUND(SUM(f.quantity), 2) AS quantity,\n"
    "       ROUND(SUM(f.amount), 2) AS spend,\n"
    "       ROUND(SUM(CASE WHEN f.off_contract = 1 THEN f.amount ELSE 0 END), 2) AS off_contract_spend,\n"
    "       ROUND(SUM(CASE WHEN f.price_variance < 0 THEN -f.price_variance ELSE 0 END), 2) AS leakage,\n"
    "       ROUND(SUM(CASE WHEN f.price_variance > 0 THEN f.price_variance ELSE 0 END), 2) AS overbilling,\n"
    "       ROUND(SUM(f.amount) / NULLIF(SUM(f.quantity), 0), 2) AS average_unit_price,\n"
    "       MIN(f.contract_price) AS contract_price,\n"
    "       COUNT(*) AS invoice_lines,\n"
    "       MAX(f.invoice_date) AS last_invoice_date\n"
    "FROM fact_invoice_line f\n"
    "JOIN dim_item i ON i.item_number = f.item_number\n"
    "WHERE f.account_number = {{account}}\n"
    "  AND f.invoice_date BETWEEN {{period_start}} AND {{period_end}}\n"
    "GROUP BY f.item_number, i.description, i.category\n"
    "HAVING SUM(f.off_contract) > 0 OR SUM(ABS(COALESCE(f.price_variance, 0))) > 0\n"
    "ORDER BY SUM(CASE WHEN f.off_contract = 1 THEN f.amount ELSE 0 END)\n"
    "         + SUM(ABS(COALESCE(f.price_variance, 0))) DESC, f.item_number";

ColumnHint hint(const char *column, const char *label, ColumnFormat format, Aggregate aggregate = Aggregate::None)
{
    ColumnHint out;
    out.column = column;
    out.label = label;
    out.format = format;
    out.aggregate = aggregate;
    return out;
}

ColumnHint ratio(const char *column, const char *label, const char *numerator, const char *denominator)
{
    ColumnHint out = hint(column, label, ColumnFormat::Percent, Aggregate::Ratio);
    out.numerator = numerator;
    out.denominator = denominator;
    return out;
}

} // namespace

Definition offContractPurchases()
{
    Definition definition;
    definition.id = kOffContractId;
    definition.name = "Off-contract purchases";
    definition.description = "Accounts that bought items no running contract covered, or were billed below or "
                             "above their contract price, in the period.";
    definition.visibility = Visibility::Shared;
    definition.sql = kAccountsSql;
    definition.accountColumn = "account_number";
    definition.columns = {
        hint("account_number", "Account number", ColumnFormat::Text),
        hint("account_name", "Account", ColumnFormat::Text),
        hint("total_spend", "Total spend", ColumnFormat::Money, Aggregate::Sum),
        hint("off_contract_spend", "Off-contract spend", ColumnFormat::Money, Aggregate::Sum),
        ratio("off_contract_pct", "Off-contract %", "off_contract_spend", "total_spend"),
        hint("leakage", "Leakage (below contract)", ColumnFormat::Money, Aggregate::Sum),
        hint("overbilling", "Overbilling (above contract)", ColumnFormat::Money, Aggregate::Sum),
        hint("off_contract_skus", "Off-contract SKUs", ColumnFormat::Integer),
        hint("last_order_date", "Last order", ColumnFormat::Date, Aggregate::Max),
        hint("last_off_contract_date", "Last off-contract order", ColumnFormat::Date, Aggregate::Max),
        hint("contract_expiry", "Contract expiry", ColumnFormat::Date, Aggregate::Min),
    };
    definition.detailSql = kItemsSql;
    definition.detailColumns = {
        hint("item_number", "Item", ColumnFormat::Text),
        hint("description", "Description", ColumnFormat::Text),
        hint("category", "Category", ColumnFormat::Text),
        hint("quantity", "Quantity", ColumnFormat::Number, Aggregate::Sum),
        hint("spend", "Spend", ColumnFormat::Money, Aggregate::Sum),
        hint("off_contract_spend", "Off-contract spend", ColumnFormat::Money, Aggregate::Sum),
        hint("leakage", "Leakage (below contract)", ColumnFormat::Money, Aggregate::Sum),
        hint("overbilling", "Overbilling (above contract)", ColumnFormat::Money, Aggregate::Sum),
        hint("average_unit_price", "Average billed price", ColumnFormat::Money),
        hint("contract_price", "Contract price", ColumnFormat::Money),
        hint("invoice_lines", "Invoice lines", ColumnFormat::Integer, Aggregate::Sum),
        hint("last_invoice_date", "Last invoiced", ColumnFormat::Date, Aggregate::Max),
    };
    definition.defaultPeriod = PeriodKind::Last12Months;
    return definition;
}

std::vector<Definition> builtInDefinitions()
{
    return {offContractPurchases()};
}

} // namespace lakeshore::worklists
