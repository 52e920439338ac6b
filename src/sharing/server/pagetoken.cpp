#include "sharing/server/pagetoken.h"

#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "crypto/secrets.h"

namespace lakeshore::sharing::server {

namespace {
constexpr std::size_t kMaxTokenLength = 4096;
}

std::string encodeToken(const SigningKey &key, const nlohmann::json &payload)
{
    const std::string body = crypto::base64UrlEncode(payload.dump());
    return body + "." + crypto::base64UrlEncode(crypto::hmacSha256(key, "lakeshore-token-v1\n" + body));
}

std::optional<nlohmann::json> decodeToken(const SigningKey &key, std::string_view token)
{
    if (token.size() > kMaxTokenLength)
        return std::nullopt;
    const std::size_t dot = token.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    const std::string body(token.substr(0, dot));
    const std::string expected =
        crypto::base64UrlEncode(crypto::hmacSha256(key, "lakeshore-token-v1\n" + body));
    if (!crypto::constantTimeEqual(expected, token.substr(dot + 1)))
        return std::nullopt;
    auto bytes = crypto::base64UrlDecode(body);
    if (!bytes)
        return std::nullopt;
    auto payload = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
    if (payload.is_discarded() || !payload.is_object())
        return std::nullopt;
    return payload;
}

} // namespace lakeshore::sharing::server
