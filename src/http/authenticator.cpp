#include "http/authenticator.h"

#include "core/canceltoken.h"
#include "http/httpclient.h"
#include "http/url.h"

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

namespace lakeshore::http {
namespace {

std::string base64(std::string_view in)
{
    static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                           (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i + 1 == in.size()) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == in.size()) {
        const unsigned v =
            (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

using Clock = std::chrono::steady_clock;
using Waiter = std::function<void(Result<std::string>)>;

} // namespace

struct Authenticator::State
{
    HttpClient &client;
    AuthConfig config;
    int timeoutMs;
    std::mutex mutex;
    std::string token; // cached "Bearer ..." header for OAuth2
    Clock::time_point expires;
    bool fetching = false;
    std::vector<Waiter> waiters;

    State(HttpClient &c, AuthConfig a, int t) : client(c), config(std::move(a)), timeoutMs(t) {}

    static void fetch(const std::shared_ptr<State> &self);
    void settle(Result<std::string> result);
};

Authenticator::Authenticator(HttpClient &client, AuthConfig config, int timeoutMs)
    : m_state(std::make_shared<State>(client, std::move(config), timeoutMs))
{
}

Authenticator::~Authenticator() = default;

const AuthConfig &Authenticator::config() const
{
    return m_state->config;
}

void Authenticator::invalidate()
{
    std::lock_guard lock(m_state->mutex);
    m_state->token.clear();
}

void Authenticator::authorization(std::function<void(Result<std::string>)> callback)
{
    const AuthConfig &config = m_state->config;
    switch (config.kind) {
    case AuthKind::None:
        callback(std::string());
        return;
    case AuthKind::Bearer:
        callback("Bearer " + config.secret);
        return;
    case AuthKind::Basic:
        callback("Basic " + base64(config.username + ":" + config.secret));
        return;
    case AuthKind::OAuth2ClientCredentials:
        break;
    }
    std::string cached;
    {
        std::lock_guard lock(m_state->mutex);
        if (!m_state->token.empty() && Clock::now() < m_state->expires) {
            cached = m_state->token;
        } else {
            m_state->waiters.push_back(std::move(callback));
            if (m_state->fetching)
                return;
            m_state->fetching = true;
        }
    }
    if (!cached.empty())
        callback(std::move(cached));
    else
        State::fetch(m_state);
}

// One fetch serves every waiting caller, so no single caller's cancel stops it; each caller's own
// request is still cancelled by its token.
void Authenticator::State::fetch(const std::shared_ptr<State> &self)
{
    const AuthConfig &config = self->config;
    if (config.tokenUrl.empty()) {
        self->settle(makeError(ErrorKind::Invalid, "OAuth2 needs a token URL"));
        return;
    }
    Request request;
    request.method = "POST";
    request.url = config.tokenUrl;
    request.timeoutMs = self->timeoutMs;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = "grant_type=client_credentials&client_id=" + percentEncode(config.clientId) +
                   "&client_secret=" + percentEncode(config.secret);
    if (!config.scope.empty())
        request.body += "&scope=" + percentEncode(config.scope);
    request.maxResponseBytes = 1u << 20;

    self->client.send(std::move(request), CancelToken(), [self](Result<Response> result) {
        if (!result) {
            self->settle(result.error());
            return;
        }
        const Response &response = result.value();
        auto json = nlohmann::json::parse(response.body, nullptr, false);
        if (response.status != 200) {
            std::string detail = "the token endpoint answered HTTP " + std::to_string(response.status);
            if (json.is_object() && json.contains("error") && json["error"].is_string()) {
                detail += ": " + json["error"].get<std::string>();
                if (json.contains("error_description") && json["error_description"].is_string())
                    detail += " (" + json["error_description"].get<std::string>() + ")";
            }
            self->settle(makeError(ErrorKind::Auth, detail, response.status));
            return;
        }
        if (!json.is_object() || !json.contains("access_token") || !json["access_token"].is_string() ||
            json["access_token"].get<std::string>().empty()) {
            self->settle(makeError(ErrorKind::Malformed, "the token endpoint's reply has no access_token"));
            return;
        }
        long long expiresIn = 3600;
        if (json.contains("expires_in") && json["expires_in"].is_number_integer())
            expiresIn = json["expires_in"].get<long long>();
        const std::string token = "Bearer " + json["access_token"].get<std::string>();
        {
            std::lock_guard lock(self->mutex);
            self->token = token;
            // Renew a minute early so a token never expires mid-request.
            self->expires = Clock::now() + std::chrono::seconds(std::max<long long>(0, expiresIn - 60));
        }
        self->settle(token);
    });
}

void Authenticator::State::settle(Result<std::string> result)
{
    std::vector<Waiter> waiters;
    {
        std::lock_guard lock(mutex);
        waiters.swap(this->waiters);
        fetching = false;
    }
    for (auto &waiter : waiters)
        waiter(result);
}

} // namespace lakeshore::http
