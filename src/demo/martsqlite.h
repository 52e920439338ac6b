// A minimal owning SQLite handle for writing the demo lakehouse mart. The store module's wrapper is
// for the settings database (its messages say so, and it binds no REAL values), so the demo has its own.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lakeshore::demo::martsql {

// A prepared insert. Binds never fail loudly one by one; the first failure is kept and run() reports it.
class Statement
{
public:
    Statement(sqlite3_stmt *statement, std::string path);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) = delete;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Parameters count from 1, as in SQL's ?1.
    void bind(int index, std::string_view text);
    void bind(int index, double value);
    void bind(int index, std::int64_t value);
    void bind(int index, std::optional<double> value); // NULL when empty
    void bindNull(int index);

    // Steps the statement to its end and resets it for the next row.
    Status run();

private:
    void keep(int rc, int index);

    sqlite3_stmt *m_statement = nullptr;
    std::string m_path;
    std::optional<Error> m_bindError;
};

class Connection
{
public:
    // Opens (creating if needed) the file at path read-write.
    static Result<Connection> open(const std::string &path);
    ~Connection();
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) = delete;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Status exec(const char *sql);
    Result<Statement> prepare(std::string_view sql);

private:
    Connection(sqlite3 *db, std::string path);

    sqlite3 *m_db = nullptr;
    std::string m_path;
};

} // namespace lakeshore::demo::martsql
