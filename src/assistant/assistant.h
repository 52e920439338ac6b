// The assistant: a question in, an Answer out, through the route chosen for the lakehouse connection —
// the offline semantic-model planner, a chat model using tools, or the server's own natural-language
// tool — with CRM context (territory, owner, the open account) read live, every SQL text through the
// query guard, the SQL run by the lakehouse's MCP server, and the rows decoded into memory. Edited SQL
// can be run again as it is (guarded). Callbacks run on I/O threads.
#pragma once

#include "assistant/answer.h"
#include "assistant/chatclient.h"
#include "assistant/semanticmodel.h"
#include "assistant/semanticplanner.h"
#include "assistant/sqltokenizer.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "mcp/client.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace lakeshore::http {
class HttpClient;
}
namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::assistant {

struct LakehouseSetup
{
    std::string label; // shown as the answer's server when the server names itself poorly
    mcp::Client::TransportFactory transport;
    mcp::ClientOptions clientOptions; // initialize and tools/list timeouts
    Route route = Route::Semantic;
    std::string sqlTool;     // empty: found among the server's tools
    std::string sqlArgument; // empty: from the tool's schema
    SqlDialect dialect = SqlDialect::Generic;
    nlohmann::json meta; // _meta for every tools/call (a warehouse id, ...), or null
    int maxRows = 10000; // asked of SQL tools that take max_rows
    int callTimeoutMs = 120000;
    std::shared_ptr<const SemanticModel> model; // the semantic route's model
    std::string today; // ISO date the semantic planner counts from; empty = the wall clock
    ChatSettings chat; // the llm route
};

// What the assistant is doing, for the pane's progress line.
struct AskProgress
{
    std::string stage;  // "plan", "crm", "lakehouse", "model", "server"
    std::string detail; // "Reading Cleveland accounts from the CRM", "EXECUTING_QUERY", ...
};

class Assistant
{
public:
    // http carries chat requests; crm binds context. Both must outlive the Assistant.
    Assistant(LakehouseSetup setup, http::HttpClient &http, std::shared_ptr<sources::CrmConnector> crm);
    ~Assistant();
    Assistant(const Assistant &) = delete;
    Assistant &operator=(const Assistant &) = delete;

    void ask(const std::string &question, const std::optional<CurrentAccount> &current, CancelToken cancel,
             std::function<void(const AskProgress &)> onProgress, std::function<void(Result<Answer>)> done);

    // Runs SQL as written (after the guard), e.g. an answer's SQL the rep edited. The earlier answer
    // lends its account map and formats so rows still open accounts.
    void runSql(const std::string &sql, const Answer &earlier, CancelToken cancel,
                std::function<void(const AskProgress &)> onProgress,
                std::function<void(Result<Answer>)> done);

    // The CRM account behind an account number the rows carry (read live when the answer did not bind it).
    void findAccount(const std::string &accountNumber, CancelToken cancel,
                     std::function<void(Result<AccountRef>)> done);

    [[nodiscard]] const LakehouseSetup &setup() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace lakeshore::assistant
