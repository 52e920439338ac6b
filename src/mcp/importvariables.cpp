#include "mcp/importvariables.h"

#include <cctype>
#include <cstdlib>

namespace lakeshore::mcp {

namespace {

bool isVariableName(std::string_view name)
{
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())))
        return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            return false;
    return true;
}

} // namespace

ExpandedText expandVariables(std::string_view text,
                             const std::function<std::optional<std::string>(const std::string &name)> &lookup)
{
    auto find = [&lookup](const std::string &name) -> std::optional<std::string> {
        if (lookup)
            return lookup(name);
        if (const char *value = std::getenv(name.c_str()))
            return std::string(value);
        return std::nullopt;
    };
    ExpandedText out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find("${", i);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
        if (close == std::string_view::npos) {
            out.text.append(text.substr(i));
            break;
        }
        out.text.append(text.substr(i, open - i));
        const std::string_view inner = text.substr(open + 2, close - open - 2);
        std::string_view name = inner.starts_with("env:") ? inner.substr(4) : inner;
        std::optional<std::string_view> fallback;
        if (const std::size_t dash = name.find(":-"); dash != std::string_view::npos) {
            fallback = name.substr(dash + 2);
            name = name.substr(0, dash);
        }
        std::optional<std::string> value;
        if (isVariableName(name)) {
            value = find(std::string(name));
            if (fallback && (!value || value->empty()))
                value = std::string(*fallback);
        }
        if (value)
            out.text.append(*value);
        else {
            out.text.append(text.substr(open, close - open + 1));
            out.unknown.emplace_back(inner);
        }
        i = close + 1;
    }
    return out;
}

} // namespace lakeshore::mcp
