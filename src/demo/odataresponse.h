// Building OData replies: JSON bodies with the OData-Version header, and the OData error JSON.
#pragma once

#include "core/error.h"
#include "http/httpserver.h"

#include <nlohmann/json.hpp>
#include <string>

namespace lakeshore::demo::odata {

inline constexpr const char *kJsonContentType = "application/json;odata.metadata=minimal;charset=utf-8";

[[nodiscard]] const char *statusErrorCode(int status); // 400 -> "BadRequest"

// Never throws: invalid UTF-8 in row data is replaced, not fatal.
[[nodiscard]] std::string dumpJson(const nlohmann::json &value);

[[nodiscard]] http::ServerResponse jsonResponse(const nlohmann::json &body, int status = 200);
// {"error":{"code":..,"message":..}}; code defaults to the status's name.
[[nodiscard]] http::ServerResponse errorResponse(int status, const std::string &message,
                                                 std::string code = {});
// An Error from the engine, with its httpStatus (500 when unset) and code.
[[nodiscard]] http::ServerResponse errorResponse(const Error &error);
// A well-formed error with every optional member: target, details and innererror.
[[nodiscard]] http::ServerResponse detailedErrorResponse(const std::string &target);

} // namespace lakeshore::demo::odata
