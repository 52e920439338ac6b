#include "mcp/jsonrpc.h"

namespace lakeshore::mcp::jsonrpc {
namespace {

using Json = nlohmann::json;

Error malformed(std::string what)
{
    return makeError(ErrorKind::Malformed, "JSON-RPC: " + std::move(what));
}

Result<Id> readId(const Json &value)
{
    if (value.is_string())
        return Id(value.get<std::string>());
    // nlohmann keeps non-negative integers as unsigned: those past int64 cannot be echoed back faithfully.
    if (value.is_number_unsigned()) {
        if (value.get<unsigned long long>() > 9223372036854775807ULL)
            return malformed("an id is too large");
        return Id(static_cast<long long>(value.get<unsigned long long>()));
    }
    if (value.is_number_integer())
        return Id(value.get<long long>());
    return malformed("an id must be a string or an integer");
}

Result<Json> readParams(const Json &object)
{
    auto it = object.find("params");
    if (it == object.end())
        return Json();
    // JSON-RPC allows arrays; MCP always sends an object.
    if (!it->is_object())
        return malformed("\"params\" must be an object");
    return *it;
}

Result<Message> readOne(const Json &object)
{
    if (!object.is_object())
        return malformed("a message must be a JSON object");
    auto version = object.find("jsonrpc");
    if (version == object.end() || !version->is_string() || *version != "2.0")
        return malformed("\"jsonrpc\" must be \"2.0\"");

    if (auto method = object.find("method"); method != object.end()) {
        if (!method->is_string() || method->get_ref<const std::string &>().empty())
            return malformed("\"method\" must be a non-empty string");
        if (object.contains("result") || object.contains("error"))
            return malformed("a request cannot carry \"result\" or \"error\"");
        auto params = readParams(object);
        if (!params)
            return params.error();
        auto idField = object.find("id");
        if (idField == object.end())
            return Message(Notification{method->get<std::string>(), std::move(params.value())});
        auto id = readId(*idField);
        if (!id)
            return id.error();
        return Message(Request{std::move(id.value()), method->get<std::string>(), std::move(params.value())});
    }

    const bool hasResult = object.contains("result");
    const bool hasError = object.contains("error");
    if (hasResult == hasError)
        return malformed("a response carries exactly one of \"result\" and \"error\"");
    Response response;
    if (auto idField = object.find("id"); idField != object.end() && !idField->is_null()) {
        auto id = readId(*idField);
        if (!id)
            return id.error();
        response.id = std::move(id.value());
    } else if (hasResult) {
        return malformed("a result needs the id of its request");
    }
    if (hasResult) {
        if (!object["result"].is_object())
            return malformed("\"result\" must be an object");
        response.result = object["result"];
        return Message(std::move(response));
    }
    const Json &error = object["error"];
    if (!error.is_object() || !error.contains("code") || !error["code"].is_number_integer() ||
        !error.contains("message") || !error["message"].is_string())
        return malformed("\"error\" must be an object with an integer \"code\" and a string \"message\"");
    const Json &codeValue = error["code"];
    const bool tooBig = codeValue.is_number_unsigned() && codeValue.get<unsigned long long>() > 2147483647ULL;
    const long long errorCode = tooBig ? 0 : codeValue.get<long long>();
    if (tooBig || errorCode < -2147483648LL || errorCode > 2147483647LL)
        return malformed("an error code out of range");
    ErrorObject details;
    details.code = static_cast<int>(errorCode);
    details.message = error["message"].get<std::string>();
    if (error.contains("data"))
        details.data = error["data"];
    response.error = std::move(details);
    return Message(std::move(response));
}

Json idJson(const Id &id)
{
    return std::visit([](const auto &value) { return Json(value); }, id);
}

} // namespace

std::string idText(const Id &id)
{
    if (const auto *number = std::get_if<long long>(&id))
        return std::to_string(*number);
    return "\"" + std::get<std::string>(id) + "\"";
}

Result<std::vector<Message>> parse(std::string_view text)
{
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error &error) {
        return malformed("not valid JSON (byte " + std::to_string(error.byte) + ")");
    }
    std::vector<Message> messages;
    if (json.is_array()) {
        if (json.empty())
            return malformed("an empty batch");
        for (const auto &element : json) {
            auto message = readOne(element);
            if (!message)
                return message.error();
            messages.push_back(std::move(message.value()));
        }
        return messages;
    }
    auto message = readOne(json);
    if (!message)
        return message.error();
    messages.push_back(std::move(message.value()));
    return messages;
}

std::string serialize(const Message &message)
{
    Json json = {{"jsonrpc", "2.0"}};
    if (const auto *request = std::get_if<Request>(&message)) {
        json["id"] = idJson(request->id);
        json["method"] = request->method;
        if (!request->params.is_null())
            json["params"] = request->params;
    } else if (const auto *notification = std::get_if<Notification>(&message)) {
        json["method"] = notification->method;
        if (!notification->params.is_null())
            json["params"] = notification->params;
    } else {
        const auto &response = std::get<Response>(message);
        json["id"] = response.id ? idJson(*response.id) : Json();
        if (response.error) {
            json["error"] = {{"code", response.error->code}, {"message", response.error->message}};
            if (!response.error->data.is_null())
                json["error"]["data"] = response.error->data;
        } else {
            json["result"] = response.result.is_null() ? Json::object() : response.result;
        }
    }
    // dump() escapes control characters, so the line never contains a raw newline.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace lakeshore::mcp::jsonrpc

namespace lakeshore::mcp::jsonrpc {

std::optional<long long> leadingResponseId(std::string_view text)
{
    std::size_t at = 0;
    const auto skipSpace = [&] {
        while (at < text.size() &&
               (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            ++at;
    };
    const auto take = [&](char c) {
        skipSpace();
        if (at >= text.size() || text[at] != c)
            return false;
        ++at;
        return true;
    };
    // A string without escapes (member names and "2.0" never need them here).
    const auto plainString = [&](std::string_view &out) {
        if (!take('"'))
            return false;
        const std::size_t close = text.find('"', at);
        if (close == std::string_view::npos ||
            text.substr(at, close - at).find('\\') != std::string_view::npos)
            return false;
        out = text.substr(at, close - at);
        at = close + 1;
        return true;
    };
    if (!take('{'))
        return std::nullopt;
    std::optional<long long> id;
    for (int member = 0; member < 3; ++member) {
        if (member > 0 && !take(','))
            return std::nullopt;
        std::string_view key;
        if (!plainString(key) || !take(':'))
            return std::nullopt;
        if (key == "jsonrpc") {
            std::string_view version;
            if (!plainString(version) || version != "2.0")
                return std::nullopt;
        } else if (key == "id") {
            skipSpace();
            const std::size_t start = at;
            if (at < text.size() && text[at] == '-')
                ++at;
            const std::size_t digits = at;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - digits < 18)
                ++at;
            if (at == digits || (at < text.size() && (text[at] == '.' || text[at] == 'e' || text[at] == 'E' ||
                                                      (text[at] >= '0' && text[at] <= '9'))))
                return std::nullopt;
            id = std::stoll(std::string(text.substr(start, at - start)));
        } else if (key == "result") {
            return id;
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace lakeshore::mcp::jsonrpc
