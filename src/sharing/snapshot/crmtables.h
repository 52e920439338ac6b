// The CRM entities as the Delta tables recipients read: one schema per entity (stable column names,
// snake_case, Delta types) and the conversion of the connector's records into Parquet columns. Empty
// text and unset times become nulls; money becomes decimal(18,2).
#pragma once

#include "domain/crm.h"
#include "sharing/parquet/column.h"
#include "sharing/parquet/parquetschema.h"

#include <string>
#include <vector>

namespace lakeshore::sharing::snapshot {

struct CrmTable
{
    std::string entity;      // "accounts", as in store::kShareableEntities
    std::string description; // the Delta table's metaData.description
    parquet::Schema schema;
    std::vector<parquet::Column> columns;
};

[[nodiscard]] CrmTable accountsTable(const std::vector<domain::Account> &rows);
[[nodiscard]] CrmTable contactsTable(const std::vector<domain::Contact> &rows);
[[nodiscard]] CrmTable opportunitiesTable(const std::vector<domain::Opportunity> &rows);
[[nodiscard]] CrmTable activitiesTable(const std::vector<domain::Activity> &rows);
[[nodiscard]] CrmTable conversationsTable(const std::vector<domain::Conversation> &rows);
[[nodiscard]] CrmTable casesTable(const std::vector<domain::Case> &rows);

} // namespace lakeshore::sharing::snapshot
