#include "store/sqlite.h"

#include <sqlite3.h>
#include <utility>

namespace lakeshore::store::sqlite {

namespace {

constexpr int kBusyTimeoutMs = 5000; // the GUI and lakeshore-server share the file

Error storageError(const std::string &path, std::string_view doing, const char *detail)
{
    std::string message = "settings database " + path + ": " + std::string(doing) + " failed";
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
    : m_statement(std::exchange(other.m_statement, nullptr)), m_path(std::move(other.m_path))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Status Statement::checkBind(int rc, int index)
{
    if (rc == SQLITE_OK)
        return okStatus();
    return storageError(m_path, "binding parameter " + std::to_string(index),
                        sqlite3_errmsg(sqlite3_db_handle(m_statement)));
}

Status Statement::bindText(int index, std::string_view text)
{
    // A non-null pointer even when empty, so an empty string binds as '' and not as NULL.
    const char *data = text.data() ? text.data() : "";
    return checkBind(
        sqlite3_bind_text64(m_statement, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

Status Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    static const std::uint8_t empty = 0;
    const void *data = bytes.data() ? bytes.data() : &empty;
    return checkBind(sqlite3_bind_blob64(m_statement, index, data, bytes.size(), SQLITE_TRANSIENT), index);
}

Status Statement::bindInt(int index, std::int64_t value)
{
    return checkBind(sqlite3_bind_int64(m_statement, index, value), index);
}

Status Statement::bindNull(int index)
{
    return checkBind(sqlite3_bind_null(m_statement, index), index);
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return storageError(m_path, "a statement", sqlite3_errmsg(sqlite3_db_handle(m_statement)));
}

ColumnType Statement::columnType(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return ColumnType::Integer;
    case SQLITE_FLOAT:
        return ColumnType::Float;
    case SQLITE_TEXT:
        return ColumnType::Text;
    case SQLITE_BLOB:
        return ColumnType::Blob;
    default:
        return ColumnType::Null;
    }
}

std::string Statement::columnText(int column) const
{
    const auto *text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return text ? std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size))
                : std::string();
}

std::vector<std::uint8_t> Statement::columnBlob(int column) const
{
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

Database::Database(sqlite3 *db, std::string path) : m_db(db), m_path(std::move(path)) {}

Result<Database> Database::open(const std::string &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    Database database(db, path);
    if (rc != SQLITE_OK) // opening never writes, so this holds for every failure here
        return makeError(ErrorKind::Storage,
                         database.lastError("opening").message + "; the file was left untouched");
    // SQLite quietly falls back to read-only when it may not write; we would only fail later, mid-way.
    if (sqlite3_db_readonly(db, "main") == 1)
        return makeError(ErrorKind::Storage, "settings database " + path +
                                                 " can be read but not written; the file was left untouched");
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    return database;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Error Database::lastError(std::string_view doing) const
{
    return storageError(m_path, doing, m_db ? sqlite3_errmsg(m_db) : "out of memory");
}

Status Database::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError("running SQL");
    return okStatus();
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK)
        return lastError("preparing a statement");
    return Statement(statement, m_path);
}

Result<std::string> Database::queryText(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return storageError(m_path, sql, "no row");
    return statement.value().columnText(0);
}

Result<std::int64_t> Database::queryInt(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return storageError(m_path, sql, "no row");
    return statement.value().columnInt(0);
}

} // namespace lakeshore::store::sqlite
