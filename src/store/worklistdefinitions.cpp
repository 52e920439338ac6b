// SettingsStore's worklist definitions: worklists::Definition to and from the worklist_definition table,
// and who may see, change and remove each one (the shared definitions and a user's own private ones are
// theirs to see; only the owner changes or removes).
#include "domain/date.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sqlite.h"

namespace lakeshore::store {

namespace {

constexpr const char *kColumns =
    "id, name, description, owner, visibility, connection_id, sql, account_column, columns, detail_sql, "
    "detail_columns, default_period, created_at, updated_at";

// The rows the user bound to ?1 may see. A visibility this build does not know counts as private, so such
// a row shows (as unreadable) to its owner only.
constexpr const char *kVisibleToUser = "(visibility = 'shared' OR owner = ?1)";

Error badField(const std::string &name, const std::string &field, const std::string &why)
{
    return makeError(ErrorKind::Invalid,
                     "stored worklist " + quotedForMessage(name) + ": " + field + " " + why);
}

Result<std::vector<worklists::ColumnHint>> readHints(const std::string &name, const char *field,
                                                     const std::string &json)
{
    auto hints = worklists::hintsFromJson(json);
    if (!hints)
        return badField(name, field, "cannot be read: " + hints.error().message);
    return hints;
}

// The row the statement stands on (columns as in kColumns), or why it cannot be read.
Result<worklists::Definition> readRow(const sqlite::Statement &row)
{
    worklists::Definition definition;
    definition.id = row.columnText(0);
    definition.name = row.columnText(1);
    const std::string &name = definition.name;
    definition.description = row.columnText(2);
    definition.owner = row.columnText(3);
    const std::string visibility = row.columnText(4);
    auto parsedVisibility = worklists::parseVisibility(visibility);
    if (!parsedVisibility)
        return badField(name, "visibility",
                        quotedForMessage(visibility) + " is not a visibility this version knows");
    definition.visibility = parsedVisibility.value();
    definition.connectionId = row.columnText(5);
    definition.sql = row.columnText(6);
    definition.accountColumn = row.columnText(7);
    auto columns = readHints(name, "columns", row.columnText(8));
    if (!columns)
        return columns.error();
    definition.columns = std::move(columns).value();
    definition.detailSql = row.columnText(9);
    auto detailColumns = readHints(name, "detail_columns", row.columnText(10));
    if (!detailColumns)
        return detailColumns.error();
    definition.detailColumns = std::move(detailColumns).value();
    const std::string period = row.columnText(11);
    auto parsedPeriod = worklists::parsePeriod(period);
    if (!parsedPeriod)
        return badField(name, "default_period",
                        quotedForMessage(period) + " is not a period this version knows");
    definition.defaultPeriod = parsedPeriod.value();
    definition.createdAt = row.columnText(12);
    definition.updatedAt = row.columnText(13);
    if (auto valid = worklists::validate(definition); !valid)
        return makeError(ErrorKind::Invalid,
                         "stored worklist " + quotedForMessage(name) + ": " + valid.error().message);
    return definition;
}

struct StoredOwner
{
    std::string owner;
    std::string visibility;
    std::string name;
};

Result<std::optional<StoredOwner>> storedOwner(sqlite::Database &db, std::string_view id)
{
    auto statement = db.prepare("SELECT owner, visibility, name FROM worklist_definition WHERE id = ?1");
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, id); !bound)
        return bound.error();
    auto found = statement.value().step();
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<StoredOwner>();
    const sqlite::Statement &row = statement.value();
    return std::optional<StoredOwner>(StoredOwner{row.columnText(0), row.columnText(1), row.columnText(2)});
}

// Whether user may change or remove the row with this id (shown in messages as shown): NotFound when they
// cannot see it (absent, or another user's private one, which must look the same), Invalid when they see
// it but do not own it.
Status checkOwner(sqlite::Database &db, std::string_view id, std::string_view shown, std::string_view user,
                  const char *doing)
{
    auto stored = storedOwner(db, id);
    if (!stored)
        return stored.error();
    const std::optional<StoredOwner> &row = stored.value();
    if (!row ||
        (row->owner != user && row->visibility != worklists::visibilityName(worklists::Visibility::Shared)))
        return makeError(ErrorKind::NotFound,
                         "the worklist " + quotedForMessage(shown) + " is no longer stored (it was removed)");
    if (row->owner != user)
        return makeError(ErrorKind::Invalid, "only its owner " + quotedForMessage(row->owner) + " can " +
                                                 doing + " the shared worklist " +
                                                 quotedForMessage(row->name) +
                                                 "; save a copy under another name instead");
    return okStatus();
}

// A name may not show twice in anyone's list: it clashes with the user's own definitions, with shared
// ones, and, when this one is to be shared, with other users' private ones.
Status checkName(sqlite::Database &db, const worklists::Definition &definition, const std::string &id,
                 std::string_view user)
{
    auto clash =
        db.prepare("SELECT owner, visibility FROM worklist_definition WHERE name = ?1 COLLATE NOCASE "
                   "AND id <> ?2 AND (owner = ?3 OR visibility = 'shared' OR ?4 = 1) "
                   "ORDER BY owner = ?3 DESC LIMIT 1");
    if (!clash)
        return clash.error();
    sqlite::Statement &row = clash.value();
    Status bound = row.bindText(1, definition.name);
    if (bound)
        bound = row.bindText(2, id);
    if (bound)
        bound = row.bindText(3, user);
    if (bound)
        bound = row.bindInt(4, definition.visibility == worklists::Visibility::Shared ? 1 : 0);
    if (!bound)
        return bound;
    auto taken = row.step();
    if (!taken)
        return taken.error();
    if (!taken.value())
        return okStatus();
    const std::string name = quotedForMessage(definition.name);
    if (row.columnText(0) == user)
        return makeError(ErrorKind::Invalid, "you have a worklist named " + name + " already");
    if (row.columnText(1) == worklists::visibilityName(worklists::Visibility::Shared))
        return makeError(ErrorKind::Invalid, "a shared worklist named " + name + " exists already");
    return makeError(ErrorKind::Invalid, "another user has a private worklist named " + name +
                                             "; a shared worklist needs a name no one else uses");
}

Status checkUser(std::string_view user)
{
    if (user.empty())
        return makeError(ErrorKind::Invalid, "worklists: the user name is empty");
    return okStatus();
}

} // namespace

Result<WorklistDefinitionList> SettingsStore::worklistDefinitions(std::string_view user)
{
    auto statement = m_db->prepare(std::string("SELECT ") + kColumns + " FROM worklist_definition WHERE " +
                                   kVisibleToUser + " ORDER BY name COLLATE NOCASE, id");
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, user); !bound)
        return bound.error();
    WorklistDefinitionList list;
    auto read = readAllRows(statement.value(), readRow, list.definitions, list.unreadable);
    if (!read)
        return read.error();
    return list;
}

Result<std::optional<worklists::Definition>> SettingsStore::worklistDefinition(std::string_view id,
                                                                               std::string_view user)
{
    auto statement = m_db->prepare(std::string("SELECT ") + kColumns +
                                   " FROM worklist_definition WHERE id = ?2 AND " + kVisibleToUser);
    if (!statement)
        return statement.error();
    Status bound = statement.value().bindText(1, user);
    if (bound)
        bound = statement.value().bindText(2, id);
    if (!bound)
        return bound.error();
    auto found = statement.value().step();
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<worklists::Definition>();
    auto definition = readRow(statement.value());
    if (!definition)
        return definition.error();
    return std::optional<worklists::Definition>(std::move(definition).value());
}

Result<std::string> SettingsStore::saveWorklistDefinition(const worklists::Definition &definition,
                                                          std::string_view user)
{
    if (auto checked = checkUser(user); !checked)
        return checked.error();
    if (definition.builtIn())
        return makeError(ErrorKind::Invalid, "the built-in worklist " + quotedForMessage(definition.name) +
                                                 " cannot be changed; save a copy under another name");
    if (auto valid = worklists::validate(definition); !valid)
        return valid.error();
    std::string id = definition.id;
    const std::string now = domain::Timestamp::now().iso();
    Status saved = inTransaction(*m_db, [&]() -> Status {
        if (id.empty()) {
            auto fresh = newRowId();
            if (!fresh)
                return fresh.error();
            id = fresh.value();
        } else if (auto allowed = checkOwner(*m_db, id, definition.name, user, "change"); !allowed) {
            return allowed;
        }
        if (auto named = checkName(*m_db, definition, id, user); !named)
            return named;

        // A replaced row keeps its owner (the user, checked above) and created_at.
        auto statement = m_db->prepare(
            std::string("INSERT INTO worklist_definition (") + kColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT (id) DO "
            "UPDATE "
            "SET name = excluded.name, description = excluded.description, visibility = excluded.visibility, "
            "connection_id = excluded.connection_id, sql = excluded.sql, account_column = "
            "excluded.account_column, columns = excluded.columns, detail_sql = excluded.detail_sql, "
            "detail_columns = excluded.detail_columns, default_period = excluded.default_period, updated_at "
            "= "
            "excluded.updated_at");
        if (!statement)
            return statement.error();
        const std::string texts[] = {id,
                                     definition.name,
                                     definition.description,
                                     std::string(user),
                                     worklists::visibilityName(definition.visibility),
                                     definition.connectionId,
                                     definition.sql,
                                     definition.accountColumn,
                                     worklists::hintsToJson(definition.columns),
                                     definition.detailSql,
                                     worklists::hintsToJson(definition.detailColumns),
                                     worklists::periodName(definition.defaultPeriod),
                                     now,
                                     now};
        Status bound = okStatus();
        for (int i = 0; i < int(std::size(texts)) && bound; ++i)
            bound = statement.value().bindText(i + 1, texts[i]);
        if (!bound)
            return bound;
        auto done = statement.value().step();
        if (!done)
            return done.error();
        return okStatus();
    });
    if (!saved)
        return saved.error();
    return id;
}

Status SettingsStore::removeWorklistDefinition(std::string_view id, std::string_view user)
{
    if (auto checked = checkUser(user); !checked)
        return checked;
    if (id.starts_with(worklists::kBuiltInIdPrefix))
        return makeError(ErrorKind::Invalid, "a built-in worklist cannot be removed");
    return inTransaction(*m_db, [&]() -> Status {
        if (auto allowed = checkOwner(*m_db, id, id, user, "remove"); !allowed)
            return allowed;
        auto statement = m_db->prepare("DELETE FROM worklist_definition WHERE id = ?1");
        if (!statement)
            return statement.error();
        if (auto bound = statement.value().bindText(1, id); !bound)
            return bound;
        auto done = statement.value().step();
        if (!done)
            return done.error();
        return okStatus();
    });
}

} // namespace lakeshore::store
