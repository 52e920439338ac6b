// SharingStore's tokens: issued as 256 random bits shown once, stored as their SHA-256, rotated (only
// ever shortening the old ones), revoked, and looked up by hash for the share server.
#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "crypto/random.h"
#include "store/rowsupport.h"
#include "store/settingsstore.h"
#include "store/sharingrows.h"
#include "store/sharingstore.h"

namespace lakeshore::store {

using namespace sharingrows;

namespace {

constexpr std::string_view kTokenPrefix = "lsk_";
constexpr std::size_t kTokenLength = 4 + 43; // prefix + base64url of 32 bytes

std::vector<std::uint8_t> tokenHash(std::string_view token)
{
    const crypto::Digest256 digest = crypto::sha256(token);
    return {digest.begin(), digest.end()};
}

} // namespace

Result<IssuedToken> SharingStore::addToken(std::string_view recipientId, std::int64_t expiresAt,
                                           std::int64_t now)
{
    if (expiresAt <= now)
        return invalid("a token's expiry must be in the future");
    sqlite::Database &db = *m_settings.m_db;
    if (auto there = expectRow(anyRow(db, "SELECT 1 FROM recipient WHERE id = ?1", {recipientId}), false,
                               makeError(ErrorKind::NotFound, "the recipient was removed"));
        !there)
        return there.error();
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
        db.prepare("INSERT INTO recipient_token (id, recipient_id, token_hash, created_at, expires_at) "
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
        auto shorten = db.prepare(oldTokenLifeMillis == 0
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
    auto statement = m_settings.m_db->prepare("UPDATE recipient_token SET revoked_at = ?2 "
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
        db.prepare("SELECT recipient_id, id, created_at, expires_at, revoked_at FROM recipient_token "
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
    auto owner = readRecipients({}, recipientId);
    if (!owner)
        return owner.error();
    if (owner.value().empty())
        return std::optional<TokenGrant>();
    grant.recipient = std::move(owner.value().front());
    return std::optional<TokenGrant>(std::move(grant));
}

} // namespace lakeshore::store
