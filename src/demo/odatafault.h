// Injected misbehaviour for the demo services: latency, error statuses and broken bodies, so tests and
// benchmarks can exercise every failure path of the clients.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::demo {

struct Fault
{
    std::string entitySet = "*"; // "*" = every request of the service; "$metadata" = the metadata document
    int latencyMs = 0;           // sleep before answering
    int status = 0;              // answer with this HTTP status and an OData error body
    int retryAfterSeconds = -1;  // sent as Retry-After with status 429 or 503 when >= 0
    int times = -1;              // how many matching requests it applies to; -1 = all
    enum class Body { Normal, Malformed, ODataError, NextLinkLoop, Huge } body = Body::Normal;
    std::size_t hugeBytes = 32u << 20;
};

// One fault from a command-line flag or environment variable:
//   spec    := [target ':'] setting (',' setting)*
//   target  := '*' (the default) | an entity set name | '$metadata'
//   setting := 'latency=' ms | 'status=' 100..599 | 'retry-after=' seconds | 'times=' n (>= 1, or -1)
//            | 'body=' (normal | malformed | odata-error | nextlink-loop | huge) | 'bytes=' n[k|m]
// retry-after needs status 429 or 503, bytes needs body=huge, status and body exclude each other.
// e.g. "salesOrders:status=500", "*:latency=200", "incidents:body=malformed,times=2",
//      "accounts:status=429,retry-after=1", "*:body=huge,bytes=20000000".
Result<Fault> parseFault(std::string_view spec);
// Several faults separated by ';', e.g. "accounts:status=503,times=1;*:latency=50".
Result<std::vector<Fault>> parseFaults(std::string_view specs);

} // namespace lakeshore::demo
