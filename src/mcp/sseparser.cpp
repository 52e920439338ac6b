#include "mcp/sseparser.h"

#include <algorithm>

namespace lakeshore::mcp {
namespace {

constexpr std::string_view byteOrderMark = "\xEF\xBB\xBF";
// A line carries its field name before the value: "data: " plus an event's worth of bytes is still fine.
constexpr std::size_t fieldAllowance = 64;

} // namespace

SseParser::SseParser(std::size_t maxEventBytes) : m_max(maxEventBytes) {}

Status SseParser::tooLarge()
{
    m_failed = true;
    m_line.clear();
    m_data.clear();
    const std::string size =
        m_max >= (1u << 20) ? std::to_string(m_max >> 20) + " MB" : std::to_string(m_max) + " bytes";
    return makeError(ErrorKind::TooLarge, "the server sent an event over " + size);
}

Status SseParser::feed(std::string_view chunk, const std::function<bool(SseEvent)> &onEvent)
{
    if (m_failed)
        return makeError(ErrorKind::TooLarge, "the event stream was already given up");
    std::string head;
    if (!m_started) {
        // The stream may open with a byte-order mark, itself possibly split across chunks.
        m_line.append(chunk);
        if (m_line.size() < byteOrderMark.size() && byteOrderMark.substr(0, m_line.size()) == m_line)
            return okStatus();
        m_started = true;
        head.swap(m_line);
        if (head.rfind(byteOrderMark, 0) == 0)
            head.erase(0, byteOrderMark.size());
        chunk = head;
    }
    std::size_t pos = 0;
    if (m_afterCr) {
        m_afterCr = false;
        if (!chunk.empty() && chunk.front() == '\n')
            pos = 1;
    }
    while (pos < chunk.size()) {
        std::size_t end = chunk.find_first_of("\r\n", pos);
        if (end == std::string_view::npos) {
            m_line.append(chunk.substr(pos));
            if (m_line.size() > m_max + fieldAllowance)
                return tooLarge();
            return okStatus();
        }
        std::string_view text = chunk.substr(pos, end - pos);
        if (!m_line.empty()) {
            m_line.append(text);
            text = m_line;
        }
        if (text.size() > m_max + fieldAllowance)
            return tooLarge();
        if (chunk[end] == '\r') {
            if (end + 1 == chunk.size())
                m_afterCr = true;
            else if (chunk[end + 1] == '\n')
                ++end;
        }
        pos = end + 1;
        const bool more = line(text, onEvent);
        m_line.clear();
        if (m_failed)
            return tooLarge();
        if (!more)
            return okStatus();
    }
    return okStatus();
}

bool SseParser::line(std::string_view text, const std::function<bool(SseEvent)> &onEvent)
{
    if (text.empty()) {
        // A blank line dispatches; with no data line there is nothing to dispatch.
        if (m_data.empty()) {
            m_type.clear();
            return true;
        }
        SseEvent event;
        event.data = std::move(m_data);
        event.data.pop_back(); // the '\n' after the last data line
        event.type = std::move(m_type);
        event.id = m_lastEventId;
        m_data.clear();
        m_type.clear();
        return onEvent(std::move(event));
    }
    if (text.front() == ':')
        return true; // a comment (keep-alives look like this)
    const std::size_t colon = text.find(':');
    const std::string_view field = text.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    if (field == "event") {
        m_type.assign(value);
    } else if (field == "data") {
        if (m_data.size() + value.size() > m_max) {
            m_failed = true;
            return false;
        }
        m_data.append(value);
        m_data.push_back('\n');
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            m_lastEventId.assign(value);
    } else if (field == "retry") {
        // Only ASCII digits count; anything else (or an absurd length) is ignored, as the standard says.
        if (!value.empty() && value.size() <= 12 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            m_retryMs = std::stoll(std::string(value));
    }
    return true;
}

void SseParser::finish()
{
    m_line.clear();
    m_data.clear();
    m_type.clear();
    m_afterCr = false;
}

} // namespace lakeshore::mcp
