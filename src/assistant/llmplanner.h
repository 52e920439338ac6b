// Route 2 of the assistant: a chat model (any OpenAI-compatible chat-completions API) answers a rep's
// question by calling tools: the lakehouse MCP server's SQL tool, its schema-exploration tools, and
// Lakeshore's CRM tools that bind territories, owners and the open account to account numbers. Every SQL
// text the model proposes passes the query guard before it reaches the MCP server; a refusal goes back to
// the model as the tool's answer so it can correct itself. The loop is bounded in rounds and time and
// honours its CancelToken between and during calls.
#pragma once

#include "assistant/chatclient.h"
#include "assistant/crmtools.h"
#include "assistant/llmtools.h"
#include "assistant/sqltokenizer.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "domain/crm.h"
#include "mcp/tools.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::mcp {
class Client;
}
namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::assistant {

struct LlmLimits
{
    int maxRounds = 8;          // chat completions per question
    int totalBudgetMs = 300000; // the whole question; each chat or MCP call gets at most what is left
    int toolTimeoutMs = 120000; // one MCP call
    int rowCap = 1000;          // the model is told to return at most this many rows (LIMIT)
    FeedbackLimits feedback;    // how much of a tool result the model reads
    CrmToolLimits crm;
};

struct LlmQuestion
{
    std::string question;
    std::shared_ptr<mcp::Client> mcp; // connected
    std::vector<mcp::Tool> tools;     // the server's, from listTools
    SqlToolBinding sqlTool;           // see findSqlTool
    SqlDialect dialect = SqlDialect::Generic;
    nlohmann::json sqlToolMeta; // _meta for each SQL call (e.g. {"warehouse_id": ...}), or null
    std::shared_ptr<sources::CrmConnector> crm;
    std::optional<domain::Account> currentAccount; // the account open in the rep's view
    std::string schemaNotes; // optional: tables and columns worth knowing, put in the system prompt
};

enum class StepKind { ModelText, ToolCall };

// One entry of the transcript shown beside an answer.
struct LlmStep
{
    StepKind kind = StepKind::ToolCall;
    int round = 0;
    std::string text;      // ModelText: what the model said alongside its calls or as its answer
    std::string tool;      // ToolCall: the name the model called
    std::string arguments; // as the model wrote them
    std::string sql;       // the SQL tool's text
    bool guarded = false;  // the query guard judged sql
    bool admitted = false;
    std::string outcome; // "12 rows", "refused by Lakeshore's query guard: ...", "error: ..."
    bool ok = false;
};

struct LlmAnswer
{
    std::string text;            // the model's final answer
    std::string sql;             // the last SQL that ran successfully
    mcp::ToolResult result;      // what that run returned, raw (the caller decodes rows)
    std::string sqlTool;         // the MCP tool that ran it
    BoundAccounts boundAccounts; // account numbers the CRM tools bound, to their CRM ids and names
    std::vector<LlmStep> steps;
    int rounds = 0;
    double elapsedMs = 0;
};

class LlmPlanner
{
public:
    // http carries the chat requests; it must outlive every answer() started here.
    LlmPlanner(http::HttpClient &http, ChatSettings chat, LlmLimits limits = {});

    // done runs once, on an I/O thread. Without an admitted SQL that ran, the answer is an Error.
    void answer(LlmQuestion question, CancelToken cancel, std::function<void(Result<LlmAnswer>)> done) const;

private:
    http::HttpClient &m_http;
    ChatSettings m_chat;
    LlmLimits m_limits;
};

// The system prompt answer() sends, for display and tests.
[[nodiscard]] std::string llmSystemPrompt(const LlmQuestion &question, const LlmLimits &limits,
                                          const std::string &sqlToolName);
[[nodiscard]] std::string dialectLabel(SqlDialect dialect);

} // namespace lakeshore::assistant
