#include "sharing/server/queryrequest.h"

#include "sharing/server/isotime.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>

namespace lakeshore::sharing::server {
namespace {

using nlohmann::json;

Error malformed(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message), 400, "MALFORMED_REQUEST");
}

Error invalid(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message), 400, "INVALID_PARAMETER_VALUE");
}

Result<std::optional<std::int64_t>> longField(const json &body, const char *name)
{
    auto it = body.find(name);
    if (it == body.end() || it->is_null())
        return std::optional<std::int64_t>();
    if (!it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max()))
        return malformed(std::string("\"") + name + "\" must be a whole number");
    return std::optional<std::int64_t>(it->get<std::int64_t>());
}

Result<std::optional<std::string>> stringField(const json &body, const char *name)
{
    auto it = body.find(name);
    if (it == body.end() || it->is_null())
        return std::optional<std::string>();
    if (!it->is_string())
        return malformed(std::string("\"") + name + "\" must be a string");
    return std::optional<std::string>(it->get<std::string>());
}

template <class T> const Error *errorOf(const Result<T> &result)
{
    return result ? nullptr : &result.error();
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace

Result<QueryRequest> parseQueryRequest(std::string_view text)
{
    if (trimmed(text).empty())
        return malformed("the request body is empty: send a JSON object, {} when there is nothing to ask");
    const json body = json::parse(text, nullptr, false);
    if (body.is_discarded())
        return malformed("the request body is not valid JSON");
    if (!body.is_object())
        return malformed("the request body must be a JSON object");

    QueryRequest request;
    if (auto it = body.find("predicateHints"); it != body.end() && !it->is_null()) {
        if (!it->is_array() ||
            !std::all_of(it->begin(), it->end(), [](const json &h) { return h.is_string(); }))
            return malformed("\"predicateHints\" must be an array of strings");
        for (const json &hint : *it)
            request.predicateHints.push_back(hint.get<std::string>());
    }
    auto jsonHints = stringField(body, "jsonPredicateHints");
    auto limit = longField(body, "limitHint");
    auto version = longField(body, "version");
    auto timestamp = stringField(body, "timestamp");
    auto starting = longField(body, "startingVersion");
    auto ending = longField(body, "endingVersion");
    auto maxFiles = longField(body, "maxFiles");
    auto pageToken = stringField(body, "pageToken");
    auto refreshToken = stringField(body, "refreshToken");
    for (const Error *problem :
         {errorOf(jsonHints), errorOf(limit), errorOf(version), errorOf(timestamp), errorOf(starting),
          errorOf(ending), errorOf(maxFiles), errorOf(pageToken), errorOf(refreshToken)})
        if (problem)
            return *problem;
    if (auto it = body.find("includeRefreshToken"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean())
            return malformed("\"includeRefreshToken\" must be true or false");
        request.includeRefreshToken = it->get<bool>();
    }
    request.jsonPredicateHints = jsonHints.value();
    request.limitHint = limit.value();
    request.version = version.value();
    request.startingVersion = starting.value();
    request.endingVersion = ending.value();
    request.pageToken = pageToken.value();
    request.refreshToken = refreshToken.value();
    if (maxFiles.value()) {
        if (*maxFiles.value() > std::numeric_limits<int>::max() ||
            *maxFiles.value() < std::numeric_limits<int>::min())
            return malformed("\"maxFiles\" is not an int32 value");
        if (*maxFiles.value() <= 0)
            return invalid("\"maxFiles\" must be positive");
        request.maxFiles = static_cast<int>(*maxFiles.value());
    }
    if (timestamp.value()) {
        request.timestamp = parseIsoMillis(*timestamp.value());
        if (!request.timestamp)
            return invalid("\"timestamp\" is not an ISO 8601 time such as 2024-05-01T12:00:00Z");
    }

    const int pointsInTime =
        (request.version ? 1 : 0) + (request.timestamp ? 1 : 0) + (request.startingVersion ? 1 : 0);
    if (pointsInTime > 1)
        return invalid("only one of \"version\", \"timestamp\" and \"startingVersion\" may be given");
    if (request.limitHint && *request.limitHint < 0)
        return invalid("\"limitHint\" must not be negative");
    if ((request.version && *request.version < 0) ||
        (request.startingVersion && *request.startingVersion < 0))
        return invalid("versions are not negative");
    if (request.endingVersion && !request.startingVersion)
        return invalid("\"endingVersion\" goes with \"startingVersion\"");
    if (request.startingVersion && request.endingVersion && *request.startingVersion > *request.endingVersion)
        return invalid("\"startingVersion\" is after \"endingVersion\"");
    if ((request.includeRefreshToken || request.refreshToken) && (pointsInTime > 0 || request.pageToken))
        return invalid("refresh tokens are for first-page queries of the latest version only");
    if (request.includeRefreshToken && request.refreshToken)
        return invalid("send either \"includeRefreshToken\" or \"refreshToken\"");
    return request;
}

Capabilities parseCapabilities(std::string_view header)
{
    Capabilities out;
    const std::string text = lower(header);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        const std::string entry = text.substr(start, end - start);
        start = end + 1;
        const std::size_t equals = entry.find('=');
        if (equals == std::string::npos)
            continue;
        const std::string key = trimmed(std::string_view(entry).substr(0, equals));
        std::vector<std::string> values;
        std::size_t from = equals + 1;
        while (from <= entry.size()) {
            const std::size_t comma = std::min(entry.find(',', from), entry.size());
            values.push_back(trimmed(std::string_view(entry).substr(from, comma - from)));
            from = comma + 1;
        }
        if (key == "responseformat")
            out.parquetAccepted = std::find(values.begin(), values.end(), "parquet") != values.end();
        else if (key == "includeendstreamaction")
            out.endStreamAction = !values.empty() && values.front() == "true";
    }
    return out;
}

} // namespace lakeshore::sharing::server
