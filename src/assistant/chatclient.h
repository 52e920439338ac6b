// A client for OpenAI-compatible chat completions with tool calling (OpenAI, Databricks model serving,
// Ollama, llama.cpp's server): one POST <base>/chat/completions per turn, no streaming. The API key is a
// secret: it goes only into the Authorization header and is cut out of every error this client returns.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpClient;
struct Response;
} // namespace lakeshore::http

namespace lakeshore::assistant {

struct ChatSettings
{
    // Where chat/completions lives: "https://<workspace>/serving-endpoints", "http://127.0.0.1:11434/v1"
    // (Ollama), "http://127.0.0.1:8080/v1" (llama.cpp). A URL that already ends in /chat/completions is
    // used as it is.
    std::string baseUrl;
    std::string model;  // the model, or the Databricks serving endpoint's name
    std::string apiKey; // sent as a bearer token; empty = no Authorization header (Ollama, llama.cpp)
    double temperature = 0;
    int maxTokens = 0;      // 0 = not sent (the server's default)
    int timeoutMs = 120000; // per request: a local model may think for a while
    int maxRetries = 2;     // after 429/503, honouring Retry-After
    std::size_t maxReplyBytes = 4u << 20;
};

// A call the model asked for. arguments is the JSON text the model wrote; it may not be valid JSON.
struct ToolCall
{
    std::string id;
    std::string name;
    std::string arguments;
};

enum class ChatRole { System, User, Assistant, Tool };

struct ChatMessage
{
    ChatRole role = ChatRole::User;
    std::string content;
    std::vector<ToolCall> toolCalls; // assistant turns that call tools
    std::string toolCallId;          // tool turns: the call this answers
};

// A function the model may call; parameters is a JSON schema for its arguments object.
struct ToolSpec
{
    std::string name;
    std::string description;
    nlohmann::json parameters;
};

struct ChatRequest
{
    std::vector<ChatMessage> messages;
    std::vector<ToolSpec> tools;
};

struct ChatReply
{
    ChatMessage message;      // role Assistant
    std::string finishReason; // "stop", "tool_calls", "length", ... or empty when the server sent none
    std::string model;        // as the server named it
    nlohmann::json usage;     // token counts as sent, or null
};

class ChatClient
{
public:
    // http must outlive every request started here.
    ChatClient(http::HttpClient &http, ChatSettings settings);

    // done runs once, on the HTTP I/O thread.
    void complete(const ChatRequest &request, CancelToken cancel, std::function<void(Result<ChatReply>)> done,
                  int timeoutMs = 0) const; // 0 = the settings' timeout

    [[nodiscard]] const ChatSettings &settings() const { return m_settings; }

private:
    http::HttpClient &m_http;
    ChatSettings m_settings;
};

// The pieces of complete(), for callers and tests that need them alone.
[[nodiscard]] std::string chatCompletionsUrl(const std::string &baseUrl);
[[nodiscard]] nlohmann::json chatRequestBody(const ChatSettings &settings, const ChatRequest &request);
[[nodiscard]] Result<ChatReply> parseChatResponse(const http::Response &response,
                                                  const ChatSettings &settings);
// text with every occurrence of secret replaced by "[redacted]".
[[nodiscard]] std::string redactSecret(std::string text, const std::string &secret);

} // namespace lakeshore::assistant
