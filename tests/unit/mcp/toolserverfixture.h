// Shared by the ToolServer tests: a server with a few real tools (echo with a typed schema, one that blocks
// until cancelled or released, one that reports progress, one that throws), a collector for what a
// session sends back, and small JSON helpers.
#pragma once

#include "mcp/server.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <QTest>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// QCOMPARE cannot take nlohmann::json (its conversions confuse QTest's overloads): compare the values and
// show both as JSON text.
#define JSON_COMPARE(actual, expected)                                                                       \
    do {                                                                                                     \
        const nlohmann::json actualValue_ = (actual);                                                        \
        const nlohmann::json expectedValue_ = (expected);                                                    \
        if (actualValue_ != expectedValue_)                                                                  \
            QFAIL(("JSON differs: " + actualValue_.dump() + " != " + expectedValue_.dump()).c_str());        \
    } while (false)

namespace toolserverfixture {

using Json = nlohmann::json;
using namespace std::chrono_literals;

inline Json request(Json id, const std::string &method, Json params = nullptr)
{
    Json message = {{"jsonrpc", "2.0"}, {"id", std::move(id)}, {"method", method}};
    if (!params.is_null())
        message["params"] = std::move(params);
    return message;
}

inline Json notification(const std::string &method, Json params = nullptr)
{
    Json message = {{"jsonrpc", "2.0"}, {"method", method}};
    if (!params.is_null())
        message["params"] = std::move(params);
    return message;
}

inline Json initializeParams(const std::string &version = "2025-11-25")
{
    return {{"protocolVersion", version},
            {"capabilities", Json::object()},
            {"clientInfo", {{"name", "tst"}, {"version", "1"}}}};
}

inline Json callParams(const std::string &tool, Json arguments = Json::object(), Json meta = nullptr)
{
    Json params = {{"name", tool}, {"arguments", std::move(arguments)}};
    if (!meta.is_null())
        params["_meta"] = std::move(meta);
    return params;
}

// A latch the blocking tool waits on; waits are bounded so a forgotten release only slows a test.
struct Latch
{
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    int entered = 0;
    int cancelled = 0;

    void release()
    {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }

    bool waitEntered(int count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 10s, [&] { return entered >= count; });
    }

    bool waitCancelled(int count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 10s, [&] { return cancelled >= count; });
    }
};

// Everything a session sent for the messages given with replies().
struct Collector
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> notifications;
    std::vector<std::optional<std::string>> answers;

    lakeshore::mcp::Replies replies()
    {
        lakeshore::mcp::Replies replies;
        replies.notify = [this](std::string message) {
            std::lock_guard lock(mutex);
            notifications.push_back(std::move(message));
            changed.notify_all();
        };
        replies.answer = [this](std::optional<std::string> message) {
            std::lock_guard lock(mutex);
            answers.push_back(std::move(message));
            changed.notify_all();
        };
        return replies;
    }

    bool waitAnswers(std::size_t count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 10s, [&] { return answers.size() >= count; });
    }

    std::optional<std::string> answer(std::size_t i)
    {
        std::lock_guard lock(mutex);
        return answers.at(i);
    }

    Json answerJson(std::size_t i)
    {
        auto text = answer(i);
        return text ? Json::parse(*text) : Json();
    }

    std::size_t answerCount()
    {
        std::lock_guard lock(mutex);
        return answers.size();
    }

    std::vector<Json> notificationJson()
    {
        std::lock_guard lock(mutex);
        std::vector<Json> out;
        for (const auto &text : notifications)
            out.push_back(Json::parse(text));
        return out;
    }
};

// echo {text!, count?: integer >= 0, mode?: "plain"|"upper"}; block {}; progress {values: [numbers]};
// throws {}; plus `extra` tools named t0..tN-1 for paging.
inline std::shared_ptr<lakeshore::mcp::ToolServer> makeServer(Latch &latch, int pageSize = 50, int extra = 0,
                                                              int maxConcurrentCalls = 16)
{
    using namespace lakeshore::mcp;
    ServerOptions options;
    options.name = "tst-server";
    options.version = "9.9";
    options.instructions = "test instructions";
    options.pageSize = pageSize;
    options.maxConcurrentCalls = maxConcurrentCalls;
    auto server = std::make_shared<ToolServer>(options);

    Tool echo;
    echo.name = "echo";
    echo.title = "Echo";
    echo.description = "echoes its text";
    echo.inputSchema = Json::parse(R"({"type":"object","properties":{"text":{"type":"string"},
        "count":{"type":"integer","minimum":0},"mode":{"type":"string","enum":["plain","upper"]}},
        "required":["text"],"additionalProperties":false})");
    echo.annotations = {{"readOnlyHint", true}};
    echo.handler = [](const Json &arguments, const ToolContext &) {
        return ToolResult::structured({{"text", arguments["text"]}, {"count", arguments.value("count", 1)}});
    };
    (void)server->addTool(echo);

    Tool block;
    block.name = "block";
    block.description = "waits until cancelled or released";
    block.handler = [&latch](const Json &, const ToolContext &context) {
        {
            std::lock_guard lock(latch.mutex);
            ++latch.entered;
            latch.changed.notify_all();
        }
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            if (context.cancel.cancelled()) {
                std::lock_guard lock(latch.mutex);
                ++latch.cancelled;
                latch.changed.notify_all();
                return ToolResult::error("cancelled");
            }
            {
                std::lock_guard lock(latch.mutex);
                if (latch.open)
                    return ToolResult::text("released");
            }
            std::this_thread::sleep_for(2ms);
        }
        return ToolResult::error("never released");
    };
    (void)server->addTool(block);

    Tool progress;
    progress.name = "progress";
    progress.description = "reports the given progress values, then answers";
    progress.inputSchema = Json::parse(R"({"type":"object","properties":{"values":{"type":"array",
        "items":{"type":"number"}}},"required":["values"]})");
    progress.handler = [](const Json &arguments, const ToolContext &context) {
        for (const auto &value : arguments["values"])
            context.progress(value.get<double>(), 10.0, "step " + value.dump());
        return ToolResult::text(context.wantsProgress() ? "asked" : "not asked");
    };
    (void)server->addTool(progress);

    Tool throws;
    throws.name = "throws";
    throws.description = "throws";
    throws.handler = [](const Json &, const ToolContext &) -> ToolResult {
        throw std::runtime_error("boom");
    };
    (void)server->addTool(throws);

    for (int i = 0; i < extra; ++i) {
        Tool tool;
        tool.name = "t" + std::to_string(i);
        tool.description = "paging filler";
        tool.handler = [](const Json &, const ToolContext &) { return ToolResult::text("ok"); };
        (void)server->addTool(tool);
    }
    return server;
}

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Sends one message text and returns the answer (null when there is none).
inline Json ask(lakeshore::mcp::ToolSession &session, const std::string &text)
{
    Collector collector;
    if (!session.receive(text, collector.replies()))
        return Json();
    if (!collector.waitAnswers(1))
        return Json("no answer in time");
    return collector.answerJson(0);
}

inline Json ask(lakeshore::mcp::ToolSession &session, const Json &message)
{
    return ask(session, message.dump());
}

inline int errorCode(const Json &answer)
{
    return answer.contains("error") ? answer["error"]["code"].get<int>() : 0;
}

inline std::unique_ptr<lakeshore::mcp::ToolSession> initialized(lakeshore::mcp::ToolServer &server,
                                                                const std::string &version = "2025-11-25")
{
    auto session = server.openSession();
    (void)ask(*session, request(0, "initialize", initializeParams(version)));
    return session;
}

} // namespace toolserverfixture
