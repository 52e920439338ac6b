// The sharing part of the settings store: shares, recipients, tokens and the share server's audit
// trail, in the same SQLite file as the other settings (opened through a SettingsStore). The GUI writes
// here; lakeshore-server reads here on every request (changeCounter() tells it when to re-read), so a
// change is in force on the server's next request.
//
// Tokens are 256 random bits shown once by issueToken()/rotateToken(); only their SHA-256 is stored.
// Rotation can only shorten the old tokens' lives; revocation ends every token of a recipient at once.
#pragma once

#include "core/result.h"
#include "store/sharingsettings.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::store {

class SettingsStore;
namespace sqlite {
class Statement;
}

// Share, schema and table names as Delta Sharing allows them: 1..255 characters, no space, '/', or
// control character; schema and table names also no '.'. Empty when fine, else why.
[[nodiscard]] std::string shareNameProblem(std::string_view name, bool schemaOrTable);

class SharingStore
{
public:
    explicit SharingStore(SettingsStore &settings);
    ~SharingStore();

    // Shares of one tenant (all tenants when empty), by name.
    [[nodiscard]] Result<std::vector<Share>> shares(std::string_view tenant = {});
    // Validates (names, entities, no table listed twice), then inserts (new id) or replaces share.id's row
    // and its tables. Invalid when the tenant has another share of that name. Returns the id.
    [[nodiscard]] Result<std::string> saveShare(const Share &share, std::int64_t now);
    Status removeShare(std::string_view id); // grants to it go with it

    [[nodiscard]] Result<std::vector<Recipient>> recipients(std::string_view tenant = {});
    // Name, comment, IP allow-list (each entry a CIDR or address) and grants (shares of the same tenant).
    // Tokens are not touched. Returns the id.
    [[nodiscard]] Result<std::string> saveRecipient(const Recipient &recipient, std::int64_t now);
    Status removeRecipient(std::string_view id); // its tokens stop working at once

    // A new token for the recipient, valid until expiresAt (> now). Other tokens are left as they are.
    [[nodiscard]] Result<IssuedToken> issueToken(std::string_view recipientId, std::int64_t expiresAt,
                                                 std::int64_t now);
    // A new token, and every usable older one now ends at min(its expiry, now + oldTokenLifeMillis): 0
    // revokes them at once; a negative life is Invalid (rotation never lengthens a token's life).
    [[nodiscard]] Result<IssuedToken> rotateToken(std::string_view recipientId, std::int64_t expiresAt,
                                                  std::int64_t oldTokenLifeMillis, std::int64_t now);
    // Every token of the recipient revoked at `now`.
    Status revokeRecipient(std::string_view recipientId, std::int64_t now);

    // The recipient (with grants) and token a bearer token belongs to; nullopt for an unknown token.
    // Expiry and revocation are for the caller to judge (it names the reason in its reply).
    [[nodiscard]] Result<std::optional<TokenGrant>> findToken(std::string_view bearerToken);

    // Appends events in one transaction.
    Status appendAudit(std::span<const AuditEvent> events);
    [[nodiscard]] Result<std::vector<AuditEvent>> audit(const AuditFilter &filter);

    // Changes whenever any connection commits to the database (this one included): compare two readings
    // to know whether shares, recipients or tokens may have changed.
    [[nodiscard]] Result<std::int64_t> changeCounter();

private:
    // Recipients of a tenant (all when empty), or the one with `id` (any when empty).
    [[nodiscard]] Result<std::vector<Recipient>> readRecipients(std::string_view tenant, std::string_view id);
    [[nodiscard]] Result<IssuedToken> addToken(std::string_view recipientId, std::int64_t expiresAt,
                                               std::int64_t now);

    SettingsStore &m_settings;
    std::int64_t m_ownWrites = 0;
    // "PRAGMA data_version", prepared once: the share server asks on every request.
    std::unique_ptr<sqlite::Statement> m_dataVersion;
};

} // namespace lakeshore::store
