#include "store/settingsstore.h"

#include "crypto/encoding.h"
#include "crypto/hkdf.h"
#include "crypto/secrets.h"
#include "store/databasefile.h"
#include "store/directories.h"
#include "store/keyfile.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace lakeshore::store {

namespace {

constexpr std::size_t kMaxKeySize = 256;

Status checkPreferenceKey(std::string_view key)
{
    if (key.empty() || key.size() > kMaxKeySize)
        return makeError(ErrorKind::Invalid,
                         "preference key must be 1.." + std::to_string(kMaxKeySize) + " bytes");
    return okStatus();
}

Result<sqlite::Database> openDatabase(const std::string &path)
{
    if (auto made = ensureParentDirectory(path); !made)
        return made.error();
    auto state = inspectDatabaseFile(path);
    if (!state)
        return state.error();
    if (state.value() == DatabaseFileState::Missing) {
        if (auto created = createEmptyDatabaseFile(path); !created)
            return created.error();
        // Whoever created it, it must pass the same inspection.
        state = inspectDatabaseFile(path);
        if (!state)
            return state.error();
    }
    auto db = sqlite::Database::open(path);
    if (!db)
        return db.error();
    // Connection settings only; neither writes to the file.
    if (auto set = db.value().exec("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"); !set)
        return set.error();
    return db;
}

} // namespace

SettingsStore::SettingsStore(std::unique_ptr<sqlite::Database> db, std::string path, std::string keyPath,
                             const std::array<std::uint8_t, 32> &key, int schemaVersion)
    : m_db(std::move(db)), m_path(std::move(path)), m_keyPath(std::move(keyPath)), m_key(key),
      m_schemaVersion(schemaVersion)
{
}

SettingsStore::~SettingsStore()
{
    crypto::wipe(m_key);
}

Result<std::unique_ptr<SettingsStore>> SettingsStore::open(const std::string &databasePath,
                                                           const std::string &keyPath)
{
    if (databasePath.empty() || keyPath.empty())
        return makeError(ErrorKind::Invalid, "settings store: database and key file paths must not be empty");
    if (databasePath == keyPath)
        return makeError(ErrorKind::Invalid, "settings store: the key file must be a file of its own");

    auto db = openDatabase(databasePath);
    if (!db)
        return db.error();
    auto version = prepareSchema(db.value());
    if (!version)
        return version.error();
    auto key = loadOrCreateKeyFile(keyPath);
    if (!key)
        return key.error();

    std::unique_ptr<SettingsStore> store(
        new SettingsStore(std::make_unique<sqlite::Database>(std::move(db).value()), databasePath, keyPath,
                          key.value(), version.value()));
    crypto::wipe(key.value());
    return store;
}

Result<std::optional<std::string>> SettingsStore::value(std::string_view key)
{
    if (auto checked = checkPreferenceKey(key); !checked)
        return checked.error();
    auto statement = m_db->prepare("SELECT value FROM preference WHERE key = ?1");
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, key); !bound)
        return bound.error();
    auto row = statement.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<std::string>();
    return std::optional<std::string>(statement.value().columnText(0));
}

Status SettingsStore::setValue(std::string_view key, std::string_view value)
{
    if (auto checked = checkPreferenceKey(key); !checked)
        return checked.error();
    auto statement = m_db->prepare("INSERT INTO preference (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO "
                                   "UPDATE SET value = excluded.value");
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, key); !bound)
        return bound;
    if (auto bound = statement.value().bindText(2, value); !bound)
        return bound;
    auto done = statement.value().step();
    if (!done)
        return done.error();
    return okStatus();
}

Result<std::array<std::uint8_t, 32>> SettingsStore::derivedKey(std::string_view purpose) const
{
    const std::string_view salt = "lakeshore derived key v1";
    auto derived = crypto::hkdfSha256(m_key, crypto::asBytes(salt), purpose, 32);
    if (!derived)
        return derived.error();
    std::array<std::uint8_t, 32> key{};
    std::copy(derived.value().begin(), derived.value().end(), key.begin());
    crypto::wipe(derived.value());
    return key;
}

} // namespace lakeshore::store
