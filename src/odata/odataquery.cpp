#include "odata/odataquery.h"

#include "http/url.h"

namespace lakeshore::odata {
namespace {

std::string joined(const std::vector<std::string> &parts)
{
    std::string out;
    for (const auto &part : parts) {
        if (!out.empty())
            out += ',';
        out += part;
    }
    return out;
}

} // namespace

std::string stringLiteral(std::string_view value)
{
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    out += '\'';
    return out;
}

std::string Query::toRelativeUrl() const
{
    std::string url = http::percentEncode(entitySet);
    if (!key.empty())
        url += "(" + http::percentEncode(key) + ")";
    std::vector<std::pair<std::string, std::string>> options;
    if (!select.empty())
        options.emplace_back("$select", joined(select));
    if (!filter.empty())
        options.emplace_back("$filter", filter);
    if (!orderBy.empty())
        options.emplace_back("$orderby", joined(orderBy));
    if (top)
        options.emplace_back("$top", std::to_string(*top));
    if (skip)
        options.emplace_back("$skip", std::to_string(*skip));
    if (count)
        options.emplace_back("$count", "true");
    if (!expand.empty())
        options.emplace_back("$expand", joined(expand));
    char separator = '?';
    for (const auto &[name, value] : options) {
        url += separator;
        url += name + "=" + http::percentEncode(value);
        separator = '&';
    }
    return url;
}

} // namespace lakeshore::odata
