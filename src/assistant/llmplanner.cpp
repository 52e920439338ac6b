#include "assistant/llmplanner.h"

#include "assistant/queryguard.h"
#include "mcp/client.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <utility>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Reply = std::function<void(Result<std::string>)>;

constexpr std::size_t kMaxCallsPerTurn = 16; // more calls in one reply are answered "not run"
constexpr std::size_t kMaxQuoted = 300;      // model text or SQL quoted inside an error message
const std::string kRefused = "refused by Lakeshore's query guard: ";

std::string clip(const std::string &text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "…";
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The arguments as a JSON object, or the words telling the model what was wrong with them.
bool parseArguments(const ToolCall &call, Json &out, std::string &problem)
{
    const std::string text = trimmed(call.arguments);
    if (text.empty()) {
        out = Json::object(); // some models send "" for a tool without parameters
        return true;
    }
    try {
        out = Json::parse(text);
    } catch (const Json::exception &error) {
        problem = "error: the arguments of " + call.name + " are not valid JSON (" + error.what() +
                  "); send one JSON object";
        return false;
    }
    if (!out.is_object()) {
        problem = "error: the arguments of " + call.name + " must be a JSON object";
        return false;
    }
    return true;
}

// Rows in a result, where a common shape says so: a "rows" list anywhere near the top, or a top-level list.
std::optional<std::size_t> rowCount(const mcp::ToolResult &result)
{
    Json value = result.structuredContent;
    if (value.is_null())
        value = Json::parse(result.text(), nullptr, false);
    if (value.is_array())
        return value.size();
    std::vector<const Json *> level{&value};
    for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
        std::vector<const Json *> below;
        for (const Json *node : level) {
            if (!node->is_object() && !node->is_array())
                continue;
            if (node->is_object()) {
                const auto rows = node->find("rows");
                if (rows != node->end() && rows->is_array())
                    return rows->size();
            }
            for (const auto &child : *node)
                below.push_back(&child);
        }
        level = std::move(below);
    }
    return std::nullopt;
}

std::string joined(const std::vector<std::string> &parts, const std::string &separator)
{
    std::string out;
    for (const auto &part : parts)
        out += (out.empty() ? "" : separator) + part;
    return out;
}

struct Run : std::enable_shared_from_this<Run>
{
    Run(http::HttpClient &http, ChatSettings chatSettings, LlmLimits runLimits, LlmQuestion runQuestion,
        CancelToken runCancel, std::function<void(Result<LlmAnswer>)> runDone)
        : chat(http, std::move(chatSettings)), limits(std::move(runLimits)), question(std::move(runQuestion)),
          cancel(std::move(runCancel)), done(std::move(runDone)),
          crm(question.crm, question.currentAccount, limits.crm)
    {
    }

    ChatClient chat;
    LlmLimits limits;
    LlmQuestion question;
    CancelToken cancel;
    std::function<void(Result<LlmAnswer>)> done;
    CrmTools crm;
    std::vector<OfferedTool> offered;
    ChatRequest conversation;
    Clock::time_point started;
    Clock::time_point deadline;
    int round = 0;
    std::vector<ToolCall> pending; // this round's calls, answered one after another
    std::size_t next = 0;
    LlmAnswer answer;
    bool haveSql = false;
    std::vector<std::string> refusals;
    std::vector<std::string> sqlErrors;
    std::atomic<bool> finished{false};
    bool budgetBound = false; // the call in flight got the rest of the budget, not its own timeout

    int remainingMs() const
    {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        return static_cast<int>(std::max<long long>(0, left));
    }

    void start()
    {
        started = Clock::now();
        deadline = started + std::chrono::milliseconds(std::max(1, limits.totalBudgetMs));
        answer.sqlTool = question.sqlTool.toolName;
        if (!question.mcp) {
            finish(makeError(ErrorKind::Invalid, "the assistant has no lakehouse MCP connection"));
            return;
        }
        if (question.sqlTool.toolName.empty()) {
            finish(makeError(ErrorKind::Invalid,
                             "the lakehouse MCP server offers no SQL tool the assistant knows"));
            return;
        }
        offered = offerTools(question.tools, question.sqlTool, dialectLabel(question.dialect));
        for (const auto &tool : offered)
            conversation.tools.push_back(tool.spec);
        conversation.messages.push_back(
            {ChatRole::System, llmSystemPrompt(question, limits, offered.front().spec.name), {}, {}});
        conversation.messages.push_back({ChatRole::User, question.question, {}, {}});
        ask();
    }

    // False (and finished) when cancelled or out of time.
    bool mayGoOn()
    {
        if (cancel.cancelled()) {
            finish(makeError(ErrorKind::Cancelled, "cancelled"));
            return false;
        }
        if (remainingMs() <= 0) {
            finish(budgetError());
            return false;
        }
        return true;
    }

    Error budgetError() const
    {
        const int ms = limits.totalBudgetMs;
        const std::string budget =
            ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
        return makeError(ErrorKind::Timeout, "the assistant's time budget of " + budget + " ran out after " +
                                                 std::to_string(round) + (round == 1 ? " round" : " rounds"));
    }

    void ask()
    {
        if (!mayGoOn())
            return;
        ++round;
        const int left = remainingMs();
        const int timeout = std::min(chat.settings().timeoutMs, left);
        budgetBound = left < chat.settings().timeoutMs;
        chat.complete(
            conversation, cancel,
            [self = shared_from_this()](Result<ChatReply> reply) { self->onReply(std::move(reply)); },
            std::max(1, timeout));
    }

    void onReply(Result<ChatReply> reply)
    {
        if (!reply) {
            fail(reply.error());
            return;
        }
        ChatMessage message = std::move(reply.value().message);
        if (message.toolCalls.empty()) {
            conclude(message.content, reply.value().finishReason);
            return;
        }
        if (!message.content.empty())
            answer.steps.push_back(modelText(message.content));
        if (round >= limits.maxRounds) {
            std::string text = "the model was still calling tools after " + std::to_string(round) + " rounds";
            if (haveSql)
                text += "; the last query that ran: " + clip(answer.sql, kMaxQuoted);
            finish(makeError(ErrorKind::Loop, text));
            return;
        }
        // Servers that parse earlier turns (llama.cpp, Ollama) reject arguments that are not JSON: the
        // model learns what was wrong from the tool answer instead.
        ChatMessage echoed = message;
        for (auto &call : echoed.toolCalls) {
            Json parsed;
            std::string ignored;
            if (!parseArguments(call, parsed, ignored))
                call.arguments = "{}";
            else if (trimmed(call.arguments).empty())
                call.arguments = "{}";
        }
        conversation.messages.push_back(std::move(echoed));
        pending = std::move(message.toolCalls);
        next = 0;
        runNext();
    }

    LlmStep modelText(const std::string &text) const
    {
        LlmStep step;
        step.kind = StepKind::ModelText;
        step.round = round;
        step.text = text;
        return step;
    }

    void toolAnswer(const ToolCall &call, std::string text)
    {
        conversation.messages.push_back({ChatRole::Tool, std::move(text), {}, call.id});
    }

    void runNext()
    {
        if (!mayGoOn())
            return;
        if (next == std::min(pending.size(), kMaxCallsPerTurn)) {
            // Every call needs an answer, or the API refuses the next turn.
            for (std::size_t i = kMaxCallsPerTurn; i < pending.size(); ++i)
                toolAnswer(pending[i],
                           "not run: at most " + std::to_string(kMaxCallsPerTurn) + " tool calls per turn");
            ask();
            return;
        }
        const ToolCall call = pending[next++];
        dispatch(call, [self = shared_from_this(), call](Result<std::string> text) {
            if (!text) {
                self->fail(text.error());
                return;
            }
            self->toolAnswer(call, std::move(text.value()));
            self->runNext();
        });
    }

    void dispatch(const ToolCall &call, Reply reply)
    {
        LlmStep step;
        step.round = round;
        step.tool = call.name;
        step.arguments = call.arguments;
        const auto tool = std::find_if(offered.begin(), offered.end(), [&](const OfferedTool &candidate) {
            return candidate.spec.name == call.name;
        });
        if (tool == offered.end()) {
            std::vector<std::string> names;
            for (const auto &candidate : offered)
                names.push_back(candidate.spec.name);
            step.outcome = "error: no tool named \"" + call.name + "\" is offered";
            answer.steps.push_back(step);
            reply("error: there is no tool named \"" + call.name +
                  "\"; the tools are: " + joined(names, ", "));
            return;
        }
        Json arguments;
        std::string problem;
        if (!parseArguments(call, arguments, problem)) {
            step.outcome = problem;
            answer.steps.push_back(step);
            reply(problem);
            return;
        }
        switch (tool->kind) {
        case OfferedKind::Sql:
            runSql(std::move(step), arguments, std::move(reply));
            return;
        case OfferedKind::Mcp:
            callMcp(std::move(step), tool->target, arguments, std::move(reply));
            return;
        case OfferedKind::Crm:
            crm.run(tool->target, arguments, cancel,
                    [self = shared_from_this(), step, reply](Result<std::string> text) mutable {
                        if (text) {
                            step.ok = text.value().rfind("{", 0) == 0;
                            step.outcome = step.ok ? "read from the CRM" : clip(text.value(), kMaxQuoted);
                            self->answer.steps.push_back(step);
                        }
                        reply(std::move(text));
                    });
            return;
        }
    }

    mcp::ToolCallOptions callOptions(nlohmann::json meta)
    {
        const int left = remainingMs();
        mcp::ToolCallOptions options;
        options.meta = std::move(meta);
        options.timeoutMs = std::max(1, std::min(limits.toolTimeoutMs, left));
        options.maxTotalMs = std::max(1, left);
        budgetBound = left < limits.toolTimeoutMs;
        options.cancel = cancel;
        return options;
    }

    static std::string sqlText(const Json &arguments, const std::string &argumentName)
    {
        for (const std::string &key : {argumentName, std::string("sql"), std::string("query")}) {
            const auto it = arguments.find(key);
            if (it != arguments.end() && it->is_string())
                return it->get<std::string>();
        }
        return {};
    }

    void runSql(LlmStep step, const Json &arguments, Reply reply)
    {
        const std::string &argument = question.sqlTool.argumentName;
        step.sql = sqlText(arguments, argument);
        if (trimmed(step.sql).empty()) {
            step.outcome = "error: no SQL text in the arguments";
            answer.steps.push_back(step);
            reply("error: " + step.tool + " needs {\"" + argument + "\": \"<one SELECT statement>\"}");
            return;
        }
        step.guarded = true;
        const GuardVerdict verdict = checkReadOnlySelect(step.sql, question.dialect);
        if (!verdict.admitted) {
            step.outcome = kRefused + verdict.reason;
            refusals.push_back(verdict.reason);
            answer.steps.push_back(step);
            reply(kRefused + verdict.reason);
            return;
        }
        step.admitted = true;
        question.mcp->callTool(
            question.sqlTool.toolName, Json{{argument, step.sql}}, callOptions(question.sqlToolMeta),
            [self = shared_from_this(), step, reply](Result<mcp::ToolResult> result) mutable {
                if (!result) {
                    Error error = result.error();
                    error.message = "the lakehouse MCP tool \"" + self->question.sqlTool.toolName +
                                    "\" failed: " + error.message;
                    reply(std::move(error));
                    return;
                }
                const std::string text = feedbackText(result.value(), self->limits.feedback);
                if (result.value().isError) {
                    step.outcome = "error: " + clip(text, kMaxQuoted);
                    self->sqlErrors.push_back(clip(text, kMaxQuoted));
                    self->answer.steps.push_back(step);
                    reply("the SQL tool reported an error: " + text);
                    return;
                }
                const auto rows = rowCount(result.value());
                step.ok = true;
                step.outcome = rows ? std::to_string(*rows) + (*rows == 1 ? " row" : " rows") : "ran";
                self->answer.steps.push_back(step);
                self->answer.sql = step.sql;
                self->answer.result = std::move(result.value());
                self->haveSql = true;
                reply(text);
            });
    }

    void callMcp(LlmStep step, const std::string &target, const Json &arguments, Reply reply)
    {
        question.mcp->callTool(
            target, arguments, callOptions(Json()),
            [self = shared_from_this(), step, target, reply](Result<mcp::ToolResult> result) mutable {
                if (!result) {
                    Error error = result.error();
                    error.message = "the lakehouse MCP tool \"" + target + "\" failed: " + error.message;
                    reply(std::move(error));
                    return;
                }
                const std::string text = feedbackText(result.value(), self->limits.feedback);
                step.ok = !result.value().isError;
                step.outcome = step.ok ? "read" : "error: " + clip(text, kMaxQuoted);
                self->answer.steps.push_back(step);
                reply(step.ok ? text : "the tool reported an error: " + text);
            });
    }

    // The model stopped calling tools.
    void conclude(const std::string &text, const std::string &finishReason)
    {
        answer.text = text;
        if (!text.empty())
            answer.steps.push_back(modelText(text));
        if (haveSql) {
            finish(std::move(answer));
            return;
        }
        Error error;
        if (!refusals.empty())
            error =
                makeError(ErrorKind::Invalid, "the model proposed only statements the query guard refused: " +
                                                  clip(joined(refusals, "; "), 2 * kMaxQuoted));
        else if (!sqlErrors.empty())
            error =
                makeError(ErrorKind::Service,
                          "the model's queries failed on the lakehouse; the last error: " + sqlErrors.back());
        else if (finishReason == "length")
            error = makeError(ErrorKind::Malformed, "the model ran out of output tokens before it answered");
        else
            error = makeError(ErrorKind::Invalid,
                              "the model answered without querying the lakehouse" +
                                  (text.empty() ? std::string() : ": " + clip(text, kMaxQuoted)));
        error.serviceMessage = text;
        finish(std::move(error));
    }

    void fail(Error error)
    {
        if (error.kind == ErrorKind::Timeout && (budgetBound || remainingMs() <= 0))
            error.message = budgetError().message + " (" + error.message + ")";
        finish(std::move(error));
    }

    void finish(Result<LlmAnswer> result)
    {
        if (finished.exchange(true))
            return;
        if (result) {
            result.value().rounds = round;
            result.value().boundAccounts = crm.bound();
            result.value().elapsedMs =
                std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        }
        auto callback = std::move(done);
        callback(std::move(result));
    }
};

} // namespace

LlmPlanner::LlmPlanner(http::HttpClient &http, ChatSettings chat, LlmLimits limits)
    : m_http(http), m_chat(std::move(chat)), m_limits(std::move(limits))
{
}

void LlmPlanner::answer(LlmQuestion question, CancelToken cancel,
                        std::function<void(Result<LlmAnswer>)> done) const
{
    auto run = std::make_shared<Run>(m_http, m_chat, m_limits, std::move(question), std::move(cancel),
                                     std::move(done));
    run->start();
}

} // namespace lakeshore::assistant
