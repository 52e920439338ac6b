#include "demo/odatapaging.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace lakeshore::demo::odata {
namespace {

std::uint64_t fingerprint(const std::string &set, const QueryList &options)
{
    QueryList sorted;
    for (const auto &option : options)
        if (option.first != "$skiptoken")
            sorted.push_back(option);
    std::sort(sorted.begin(), sorted.end());
    std::uint64_t hash = 1469598103934665603ULL; // FNV-1a
    auto mix = [&hash](std::string_view text) {
        for (unsigned char c : text) {
            hash ^= c;
            hash *= 1099511628211ULL;
        }
        hash ^= 0xFF; // separator
        hash *= 1099511628211ULL;
    };
    mix(set);
    for (const auto &[name, value] : sorted) {
        mix(name);
        mix(value);
    }
    return hash;
}

std::string hex(std::uint64_t value)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

} // namespace

std::string makeSkipToken(std::int64_t offset, const std::string &set, const QueryList &options)
{
    return std::to_string(offset) + "-" + hex(fingerprint(set, options));
}

Result<std::int64_t> readSkipToken(const std::string &token, const std::string &set, const QueryList &options)
{
    auto invalid = [&] {
        return makeError(ErrorKind::Invalid,
                         "invalid $skiptoken '" + token + "': follow @odata.nextLink unchanged", 400,
                         "BadRequest");
    };
    const std::size_t dash = token.find('-');
    if (dash == std::string::npos || token.substr(dash + 1) != hex(fingerprint(set, options)))
        return invalid();
    std::int64_t offset = -1;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + dash, offset);
    if (ec != std::errc() || ptr != token.data() + dash || offset <= 0)
        return invalid();
    return offset;
}

std::optional<int> preferredPageSize(const std::string &prefer)
{
    std::string_view rest = prefer;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        constexpr std::string_view name = "odata.maxpagesize=";
        if (item.size() <= name.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size(); ++i)
            same = same && std::tolower(static_cast<unsigned char>(item[i])) == name[i];
        if (!same)
            continue;
        std::string_view digits = item.substr(name.size());
        while (!digits.empty() && digits.back() == ' ')
            digits.remove_suffix(1);
        int size = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
        if (ec == std::errc() && ptr == digits.data() + digits.size() && size > 0)
            return size;
        return std::nullopt;
    }
    return std::nullopt;
}

std::string queryWithSkipToken(const QueryList &options, const std::string &token)
{
    QueryList next;
    for (const auto &option : options)
        if (option.first != "$skiptoken")
            next.push_back(option);
    next.emplace_back("$skiptoken", token);
    return buildQueryString(next);
}

} // namespace lakeshore::demo::odata
