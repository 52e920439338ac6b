// An incremental text/event-stream parser (the WHATWG "server-sent events" rules): feed it the body in
// chunks split anywhere and it hands over each complete event. Lines may end in LF, CRLF or CR; data
// lines are joined by '\n'; ':' lines are comments; the last event id and the retry delay persist
// across events. An event (or a line) over the size cap stops the parser with TooLarge.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::mcp {

struct SseEvent
{
    std::string type; // the "event:" field; empty means "message"
    std::string data; // the "data:" lines joined by '\n' (may be empty: a priming event)
    std::string id;   // the last event id in force when this event was dispatched
};

class SseParser
{
public:
    explicit SseParser(std::size_t maxEventBytes = 256u << 20);

    // Parses chunk and calls onEvent for every event it completes; onEvent returns false to stop (the
    // rest of the chunk is then dropped). After an error every later feed fails the same way.
    Status feed(std::string_view chunk, const std::function<bool(SseEvent)> &onEvent);

    // End of stream: an event without its closing blank line is dropped, as the standard says.
    void finish();

    [[nodiscard]] const std::string &lastEventId() const { return m_lastEventId; }
    // The last valid "retry:" value in milliseconds, if the stream sent one.
    [[nodiscard]] std::optional<long long> retryMs() const { return m_retryMs; }

private:
    // Handles one line (without its terminator); false when the listener asked to stop.
    bool line(std::string_view text, const std::function<bool(SseEvent)> &onEvent);
    Status tooLarge();

    std::size_t m_max;
    std::string m_line; // the current line, until its terminator arrives
    std::string m_data;
    std::string m_type;
    std::string m_lastEventId;
    std::optional<long long> m_retryMs;
    bool m_afterCr = false; // the previous chunk ended in CR: a leading LF belongs to it
    bool m_started = false; // a leading byte-order mark has been dealt with
    bool m_failed = false;
};

} // namespace lakeshore::mcp
