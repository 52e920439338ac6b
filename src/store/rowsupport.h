// Small pieces the store's row files share: fresh row ids, stored text made safe for messages, sealed
// JSON maps, and running several statements as one transaction.
#pragma once

#include "core/result.h"
#include "store/sqlite.h"
#include "store/unreadablerow.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::store {

// 16 random hex digits.
[[nodiscard]] Result<std::string> newRowId();

// Stored text as it may appear in a message: at most 40 printable characters, quoted.
[[nodiscard]] std::string quotedForMessage(std::string_view text);

// Runs body inside BEGIN IMMEDIATE .. COMMIT; any failure rolls back and is returned.
Status inTransaction(sqlite::Database &db, const std::function<Status()> &body);

// A map of secrets as a sealed JSON object; nullopt for an empty map (stored as NULL).
[[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>>
sealMap(const std::array<std::uint8_t, 32> &key, const std::map<std::string, std::string> &map,
        std::string_view aad);
// The opposite; a blob that does not open or does not hold an object of strings is an error naming field.
[[nodiscard]] Result<std::map<std::string, std::string>> openMap(const std::array<std::uint8_t, 32> &key,
                                                                 const std::vector<std::uint8_t> &blob,
                                                                 std::string_view aad,
                                                                 const std::string &field);

// Steps through a SELECT whose first two columns are id and name, reading each row with read: rows that
// read go to rows, the others to unreadable (so one bad row never hides the rest).
template <class Row, class Read>
Status readAllRows(sqlite::Statement &statement, Read read, std::vector<Row> &rows,
                   std::vector<UnreadableRow> &unreadable)
{
    for (;;) {
        auto more = statement.step();
        if (!more)
            return more.error();
        if (!more.value())
            return okStatus();
        auto row = read(statement);
        if (row)
            rows.push_back(std::move(row).value());
        else
            unreadable.push_back({statement.columnText(0), statement.columnText(1), row.error()});
    }
}

// The row a "SELECT ... WHERE id = ?1" finds for id, read with read; nullopt when there is none.
template <class Row, class Read>
Result<std::optional<Row>> readRowById(sqlite::Database &db, const std::string &sql, std::string_view id,
                                       Read read)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, id); !bound)
        return bound.error();
    auto found = statement.value().step();
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<Row>();
    auto row = read(statement.value());
    if (!row)
        return row.error();
    return std::optional<Row>(std::move(row).value());
}

// Binds a secret as a sealed blob, or NULL when it is empty.
Status bindSecret(sqlite::Statement &statement, int index, const std::array<std::uint8_t, 32> &key,
                  std::string_view secret, std::string_view aad);

} // namespace lakeshore::store
