// How a client authenticates to a service. The secret is clear text in memory only; at rest the
// settings store keeps it encrypted.
#pragma once

#include <string>

namespace lakeshore::http {

enum class AuthKind { None, Bearer, Basic, OAuth2ClientCredentials };

struct AuthConfig
{
    AuthKind kind = AuthKind::None;
    std::string username; // Basic
    std::string clientId; // OAuth2
    std::string tokenUrl; // OAuth2 token endpoint
    std::string scope;    // OAuth2, optional
    std::string secret;   // bearer token, Basic password or OAuth2 client secret

    bool operator==(const AuthConfig &) const = default;
};

[[nodiscard]] const char *
authKindName(AuthKind kind); // "none", "bearer", "basic", "oauth2-client-credentials"
[[nodiscard]] bool parseAuthKind(const std::string &name, AuthKind &out);

} // namespace lakeshore::http
