// "Preview as recipient": reads everything a config.share profile can see, through the Delta Sharing
// protocol over HTTP like any recipient's client (lists, then each table's metadata and query), and
// reports per table its version, columns, files, rows (from the files' stats) and bytes. Data files are
// not downloaded. Callbacks run on the HTTP I/O thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpClient;
}

namespace lakeshore::sharing::client {

struct SharingProfile
{
    std::string endpoint; // no trailing '/'
    std::string bearerToken;
};

// A config.share (version 1, or 2 with type bearer_token): Invalid naming what is wrong otherwise.
[[nodiscard]] Result<SharingProfile> parseProfile(const std::string &text);

struct PreviewColumn
{
    std::string name;
    std::string type; // the Delta type, e.g. "decimal(18,2)"
};

struct PreviewTable
{
    std::string share, schema, name;
    std::int64_t version = -1;
    std::vector<PreviewColumn> columns;
    std::int64_t files = 0;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
    std::string problem; // this table could not be read (the others still are)
};

struct SharePreview
{
    std::vector<PreviewTable> tables;
};

// The whole walk; an error when the lists themselves cannot be read (401, 403, unreachable), with the
// server's own message when it sent one.
void previewShares(http::HttpClient &http, const SharingProfile &profile, CancelToken cancel,
                   std::function<void(Result<SharePreview>)> done);

} // namespace lakeshore::sharing::client
