// Asynchronous HTTP client: libcurl's multi interface on one I/O thread. Connection reuse, per-request
// timeout, cancellation, gzip, TLS verification, and retry with back-off on 429/503 honouring Retry-After.
// Nothing else is retried: not timeouts, network errors or other statuses, since the request may have
// been processed. A request marked not idempotent (one that creates something) is retried after a 429
// only: a 429 says the request was refused unprocessed, while a 503 may come from a gateway after the
// service acted on it.
// Callbacks run on the I/O thread, exactly once per send(): keep them short and post UI work elsewhere.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeshore::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Response
{
    int status = 0;
    Headers headers; // of the final attempt
    std::string body;
    std::string url; // the URL that answered
    int attempts = 1;
    double elapsedMs = 0; // all attempts and waits

    // Case-insensitive; empty when absent.
    [[nodiscard]] std::string header(std::string_view name) const;
};

struct Request
{
    std::string method = "GET";
    std::string url;
    Headers headers;
    std::string body;
    int timeoutMs = 15000; // per attempt, connect to last byte
    int connectTimeoutMs = 5000;
    int maxRetries = 2;          // extra attempts after a 429 or 503
    bool idempotent = true;      // false: must not run twice, so only a 429 is retried (see above)
    int maxRetryDelayMs = 10000; // a longer Retry-After is not waited for: the 429/503 is returned
    std::size_t maxResponseBytes = 16u << 20;
    bool verifyTls = true;
    // Ask for gzip/brotli bodies. Off for servers on this machine, where compressing a large reply costs far
    // more than sending it (brotli on a 30 MB reply: seconds).
    bool acceptCompressed = true;
    // Set: the body of a 2xx reply is handed over as it arrives (an event stream) instead of being kept
    // in Response::body; head carries the status and headers. Return false to stop the transfer, which
    // then ends with ErrorKind::Cancelled. maxResponseBytes does not limit a streamed body (the receiver
    // does); the bodies of other statuses are kept and limited as usual. Runs on the I/O thread.
    std::function<bool(const Response &head, std::string_view chunk)> onBodyChunk;
};

using ResponseCallback = std::function<void(Result<Response>)>;

class HttpClient
{
public:
    HttpClient();
    // Cancels what is still running (callbacks get ErrorKind::Cancelled) and joins; from inside a callback
    // it lets the I/O thread wind down by itself instead.
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Errors are transport failures only (Network, Timeout, Cancelled, TooLarge, Invalid URL);
    // any HTTP status, 4xx and 5xx included, arrives as a Response.
    void send(Request request, CancelToken cancel, ResponseCallback callback);

    // Requests in flight or waiting to retry, for tests and diagnostics.
    [[nodiscard]] std::size_t activeCount() const;
    // True on the I/O thread, where callbacks run: a caller there must not wait for another callback.
    [[nodiscard]] bool isIoThread() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl; // shared with cancel hooks that may outlive the client
};

// Milliseconds to wait for a Retry-After value (delta-seconds or an HTTP-date); -1 when absent or unreadable.
[[nodiscard]] long long parseRetryAfter(std::string_view value, long long nowEpochSeconds);

} // namespace lakeshore::http
