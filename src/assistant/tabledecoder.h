// Internal to the result decoder: recognises a table in one JSON document (structuredContent, or the JSON
// inside a text block) and decodes its rows into a ResultSetBuilder in one forward pass. The shapes and
// fallbacks are listed in resultdecoder.h.
#pragma once

#include "assistant/jsonscan.h"
#include "assistant/resultdecoder.h"
#include "assistant/resultsetbuilder.h"

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::assistant::detail {

struct DecodeHooks
{
    std::function<void(const ResultSetBuilder &)> published; // a chunk of rows was closed
    const std::atomic<bool> *cancel = nullptr;
};

class TableDecoder
{
public:
    TableDecoder(const DecodeOptions &options, const DecodeHooks &hooks, std::string source);

    // Decodes the value at the scanner's position. False on an error: the scanner's (JSON syntax) or error().
    bool decode(JsonScanner &scanner);
    [[nodiscard]] bool isTable() const { return m_isTable; }
    [[nodiscard]] bool sawRows() const { return m_builder.rows() > 0 || m_columnsKnown; }
    // The document said the query failed or is not done (dbhub success:false, a Databricks state), table or
    // not.
    [[nodiscard]] bool reportedFailure() const;
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    // The complete result, or a service error the document reported (dbhub success:false, a failed
    // statement).
    Result<ResultSet> finish();

private:
    enum class RowMode : std::uint8_t { Unknown, Positional, Objects };
    enum class Typing : std::uint8_t { None, Integer, Real, Decimal, Boolean };

    bool walkObject(JsonScanner &s, int level);
    bool readColumns(JsonScanner &s);
    bool readRows(JsonScanner &s, bool topLevel);
    bool readStatements(JsonScanner &s, int level);
    bool readStatus(JsonScanner &s);
    bool readPositionalRow(JsonScanner &s);
    bool readObjectRow(JsonScanner &s);
    bool readCell(JsonScanner &s, std::size_t column);
    void appendTyped(std::size_t column, Typing typing, std::string_view text);
    bool endRow(JsonScanner &s);
    std::size_t columnFor(std::string_view key);
    std::size_t addColumn(std::string name, std::string declaredType, Typing typing);
    bool failHere(JsonScanner &s, ErrorKind kind, std::string message);

    const DecodeOptions &m_options;
    const DecodeHooks &m_hooks;
    ResultSetBuilder m_builder;
    bool m_isTable = false;
    bool m_columnsKnown = false; // named by a column list
    bool m_mayPublish = true;    // false while positional rows wait for their column names
    RowMode m_mode = RowMode::Unknown;
    std::vector<Typing> m_typing;         // per column
    std::vector<std::size_t> m_seenInRow; // per column: the last row (1-based) that set it
    std::map<std::string, std::size_t, std::less<>> m_byName;
    std::size_t m_guess = 0;     // the column the next key of a row object most likely names
    std::size_t m_rowNumber = 0; // rows read, 1-based for messages
    std::string m_scratch;
    std::optional<Error> m_error;
    // What the document said about itself.
    std::optional<bool> m_success;
    std::string m_serviceError;
    std::string m_serviceCode;
    std::string m_state;
    std::size_t m_statements = 0;
    std::size_t m_shownStatement = 0;
    bool m_moreChunks = false;
};

// The whole reply: a CallToolResult, or a JSON-RPC response holding one (tooldecoder.cpp).
Result<ResultSet> decodeCallToolResult(std::string_view text, const DecodeOptions &options,
                                       const DecodeHooks &hooks);
// The same for a reply the caller hands over: its text blocks are unescaped in place (text changes).
Result<ResultSet> decodeOwnedCallToolResult(std::string &text, const DecodeOptions &options,
                                            const DecodeHooks &hooks);

} // namespace lakeshore::assistant::detail
