#include "demo/martsqlite.h"

#include <sqlite3.h>
#include <utility>

namespace lakeshore::demo::martsql {

namespace {

Error martError(const std::string &path, std::string_view doing, const char *detail)
{
    std::string message = "lakehouse mart " + path + ": " + std::string(doing) + " failed";
    if (detail && *detail)
        message += std::string(": ") + detail;
    return makeError(ErrorKind::Storage, std::move(message));
}

} // namespace

Statement::Statement(sqlite3_stmt *statement, std::string path)
    : m_statement(statement), m_path(std::move(path))
{
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_path(std::move(other.m_path)),
      m_bindError(std::move(other.m_bindError))
{
}

void Statement::keep(int rc, int index)
{
    if (rc != SQLITE_OK && !m_bindError)
        m_bindError = martError(m_path, "binding parameter " + std::to_string(index),
                                sqlite3_errmsg(sqlite3_db_handle(m_statement)));
}

void Statement::bind(int index, std::string_view text)
{
    // A non-null pointer even when empty, so an empty string binds as '' and not as NULL.
    const char *data = text.data() ? text.data() : "";
    keep(sqlite3_bind_text64(m_statement, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

void Statement::bind(int index, double value)
{
    keep(sqlite3_bind_double(m_statement, index, value), index);
}

void Statement::bind(int index, std::int64_t value)
{
    keep(sqlite3_bind_int64(m_statement, index, value), index);
}

void Statement::bind(int index, std::optional<double> value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void Statement::bindNull(int index)
{
    keep(sqlite3_bind_null(m_statement, index), index);
}

Status Statement::run()
{
    if (m_bindError) {
        Error error = std::move(*m_bindError);
        m_bindError.reset();
        sqlite3_reset(m_statement);
        return error;
    }
    int rc = sqlite3_step(m_statement);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    if (rc != SQLITE_DONE) {
        Error error = martError(m_path, "writing a row", sqlite3_errmsg(sqlite3_db_handle(m_statement)));
        sqlite3_reset(m_statement);
        return error;
    }
    sqlite3_reset(m_statement);
    return okStatus();
}

Connection::Connection(sqlite3 *db, std::string path) : m_db(db), m_path(std::move(path)) {}

Connection::~Connection()
{
    sqlite3_close_v2(m_db);
}

Connection::Connection(Connection &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Result<Connection> Connection::open(const std::string &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        Error error = martError(path, "opening", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return error;
    }
    return Connection(db, path);
}

Status Connection::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error error = martError(m_path, "running SQL", message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return error;
    }
    return okStatus();
}

Result<Statement> Connection::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK)
        return martError(m_path, "preparing a statement", sqlite3_errmsg(m_db));
    return Statement(statement, m_path);
}

} // namespace lakeshore::demo::martsql
