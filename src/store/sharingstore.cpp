#include "store/sharingstore.h"

#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "crypto/random.h"
#include "http/cidr.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sqlite.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lakeshore::store {

namespace {

constexpr std::string_view kTokenPrefix = "lsk_";
constexpr std::size_t kTokenLength = 4 + 43; // prefix + base64url of 32 bytes

Error invalid(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message));
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Result<sqlite::Statement> prepared(sqlite::Database &db, std::string_view sql)
{
    return db.prepare(sql);
}

// Runs a statement that returns no rows.
Status run(sqlite::Statement &statement)
{
    auto done = statement.step();
    if (!done)
        return done.error();
    return okStatus();
}

std::optional<std::int64_t> optionalInt(const sqlite::Statement &row, int column)
{
    if (row.columnType(column) == sqlite::ColumnType::Null)
        return std::nullopt;
    return row.columnInt(column);
}

Status bindOptional(sqlite::Statement &statement, int index, const std::optional<std::int64_t> &value)
{
    return value ? statement.bindInt(index, *value) : statement.bindNull(index);
}

std::vector<std::uint8_t> tokenHash(std::string_view token)
{
    const crypto::Digest256 digest = crypto::sha256(token);
    return {digest.begin(), digest.end()};
}

Result<std::vector<std::string>> readAllowList(const std::string &text, const std::string &recipient)
{
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array())
        return invalid("stored recipient " + quotedForMessage(recipient) +
                       ": ip_allow_list is not a JSON array");
    std::vector<std::string> out;
    for (const auto &entry : list) {
        if (!entry.is_string() || !http::parseCidr(entry.get<std::string>()))
            return invalid("stored recipient " + quotedForMessage(recipient) + ": ip_allow_list holds " +
                           quotedForMessage(entry.dump()));
        out.push_back(entry.get<std::string>());
    }
    return out;
}

} // namespace

std::string shareNameProblem(std::string_view name, bool schemaOrTable)
{
    if (name.empty())
        return "a name is needed";
    if (name.size() > 255)
        return "names are at most 255 characters";
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || c == ' ' || c == '/')
            return "'" + std::string(name.substr(0, 60)) +
                   "' may not contain spaces, '/' or control characters";
        if (schemaOrTable && c == '.')
            return "'" + std::string(name.substr(0, 60)) + "' may not contain '.'";
    }
    return {};
}

RecipientStatus recipientStatus(const Recipient &recipient, std::int64_t now, std::int64_t soon)
{
    if (recipient.tokens.empty())
        return RecipientStatus::NoToken;
    std::optional<std::int64_t> lastActiveExpiry;
    for (const RecipientToken &token : recipient.tokens)
        if (token.activeAt(now))
            lastActiveExpiry = std::max(lastActiveExpiry.value_or(0), token.expiresAt);
    if (lastActiveExpiry)
        return *lastActiveExpiry - now <= soon ? RecipientStatus::Expiring : RecipientStatus::Active;
    return recipient.tokens.front().revokedAt ? RecipientStatus::Revoked : RecipientStatus::Expired;
}

const char *recipientStatusName(RecipientStatus status)
{
    switch (status) {
    case RecipientStatus::NoToken:
        return "no token";
    case RecipientStatus::Active:
        return "active";
    case RecipientStatus::Expiring:
        return "expiring";
    case RecipientStatus::Expired:
        return "expired";
    case RecipientStatus::Revoked:
        return "revoked";
    }
    return "?";
}

SharingStore::SharingStore(SettingsStore &settings) : m_settings(settings) {}

Result<std::vector<Share>> SharingStore::shares(std::string_view tenant)
{
    sqlite::Database &db = *m_settings.m_db;
    auto rows = prepared(db, "SELECT id, tenant, name, comment, created_at FROM share "
                             "WHERE ?1 = '' OR tenant = ?1 ORDER BY name");
    if (!rows)
        return rows.error();
    (void)rows.value().bindText(1, tenant);
    std::vector<Share> out;
    std::map<std::string, std::size_t> byId;
    for (;;) {
        auto more = rows.value().step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        Share share;
        share.id = rows.value().columnText(0);
        share.tenant = rows.value().columnText(1);
        share.name = rows.value().columnText(2);
        share.comment = rows.value().columnText(3);
        share.createdAt = rows.value().columnInt(4);
        byId[share.id] = out.size();
        out.push_back(std::move(share));
    }
    auto tables = prepared(db, "SELECT share_id, schema_name, table_name, entity FROM share_table "
                               "ORDER BY schema_name, table_name");
    if (!tables)
        return tables.error();
    for (;;) {
        auto more = tables.value().step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        const auto share = byId.find(tables.value().columnText(0));
        if (share != byId.end())
            out[share->second].tables.push_back(
                {tables.value().columnText(1), tables.value().columnText(2), tables.value().columnText(3)});
    }
    return out;
}

Result<std::string> SharingStore::saveShare(const Share &share, std::int64_t now)
{
    if (share.tenant.empty())
        return invalid("a share belongs to a tenant");
    if (std::string problem = shareNameProblem(share.name, false); !problem.empty())
        return invalid("share name: " + problem);
    if (share.comment.size() > 65536)
        return invalid("a share's comment is at most 65,536 characters");
    std::set<std::string> seen;
    for (const SharedTable &table : share.tables) {
        if (std::string problem = shareNameProblem(table.schema, true); !problem.empty())
            return invalid("schema name: " + problem);
        if (std::string problem = shareNameProblem(table.name, true); !problem.empty())
            return invalid("table name: " + problem);
        if (std::find(kShareableEntities.begin(), kShareableEntities.end(), table.entity) ==
            kShareableEntities.end())
            return invalid("'" + table.entity.substr(0, 40) + "' is not a CRM table that can be shared");
        if (!seen.insert(lowered(table.schema) + "." + lowered(table.name)).second)
            return invalid("the share lists " + table.schema + "." + table.name + " twice");
    }
    sqlite::Database &db = *m_settings.m_db;
    std::string id = share.id;
    if (id.empty()) {
        auto fresh = newRowId();
        if (!fresh)
            return fresh.error();
        id = fresh.value();
    }
    Status saved = inTransaction(db, [&]() -> Status {
        auto clash = prepared(db, "SELECT id FROM share WHERE tenant = ?1 AND name = ?2 AND id <> ?3");
        if (!clash)
            return clash.error();
        (void)clash.value().bindText(1, share.tenant);
        (void)clash.value().bindText(2, share.name);
        (void)clash.value().bindText(3, id);
        auto found = clash.value().step();
        if (!found)
            return found.error();
        if (found.value())
            return invalid("there is already a share named " + quotedForMessage(share.name));
        if (!share.id.empty()) {
            auto exists = prepared(db, "SELECT 1 FROM share WHERE id = ?1");
            if (!exists)
                return exists.error();
            (void)exists.value().bindText(1, id);
            auto row = exists.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                return makeError(ErrorKind::NotFound, "the share was removed");
        }
        auto upsert = prepared(
            db, "INSERT INTO share (id, tenant, name, comment, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                "ON CONFLICT (id) DO UPDATE SET name = ?3, comment = ?4");
        if (!upsert)
            return upsert.error();
        (void)upsert.value().bindText(1, id);
        (void)upsert.value().bindText(2, share.tenant);
        (void)upsert.value().bindText(3, share.name);
        (void)upsert.value().bindText(4, share.comment);
        (void)upsert.value().bindInt(5, share.createdAt != 0 ? share.createdAt : now);
        if (auto done = run(upsert.value()); !done)
            return done;
        auto clear = prepared(db, "DELETE FROM share_table WHERE share_id = ?1");
        if (!clear)
            return clear.error();
        (void)clear.value().bindText(1, id);
        if (auto done = run(clear.value()); !done)
            return done;
        for (const SharedTable &table : share.tables) {
            auto insert = prepared(db, "INSERT INTO share_table (share_id, schema_name, table_name, entity) "
                                       "VALUES (?1, ?2, ?3, ?4)");
            if (!insert)
                return insert.error();
            (void)insert.value().bindText(1, id);
            (void)insert.value().bindText(2, table.schema);
            (void)insert.value().bindText(3, table.name);
            (void)insert.value().bindText(4, table.entity);
            if (auto done = run(insert.value()); !done)
                return done;
        }
        return okStatus();
    });
    if (!saved)
        return saved.error();
    ++m_ownWrites;
    return id;
}

Status SharingStore::removeShare(std::string_view id)
{
    auto statement = prepared(*m_settings.m_db, "DELETE FROM share WHERE id = ?1");
    if (!statement)
        return statement.error();
    (void)statement.value().bindText(1, id);
    ++m_ownWrites;
    return run(statement.value());
}

Result<std::vector<Recipient>> SharingStore::recipients(std::string_view tenant)
{
    sqlite::Database &db = *m_settings.m_db;
    auto rows = prepared(db, "SELECT id, tenant, name, comment, ip_allow_list, created_at FROM recipient "
                             "WHERE ?1 = '' OR tenant = ?1 ORDER BY name");
    if (!rows)
        return rows.error();
    (void)rows.value().bindText(1, tenant);
    std::vector<Recipient> out;
    std::map<std::string, std::size_t> byId;
    for (;;) {
        auto more = rows.value().step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        Recipient recipient;
        recipient.id = rows.value().columnText(0);
        recipient.tenant = rows.value().columnText(1);
        recipient.name = rows.value().columnText(2);
        recipient.comment = rows.value().columnText(3);
        auto allowList = readAllowList(rows.value().columnText(4), recipient.name);
        if (!allowList)
            return allowList.error();
        recipient.ipAllowList = std::move(allowList).value();
        recipient.createdAt = rows.value().columnInt(5);
        byId[recipient.id] = out.size();
        out.push_back(std::move(recipient));
    }
    auto grants = prepared(db, "SELECT rs.recipient_id, rs.share_id FROM recipient_share rs "
                               "JOIN share s ON s.id = rs.share_id ORDER BY s.name");
    if (!grants)
        return grants.error();
    for (;;) {
        auto more = grants.value().step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        if (auto it = byId.find(grants.value().columnText(0)); it != byId.end())
            out[it->second].shareIds.push_back(grants.value().columnText(1));
    }
    auto tokens =
        prepared(db, "SELECT recipient_id, id, created_at, expires_at, revoked_at FROM recipient_token "
                     "ORDER BY created_at DESC, rowid DESC");
    if (!tokens)
        return tokens.error();
    for (;;) {
        auto more = tokens.value().step();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        if (auto it = byId.find(tokens.value().columnText(0)); it != byId.end())
            out[it->second].tokens.push_back({tokens.value().columnText(1), tokens.value().columnInt(2),
                                              tokens.value().columnInt(3), optionalInt(tokens.value(), 4)});
    }
    return out;
}

Result<std::string> SharingStore::saveRecipient(const Recipient &recipient, std::int64_t now)
{
    if (recipient.tenant.empty())
        return invalid("a recipient belongs to a tenant");
    if (recipient.name.empty() || recipient.name.size() > 255)
        return invalid("a recipient's name has 1 to 255 characters");
    for (const char c : recipient.name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return invalid("a recipient's name may not contain control characters");
    if (recipient.ipAllowList.size() > 100)
        return invalid("an IP allow-list holds at most 100 entries");
    nlohmann::json allowList = nlohmann::json::array();
    for (const std::string &entry : recipient.ipAllowList) {
        auto range = http::parseCidr(entry);
        if (!range)
            return range.error();
        allowList.push_back(range.value().text());
    }
    sqlite::Database &db = *m_settings.m_db;
    std::string id = recipient.id;
    if (id.empty()) {
        auto fresh = newRowId();
        if (!fresh)
            return fresh.error();
        id = fresh.value();
    }
    Status saved = inTransaction(db, [&]() -> Status {
        auto clash = prepared(db, "SELECT id FROM recipient WHERE tenant = ?1 AND name = ?2 AND id <> ?3");
        if (!clash)
            return clash.error();
        (void)clash.value().bindText(1, recipient.tenant);
        (void)clash.value().bindText(2, recipient.name);
        (void)clash.value().bindText(3, id);
        auto found = clash.value().step();
        if (!found)
            return found.error();
        if (found.value())
            return invalid("there is already a recipient named " + quotedForMessage(recipient.name));
        for (const std::string &shareId : recipient.shareIds) {
            auto share = prepared(db, "SELECT tenant FROM share WHERE id = ?1");
            if (!share)
                return share.error();
            (void)share.value().bindText(1, shareId);
            auto row = share.value().step();
            if (!row)
                return row.error();
            if (!row.value() || share.value().columnText(0) != recipient.tenant)
                return makeError(ErrorKind::NotFound, "a granted share no longer exists");
        }
        if (!recipient.id.empty()) {
            auto exists = prepared(db, "SELECT 1 FROM recipient WHERE id = ?1");
            if (!exists)
                return exists.error();
            (void)exists.value().bindText(1, id);
            auto row = exists.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                return makeError(ErrorKind::NotFound, "the recipient was removed");
        }
        auto upsert =
            prepared(db, "INSERT INTO recipient (id, tenant, name, comment, ip_allow_list, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                         "ON CONFLICT (id) DO UPDATE SET name = ?3, comment = ?4, ip_allow_list = ?5");
        if (!upsert)
            return upsert.error();
        (void)upsert.value().bindText(1, id);
        (void)upsert.value().bindText(2, recipient.tenant);
        (void)upsert.value().bindText(3, recipient.name);
        (void)upsert.value().bindText(4, recipient.comment);
        (void)upsert.value().bindText(5, allowList.dump());
        (void)upsert.value().bindInt(6, recipient.createdAt != 0 ? recipient.createdAt : now);
        if (auto done = run(upsert.value()); !done)
            return done;
        auto clear = prepared(db, "DELETE FROM recipient_share WHERE recipient_id = ?1");
        if (!clear)
            return clear.error();
        (void)clear.value().bindText(1, id);
        if (auto done = run(clear.value()); !done)
            return done;
        for (const std::string &shareId :
             std::set<std::string>(recipient.shareIds.begin(), recipient.shareIds.end())) {
            auto grant = prepared(db, "INSERT INTO recipient_share (recipient_id, share_id) VALUES (?1, ?2)");
            if (!grant)
                return grant.error();
            (void)grant.value().bindText(1, id);
            (void)grant.value().bindText(2, shareId);
            if (auto done = run(grant.value()); !done)
                return done;
        }
        return okStatus();
    });
    if (!saved)
        return saved.error();
    ++m_ownWrites;
    return id;
}

Status SharingStore::removeRecipient(std::string_view id)
{
    auto statement = prepared(*m_settings.m_db, "DELETE FROM recipient WHERE id = ?1");
    if (!statement)
        return statement.error();
    (void)statement.value().bindText(1, id);
    ++m_ownWrites;
    return run(statement.value());
}

Result<IssuedToken> SharingStore::addToken(std::string_view recipientId, std::int64_t expiresAt,
                                           std::int64_t now)
{
    if (expiresAt <= now)
        return invalid("a token's expiry must be in the future");
    sqlite::Database &db = *m_settings.m_db;
    auto exists = prepared(db, "SELECT 1 FROM recipient WHERE id = ?1");
    if (!exists)
        return exists.error();
    (void)exists.value().bindText(1, recipientId);
    auto row = exists.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorKind::NotFound, "the recipient was removed");
    auto secret = crypto::randomBytes(32);
    auto id = newRowId();
    if (!secret)
        return secret.error();
    if (!id)
        return id.error();
    IssuedToken issued;
    issued.tokenId = id.value();
    issued.bearerToken = std::string(kTokenPrefix) + crypto::base64UrlEncode(secret.value());
    issued.expiresAt = expiresAt;
    auto insert =
        prepared(db, "INSERT INTO recipient_token (id, recipient_id, token_hash, created_at, expires_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    (void)insert.value().bindText(1, issued.tokenId);
    (void)insert.value().bindText(2, recipientId);
    (void)insert.value().bindBlob(3, tokenHash(issued.bearerToken));
    (void)insert.value().bindInt(4, now);
    (void)insert.value().bindInt(5, expiresAt);
    if (auto done = run(insert.value()); !done)
        return done.error();
    return issued;
}

Result<IssuedToken> SharingStore::issueToken(std::string_view recipientId, std::int64_t expiresAt,
                                             std::int64_t now)
{
    std::optional<IssuedToken> issued;
    Status done = inTransaction(*m_settings.m_db, [&]() -> Status {
        auto token = addToken(recipientId, expiresAt, now);
        if (!token)
            return token.error();
        issued = std::move(token).value();
        return okStatus();
    });
    if (!done)
        return done.error();
    ++m_ownWrites;
    return *issued;
}

Result<IssuedToken> SharingStore::rotateToken(std::string_view recipientId, std::int64_t expiresAt,
                                              std::int64_t oldTokenLifeMillis, std::int64_t now)
{
    if (oldTokenLifeMillis < 0)
        return invalid("rotation can only shorten the old token's life: the grace period cannot be negative");
    sqlite::Database &db = *m_settings.m_db;
    std::optional<IssuedToken> issued;
    Status done = inTransaction(db, [&]() -> Status {
        const std::int64_t end = now + oldTokenLifeMillis;
        auto shorten =
            prepared(db, oldTokenLifeMillis == 0
                             ? "UPDATE recipient_token SET revoked_at = ?2 WHERE recipient_id = ?1 "
                               "AND revoked_at IS NULL AND expires_at > ?2"
                             : "UPDATE recipient_token SET expires_at = min(expires_at, ?3) "
                               "WHERE recipient_id = ?1 AND revoked_at IS NULL AND expires_at > ?2");
        if (!shorten)
            return shorten.error();
        (void)shorten.value().bindText(1, recipientId);
        (void)shorten.value().bindInt(2, now);
        if (oldTokenLifeMillis != 0)
            (void)shorten.value().bindInt(3, end);
        if (auto ran = run(shorten.value()); !ran)
            return ran;
        auto token = addToken(recipientId, expiresAt, now);
        if (!token)
            return token.error();
        issued = std::move(token).value();
        return okStatus();
    });
    if (!done)
        return done.error();
    ++m_ownWrites;
    return *issued;
}

Status SharingStore::revokeRecipient(std::string_view recipientId, std::int64_t now)
{
    auto statement = prepared(*m_settings.m_db, "UPDATE recipient_token SET revoked_at = ?2 "
                                                "WHERE recipient_id = ?1 AND revoked_at IS NULL");
    if (!statement)
        return statement.error();
    (void)statement.value().bindText(1, recipientId);
    (void)statement.value().bindInt(2, now);
    ++m_ownWrites;
    return run(statement.value());
}

Result<std::optional<TokenGrant>> SharingStore::findToken(std::string_view bearerToken)
{
    if (bearerToken.size() != kTokenLength || bearerToken.substr(0, kTokenPrefix.size()) != kTokenPrefix)
        return std::optional<TokenGrant>();
    sqlite::Database &db = *m_settings.m_db;
    auto token =
        prepared(db, "SELECT recipient_id, id, created_at, expires_at, revoked_at FROM recipient_token "
                     "WHERE token_hash = ?1");
    if (!token)
        return token.error();
    (void)token.value().bindBlob(1, tokenHash(bearerToken));
    auto found = token.value().step();
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<TokenGrant>();
    TokenGrant grant;
    const std::string recipientId = token.value().columnText(0);
    grant.token = {token.value().columnText(1), token.value().columnInt(2), token.value().columnInt(3),
                   optionalInt(token.value(), 4)};
    auto all = recipients();
    if (!all)
        return all.error();
    for (Recipient &recipient : all.value())
        if (recipient.id == recipientId) {
            grant.recipient = std::move(recipient);
            return std::optional<TokenGrant>(std::move(grant));
        }
    return std::optional<TokenGrant>();
}

Status SharingStore::appendAudit(std::span<const AuditEvent> events)
{
    if (events.empty())
        return okStatus();
    sqlite::Database &db = *m_settings.m_db;
    Status done = inTransaction(db, [&]() -> Status {
        for (const AuditEvent &event : events) {
            auto insertOne =
                prepared(db, "INSERT INTO audit_event (at, tenant, recipient_id, recipient_name, "
                             "remote_address, method, endpoint, share, schema_name, table_name, version, "
                             "files, bytes, status, user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                             "?9, ?10, ?11, ?12, ?13, ?14, ?15)");
            if (!insertOne)
                return insertOne.error();
            sqlite::Statement &s = insertOne.value();
            (void)s.bindInt(1, event.at);
            (void)s.bindText(2, event.tenant);
            (void)s.bindText(3, event.recipientId);
            (void)s.bindText(4, event.recipientName);
            (void)s.bindText(5, event.remoteAddress);
            (void)s.bindText(6, event.method);
            (void)s.bindText(7, event.endpoint);
            (void)s.bindText(8, event.share);
            (void)s.bindText(9, event.schema);
            (void)s.bindText(10, event.table);
            (void)bindOptional(s, 11, event.version);
            (void)s.bindInt(12, event.files);
            (void)s.bindInt(13, event.bytes);
            (void)s.bindInt(14, event.status);
            (void)s.bindText(15, event.userAgent.substr(0, 200));
            if (auto ran = run(s); !ran)
                return ran;
        }
        return okStatus();
    });
    if (done)
        ++m_ownWrites;
    return done;
}

Result<std::vector<AuditEvent>> SharingStore::audit(const AuditFilter &filter)
{
    if (filter.limit < 1 || filter.limit > 10000)
        return invalid("the audit list shows 1 to 10,000 rows");
    auto rows = prepared(
        *m_settings.m_db,
        "SELECT id, at, tenant, recipient_id, recipient_name, remote_address, method, endpoint, share, "
        "schema_name, table_name, version, files, bytes, status, user_agent FROM audit_event "
        "WHERE (?1 = '' OR tenant = ?1) AND (?2 = '' OR recipient_id = ?2) "
        "AND (?3 = '' OR instr(lower(endpoint || ' ' || share || ' ' || schema_name || ' ' || "
        "table_name || ' ' || recipient_name || ' ' || remote_address), lower(?3)) > 0) "
        "AND (?4 = 0 OR status >= 400) AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at <= ?6) "
        "ORDER BY at DESC, id DESC LIMIT ?7");
    if (!rows)
        return rows.error();
    sqlite::Statement &s = rows.value();
    (void)s.bindText(1, filter.tenant);
    (void)s.bindText(2, filter.recipientId);
    (void)s.bindText(3, filter.text);
    (void)s.bindInt(4, filter.failuresOnly ? 1 : 0);
    (void)bindOptional(s, 5, filter.since);
    (void)bindOptional(s, 6, filter.until);
    (void)s.bindInt(7, filter.limit);
    std::vector<AuditEvent> out;
    for (;;) {
        auto more = s.step();
        if (!more)
            return more.error();
        if (!more.value())
            return out;
        AuditEvent event;
        event.id = s.columnInt(0);
        event.at = s.columnInt(1);
        event.tenant = s.columnText(2);
        event.recipientId = s.columnText(3);
        event.recipientName = s.columnText(4);
        event.remoteAddress = s.columnText(5);
        event.method = s.columnText(6);
        event.endpoint = s.columnText(7);
        event.share = s.columnText(8);
        event.schema = s.columnText(9);
        event.table = s.columnText(10);
        event.version = optionalInt(s, 11);
        event.files = s.columnInt(12);
        event.bytes = s.columnInt(13);
        event.status = static_cast<int>(s.columnInt(14));
        event.userAgent = s.columnText(15);
        out.push_back(std::move(event));
    }
}

Result<std::int64_t> SharingStore::changeCounter()
{
    auto version = m_settings.m_db->queryInt("PRAGMA data_version");
    if (!version)
        return version.error();
    return version.value() * 1'000'000'000 + m_ownWrites;
}

} // namespace lakeshore::store
