// Pre-signed file URLs for the share server. A recipient downloads a data file with no bearer token:
// the URL itself carries an expiry and an HMAC-SHA256 over (tenant, recipient, table, file, expiry)
// under a key derived for the tenant with HKDF-SHA256 from the one master key, so a URL opens exactly one
// file of one table for the recipient it was made for until it expires, and a key of one tenant opens
// nothing of another.
#pragma once

#include "core/result.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace lakeshore::sharing::server {

using SigningKey = std::array<std::uint8_t, 32>;

// HKDF-SHA256(master, salt "lakeshore url signing v1", info tenant).
[[nodiscard]] Result<SigningKey> tenantSigningKey(std::span<const std::uint8_t> masterKey,
                                                  std::string_view tenant);

struct FileReference
{
    std::string tenant;
    std::string table;     // the Delta table's folder name (the CRM entity)
    std::string file;      // a data file of that table, as its add action names it
    std::string recipient; // whom the link was made for (the server checks they still have access)
};

// "exp=<epoch ms>&sig=<base64url HMAC>" for the file, to append after '?'.
[[nodiscard]] std::string signFileQuery(const SigningKey &key, const FileReference &file,
                                        std::int64_t expiresAt);

// ErrorKind::Auth with a message for the recipient: a missing or malformed exp/sig, a signature that does
// not match (tampered, or made for another file, table, tenant or recipient), or an expiry at or before now.
[[nodiscard]] Status verifyFileQuery(const SigningKey &key, const FileReference &file,
                                     std::string_view expText, std::string_view signature, std::int64_t now);

} // namespace lakeshore::sharing::server
