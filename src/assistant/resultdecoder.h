// Decodes the rows of an MCP tools/call result into a ResultSet, straight from the reply's JSON text (no
// DOM), progressively: the first rows are published as soon as they are decoded, the rest follow in
// chunks on a worker thread, cancellable.
//
// Input: the text of a CallToolResult object, or of a whole JSON-RPC response holding one in "result" (a
// JSON-RPC "error" becomes ErrorKind::Service). Where the rows are looked for, in order:
//  1. structuredContent, when it holds a table;
//  2. each text content block whose text is JSON holding a table.
// Table shapes recognised (at any of the first few object levels): {"columns":[{"name","type"}|"name"],
// "rows":[[...]]|[{...}], "rowCount", "truncated"} (our lakehouse server); a bare array of row objects
// (server-postgres, mcp-sqlite); dbhub's {"success","data":{"rows"|"statements":[{"rows"}],"count"}}
// (the first statement that returned rows is shown, see note()); Databricks statement execution
// {"manifest":{"schema":{"columns":[{"name","type_name"}]}},"result":{"data_array":[["..."]]}}, also
// under "statement_response", whose string values are typed by type_name (INT/BIGINT/... → integer,
// DOUBLE/FLOAT → real, DECIMAL → real when 15 significant digits or fewer, else its exact text, BOOLEAN →
// boolean; text that does not parse, such as "NaN", stays text).
// Fallbacks (documented, not errors): no table anywhere → a ResultSet with hasTable() false and the text
// blocks in note(); a text block that is not JSON (or stops being JSON before its first row) → the same;
// row objects missing a key → null there; a key first seen in a later row → a new column, null above;
// positional rows without column names → "column 1", "column 2", ...; a nested object or array in a cell
// → its JSON text, compact (no whitespace between tokens). Errors: invalid JSON in the reply (byte offset
// given), rows of the wrong length, a key twice in one row object, isError results, a dbhub success:false, a
// failed (or still running) Databricks statement. A Databricks schema sent after its data_array names the
// columns but leaves those values as text.
#pragma once

#include "assistant/jsonscan.h"
#include "assistant/resultset.h"
#include "core/result.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace lakeshore::assistant {

struct DecodeOptions
{
    std::size_t firstRows = 200;   // published at once
    std::size_t chunkRows = 65536; // then published this many at a time
    std::size_t maxDepth = kDefaultJsonMaxDepth;
};

// Decodes on the calling thread; the result is complete.
[[nodiscard]] Result<ResultSet> decodeToolResult(std::string_view text, const DecodeOptions &options = {});
// For a result that is already parsed (small results): the same rules. Strings that are not valid UTF-8
// in the DOM are decoded with U+FFFD in their place.
[[nodiscard]] Result<ResultSet> decodeParsedToolResult(const nlohmann::json &result,
                                                       const DecodeOptions &options = {});

// A decode running on its own worker thread.
class ResultDecoding
{
public:
    // The reply is the decode's own (hand it over with std::move: no copy of a large reply): its text
    // blocks are unescaped where they lie, and it is freed when the decode ends. onProgress runs on the
    // worker thread after each published chunk and once at the end; it may call snapshot() and status()
    // but must not destroy this object.
    [[nodiscard]] static std::shared_ptr<ResultDecoding> start(std::string text, DecodeOptions options = {},
                                                               std::function<void()> onProgress = {});
    ~ResultDecoding(); // cancels and waits for the worker
    ResultDecoding(const ResultDecoding &) = delete;
    ResultDecoding &operator=(const ResultDecoding &) = delete;

    // The rows decoded so far (complete() once finished without an error). After an error it keeps the
    // rows published before it, for diagnostics; status() says what went wrong.
    [[nodiscard]] ResultSet snapshot() const;
    [[nodiscard]] std::size_t readyRows() const;
    [[nodiscard]] bool finished() const;
    [[nodiscard]] Status status() const; // ok while running and when done; the error once failed or cancelled
    void cancel();                       // the decode stops soon with ErrorKind::Cancelled
    // Replaces the progress callback, for whoever got the decoding after it started (the pane): it runs
    // as onProgress does, and once at once, on the calling thread, when the decode has already finished.
    void watch(std::function<void()> onProgress);

    // Blocks until at least rows rows are ready or the decode finished; true when they are ready.
    bool waitForRows(std::size_t rows) const;
    // Blocks until finished: the complete result or the error.
    [[nodiscard]] Result<ResultSet> wait() const;

private:
    ResultDecoding() = default;
    void run(std::string text, DecodeOptions options);
    void publish(ResultSet snapshot, bool finished, std::optional<Error> error);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    ResultSet m_snapshot;
    bool m_finished = false;
    std::optional<Error> m_error;
    std::atomic<bool> m_cancel{false};
    std::function<void()> m_onProgress; // guarded by m_mutex
    std::thread m_worker;
};

} // namespace lakeshore::assistant
