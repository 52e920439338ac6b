// What the lakehouse MCP server tells a client about a mart: its tables with one-line descriptions and
// row counts, and each table's columns with declared types and descriptions. The descriptions are the
// `--` comments in the CREATE TABLE text kept in sqlite_schema (see lakehousemart.cpp); a mart without
// them (any SQLite file served with --mart) just has empty descriptions.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lakeshore::demo {

struct MartColumn
{
    std::string name;
    std::string type; // as declared; may be empty
    bool notNull = false;
    bool primaryKey = false;
    std::string description;
};

struct MartTable
{
    std::string name;
    std::string description;
    std::int64_t rowCount = 0;
    std::vector<MartColumn> columns;
};

struct SchemaComments
{
    std::string table;                          // the comment on the CREATE TABLE line
    std::map<std::string, std::string> columns; // column name (lower case) -> comment on its line
};

// Reads the comments of one CREATE TABLE text. A comment on a line describes the last column defined on
// that line, or the table on the line that opens the column list.
[[nodiscard]] SchemaComments readSchemaComments(const std::string &createSql);

// Every table of the mart file (sqlite_* tables left out), sorted by name.
[[nodiscard]] Result<std::vector<MartTable>> loadMartCatalog(const std::string &path);

} // namespace lakeshore::demo
