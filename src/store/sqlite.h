// Owning handles for an SQLite connection and its prepared statements. Values only ever reach SQL
// through bind*(); exec() is for constant SQL text written in this module.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace lakeshore::store::sqlite {

enum class ColumnType { Integer, Float, Text, Blob, Null };

class Statement
{
public:
    Statement(sqlite3_stmt *statement, std::string path);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Parameters count from 1, as in SQL's ?1.
    Status bindText(int index, std::string_view text);
    Status bindBlob(int index, std::span<const std::uint8_t> bytes);
    Status bindInt(int index, std::int64_t value);
    Status bindNull(int index);

    // true: a row is ready to read; false: the statement has finished.
    Result<bool> step();
    // Ready to step again with new bindings (a statement run once per row of a batch).
    void reset();

    [[nodiscard]] ColumnType columnType(int column) const;
    [[nodiscard]] std::string columnText(int column) const;
    [[nodiscard]] std::vector<std::uint8_t> columnBlob(int column) const;
    [[nodiscard]] std::int64_t columnInt(int column) const;

private:
    Status checkBind(int rc, int index);

    sqlite3_stmt *m_statement = nullptr;
    std::string m_path; // for messages
};

class Database
{
public:
    // Opens an existing file read-write; never creates one (the caller creates it with the mode it wants).
    static Result<Database> open(const std::string &path);
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Status exec(const char *sql);
    Result<Statement> prepare(std::string_view sql);
    // A one-row, one-column query such as "PRAGMA user_version".
    Result<std::string> queryText(const char *sql);
    Result<std::int64_t> queryInt(const char *sql);

    [[nodiscard]] const std::string &path() const { return m_path; }

private:
    Database(sqlite3 *db, std::string path);
    Error lastError(std::string_view doing) const;

    sqlite3 *m_db = nullptr;
    std::string m_path;
};

} // namespace lakeshore::store::sqlite
