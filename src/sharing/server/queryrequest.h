// The body of POST .../query and the delta-sharing-capabilities header, checked the way the protocol's
// reference server checks them: MALFORMED_REQUEST for a body that is not a JSON object or a field of the
// wrong type, INVALID_PARAMETER_VALUE for values that cannot go together.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::sharing::server {

struct QueryRequest
{
    std::vector<std::string> predicateHints;
    std::optional<std::string> jsonPredicateHints;
    std::optional<std::int64_t> limitHint;
    std::optional<std::int64_t> version;
    std::optional<std::int64_t> timestamp; // epoch ms, from ISO 8601
    std::optional<std::int64_t> startingVersion;
    std::optional<std::int64_t> endingVersion;
    std::optional<int> maxFiles;
    std::optional<std::string> pageToken;
    bool includeRefreshToken = false;
    std::optional<std::string> refreshToken;
};

// Error.httpStatus 400 and Error.code MALFORMED_REQUEST / INVALID_PARAMETER_VALUE on a bad body.
[[nodiscard]] Result<QueryRequest> parseQueryRequest(std::string_view body);

struct Capabilities
{
    bool parquetAccepted = true; // false when the client asked for responseformat=delta only
    bool endStreamAction = false;
};

// "responseformat=delta,parquet;includeendstreamaction=true", case-insensitive; unknown keys ignored.
[[nodiscard]] Capabilities parseCapabilities(std::string_view header);

} // namespace lakeshore::sharing::server
