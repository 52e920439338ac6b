#include "sharing/server/urlsigning.h"

#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "crypto/hkdf.h"
#include "crypto/secrets.h"

#include <charconv>

namespace lakeshore::sharing::server {

namespace {

std::string signedText(const FileReference &file, std::int64_t expiresAt)
{
    // Newlines cannot occur in tenant, recipient, table or file names, so the fields cannot run into each
    // other.
    return "lakeshore-file-v2\n" + file.tenant + "\n" + file.recipient + "\n" + file.table + "\n" +
           file.file + "\n" + std::to_string(expiresAt);
}

std::string signatureOf(const SigningKey &key, const FileReference &file, std::int64_t expiresAt)
{
    return crypto::base64UrlEncode(crypto::hmacSha256(key, signedText(file, expiresAt)));
}

} // namespace

Result<SigningKey> tenantSigningKey(std::span<const std::uint8_t> masterKey, std::string_view tenant)
{
    const std::string_view salt = "lakeshore url signing v1";
    auto derived = crypto::hkdfSha256(masterKey, crypto::asBytes(salt), tenant, 32);
    if (!derived)
        return derived.error();
    SigningKey key{};
    std::copy(derived.value().begin(), derived.value().end(), key.begin());
    crypto::wipe(derived.value());
    return key;
}

std::string signFileQuery(const SigningKey &key, const FileReference &file, std::int64_t expiresAt)
{
    return "exp=" + std::to_string(expiresAt) + "&sig=" + signatureOf(key, file, expiresAt);
}

Status verifyFileQuery(const SigningKey &key, const FileReference &file, std::string_view expText,
                       std::string_view signature, std::int64_t now)
{
    std::int64_t expiresAt = 0;
    auto [end, error] = std::from_chars(expText.data(), expText.data() + expText.size(), expiresAt);
    if (expText.empty() || error != std::errc() || end != expText.data() + expText.size() ||
        signature.empty())
        return makeError(ErrorKind::Auth, "the file link is incomplete: ask the server for a new one");
    if (!crypto::constantTimeEqual(signatureOf(key, file, expiresAt), signature))
        return makeError(ErrorKind::Auth, "the file link is not valid for this file");
    if (expiresAt <= now)
        return makeError(ErrorKind::Auth, "the file link has expired: query the table again for fresh links");
    return okStatus();
}

} // namespace lakeshore::sharing::server
