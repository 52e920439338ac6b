#include "mcp/jsontext.h"

#include <algorithm>
#include <string>

namespace lakeshore::mcp {

namespace {

using Json = nlohmann::json;

struct TooDeep
{
};

// nlohmann's reason without the "last read" excerpt, with our own line and column of the byte at fault
// (nlohmann counts a newline it stopped on as column 0 of the next line).
Error syntaxError(std::string_view text, std::string_view what, std::size_t byte, std::string reason)
{
    const std::size_t at = std::min<std::size_t>(byte > 0 ? byte - 1 : 0, text.size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    const std::size_t lineStart = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    const std::size_t column = lineStart == std::string_view::npos ? at + 1 : at - lineStart;
    if (const std::size_t dash = reason.find(" - "); dash != std::string::npos)
        reason.erase(0, dash + 3);
    if (const std::size_t lastRead = reason.find("; last read:"); lastRead != std::string::npos) {
        const std::size_t expected = reason.find("; expected", lastRead);
        reason.erase(lastRead, expected == std::string::npos ? std::string::npos : expected - lastRead);
    }
    return makeError(ErrorKind::Invalid, std::string(what) + " is not valid JSON at line " +
                                             std::to_string(line) + ", column " + std::to_string(column) +
                                             ": " + reason);
}

} // namespace

Result<nlohmann::json> parseJsonText(std::string_view text, std::string_view what, bool allowComments)
{
    const auto depthGuard = [](int depth, Json::parse_event_t event, Json &) {
        if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) &&
            depth >= kMaxJsonDepth)
            throw TooDeep{};
        return true;
    };
    try {
        return Json::parse(text, depthGuard, true, allowComments);
    } catch (const TooDeep &) {
        return makeError(ErrorKind::Invalid, std::string(what) + " nests values more than " +
                                                 std::to_string(kMaxJsonDepth) + " levels deep");
    } catch (const Json::parse_error &error) {
        return syntaxError(text, what, error.byte, error.what());
    } catch (const std::exception &) {
        return makeError(ErrorKind::Invalid, std::string(what) + " could not be read as JSON");
    }
}

const char *jsonTypeName(const nlohmann::json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    default:
        return "a number";
    }
}

} // namespace lakeshore::mcp
