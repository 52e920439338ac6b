// One message's trip over Streamable HTTP, for HttpTransport: its POST (and the GETs that resume its event
// stream), the requests it still waits an answer for, and its 2xx body read as it arrives: one JSON reply,
// or an event stream whose messages are handed over one by one. Touched on the HTTP I/O thread, and on the
// transport's timer thread between transfers; `dropped` from anywhere.
#pragma once

#include "core/canceltoken.h"
#include "http/httpclient.h"
#include "mcp/jsonrpc.h"
#include "mcp/sseparser.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::mcp {

struct HttpExchange
{
    enum class Body { None, Json, Events, Ignored };
    using Deliver = std::function<void(std::string message)>;

    std::uint64_t serial = 0;
    std::string what;                  // "POST initialize", for diagnostics
    std::vector<jsonrpc::Id> requests; // the requests it carries; never changes once sent
    std::vector<jsonrpc::Id> awaiting; // those whose response has not come yet
    bool isRequest = false;
    bool resuming = false;   // a GET with Last-Event-ID
    std::string sentSession; // the session id this transfer named
    CancelToken cancel;      // the transport guards it with its mutex

    Body body = Body::None;
    std::string json;
    std::unique_ptr<SseParser> events;
    std::string lastEventId;
    std::optional<long long> retryMs;
    std::string resumedFrom; // the event id of the last resume
    int idleReconnects = 0;
    std::optional<Error> failure;     // why reading stopped, when it was our choice
    std::atomic<bool> dropped{false}; // its request was cancelled: nothing more to deliver or report

    // A piece of a 2xx body. The first decides how the body is read: a request's reply must be JSON or an
    // event stream (a notification's is ignored). Each event's message goes to deliver as soon as it is
    // whole; a JSON body waits for finish. False stops the transfer (failure says why, unless dropped).
    bool read(const http::Response &head, std::string_view data, std::size_t maxBytes,
              const Deliver &deliver);

    enum class Outcome {
        Answered,   // every request it carried has its response (or it carried none)
        Unanswered, // an event stream ended first: resume it if resumable(), else error says so
        Failed,     // error says why
    };
    // The end of a request's 2xx reply: a JSON body is checked and delivered now.
    Outcome finish(const http::Response &response, const Deliver &deliver, Error &error);

    void answered(const std::vector<jsonrpc::Id> &ids);
    [[nodiscard]] bool waitsFor(const jsonrpc::Id &id) const;
    // The server named an event and a retry delay: the stream may be resumed with GET + Last-Event-ID.
    [[nodiscard]] bool resumable() const { return !lastEventId.empty() && retryMs.has_value(); }
    // Ready to read a resumed stream.
    void restart();

private:
    bool onEvent(SseEvent &event, const Deliver &deliver);
};

// "7, \"a\"": request ids for messages.
[[nodiscard]] std::string idList(const std::vector<jsonrpc::Id> &ids);

[[nodiscard]] Error messageTooLarge(std::size_t maxBytes);

} // namespace lakeshore::mcp
