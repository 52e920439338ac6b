#include "demo/martconnection.h"

#include <sqlite3.h>

namespace lakeshore::demo {
namespace {

constexpr int kMaxValueBytes = 16 << 20; // a longer string or blob (zeroblob(1e9), printf padding) fails

int readOnlyAuthorizer(void *, int action, const char *, const char *, const char *, const char *)
{
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    default:
        return SQLITE_DENY; // writes, DDL, PRAGMA, ATTACH, transactions, ANALYZE, ...
    }
}

} // namespace

Result<MartConnection> MartConnection::open(const std::string &path, Trust trust)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(
        path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE, nullptr);
    MartConnection connection(db);
    if (rc != SQLITE_OK)
        return makeError(ErrorKind::Storage, "cannot open the lakehouse mart " + path + ": " +
                                                 (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    char *error = nullptr;
    if (sqlite3_exec(db, "PRAGMA query_only = 1", nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        return makeError(ErrorKind::Storage, "lakehouse mart " + path + ": " + message);
    }
    if (trust == Trust::Untrusted)
        sqlite3_set_authorizer(db, readOnlyAuthorizer, nullptr);
    return connection;
}

MartConnection::~MartConnection()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

MartConnection::MartConnection(MartConnection &&other) noexcept : m_db(other.m_db)
{
    other.m_db = nullptr;
}

std::string MartConnection::lastError() const
{
    return m_db ? sqlite3_errmsg(m_db) : "no connection";
}

} // namespace lakeshore::demo
