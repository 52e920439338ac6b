#include "odata/odataerror.h"

#include <nlohmann/json.hpp>

namespace lakeshore::odata {
namespace {

struct ServiceError
{
    std::string code;
    std::string message;
};

std::optional<ServiceError> readErrorBody(const std::string &body)
{
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("error") || !json["error"].is_object())
        return std::nullopt;
    const auto &error = json["error"];
    ServiceError out;
    if (error.contains("code") && error["code"].is_string())
        out.code = error["code"].get<std::string>();
    if (error.contains("message")) {
        if (error["message"].is_string())
            out.message = error["message"].get<std::string>();
        else if (error["message"].is_object() && error["message"].contains("value") &&
                 error["message"]["value"].is_string()) // OData V2 shape
            out.message = error["message"]["value"].get<std::string>();
    }
    if (error.contains("details") && error["details"].is_array()) {
        for (const auto &detail : error["details"]) {
            if (detail.is_object() && detail.contains("message") && detail["message"].is_string())
                out.message += (out.message.empty() ? "" : "; ") + detail["message"].get<std::string>();
        }
    }
    if (out.code.empty() && out.message.empty())
        return std::nullopt;
    if (out.message.size() > 500)
        out.message = out.message.substr(0, 500) + "…";
    return out;
}

// A plain-text error body (fe-mockserver sends the bare exception text) as one line; HTML pages are skipped.
std::string plainTextExcerpt(const http::Response &response)
{
    if (response.header("Content-Type").find("html") != std::string::npos)
        return {};
    std::string text = response.body.substr(0, response.body.find('\n'));
    while (!text.empty() && (text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (text.empty() || text.front() == '<' || text.front() == '{')
        return {};
    if (text.size() > 300)
        text = text.substr(0, 300) + "…";
    // A one-line message: control bytes from the body become spaces.
    for (char &c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return text;
}

} // namespace

static Error classify(const http::Response &response)
{
    const int status = response.status;
    const auto body = readErrorBody(response.body);
    const std::string serviceText = body ? body->message : plainTextExcerpt(response);
    const std::string code = body ? body->code : std::string();
    auto withDetail = [&](std::string text) {
        return serviceText.empty() ? text : text + ": " + serviceText;
    };
    if (status == 401 || status == 403)
        return makeError(ErrorKind::Auth,
                         withDetail(status == 401 ? "the service did not accept the credentials"
                                                  : "the credentials lack permission"),
                         status, code);
    if (status == 404)
        return makeError(ErrorKind::NotFound, withDetail("not found"), status, code);
    if (status == 429 || status == 503) {
        std::string text =
            status == 429 ? "the service is rate limiting requests" : "the service is unavailable";
        const std::string retryAfter = response.header("Retry-After");
        if (!retryAfter.empty())
            text += " (Retry-After: " + retryAfter + ")";
        return makeError(ErrorKind::RateLimited, withDetail(text), status, code);
    }
    if (body)
        return makeError(ErrorKind::Service,
                         serviceText.empty() ? "the service reported an error" : serviceText, status, code);
    const std::string unexpected = "unexpected HTTP status " + std::to_string(status);
    return makeError(ErrorKind::Http, withDetail(unexpected), status);
}

Error errorFromResponse(const http::Response &response)
{
    Error error = classify(response);
    const auto body = readErrorBody(response.body);
    error.serviceMessage = body ? body->message : plainTextExcerpt(response);
    return error;
}

} // namespace lakeshore::odata
