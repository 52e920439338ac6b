#include "store/schema.h"

#include "store/databasefile.h"
#include "store/migrations.h"

#include <string>

namespace lakeshore::store {

namespace {

struct Identity
{
    std::int64_t applicationId = 0;
    std::int64_t userVersion = 0;
    std::int64_t objectCount = 0; // tables, indexes, views, triggers
};

Error unreadable(const sqlite::Database &db, const Error &error)
{
    // Drop the "settings database <path>: " lead the SQLite layer put in; leftUntouched names the path.
    std::string detail = error.message;
    const std::string lead = "settings database " + db.path() + ": ";
    if (detail.starts_with(lead))
        detail.erase(0, lead.size());
    return leftUntouched(db.path(), "could not be read as an SQLite database (" + detail + ")");
}

// Reads only: nothing here writes to the file.
Result<Identity> readIdentity(sqlite::Database &db)
{
    Identity identity;
    // The first read of the file: a file SQLite cannot parse fails here.
    auto objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
    if (!objects)
        return unreadable(db, objects.error());
    identity.objectCount = objects.value();
    auto check = db.queryText("PRAGMA quick_check(1)");
    if (!check)
        return unreadable(db, check.error());
    if (check.value() != "ok")
        return leftUntouched(db.path(), "is damaged (SQLite integrity check: " + check.value() + ")");
    auto applicationId = db.queryInt("PRAGMA application_id");
    if (!applicationId)
        return unreadable(db, applicationId.error());
    identity.applicationId = applicationId.value();
    auto userVersion = db.queryInt("PRAGMA user_version");
    if (!userVersion)
        return unreadable(db, userVersion.error());
    identity.userVersion = userVersion.value();
    return identity;
}

Status checkIdentity(const std::string &path, const Identity &identity)
{
    // A fresh file has no id and no objects; anything else without our id belongs to another program.
    const bool fresh = identity.applicationId == 0 && identity.userVersion == 0 && identity.objectCount == 0;
    if (!fresh && identity.applicationId != kApplicationId)
        return leftUntouched(path, "is an SQLite database of another program, not Lakeshore settings");
    if (identity.userVersion < 0)
        return leftUntouched(path, "has an invalid schema version " + std::to_string(identity.userVersion));
    if (identity.userVersion > latestSchemaVersion())
        return leftUntouched(path, "was written by a newer Lakeshore (schema version " +
                                       std::to_string(identity.userVersion) + ", this version knows up to " +
                                       std::to_string(latestSchemaVersion()) + ")");
    return okStatus();
}

Status applyMigration(sqlite::Database &db, const Migration &migration)
{
    // IMMEDIATE takes the write lock at once, so two processes starting together migrate one after the other.
    if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    auto run = [&]() -> Status {
        auto current = db.queryInt("PRAGMA user_version");
        if (!current)
            return current.error();
        if (current.value() >= migration.version)
            return okStatus(); // the other process got there first
        if (auto applied = db.exec(migration.sql); !applied)
            return applied.error();
        // PRAGMAs take no bound parameters; both numbers are this build's own constants.
        const std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                                  "; PRAGMA user_version = " + std::to_string(migration.version) + ";";
        return db.exec(stamp.c_str());
    };
    if (auto ran = run(); !ran) {
        (void)db.exec("ROLLBACK");
        return makeError(ErrorKind::Storage, "settings database " + db.path() +
                                                 ": migration to schema version " +
                                                 std::to_string(migration.version) +
                                                 " failed and was rolled back: " + ran.error().message);
    }
    if (auto committed = db.exec("COMMIT"); !committed) {
        (void)db.exec("ROLLBACK");
        return committed;
    }
    return okStatus();
}

} // namespace

Result<int> prepareSchema(sqlite::Database &db)
{
    auto identity = readIdentity(db);
    if (!identity)
        return identity.error();
    if (auto checked = checkIdentity(db.path(), identity.value()); !checked)
        return checked.error();

    // The first write; from here on the file is known to be ours.
    auto mode = db.queryText("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    if (mode.value() != "wal")
        return makeError(ErrorKind::Storage, "settings database " + db.path() +
                                                 " cannot use write-ahead logging (journal mode stays " +
                                                 mode.value() + ")");

    for (const Migration &migration : migrations()) {
        if (migration.version <= identity.value().userVersion)
            continue;
        if (auto applied = applyMigration(db, migration); !applied)
            return applied.error();
    }
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    // A newer Lakeshore may have migrated the file between our check and our transaction.
    if (version.value() > latestSchemaVersion())
        return makeError(ErrorKind::Storage, "settings database " + db.path() +
                                                 " was just migrated by a newer Lakeshore (schema version " +
                                                 std::to_string(version.value()) + ")");
    return static_cast<int>(version.value());
}

} // namespace lakeshore::store
