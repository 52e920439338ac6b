#include "mcp/httpexchange.h"

#include "mcp/httpreply.h"

#include <algorithm>

namespace lakeshore::mcp {
namespace {

// A Content-Length value, or 0 when absent or unreadable (the body is then measured as it comes).
unsigned long long contentLength(const std::string &value)
{
    if (value.empty() || value.size() > 18 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    return std::stoull(value);
}

} // namespace

std::string idList(const std::vector<jsonrpc::Id> &ids)
{
    std::string text;
    for (const auto &id : ids)
        text += (text.empty() ? "" : ", ") + jsonrpc::idText(id);
    return text;
}

Error messageTooLarge(std::size_t maxBytes)
{
    return makeError(ErrorKind::TooLarge, "the MCP server sent a message over " +
                                              (maxBytes >= (1u << 20) ? std::to_string(maxBytes >> 20) + " MB"
                                                                      : std::to_string(maxBytes) + " bytes"));
}

void HttpExchange::answered(const std::vector<jsonrpc::Id> &ids)
{
    for (const auto &id : ids)
        awaiting.erase(std::remove(awaiting.begin(), awaiting.end(), id), awaiting.end());
}

bool HttpExchange::waitsFor(const jsonrpc::Id &id) const
{
    return std::find(awaiting.begin(), awaiting.end(), id) != awaiting.end();
}

void HttpExchange::restart()
{
    body = Body::None;
    json.clear();
    events.reset();
    failure.reset();
}

bool HttpExchange::read(const http::Response &head, std::string_view data, std::size_t maxBytes,
                        const Deliver &deliver)
{
    if (dropped.load())
        return false;
    if (body == Body::None) {
        const std::string type = httpreply::mediaType(head.header("Content-Type"));
        if (!isRequest) {
            body = Body::Ignored;
        } else if (type == "application/json") {
            body = Body::Json;
            if (contentLength(head.header("Content-Length")) > maxBytes) {
                failure = messageTooLarge(maxBytes);
                return false;
            }
        } else if (type == "text/event-stream") {
            body = Body::Events;
            events = std::make_unique<SseParser>(maxBytes);
        } else {
            failure = makeError(ErrorKind::Malformed,
                                "the MCP server answered with Content-Type \"" +
                                    httpreply::excerpt(head.header("Content-Type"), 80) +
                                    "\", neither JSON nor an event stream",
                                head.status);
            return false;
        }
    }
    switch (body) {
    case Body::Json:
        if (json.size() + data.size() > maxBytes) {
            json = std::string();
            failure = messageTooLarge(maxBytes);
            return false;
        }
        json.append(data);
        return true;
    case Body::Events: {
        auto fed = events->feed(data, [&](SseEvent event) { return onEvent(event, deliver); });
        lastEventId = events->lastEventId();
        retryMs = events->retryMs();
        if (!fed)
            failure = fed.error();
        return !failure && !dropped.load();
    }
    default:
        return true;
    }
}

HttpExchange::Outcome HttpExchange::finish(const http::Response &response, const Deliver &deliver,
                                           Error &error)
{
    const Error unanswered = makeError(ErrorKind::Network, "the server closed the stream before answering");
    switch (body) {
    case Body::Json: {
        auto ids = httpreply::answeredIds(json);
        if (!ids) {
            error = ids.error();
            return Outcome::Failed;
        }
        answered(ids.value());
        deliver(std::move(json));
        if (awaiting.empty())
            return Outcome::Answered;
        error = makeError(ErrorKind::Malformed,
                          "the MCP server's reply does not answer request " + idList(awaiting));
        return Outcome::Failed;
    }
    case Body::Events:
        events->finish();
        error = unanswered;
        return awaiting.empty() ? Outcome::Answered : Outcome::Unanswered;
    default:
        if (awaiting.empty())
            return Outcome::Answered;
        // An event stream with nothing in it is a stream that ended before answering.
        if (httpreply::mediaType(response.header("Content-Type")) == "text/event-stream") {
            error = unanswered;
            return Outcome::Failed;
        }
        error = makeError(ErrorKind::Malformed,
                          "the MCP server accepted request " + idList(awaiting) + " (HTTP " +
                              std::to_string(response.status) + ") but sent no reply",
                          response.status);
        return Outcome::Failed;
    }
}

bool HttpExchange::onEvent(SseEvent &event, const Deliver &deliver)
{
    // The priming event has no data; events of other types are not MCP messages.
    if (event.data.empty() || (!event.type.empty() && event.type != "message"))
        return true;
    auto ids = httpreply::answeredIds(event.data);
    if (!ids) {
        failure = makeError(ErrorKind::Malformed, "the MCP server sent an event that is not JSON: " +
                                                      httpreply::excerpt(event.data, 80));
        return false;
    }
    answered(ids.value());
    deliver(std::move(event.data));
    return !dropped.load();
}

} // namespace lakeshore::mcp
