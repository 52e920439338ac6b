// A read-only SQLite connection to a lakehouse mart file, for serving it: opened with
// SQLITE_OPEN_READONLY and, as a second line of defence behind the query guard, PRAGMA query_only, no
// ATTACH, defensive mode and (for untrusted SQL) an authorizer that admits only reading.
#pragma once

#include "core/result.h"

#include <string>

struct sqlite3;

namespace lakeshore::demo {

class MartConnection
{
public:
    enum class Trust {
        Ours,     // our own catalog queries (PRAGMA table_info and the like)
        Untrusted // a client's SQL: the authorizer allows SELECT, reads and functions only
    };

    // The file must exist; nothing is ever created or written.
    static Result<MartConnection> open(const std::string &path, Trust trust);
    ~MartConnection();
    MartConnection(MartConnection &&other) noexcept;
    MartConnection &operator=(MartConnection &&other) = delete;
    MartConnection(const MartConnection &) = delete;
    MartConnection &operator=(const MartConnection &) = delete;

    [[nodiscard]] sqlite3 *handle() const { return m_db; }
    [[nodiscard]] std::string lastError() const;

private:
    explicit MartConnection(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db = nullptr;
};

} // namespace lakeshore::demo
