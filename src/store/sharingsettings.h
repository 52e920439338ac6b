// What the settings store keeps for outbound Delta Sharing: shares and the tables in them, recipients
// with their grants, IP allow-lists and tokens (never the token itself: only its SHA-256), and the
// audit trail of the share server. Times are epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::store {

// The CRM entities the snapshotter publishes as Delta tables.
inline const std::vector<std::string> kShareableEntities = {"accounts",   "contacts",      "opportunities",
                                                            "activities", "conversations", "cases"};

struct SharedTable
{
    std::string schema; // "crm"
    std::string name;   // the name recipients see, e.g. "accounts"
    std::string entity; // one of kShareableEntities

    bool operator==(const SharedTable &) const = default;
};

struct Share
{
    std::string id; // empty for a new share
    std::string tenant;
    std::string name;
    std::string comment;
    std::int64_t createdAt = 0;
    std::vector<SharedTable> tables; // by schema, then name

    bool operator==(const Share &) const = default;
};

struct RecipientToken
{
    std::string id;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::optional<std::int64_t> revokedAt;

    // Usable at `now`: not revoked and not past its expiry.
    [[nodiscard]] bool activeAt(std::int64_t now) const { return !revokedAt && now < expiresAt; }
    bool operator==(const RecipientToken &) const = default;
};

struct Recipient
{
    std::string id; // empty for a new recipient
    std::string tenant;
    std::string name;
    std::string comment;
    std::vector<std::string> ipAllowList; // CIDRs ("203.0.113.0/24", "::1/128"); empty = any address
    std::vector<std::string> shareIds;    // grants
    std::int64_t createdAt = 0;
    std::vector<RecipientToken> tokens; // newest first; read-only here (issue, rotate, revoke below)

    bool operator==(const Recipient &) const = default;
};

enum class RecipientStatus { NoToken, Active, Expiring, Expired, Revoked };

// Active: a usable token; Expiring: every usable token ends within `soon`; Expired: tokens, all past
// their expiry; Revoked: the newest token was revoked; NoToken: none was ever issued.
[[nodiscard]] RecipientStatus recipientStatus(const Recipient &recipient, std::int64_t now,
                                              std::int64_t soon = 7LL * 24 * 3600 * 1000);
[[nodiscard]] const char *recipientStatusName(RecipientStatus status);

// A token just issued: the only time its text exists outside the recipient's hands.
struct IssuedToken
{
    std::string tokenId;
    std::string bearerToken; // "lsk_" + 43 base64url characters (256 random bits)
    std::int64_t expiresAt = 0;
};

// What a bearer token is good for, found by its hash.
struct TokenGrant
{
    Recipient recipient;
    RecipientToken token;
};

struct AuditEvent
{
    std::int64_t id = 0; // assigned by the store
    std::int64_t at = 0;
    std::string tenant;
    std::string recipientId; // empty when no valid token was shown
    std::string recipientName;
    std::string remoteAddress;
    std::string method;
    std::string endpoint; // "list shares", "query", "file", ...
    std::string share;
    std::string schema;
    std::string table;
    std::optional<std::int64_t> version;
    std::int64_t files = 0;
    std::int64_t bytes = 0;
    int status = 0;
    std::string userAgent;

    bool operator==(const AuditEvent &) const = default;
};

struct AuditFilter
{
    std::string tenant;        // empty = any
    std::string recipientId;   // empty = any
    std::string text;          // matched against endpoint, share, schema, table, recipient and address
    bool failuresOnly = false; // status >= 400
    std::optional<std::int64_t> since, until;
    int limit = 500; // newest first; 1..10000
};

} // namespace lakeshore::store
