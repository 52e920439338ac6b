// The reply level of the result decoder: the JSON-RPC envelope, the CallToolResult members, and the
// choice between structuredContent and the text blocks.
#include "assistant/tabledecoder.h"

namespace lakeshore::assistant::detail {

namespace {

constexpr std::size_t kMaxServiceMessage = 4000; // of an isError text shown as the service's words

struct ToolReply
{
    std::vector<std::string_view> texts;         // text blocks' string tokens, quotes included, validated
    std::optional<Result<ResultSet>> structured; // a table (or a failure it reported) in structuredContent
    std::optional<Error> failure;                // decided already: a JSON-RPC error, a bad table, cancelled
    bool isError = false;
};

class ReplyReader
{
public:
    // owned, when given, holds text and may be changed: text blocks are then unescaped in place.
    ReplyReader(std::string_view text, std::string *owned, const DecodeOptions &options,
                const DecodeHooks &hooks)
        : m_text(text), m_owned(owned), m_options(options), m_hooks(hooks), m_scanner(text, options.maxDepth)
    {
    }

    Result<ResultSet> read();

private:
    bool readToolResult();
    bool readMember(std::string_view key);
    bool readContent();
    bool readStructured();
    bool readRpcError();
    std::string joinedTexts() const;
    std::string_view unescapeText(std::size_t index, std::string &copy);
    Result<ResultSet> fromTexts();

    std::string_view m_text;
    std::string *m_owned;
    std::vector<std::optional<std::string_view>> m_unescaped; // text blocks already unescaped in place
    const DecodeOptions &m_options;
    const DecodeHooks &m_hooks;
    JsonScanner m_scanner;
    ToolReply m_reply;
};

// The text of a validated string token, quotes included.
std::string unescape(std::string_view token)
{
    std::string out(token.substr(1, token.size() - 2));
    out.resize(
        static_cast<std::size_t>(unescapeJsonInPlace(out.data(), out.data() + out.size()) - out.data()));
    return out;
}

// Whether a text block is meant as JSON: its first two tokens could start a JSON object or array. Plain
// text such as "[ERROR] ..." or "{not json}" is not, and is shown as text.
bool looksLikeJson(std::string_view text)
{
    std::size_t i = text.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || (text[i] != '{' && text[i] != '['))
        return false;
    const char open = text[i];
    i = text.find_first_not_of(" \t\r\n", i + 1);
    if (i == std::string_view::npos)
        return true; // truncated right after the bracket: let the scanner say so
    const char next = text[i];
    if (open == '{')
        return next == '"' || next == '}';
    return next == '{' || next == '[' || next == '"' || next == ']' || next == '-' ||
           (next >= '0' && next <= '9') || next == 't' || next == 'f' || next == 'n';
}

Result<ResultSet> ReplyReader::read()
{
    JsonScanner &s = m_scanner;
    if (!s.beginObject())
        return jsonError(s.error());
    std::string_view key;
    while (s.nextKey(key)) {
        const JsonKind kind = s.peek();
        bool ok = true;
        if (key == "result" && kind == JsonKind::Object)
            ok = readToolResult(); // a JSON-RPC response around the CallToolResult
        else if (key == "error" && kind == JsonKind::Object)
            ok = readRpcError();
        else
            ok = readMember(key);
        if (!ok)
            break;
    }
    if (m_reply.failure && m_reply.failure->kind != ErrorKind::Service)
        return *m_reply.failure; // a bad table or a cancel: reading stopped there
    if (s.failed() || !s.finish())
        return jsonError(s.error());
    if (m_reply.failure)
        return *m_reply.failure; // a JSON-RPC error
    if (m_reply.isError) {
        Error error = makeError(ErrorKind::Service, "the tool reported an error");
        error.serviceMessage = joinedTexts();
        if (error.serviceMessage.size() > kMaxServiceMessage) {
            std::size_t cut = kMaxServiceMessage;
            while (cut > 0 && (static_cast<unsigned char>(error.serviceMessage[cut]) & 0xC0) == 0x80)
                --cut; // not inside a UTF-8 sequence
            error.serviceMessage.resize(cut);
        }
        return error;
    }
    if (m_reply.structured)
        return std::move(*m_reply.structured);
    return fromTexts();
}

bool ReplyReader::readToolResult()
{
    JsonScanner &s = m_scanner;
    if (!s.beginObject())
        return false;
    std::string_view key;
    while (s.nextKey(key))
        if (!readMember(key))
            return false;
    return !s.failed();
}

bool ReplyReader::readMember(std::string_view key)
{
    JsonScanner &s = m_scanner;
    const JsonKind kind = s.peek();
    if (kind == JsonKind::Invalid)
        return false;
    if (key == "content") {
        if (kind == JsonKind::Array)
            return readContent();
        if (!m_reply.failure)
            m_reply.failure = makeError(ErrorKind::Malformed, "the tool result's content is not an array");
        return s.skipValue();
    }
    if (key == "structuredContent" && (kind == JsonKind::Object || kind == JsonKind::Array))
        return readStructured();
    if (key == "isError" && (kind == JsonKind::True || kind == JsonKind::False))
        return s.readBool(m_reply.isError);
    return s.skipValue();
}

bool ReplyReader::readContent()
{
    JsonScanner &s = m_scanner;
    if (!s.beginArray())
        return false;
    while (s.nextElement()) {
        if (s.peek() != JsonKind::Object) { // not a content block: nothing to show from it
            if (!s.skipValue())
                return false;
            continue;
        }
        if (!s.beginObject())
            return false;
        std::string type;
        std::optional<std::string_view> text;
        std::string_view key;
        while (s.nextKey(key)) {
            const JsonKind kind = s.peek();
            bool ok = true;
            if (key == "type" && kind == JsonKind::String) {
                ok = s.readString(type);
            } else if (key == "text" && kind == JsonKind::String) {
                const std::size_t start = s.offset();
                std::string_view unescaped;
                // A reply that is ours to change has its text unescaped on this one pass, ready for use.
                ok = m_owned ? s.unescapeStringInPlace(m_owned->data(), unescaped) : s.skipString();
                text = m_text.substr(start, s.offset() - start);
                if (ok && m_owned) {
                    m_unescaped.resize(m_reply.texts.size() + 1);
                    m_unescaped[m_reply.texts.size()] = unescaped;
                }
            } else {
                ok = s.skipValue();
            }
            if (!ok)
                return false;
        }
        if (s.failed())
            return false;
        if (type == "text" && text) // a text block without text (seen from server-postgres) is skipped
            m_reply.texts.push_back(*text);
        m_unescaped.resize(m_reply.texts.size());
    }
    return !s.failed();
}

bool ReplyReader::readStructured()
{
    TableDecoder table(m_options, m_hooks, "structuredContent");
    if (!table.decode(m_scanner)) {
        if (table.error())
            m_reply.failure = *table.error();
        return false;
    }
    if (table.isTable() || table.reportedFailure())
        m_reply.structured = table.finish();
    return true;
}

bool ReplyReader::readRpcError()
{
    JsonScanner &s = m_scanner;
    if (!s.beginObject())
        return false;
    Error error = makeError(ErrorKind::Service, "the server answered with a JSON-RPC error");
    std::string_view key;
    while (s.nextKey(key)) {
        const JsonKind kind = s.peek();
        bool ok = true;
        if (key == "message" && kind == JsonKind::String) {
            ok = s.readString(error.serviceMessage);
        } else if (key == "code" && kind == JsonKind::Number) {
            JsonNumber code;
            ok = s.readNumber(code);
            error.code = std::string(code.literal);
        } else {
            ok = s.skipValue();
        }
        if (!ok)
            return false;
    }
    if (s.failed())
        return false;
    m_reply.failure = std::move(error);
    return true;
}

std::string ReplyReader::joinedTexts() const
{
    std::string joined;
    for (std::size_t i = 0; i < m_reply.texts.size(); ++i) {
        if (!joined.empty())
            joined += '\n';
        if (i < m_unescaped.size() && m_unescaped[i])
            joined += *m_unescaped[i];
        else
            joined += unescape(m_reply.texts[i]);
    }
    return joined;
}

// A text block's text: unescaped where it lies when the reply is ours to change (no copy of a reply
// that may be hundreds of megabytes), else into copy.
std::string_view ReplyReader::unescapeText(std::size_t index, std::string &copy)
{
    if (index < m_unescaped.size() && m_unescaped[index])
        return *m_unescaped[index];
    const std::string_view token = m_reply.texts[index];
    if (!m_owned) {
        copy = unescape(token);
        return copy;
    }
    char *first = m_owned->data() + (token.data() - m_text.data()) + 1;
    char *last = first + token.size() - 2;
    const std::string_view text(first, static_cast<std::size_t>(unescapeJsonInPlace(first, last) - first));
    m_unescaped.resize(m_reply.texts.size());
    m_unescaped[index] = text;
    return text;
}

Result<ResultSet> ReplyReader::fromTexts()
{
    for (std::size_t i = 0; i < m_reply.texts.size(); ++i) {
        std::string copy;
        const std::string_view document = unescapeText(i, copy);
        if (!looksLikeJson(document))
            continue;
        const std::string where = "in text block " + std::to_string(i + 1);
        TableDecoder table(m_options, m_hooks, "content text");
        JsonScanner scanner(document, m_options.maxDepth);
        if (!table.decode(scanner) || !scanner.finish()) {
            if (table.error())
                return *table.error();
            if (table.sawRows())
                return jsonError(scanner.error(), where);
            continue; // it stopped being JSON before any table began: plain text after all
        }
        if (table.isTable() || table.reportedFailure())
            return table.finish();
    }
    return ResultSetBuilder::noTable(joinedTexts(), m_reply.texts.empty() ? "" : "content text");
}

} // namespace

Result<ResultSet> decodeCallToolResult(std::string_view text, const DecodeOptions &options,
                                       const DecodeHooks &hooks)
{
    ReplyReader reader(text, nullptr, options, hooks);
    return reader.read();
}

Result<ResultSet> decodeOwnedCallToolResult(std::string &text, const DecodeOptions &options,
                                            const DecodeHooks &hooks)
{
    ReplyReader reader(text, &text, options, hooks);
    return reader.read();
}

} // namespace lakeshore::assistant::detail
