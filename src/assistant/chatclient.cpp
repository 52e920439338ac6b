#include "assistant/chatclient.h"

#include "http/httpclient.h"

#include <utility>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxMessageWords = 400;      // the service's words inside Error::message
constexpr std::size_t kMaxServiceMessage = 4000;   // ... and in Error::serviceMessage
constexpr std::size_t kMinRedactedSecretBytes = 4; // shorter keys would blank out ordinary words

std::string clip(std::string text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // not inside a UTF-8 sequence
    text.resize(cut);
    return text + "…";
}

std::string stringOf(const Json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    return {};
}

const char *roleName(ChatRole role)
{
    switch (role) {
    case ChatRole::System:
        return "system";
    case ChatRole::User:
        return "user";
    case ChatRole::Assistant:
        return "assistant";
    case ChatRole::Tool:
        return "tool";
    }
    return "user";
}

Json messageJson(const ChatMessage &message)
{
    Json out{{"role", roleName(message.role)}};
    if (message.role == ChatRole::Assistant && !message.toolCalls.empty()) {
        out["content"] = message.content.empty() ? Json() : Json(message.content);
        Json calls = Json::array();
        for (const auto &call : message.toolCalls)
            calls.push_back({{"id", call.id},
                             {"type", "function"},
                             {"function", {{"name", call.name}, {"arguments", call.arguments}}}});
        out["tool_calls"] = std::move(calls);
        return out;
    }
    out["content"] = message.content;
    if (message.role == ChatRole::Tool)
        out["tool_call_id"] = message.toolCallId;
    return out;
}

// The service's own error words, from the shapes OpenAI ({"error":{"message","type","code"}}), Ollama
// ({"error":"..."}), Databricks ({"error_code","message"}) and FastAPI-style proxies ({"detail"}) send.
struct ServiceWords
{
    std::string message;
    std::string code;
};

bool readServiceError(const Json &body, ServiceWords &out)
{
    if (!body.is_object())
        return false;
    const auto error = body.find("error");
    if (error != body.end()) {
        if (error->is_string()) {
            out.message = error->get<std::string>();
            return !out.message.empty();
        }
        if (error->is_object()) {
            out.message = stringOf(error->value("message", Json()));
            out.code = stringOf(error->value("code", Json()));
            if (out.code.empty())
                out.code = stringOf(error->value("type", Json()));
            return !out.message.empty() || !out.code.empty();
        }
    }
    if (body.contains("error_code") || body.contains("message") || body.contains("detail")) {
        out.message = stringOf(body.value("message", Json()));
        if (out.message.empty())
            out.message = stringOf(body.value("detail", Json()));
        out.code = stringOf(body.value("error_code", Json()));
        return !out.message.empty();
    }
    return false;
}

Error chatError(ErrorKind kind, std::string message, int status, const ServiceWords *words,
                const ChatSettings &settings)
{
    Error error = makeError(kind, std::string(), status);
    if (words && !words->message.empty()) {
        message += ": " + clip(words->message, kMaxMessageWords);
        error.serviceMessage = redactSecret(clip(words->message, kMaxServiceMessage), settings.apiKey);
    }
    if (words)
        error.code = redactSecret(words->code, settings.apiKey);
    error.message = redactSecret(std::move(message), settings.apiKey);
    return error;
}

Error statusError(const http::Response &response, const ChatSettings &settings)
{
    const int status = response.status;
    const Json body = Json::parse(response.body, nullptr, false);
    ServiceWords words;
    const bool hasWords = readServiceError(body, words);
    const ServiceWords *said = hasWords ? &words : nullptr;
    const std::string http = " (HTTP " + std::to_string(status) + ")";
    if (status == 401)
        return chatError(ErrorKind::Auth,
                         settings.apiKey.empty() ? "the chat model service wants an API key" + http
                                                 : "the chat model service refused the API key" + http,
                         status, said, settings);
    if (status == 403)
        return chatError(ErrorKind::Auth,
                         "the chat model service denied access to model \"" + settings.model + "\"" + http,
                         status, said, settings);
    if (status == 404)
        return chatError(ErrorKind::NotFound,
                         "the chat model service has no model \"" + settings.model + "\" at " +
                             chatCompletionsUrl(settings.baseUrl) +
                             " (HTTP 404; check the model name and the base URL)",
                         status, said, settings);
    if (status == 429)
        return chatError(ErrorKind::RateLimited,
                         "the chat model service is still rate limiting after " +
                             std::to_string(response.attempts) + " attempts" + http,
                         status, said, settings);
    if (hasWords)
        return chatError(ErrorKind::Service, "the chat model service answered" + http, status, said,
                         settings);
    return chatError(ErrorKind::Http, "the chat model service answered" + http + " with no error message",
                     status, nullptr, settings);
}

Error malformed(const std::string &what, const ChatSettings &settings)
{
    return chatError(ErrorKind::Malformed, "the chat model's reply " + what, 0, nullptr, settings);
}

// content is a string, null, or (some servers) a list of {"type":"text","text":...} parts.
std::string readContent(const Json &content)
{
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array())
        for (const auto &part : content)
            if (part.is_object() && stringOf(part.value("type", Json())) == "text")
                text += stringOf(part.value("text", Json()));
    return text;
}

// arguments is a JSON string by the spec; some servers send the object itself.
std::string readArguments(const Json &function)
{
    const auto arguments = function.find("arguments");
    if (arguments == function.end() || arguments->is_null())
        return "{}";
    if (arguments->is_string())
        return arguments->get<std::string>();
    return arguments->dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool readToolCalls(const Json &message, std::vector<ToolCall> &calls)
{
    const auto list = message.find("tool_calls");
    if (list != message.end() && !list->is_null()) {
        if (!list->is_array())
            return false;
        for (const auto &item : *list) {
            if (!item.is_object())
                return false;
            const auto function = item.find("function");
            if (function == item.end() || !function->is_object())
                return false;
            ToolCall call;
            call.id = stringOf(item.value("id", Json()));
            call.name = stringOf(function->value("name", Json()));
            call.arguments = readArguments(*function);
            calls.push_back(std::move(call));
        }
    }
    const auto legacy = message.find("function_call"); // the pre-tools OpenAI shape
    if (calls.empty() && legacy != message.end() && legacy->is_object()) {
        ToolCall call;
        call.name = stringOf(legacy->value("name", Json()));
        call.arguments = readArguments(*legacy);
        calls.push_back(std::move(call));
    }
    // The id ties our tool answer to the call; servers that leave it out still need one.
    for (std::size_t i = 0; i < calls.size(); ++i)
        if (calls[i].id.empty())
            calls[i].id = "call_" + std::to_string(i + 1);
    return true;
}

} // namespace

std::string redactSecret(std::string text, const std::string &secret)
{
    if (secret.size() < kMinRedactedSecretBytes)
        return text;
    static const std::string kMark = "[redacted]";
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kMark.size()))
        text.replace(at, secret.size(), kMark);
    return text;
}

std::string chatCompletionsUrl(const std::string &baseUrl)
{
    std::string url = baseUrl;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    static const std::string kPath = "/chat/completions";
    if (url.size() >= kPath.size() && url.compare(url.size() - kPath.size(), kPath.size(), kPath) == 0)
        return url;
    return url + kPath;
}

Json chatRequestBody(const ChatSettings &settings, const ChatRequest &request)
{
    Json messages = Json::array();
    for (const auto &message : request.messages)
        messages.push_back(messageJson(message));
    Json body{{"model", settings.model},
              {"messages", std::move(messages)},
              {"temperature", settings.temperature},
              {"stream", false}};
    if (settings.maxTokens > 0)
        body["max_tokens"] = settings.maxTokens;
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (const auto &tool : request.tools)
            tools.push_back({{"type", "function"},
                             {"function",
                              {{"name", tool.name},
                               {"description", tool.description},
                               {"parameters",
                                tool.parameters.is_object() ? tool.parameters : Json{{"type", "object"}}}}}});
        body["tools"] = std::move(tools);
        body["tool_choice"] = "auto";
    }
    return body;
}

Result<ChatReply> parseChatResponse(const http::Response &response, const ChatSettings &settings)
{
    if (response.status < 200 || response.status > 299)
        return statusError(response, settings);
    const Json body = Json::parse(response.body, nullptr, false);
    if (body.is_discarded())
        return malformed("is not JSON (" + std::to_string(response.body.size()) + " bytes)", settings);
    if (!body.is_object())
        return malformed("is not a JSON object", settings);
    ServiceWords words;
    if (body.contains("error") && readServiceError(body, words))
        return chatError(ErrorKind::Service, "the chat model service answered with an error", response.status,
                         &words, settings);
    const auto choices = body.find("choices");
    if (choices == body.end() || !choices->is_array() || choices->empty())
        return malformed("has no choices", settings);
    const Json &choice = choices->front();
    if (!choice.is_object())
        return malformed("has a choice that is not an object", settings);
    const auto message = choice.find("message");
    if (message == choice.end() || !message->is_object())
        return malformed("has a choice without a message", settings);

    ChatReply reply;
    reply.message.role = ChatRole::Assistant;
    reply.message.content = readContent(message->value("content", Json()));
    if (!readToolCalls(*message, reply.message.toolCalls))
        return malformed("has tool_calls that are not a list of function calls", settings);
    reply.finishReason = stringOf(choice.value("finish_reason", Json()));
    reply.model = stringOf(body.value("model", Json()));
    reply.usage = body.value("usage", Json());
    return reply;
}

ChatClient::ChatClient(http::HttpClient &http, ChatSettings settings)
    : m_http(http), m_settings(std::move(settings))
{
}

void ChatClient::complete(const ChatRequest &request, CancelToken cancel,
                          std::function<void(Result<ChatReply>)> done, int timeoutMs) const
{
    http::Request post;
    post.method = "POST";
    post.url = chatCompletionsUrl(m_settings.baseUrl);
    post.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_settings.apiKey.empty())
        post.headers.emplace_back("Authorization", "Bearer " + m_settings.apiKey);
    post.body = chatRequestBody(m_settings, request).dump(-1, ' ', false, Json::error_handler_t::replace);
    post.timeoutMs = timeoutMs > 0 ? timeoutMs : m_settings.timeoutMs;
    post.maxRetries = m_settings.maxRetries;
    post.maxResponseBytes = m_settings.maxReplyBytes;

    m_http.send(std::move(post), std::move(cancel),
                [settings = m_settings, done = std::move(done)](Result<http::Response> response) {
                    if (!response) {
                        Error error = response.error();
                        error.message = redactSecret(
                            "chat model \"" + settings.model + "\": " + error.message, settings.apiKey);
                        error.serviceMessage = redactSecret(error.serviceMessage, settings.apiKey);
                        done(std::move(error));
                        return;
                    }
                    done(parseChatResponse(response.value(), settings));
                });
}

} // namespace lakeshore::assistant
