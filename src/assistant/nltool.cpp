#include "assistant/nltool.h"

#include "core/delay.h"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

const mcp::Tool *findTool(const std::vector<mcp::Tool> &tools,
                          const std::function<bool(const std::string &)> &match)
{
    for (const auto &tool : tools)
        if (match(tool.name))
            return &tool;
    return nullptr;
}

const mcp::Tool *named(const std::vector<mcp::Tool> &tools, const std::string &name)
{
    return findTool(tools, [&](const std::string &candidate) { return candidate == name; });
}

bool hasProperty(const mcp::Tool &tool, const std::string &name)
{
    const auto properties = tool.inputSchema.find("properties");
    return properties != tool.inputSchema.end() && properties->is_object() && properties->contains(name);
}

std::string firstProperty(const mcp::Tool &tool, std::initializer_list<const char *> candidates,
                          std::string fallback)
{
    for (const char *candidate : candidates)
        if (hasProperty(tool, candidate))
            return candidate;
    return fallback;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// What a tool said, as JSON: its structured content, or the first text block that is a JSON object.
Json payloadOf(const mcp::ToolResult &result)
{
    if (result.structuredContent.is_object())
        return result.structuredContent;
    for (const auto &block : result.content) {
        if (block.text.empty())
            continue;
        auto parsed = Json::parse(block.text, nullptr, false);
        if (parsed.is_object())
            return parsed;
    }
    return Json();
}

std::string stringAt(const Json &object, std::initializer_list<const char *> keys)
{
    if (!object.is_object())
        return {};
    for (const char *key : keys) {
        const auto it = object.find(key);
        if (it != object.end() && it->is_string())
            return it->get<std::string>();
        if (it != object.end() && it->is_number_integer())
            return std::to_string(it->get<long long>());
    }
    return {};
}

// Genie puts its SQL and words in attachments: [{attachment_id, text:{content}, query:{query, ...}}].
struct Attachments
{
    std::string text;
    std::string sql;
    std::string attachmentId;
};

Attachments readAttachments(const Json &payload)
{
    Attachments found;
    const Json *message = &payload;
    if (payload.contains("message") && payload["message"].is_object())
        message = &payload["message"];
    const auto list = message->find("attachments");
    if (list != message->end() && list->is_array()) {
        for (const auto &attachment : *list) {
            if (!attachment.is_object())
                continue;
            if (attachment.contains("text") && attachment["text"].is_object() && found.text.empty())
                found.text = stringAt(attachment["text"], {"content"});
            if (attachment.contains("query") && attachment["query"].is_object() && found.sql.empty()) {
                found.sql = stringAt(attachment["query"], {"query", "sql"});
                found.attachmentId = stringAt(attachment, {"attachment_id", "id"});
                if (found.text.empty())
                    found.text = stringAt(attachment["query"], {"description", "title"});
            }
        }
    }
    if (found.sql.empty())
        found.sql = stringAt(*message, {"sql", "statement", "query_text"});
    if (found.text.empty())
        found.text = stringAt(*message, {"text", "content", "response", "answer"});
    return found;
}

bool holdsRows(const Json &payload)
{
    if (!payload.is_object())
        return false;
    const Json &statement = payload.contains("statement_response") ? payload["statement_response"] : payload;
    return statement.is_object() &&
           ((statement.contains("result") && statement["result"].is_object()) || statement.contains("rows"));
}

Error failed(std::string text)
{
    return makeError(ErrorKind::Service, std::move(text));
}

// One ask, from the first call to the rows; owned by the callbacks that carry it along.
struct Ask : std::enable_shared_from_this<Ask>
{
    mcp::Client *client = nullptr;
    NlToolProfile profile;
    NlToolOptions options;
    CancelToken cancel;
    std::function<void(const NlProgress &)> onProgress;
    std::function<void(Result<NlAnswer>)> done;
    Clock::time_point deadline;
    NlAnswer answer;
    std::string conversationId;
    std::string messageId;
    std::string lastStatus;
    std::atomic<bool> finished{false};

    mcp::ToolCallOptions callOptions() const
    {
        mcp::ToolCallOptions call;
        call.meta = options.meta;
        call.timeoutMs = options.callTimeoutMs;
        call.maxTotalMs = options.callTimeoutMs;
        call.cancel = cancel;
        return call;
    }

    void call(const std::string &tool, Json arguments, std::function<void(mcp::ToolResult)> next)
    {
        answer.steps.push_back(tool);
        auto self = shared_from_this();
        client->callTool(tool, std::move(arguments), callOptions(),
                         [self, tool, next = std::move(next)](Result<mcp::ToolResult> reply) {
                             if (!reply)
                                 return self->finish(reply.error());
                             if (reply.value().isError)
                                 return self->finish(mcp::toolError(tool, reply.value()));
                             next(std::move(reply.value()));
                         });
    }

    // Once: a cancel may race the last reply.
    void finish(Result<NlAnswer> outcome)
    {
        if (finished.exchange(true))
            return;
        if (done)
            done(std::move(outcome));
    }

    void start(const std::string &question)
    {
        Json arguments{{profile.questionArgument, question}};
        auto self = shared_from_this();
        call(profile.askTool, std::move(arguments), [self](mcp::ToolResult result) {
            if (self->profile.kind == NlToolProfile::Kind::Message)
                return self->answered(std::move(result));
            self->asked(std::move(result));
        });
    }

    // Message kind: the server proposes SQL; we guard it and run it with its SQL tool.
    void answered(mcp::ToolResult result)
    {
        const Json payload = payloadOf(result);
        const Attachments said = readAttachments(payload);
        answer.text = said.text.empty() && payload.is_null() ? result.text() : said.text;
        answer.sql = said.sql;
        if (answer.sql.empty())
            return finish(failed("the server's " + profile.askTool + " answered without SQL" +
                                 (answer.text.empty() ? std::string() : ": " + answer.text.substr(0, 300))));
        const GuardVerdict verdict = checkReadOnlySelect(answer.sql, options.dialect);
        if (!verdict.admitted)
            return finish(
                makeError(ErrorKind::Invalid,
                          "Lakeshore's query guard refused the SQL the server proposed: " + verdict.reason));
        if (profile.sqlTool.empty())
            return finish(failed("the server proposed SQL but offers no tool to run it"));
        auto self = shared_from_this();
        answer.rowsTool = profile.sqlTool;
        call(profile.sqlTool, Json{{profile.sqlArgument, answer.sql}}, [self](mcp::ToolResult rows) {
            self->answer.rows = std::move(rows);
            self->finish(std::move(self->answer));
        });
    }

    void asked(mcp::ToolResult result)
    {
        const Json payload = payloadOf(result);
        conversationId = stringAt(payload, {"conversation_id", "conversationId"});
        if (conversationId.empty() && payload.contains("conversation") && payload["conversation"].is_object())
            conversationId = stringAt(payload["conversation"], {"id", "conversation_id"});
        messageId = stringAt(payload, {"message_id", "response_id", "messageId"});
        if (messageId.empty() && payload.contains("message") && payload["message"].is_object())
            messageId = stringAt(payload["message"], {"id", "message_id"});
        if (messageId.empty())
            return finish(makeError(ErrorKind::Malformed, "the server's " + profile.askTool +
                                                              " answered without a message or response id"));
        examine(payload);
    }

    void examine(const Json &payload)
    {
        std::string status = stringAt(payload, {"status", "state"});
        if (status.empty() && payload.contains("message") && payload["message"].is_object())
            status = stringAt(payload["message"], {"status"});
        const std::string upper = [&] {
            std::string text = status;
            std::transform(text.begin(), text.end(), text.begin(),
                           [](unsigned char c) { return char(std::toupper(c)); });
            return text;
        }();
        if (!status.empty() && status != lastStatus) {
            lastStatus = status;
            answer.steps.push_back(profile.pollTool + ": " + status);
            if (onProgress)
                onProgress(NlProgress{status});
        }
        if (upper == "FAILED") {
            std::string why = stringAt(payload, {"error", "message"});
            if (why.empty() && payload.contains("error") && payload["error"].is_object())
                why = stringAt(payload["error"], {"error", "message"});
            return finish(
                failed("the server could not answer the question" + (why.empty() ? "" : ": " + why)));
        }
        if (upper == "CANCELLED")
            return finish(makeError(ErrorKind::Cancelled, "the server cancelled the question"));
        if (upper == "QUERY_RESULT_EXPIRED")
            return finish(failed("the server's result expired before it could be read; ask again"));
        if (upper == "COMPLETED" || upper == "SUCCEEDED" || upper == "DONE")
            return completed(payload);
        if (Clock::now() >= deadline) {
            cancelOnServer();
            return finish(
                makeError(ErrorKind::Timeout, "the server was still working on the question (" +
                                                  (status.empty() ? std::string("no status") : status) +
                                                  ") when the time allowed ran out"));
        }
        auto self = shared_from_this();
        runAfter(options.pollIntervalMs, cancel, [self] { self->poll(); });
    }

    void poll()
    {
        Json arguments{{"conversation_id", conversationId}, {profile.pollIdArgument, messageId}};
        auto self = shared_from_this();
        // Polls repeat: record the tool once, not every round.
        const auto before = answer.steps.size();
        call(profile.pollTool, std::move(arguments), [self, before](mcp::ToolResult result) {
            if (self->answer.steps.size() > before)
                self->answer.steps.pop_back();
            self->examine(payloadOf(result));
        });
    }

    void completed(const Json &payload)
    {
        const Attachments said = readAttachments(payload);
        answer.text = said.text;
        answer.sql = said.sql;
        if (holdsRows(payload) || profile.resultTool.empty() || said.attachmentId.empty()) {
            if (!holdsRows(payload) && answer.sql.empty() && answer.text.empty())
                return finish(failed("the server finished without an answer"));
            answer.rows.structuredContent = payload;
            answer.rowsTool = profile.pollTool;
            return finish(std::move(answer));
        }
        Json arguments{{"conversation_id", conversationId},
                       {profile.pollIdArgument, messageId},
                       {"attachment_id", said.attachmentId}};
        auto self = shared_from_this();
        answer.rowsTool = profile.resultTool;
        call(profile.resultTool, std::move(arguments), [self](mcp::ToolResult rows) {
            self->answer.rows = std::move(rows);
            self->finish(std::move(self->answer));
        });
    }

    void cancelOnServer()
    {
        if (profile.cancelTool.empty() || messageId.empty())
            return;
        mcp::ToolCallOptions quiet;
        quiet.timeoutMs = 5000;
        client->callTool(profile.cancelTool,
                         Json{{"conversation_id", conversationId}, {profile.pollIdArgument, messageId}},
                         quiet, [](Result<mcp::ToolResult>) {});
    }
};

} // namespace

Result<NlToolProfile> detectNlTool(const std::vector<mcp::Tool> &tools)
{
    NlToolProfile profile;
    const mcp::Tool *ask = named(tools, "genie_ask");
    const mcp::Tool *poll = named(tools, "genie_poll_response");
    if (!ask || !poll) {
        // A Genie space's own server: query_space_<id> with poll_response_<id>.
        ask = findTool(tools, [](const std::string &name) { return name.rfind("query_space_", 0) == 0; });
        poll = ask ? named(tools, "poll_response_" + ask->name.substr(std::string("query_space_").size()))
                   : nullptr;
    }
    if (ask && poll) {
        profile.kind = NlToolProfile::Kind::AskPoll;
        profile.askTool = ask->name;
        profile.questionArgument =
            firstProperty(*ask, {"question", "query", "content", "message", "prompt"}, "question");
        profile.pollTool = poll->name;
        profile.pollIdArgument = firstProperty(*poll, {"message_id", "response_id"}, "message_id");
        if (const mcp::Tool *rows = named(tools, "genie_get_query_result"))
            profile.resultTool = rows->name;
        if (const mcp::Tool *stop = named(tools, "genie_cancel_response"))
            profile.cancelTool = stop->name;
        return profile;
    }
    // Cortex Analyst-style: a message tool that returns SQL, and a tool that runs it.
    const mcp::Tool *analyst = findTool(
        tools, [](const std::string &name) { return lower(name).find("analyst") != std::string::npos; });
    if (analyst) {
        profile.kind = NlToolProfile::Kind::Message;
        profile.askTool = analyst->name;
        profile.questionArgument =
            firstProperty(*analyst, {"message", "question", "query", "prompt"}, "message");
        for (const char *name :
             {"execute_sql_read_only", "execute_sql", "sql_exec_tool", "run_sql", "query"}) {
            if (const mcp::Tool *runner = named(tools, name)) {
                profile.sqlTool = runner->name;
                profile.sqlArgument = firstProperty(*runner, {"sql", "query", "statement"}, "sql");
                break;
            }
        }
        return profile;
    }
    return makeError(ErrorKind::NotFound,
                     "the MCP server offers no natural-language tool (looked for genie_ask with "
                     "genie_poll_response, query_space_<id> with poll_response_<id>, or a tool "
                     "named like *analyst*)");
}

void askNlTool(mcp::Client &client, const NlToolProfile &profile, const std::string &question,
               const std::string &crmContext, NlToolOptions options, CancelToken cancel,
               std::function<void(const NlProgress &)> onProgress, std::function<void(Result<NlAnswer>)> done)
{
    auto ask = std::make_shared<Ask>();
    ask->client = &client;
    ask->profile = profile;
    ask->options = std::move(options);
    ask->cancel = cancel;
    ask->onProgress = std::move(onProgress);
    ask->done = std::move(done);
    ask->deadline = Clock::now() + std::chrono::milliseconds(ask->options.maxWaitMs);
    // A cancel while waiting between polls: the delayed poll is dropped, so answer here.
    std::weak_ptr<Ask> weak = ask;
    cancel.onCancel([weak] {
        if (auto self = weak.lock()) {
            self->cancelOnServer();
            self->finish(makeError(ErrorKind::Cancelled, "cancelled"));
        }
    });
    ask->start(crmContext.empty() ? question : question + "\n\n" + crmContext);
}

} // namespace lakeshore::assistant
