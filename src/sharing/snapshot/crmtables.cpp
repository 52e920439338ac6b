#include "sharing/snapshot/crmtables.h"

#include <cmath>
#include <functional>

namespace lakeshore::sharing::snapshot {

using parquet::Column;
using parquet::ColumnType;

namespace {

// A column's definition and how to read its value from a record.
template <class Row> struct Field
{
    parquet::ColumnSpec spec;
    std::function<void(const Row &, Column &)> append;
};

template <class Row>
Field<Row> text(std::string name, std::function<const std::string &(const Row &)> get, bool required = false)
{
    return {{std::move(name), ColumnType::String, !required},
            [get, required](const Row &row, Column &column) {
                const std::string &value = get(row);
                if (value.empty() && !required)
                    column.appendNull();
                else
                    column.appendString(value);
            }};
}

template <class Row> Field<Row> money(std::string name, std::function<double(const Row &)> get)
{
    return {{std::move(name), ColumnType::Decimal, true, 18, 2}, [get](const Row &row, Column &column) {
                const double value = get(row) * 100;
                if (!std::isfinite(value) || std::fabs(value) >= 1e17)
                    column.appendNull();
                else
                    column.appendInteger(std::llround(value));
            }};
}

template <class Row> Field<Row> integer(std::string name, std::function<int(const Row &)> get)
{
    return {{std::move(name), ColumnType::Int32, true},
            [get](const Row &row, Column &column) { column.appendInteger(get(row)); }};
}

template <class Row> Field<Row> flag(std::string name, std::function<bool(const Row &)> get)
{
    return {{std::move(name), ColumnType::Boolean, true},
            [get](const Row &row, Column &column) { column.appendInteger(get(row) ? 1 : 0); }};
}

template <class Row> Field<Row> instant(std::string name, std::function<domain::Timestamp(const Row &)> get)
{
    return {{std::move(name), ColumnType::Timestamp, true}, [get](const Row &row, Column &column) {
                const std::int64_t seconds = get(row).seconds();
                if (seconds == 0)
                    column.appendNull();
                else
                    column.appendInteger(seconds * 1'000'000);
            }};
}

template <class Row> Field<Row> day(std::string name, std::function<domain::Date(const Row &)> get)
{
    return {{std::move(name), ColumnType::Date, true}, [get](const Row &row, Column &column) {
                const std::int64_t days = get(row).days();
                if (days == 0)
                    column.appendNull();
                else
                    column.appendInteger(days);
            }};
}

template <class Row>
CrmTable build(std::string entity, std::string description, const std::vector<Field<Row>> &fields,
               const std::vector<Row> &rows)
{
    CrmTable table{std::move(entity), std::move(description), {}, {}};
    for (const Field<Row> &field : fields) {
        table.schema.push_back(field.spec);
        table.columns.emplace_back(field.spec.type);
        table.columns.back().reserve(rows.size());
    }
    for (const Row &row : rows)
        for (std::size_t i = 0; i < fields.size(); ++i)
            fields[i].append(row, table.columns[i]);
    return table;
}

} // namespace

CrmTable accountsTable(const std::vector<domain::Account> &rows)
{
    using A = domain::Account;
    return build<A>(
        "accounts", "CRM accounts",
        {text<A>(
             "id", [](const A &a) -> const std::string & { return a.id; }, true),
         text<A>("account_number", [](const A &a) -> const std::string & { return a.accountNumber; }),
         text<A>("name", [](const A &a) -> const std::string & { return a.name; }),
         text<A>("industry", [](const A &a) -> const std::string & { return a.industry; }),
         text<A>("street", [](const A &a) -> const std::string & { return a.street; }),
         text<A>("city", [](const A &a) -> const std::string & { return a.city; }),
         text<A>("state", [](const A &a) -> const std::string & { return a.state; }),
         text<A>("postal_code", [](const A &a) -> const std::string & { return a.postalCode; }),
         text<A>("phone", [](const A &a) -> const std::string & { return a.phone; }),
         text<A>("website", [](const A &a) -> const std::string & { return a.website; }),
         money<A>("annual_revenue", [](const A &a) { return a.annualRevenue; }),
         integer<A>("employees", [](const A &a) { return a.employees; }),
         flag<A>("active", [](const A &a) { return a.active; }),
         text<A>("territory_id", [](const A &a) -> const std::string & { return a.territoryId; }),
         text<A>("owner_id", [](const A &a) -> const std::string & { return a.ownerId; }),
         instant<A>("modified_on", [](const A &a) { return a.modifiedOn; })},
        rows);
}

CrmTable contactsTable(const std::vector<domain::Contact> &rows)
{
    using C = domain::Contact;
    return build<C>("contacts", "CRM contacts of accounts",
                    {text<C>(
                         "id", [](const C &c) -> const std::string & { return c.id; }, true),
                     text<C>("account_id", [](const C &c) -> const std::string & { return c.accountId; }),
                     text<C>("full_name", [](const C &c) -> const std::string & { return c.fullName; }),
                     text<C>("job_title", [](const C &c) -> const std::string & { return c.jobTitle; }),
                     text<C>("email", [](const C &c) -> const std::string & { return c.email; }),
                     text<C>("phone", [](const C &c) -> const std::string & { return c.phone; }),
                     flag<C>("is_primary", [](const C &c) { return c.primary; })},
                    rows);
}

CrmTable opportunitiesTable(const std::vector<domain::Opportunity> &rows)
{
    using O = domain::Opportunity;
    return build<O>("opportunities", "CRM sales opportunities",
                    {text<O>(
                         "id", [](const O &o) -> const std::string & { return o.id; }, true),
                     text<O>("account_id", [](const O &o) -> const std::string & { return o.accountId; }),
                     text<O>("name", [](const O &o) -> const std::string & { return o.name; }),
                     text<O>("stage", [](const O &o) -> const std::string & { return o.stage; }),
                     text<O>("status", [](const O &o) -> const std::string & { return o.status; }),
                     money<O>("estimated_value", [](const O &o) { return o.estimatedValue; }),
                     integer<O>("probability", [](const O &o) { return o.probability; }),
                     day<O>("estimated_close_date", [](const O &o) { return o.estimatedCloseDate; }),
                     text<O>("owner_id", [](const O &o) -> const std::string & { return o.ownerId; })},
                    rows);
}

CrmTable activitiesTable(const std::vector<domain::Activity> &rows)
{
    using A = domain::Activity;
    return build<A>("activities", "CRM activities: calls, emails, meetings and tasks",
                    {text<A>(
                         "id", [](const A &a) -> const std::string & { return a.id; }, true),
                     text<A>("account_id", [](const A &a) -> const std::string & { return a.accountId; }),
                     text<A>("type", [](const A &a) -> const std::string & { return a.type; }),
                     text<A>("subject", [](const A &a) -> const std::string & { return a.subject; }),
                     text<A>("status", [](const A &a) -> const std::string & { return a.status; }),
                     instant<A>("scheduled_at", [](const A &a) { return a.scheduledAt; }),
                     text<A>("owner_id", [](const A &a) -> const std::string & { return a.ownerId; })},
                    rows);
}

CrmTable conversationsTable(const std::vector<domain::Conversation> &rows)
{
    using C = domain::Conversation;
    return build<C>(
        "conversations", "CRM conversations with customers",
        {text<C>(
             "id", [](const C &c) -> const std::string & { return c.id; }, true),
         text<C>("account_id", [](const C &c) -> const std::string & { return c.accountId; }),
         text<C>("subject", [](const C &c) -> const std::string & { return c.subject; }),
         text<C>("channel", [](const C &c) -> const std::string & { return c.channel; }),
         integer<C>("message_count", [](const C &c) { return c.messageCount; }),
         instant<C>("last_message_at", [](const C &c) { return c.lastMessageAt; }),
         text<C>("last_message", [](const C &c) -> const std::string & { return c.lastMessage; })},
        rows);
}

CrmTable casesTable(const std::vector<domain::Case> &rows)
{
    using K = domain::Case;
    return build<K>("cases", "CRM service cases",
                    {text<K>(
                         "id", [](const K &k) -> const std::string & { return k.id; }, true),
                     text<K>("account_id", [](const K &k) -> const std::string & { return k.accountId; }),
                     text<K>("number", [](const K &k) -> const std::string & { return k.number; }),
                     text<K>("title", [](const K &k) -> const std::string & { return k.title; }),
                     text<K>("priority", [](const K &k) -> const std::string & { return k.priority; }),
                     text<K>("status", [](const K &k) -> const std::string & { return k.status; }),
                     instant<K>("created_on", [](const K &k) { return k.createdOn; })},
                    rows);
}

} // namespace lakeshore::sharing::snapshot
