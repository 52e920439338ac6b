// Maps an unsuccessful OData reply (status + the OData error JSON, if any) to a typed Error.
#pragma once

#include "core/error.h"
#include "http/httpclient.h"

namespace lakeshore::odata {

// For a response whose status is not 2xx/304. Reads {"error":{"code","message","details"}} when present,
// else keeps the first line of a plain-text body as detail.
[[nodiscard]] Error errorFromResponse(const http::Response &response);

} // namespace lakeshore::odata
