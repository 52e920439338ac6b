// Small SQL helpers the sharing store's files share (sharingstore, sharingtokens, sharingaudit).
#pragma once

#include "core/result.h"
#include "store/sqlite.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::store::sharingrows {

inline Error invalid(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message));
}

// Runs a statement that returns no rows.
inline Status run(sqlite::Statement &statement)
{
    auto done = statement.step();
    if (!done)
        return done.error();
    return okStatus();
}

// Whether `sql` (text parameters ?1, ?2, ... bound in order) finds a row.
inline Result<bool> anyRow(sqlite::Database &db, std::string_view sql,
                           std::initializer_list<std::string_view> params)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    int index = 0;
    for (const std::string_view param : params)
        if (auto bound = statement.value().bindText(++index, param); !bound)
            return bound.error();
    return statement.value().step();
}

// Status from anyRow: `failure` when the row's presence is `bad`.
inline Status expectRow(Result<bool> found, bool bad, Error failure)
{
    if (!found)
        return found.error();
    return found.value() == bad ? Status(std::move(failure)) : okStatus();
}

inline std::optional<std::int64_t> optionalInt(const sqlite::Statement &row, int column)
{
    if (row.columnType(column) == sqlite::ColumnType::Null)
        return std::nullopt;
    return row.columnInt(column);
}

inline Status bindOptional(sqlite::Statement &statement, int index, const std::optional<std::int64_t> &value)
{
    return value ? statement.bindInt(index, *value) : statement.bindNull(index);
}

} // namespace lakeshore::store::sharingrows
