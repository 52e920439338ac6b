// Route 1 of the assistant: a server-side natural-language tool answers the question itself. Two shapes
// exist in the wild: Genie-style ask-then-poll (ask → poll until the status is final → fetch the rows)
// and Cortex Analyst-style message (one call returns the SQL, which we guard and run with the server's
// SQL tool). Tool and argument names differ per vendor, so a profile names them; detectNlTool() finds
// one among a server's tools.
#pragma once

#include "assistant/queryguard.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/client.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::assistant {

struct NlToolProfile
{
    enum class Kind { AskPoll, Message };
    Kind kind = Kind::AskPoll;
    std::string askTool;                       // genie_ask, query_space_<id>, or the Analyst message tool
    std::string questionArgument = "question"; // "question", "query" or "message"
    std::string pollTool;                      // AskPoll: genie_poll_response, poll_response_<id>
    std::string pollIdArgument = "message_id"; // or "response_id", as the poll tool's schema says
    std::string resultTool; // AskPoll: genie_get_query_result (empty: rows come with the poll)
    std::string cancelTool; // AskPoll, optional: genie_cancel_response
    std::string sqlTool;    // Message: the tool that runs the SQL (execute_sql, ...)
    std::string sqlArgument = "sql";
};

// The first profile the tools support, or NotFound naming what was looked for.
[[nodiscard]] Result<NlToolProfile> detectNlTool(const std::vector<mcp::Tool> &tools);

struct NlToolOptions
{
    int pollIntervalMs = 1000;
    int maxWaitMs = 300000; // the whole ask, polls included
    int callTimeoutMs = 60000;
    nlohmann::json meta;                      // per-call _meta (a warehouse id, ...)
    SqlDialect dialect = SqlDialect::Generic; // for the guard on SQL we run ourselves (Message kind)
};

struct NlAnswer
{
    std::string text;               // the server's words about the answer
    std::string sql;                // the SQL it ran or proposed; empty when it gave none
    mcp::ToolResult rows;           // the tool result that holds the rows (decoded by the caller)
    std::string rowsTool;           // which tool returned them
    std::vector<std::string> steps; // "genie_ask", "genie_poll_response: EXECUTING_QUERY", ...
};

struct NlProgress
{
    std::string status; // the server's own status word, e.g. EXECUTING_QUERY
};

// Asks the question (with the CRM context appended as plain sentences) and follows the profile to rows.
void askNlTool(mcp::Client &client, const NlToolProfile &profile, const std::string &question,
               const std::string &crmContext, NlToolOptions options, CancelToken cancel,
               std::function<void(const NlProgress &)> onProgress,
               std::function<void(Result<NlAnswer>)> done);

} // namespace lakeshore::assistant
