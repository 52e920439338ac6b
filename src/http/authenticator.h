// Turns an AuthConfig into an Authorization header, fetching and caching OAuth2 client-credentials tokens.
#pragma once

#include "core/result.h"
#include "http/authconfig.h"

#include <functional>
#include <memory>
#include <string>

namespace lakeshore::http {

class HttpClient;

class Authenticator
{
public:
    Authenticator(HttpClient &client, AuthConfig config, int timeoutMs = 15000);
    ~Authenticator();

    // The Authorization header value ("" when the service needs none). Calls back on the I/O thread,
    // or at once on the caller's thread when nothing has to be fetched.
    void authorization(std::function<void(Result<std::string>)> callback);

    // Forget a cached token (after a 401), so the next call fetches a fresh one.
    void invalidate();

    [[nodiscard]] const AuthConfig &config() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace lakeshore::http
