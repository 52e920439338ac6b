// What the LLM planner offers a chat model: which MCP tool runs SQL (and under which argument), which of the
// server's other tools are safe to show (schema exploration only; nothing that looks like a write),
// Lakeshore's own CRM tools, and tool results shortened to what a model needs to read.
#pragma once

#include "assistant/chatclient.h"
#include "mcp/tools.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

// The MCP tool that runs SQL, and the name of its SQL text argument.
struct SqlToolBinding
{
    std::string toolName;
    std::string argumentName = "sql";
};

// Known SQL tools, read-only variants first: execute_sql_read_only (Databricks SQL), read_query
// (database-server; "query"), query (server-postgres, mcp-sqlite; "sql"), execute_sql (dbhub, Databricks
// SQL, ours). The argument comes from the tool's schema when it names "sql" or "query".
[[nodiscard]] std::optional<SqlToolBinding> findSqlTool(const std::vector<mcp::Tool> &tools);

// Lakeshore's own tools, answered from the CRM.
inline constexpr std::string_view kTerritoryAccountsTool = "crm_territory_accounts";
inline constexpr std::string_view kOwnerAccountsTool = "crm_owner_accounts";
inline constexpr std::string_view kCurrentAccountTool = "current_account";

// True when a tool name reads like a write (create, insert, update, delete, drop, write, alter, ...), word
// by word: "write_query" and "deleteRecords" do, "list_tables" does not.
[[nodiscard]] bool looksLikeWrite(std::string_view toolName);

enum class OfferedKind { Sql, Mcp, Crm };

// A tool as the model sees it, and what answers it.
struct OfferedTool
{
    ToolSpec spec; // spec.name is the name the model uses
    OfferedKind kind = OfferedKind::Mcp;
    std::string target; // the MCP tool's own name, or the CRM tool's
};

// The tools to offer: the SQL tool (always; every call is intercepted by the query guard), the server's
// exploration tools (read-only by their annotations, or named list/describe/search/schema/show/info...) that
// do not look like writes, and the three CRM tools. Other SQL tools, tools annotated as writes and
// anything else are left out. Names are made safe for the chat API ([A-Za-z0-9_-], at most 64).
[[nodiscard]] std::vector<OfferedTool> offerTools(const std::vector<mcp::Tool> &tools,
                                                  const SqlToolBinding &sql, std::string_view dialectLabel);

struct FeedbackLimits
{
    std::size_t maxRows = 50;    // any JSON list longer than this is cut, with a note of what was left out
    std::size_t maxBytes = 8192; // then the whole text, at a UTF-8 boundary
};

// A tool result as text for the model: structuredContent when there is no text, JSON lists cut to
// maxRows, the whole cut to maxBytes with a note.
[[nodiscard]] std::string feedbackText(const mcp::ToolResult &result, const FeedbackLimits &limits);
[[nodiscard]] std::string shortenForModel(const std::string &text, const FeedbackLimits &limits);

} // namespace lakeshore::assistant
