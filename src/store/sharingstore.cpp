// SharingStore's shares and recipients: names as Delta Sharing allows them, tables per share, grants
// and IP allow-lists. Tokens are in sharingtokens.cpp, the audit trail in sharingaudit.cpp.
#include "store/sharingstore.h"

#include "http/cidr.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sharingrows.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lakeshore::store {

using namespace sharingrows;

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
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

SharingStore::~SharingStore() = default;

Result<std::vector<Share>> SharingStore::shares(std::string_view tenant)
{
    sqlite::Database &db = *m_settings.m_db;
    auto rows = db.prepare("SELECT id, tenant, name, comment, created_at FROM share "
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
    auto tables = db.prepare("SELECT share_id, schema_name, table_name, entity FROM share_table "
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
        if (auto free =
                expectRow(anyRow(db, "SELECT 1 FROM share WHERE tenant = ?1 AND name = ?2 AND id <> ?3",
                                 {share.tenant, share.name, id}),
                          true, invalid("there is already a share named " + quotedForMessage(share.name)));
            !free)
            return free;
        if (!share.id.empty())
            if (auto there = expectRow(anyRow(db, "SELECT 1 FROM share WHERE id = ?1", {id}), false,
                                       makeError(ErrorKind::NotFound, "the share was removed"));
                !there)
                return there;
        auto upsert = db.prepare(
            "INSERT INTO share (id, tenant, name, comment, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
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
        auto clear = db.prepare("DELETE FROM share_table WHERE share_id = ?1");
        if (!clear)
            return clear.error();
        (void)clear.value().bindText(1, id);
        if (auto done = run(clear.value()); !done)
            return done;
        for (const SharedTable &table : share.tables) {
            auto insert = db.prepare("INSERT INTO share_table (share_id, schema_name, table_name, entity) "
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
    auto statement = m_settings.m_db->prepare("DELETE FROM share WHERE id = ?1");
    if (!statement)
        return statement.error();
    (void)statement.value().bindText(1, id);
    ++m_ownWrites;
    return run(statement.value());
}

Result<std::vector<Recipient>> SharingStore::recipients(std::string_view tenant)
{
    return readRecipients(tenant, {});
}

Result<std::vector<Recipient>> SharingStore::readRecipients(std::string_view tenant, std::string_view id)
{
    sqlite::Database &db = *m_settings.m_db;
    auto rows = db.prepare("SELECT id, tenant, name, comment, ip_allow_list, created_at FROM recipient "
                           "WHERE (?1 = '' OR tenant = ?1) AND (?2 = '' OR id = ?2) ORDER BY name");
    if (!rows)
        return rows.error();
    (void)rows.value().bindText(1, tenant);
    (void)rows.value().bindText(2, id);
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
    auto grants = db.prepare("SELECT rs.recipient_id, rs.share_id FROM recipient_share rs "
                             "JOIN share s ON s.id = rs.share_id WHERE ?1 = '' OR rs.recipient_id = ?1 "
                             "ORDER BY s.name");
    if (!grants)
        return grants.error();
    (void)grants.value().bindText(1, id);
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
        db.prepare("SELECT recipient_id, id, created_at, expires_at, revoked_at FROM recipient_token "
                   "WHERE ?1 = '' OR recipient_id = ?1 ORDER BY created_at DESC, rowid DESC");
    if (!tokens)
        return tokens.error();
    (void)tokens.value().bindText(1, id);
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
        if (auto free = expectRow(
                anyRow(db, "SELECT 1 FROM recipient WHERE tenant = ?1 AND name = ?2 AND id <> ?3",
                       {recipient.tenant, recipient.name, id}),
                true, invalid("there is already a recipient named " + quotedForMessage(recipient.name)));
            !free)
            return free;
        for (const std::string &shareId : recipient.shareIds)
            if (auto granted =
                    expectRow(anyRow(db, "SELECT 1 FROM share WHERE id = ?1 AND tenant = ?2",
                                     {shareId, recipient.tenant}),
                              false, makeError(ErrorKind::NotFound, "a granted share no longer exists"));
                !granted)
                return granted;
        if (!recipient.id.empty())
            if (auto there = expectRow(anyRow(db, "SELECT 1 FROM recipient WHERE id = ?1", {id}), false,
                                       makeError(ErrorKind::NotFound, "the recipient was removed"));
                !there)
                return there;
        auto upsert =
            db.prepare("INSERT INTO recipient (id, tenant, name, comment, ip_allow_list, created_at) "
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
        auto clear = db.prepare("DELETE FROM recipient_share WHERE recipient_id = ?1");
        if (!clear)
            return clear.error();
        (void)clear.value().bindText(1, id);
        if (auto done = run(clear.value()); !done)
            return done;
        for (const std::string &shareId :
             std::set<std::string>(recipient.shareIds.begin(), recipient.shareIds.end())) {
            auto grant = db.prepare("INSERT INTO recipient_share (recipient_id, share_id) VALUES (?1, ?2)");
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
    auto statement = m_settings.m_db->prepare("DELETE FROM recipient WHERE id = ?1");
    if (!statement)
        return statement.error();
    (void)statement.value().bindText(1, id);
    ++m_ownWrites;
    return run(statement.value());
}

} // namespace lakeshore::store
