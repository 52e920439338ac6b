// The bookkeeping of the server role's calls: the answer owed for one incoming message text (one response,
// or an array for a batch, sent once the last of its requests is answered or dropped by a cancel), and one
// running tools/call with its cancel flag and progress token.
#pragma once

#include "core/canceltoken.h"
#include "mcp/server.h"

#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::mcp {
inline namespace serving {
namespace detail {

struct AnswerSlot
{
    Replies replies;
    bool batch = false;
    std::mutex mutex;
    int outstanding = 1; // held by receive() until every message in the text is dispatched
    std::vector<nlohmann::json> responses;

    // One request answered (a response) or dropped (nullopt); the last one sends the answer.
    void add(std::optional<nlohmann::json> response);
    void expectOneMore();
};

struct RunningCall
{
    std::string key; // idText of the request id
    jsonrpc::Id id;
    CancelToken cancel;
    std::shared_ptr<AnswerSlot> slot;
    nlohmann::json progressToken; // null: the client did not ask for progress
    std::mutex mutex;
    bool finished = false;
    bool cancelled = false;
    double lastProgress = -std::numeric_limits<double>::infinity();

    // Sends notifications/progress while the call runs, for increasing values only.
    void progress(double value, std::optional<double> total, const std::string &message);
};

} // namespace detail
} // namespace serving
} // namespace lakeshore::mcp
