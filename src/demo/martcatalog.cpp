#include "demo/martcatalog.h"

#include "demo/martconnection.h"

#include <algorithm>
#include <cctype>
#include <sqlite3.h>

namespace lakeshore::demo {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

bool isConstraintWord(const std::string &word)
{
    const std::string w = lower(word);
    return w == "constraint" || w == "primary" || w == "unique" || w == "check" || w == "foreign";
}

std::string quoted(const std::string &identifier)
{
    std::string out = "\"";
    for (char c : identifier)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = sqlite3_column_text(statement, column);
    return text ? reinterpret_cast<const char *>(text) : "";
}

// Runs sql and hands each row to onRow; an error names the mart.
template <class OnRow>
Status eachRow(sqlite3 *db, const std::string &sql, const std::string &path, OnRow onRow)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        return makeError(ErrorKind::Storage, "lakehouse mart " + path + ": " + sqlite3_errmsg(db));
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        onRow(statement);
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        return makeError(ErrorKind::Storage, "lakehouse mart " + path + ": " + sqlite3_errmsg(db));
    return okStatus();
}

} // namespace

SchemaComments readSchemaComments(const std::string &sql)
{
    std::map<int, std::string> comments;   // line -> the comment on it
    std::map<int, std::string> lastColumn; // line -> the last column whose definition starts there
    int tableLine = -1;                    // the line of the '(' opening the column list
    int line = 0;
    int depth = 0;
    bool expectColumn = false;
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const auto end = std::min(sql.find('\n', i), sql.size());
            comments[line] = trimmed(sql.substr(i + 2, end - i - 2));
            i = end;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            const auto stop = end == std::string::npos ? sql.size() : end + 2;
            line += static_cast<int>(
                std::count(sql.begin() + static_cast<long>(i), sql.begin() + static_cast<long>(stop), '\n'));
            i = stop;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            std::size_t end = i + 1;
            std::string text;
            for (; end < sql.size(); ++end) {
                if (sql[end] == close) {
                    if (close != ']' && end + 1 < sql.size() && sql[end + 1] == close) {
                        text += close;
                        ++end;
                        continue;
                    }
                    break;
                }
                if (sql[end] == '\n')
                    ++line;
                text += sql[end];
            }
            if (expectColumn && c != '\'' && depth == 1)
                lastColumn[line] = text;
            expectColumn = false;
            i = std::min(end + 1, sql.size());
        } else if (c == '(') {
            if (++depth == 1) {
                tableLine = tableLine < 0 ? line : tableLine;
                expectColumn = true;
            }
            ++i;
        } else if (c == ')') {
            --depth;
            expectColumn = false;
            ++i;
        } else if (c == ',') {
            expectColumn = depth == 1;
            ++i;
        } else {
            std::size_t end = i;
            while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) ||
                                        sql[end] == '_' || static_cast<unsigned char>(sql[end]) >= 0x80))
                ++end;
            if (end == i)
                end = i + 1; // other punctuation
            const std::string word = sql.substr(i, end - i);
            if (expectColumn && depth == 1 && !isConstraintWord(word))
                lastColumn[line] = word;
            expectColumn = false;
            i = end;
        }
    }
    SchemaComments out;
    for (const auto &[commentLine, text] : comments) {
        if (auto column = lastColumn.find(commentLine); column != lastColumn.end())
            out.columns[lower(column->second)] = text;
        else if (commentLine == tableLine)
            out.table = text;
    }
    return out;
}

Result<std::vector<MartTable>> loadMartCatalog(const std::string &path)
{
    auto connection = MartConnection::open(path, MartConnection::Trust::Ours);
    if (!connection)
        return connection.error();
    sqlite3 *db = connection.value().handle();
    std::vector<MartTable> tables;
    std::vector<std::string> createSql;
    Status listed = eachRow(db,
                            "SELECT name, COALESCE(sql, '') FROM sqlite_schema WHERE type = 'table' AND "
                            "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                            path, [&](sqlite3_stmt *row) {
                                tables.push_back(MartTable{columnText(row, 0), {}, 0, {}});
                                createSql.push_back(columnText(row, 1));
                            });
    if (!listed)
        return listed.error();
    for (std::size_t t = 0; t < tables.size(); ++t) {
        MartTable &table = tables[t];
        const SchemaComments comments = readSchemaComments(createSql[t]);
        table.description = comments.table;
        Status columns =
            eachRow(db, "PRAGMA table_info(" + quoted(table.name) + ")", path, [&](sqlite3_stmt *row) {
                MartColumn column;
                column.name = columnText(row, 1);
                column.type = columnText(row, 2);
                column.notNull = sqlite3_column_int(row, 3) != 0;
                column.primaryKey = sqlite3_column_int(row, 5) != 0;
                if (auto it = comments.columns.find(lower(column.name)); it != comments.columns.end())
                    column.description = it->second;
                table.columns.push_back(std::move(column));
            });
        if (!columns)
            return columns.error();
        Status counted = eachRow(db, "SELECT COUNT(*) FROM " + quoted(table.name), path,
                                 [&](sqlite3_stmt *row) { table.rowCount = sqlite3_column_int64(row, 0); });
        if (!counted)
            return counted.error();
    }
    return tables;
}

} // namespace lakeshore::demo
