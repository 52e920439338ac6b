#include "demo/odataquery.h"

#include <charconv>
#include <set>

namespace lakeshore::demo::odata {
namespace {

Error badRequest(const std::string &message)
{
    return makeError(ErrorKind::Invalid, message, 400, "BadRequest");
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

Result<std::int64_t> nonNegative(const std::string &name, std::string_view text)
{
    text = trimmed(text);
    std::int64_t value = -1;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0)
        return badRequest(name + " must be a non-negative integer, not '" + std::string(text) + "'");
    return value;
}

Status parseSelect(std::string_view text, const EntitySetDef &set, QueryOptions &out)
{
    auto items = splitTopLevel(text, ',', "$select");
    if (!items.ok())
        return items.error();
    for (const auto &raw : items.value()) {
        const std::string_view item = trimmed(raw);
        if (item == "*") {
            out.select.clear();
            return okStatus();
        }
        if (item.empty())
            return badRequest("$select has an empty item");
        if (set.navigation(item))
            return badRequest("$select: '" + std::string(item) + "' is a navigation property, use $expand");
        if (!set.property(item))
            return badRequest("$select: unknown property '" + std::string(item) + "' in " + set.name);
        out.select.emplace_back(item);
    }
    return okStatus();
}

Status parseOrderBy(std::string_view text, const EntitySetDef &set, QueryOptions &out)
{
    auto items = splitTopLevel(text, ',', "$orderby");
    if (!items.ok())
        return items.error();
    for (const auto &raw : items.value()) {
        std::string_view item = trimmed(raw);
        const std::size_t space = item.find_first_of(" \t");
        const std::string_view name = item.substr(0, space);
        const std::string_view direction = space == std::string_view::npos ? "" : trimmed(item.substr(space));
        if (name.empty())
            return badRequest("$orderby has an empty item");
        const PropertyDef *property = set.property(name);
        if (!property)
            return badRequest("$orderby: unknown property '" + std::string(name) + "' in " + set.name);
        if (direction != "" && direction != "asc" && direction != "desc")
            return badRequest("$orderby: expected 'asc' or 'desc' after " + std::string(name) + ", not '" +
                              std::string(direction) + "'");
        out.orderby.push_back(OrderItem{property->name, valueTypeOf(property->type), direction == "desc"});
    }
    return okStatus();
}

Result<QueryOptions> parseOptions(const QueryList &options, const EntitySetDef &set, const SetLookup &sets,
                                  int depth);

Status parseExpand(std::string_view text, const EntitySetDef &set, const SetLookup &sets, int depth,
                   QueryOptions &out)
{
    if (depth >= kMaxExpandDepth)
        return badRequest("$expand nested too deeply (limit " + std::to_string(kMaxExpandDepth) + " levels)");
    auto items = splitTopLevel(text, ',', "$expand");
    if (!items.ok())
        return items.error();
    for (const auto &raw : items.value()) {
        const std::string_view item = trimmed(raw);
        const std::size_t open = item.find('(');
        const std::string_view name = trimmed(item.substr(0, open));
        QueryList nested;
        if (open != std::string_view::npos) {
            if (item.back() != ')')
                return badRequest("$expand: expected ')' at the end of '" + std::string(item) + "'");
            auto parts = splitTopLevel(item.substr(open + 1, item.size() - open - 2), ';', "$expand");
            if (!parts.ok())
                return parts.error();
            for (const auto &part : parts.value()) {
                const std::string_view option = trimmed(part);
                if (option.empty())
                    continue;
                const std::size_t eq = option.find('=');
                if (eq == std::string_view::npos || option.front() != '$')
                    return badRequest("$expand: expected $option=value inside " + std::string(name) +
                                      "(...), not '" + std::string(option) + "'");
                nested.emplace_back(std::string(trimmed(option.substr(0, eq))),
                                    std::string(option.substr(eq + 1)));
            }
        }
        std::vector<const NavigationDef *> navigations;
        if (name == "*" && open == std::string_view::npos) {
            for (const auto &navigation : set.navigations)
                navigations.push_back(&navigation);
        } else if (const NavigationDef *navigation = set.navigation(name)) {
            navigations.push_back(navigation);
        } else {
            return badRequest("$expand: unknown navigation property '" + std::string(name) + "' in " +
                              set.name);
        }
        for (const NavigationDef *navigation : navigations) {
            const EntitySetDef *target = sets(navigation->targetSet);
            if (!target)
                return makeError(ErrorKind::Invalid,
                                 "navigation " + navigation->name + " targets unknown set " +
                                     navigation->targetSet,
                                 500, "InternalServerError");
            auto options = parseOptions(nested, *target, sets, depth + 1);
            if (!options.ok())
                return options.error();
            out.expand.push_back(ExpandOption{navigation, target, std::move(options).value()});
        }
    }
    return okStatus();
}

Result<QueryOptions> parseOptions(const QueryList &options, const EntitySetDef &set, const SetLookup &sets,
                                  int depth)
{
    QueryOptions out;
    std::set<std::string, std::less<>> seen;
    const bool nested = depth > 0;
    for (const auto &[name, value] : options) {
        if (name.empty() || name.front() != '$') {
            if (nested)
                return badRequest("$expand: unexpected option '" + name + "'");
            continue;
        }
        if (!seen.insert(name).second)
            return badRequest("query option " + name + " given more than once");
        Status status = okStatus();
        if (name == "$filter") {
            auto filter = Filter::parse(value, set);
            if (!filter.ok())
                return filter.error();
            out.filter = std::make_shared<const Filter>(std::move(filter).value());
        } else if (name == "$select") {
            status = parseSelect(value, set, out);
        } else if (name == "$orderby") {
            status = parseOrderBy(value, set, out);
        } else if (name == "$top" || name == "$skip") {
            auto number = nonNegative(name, value);
            if (!number.ok())
                return number.error();
            if (name == "$top")
                out.top = number.value();
            else
                out.skip = number.value();
        } else if (name == "$count") {
            if (value != "true" && value != "false")
                return badRequest("$count must be true or false, not '" + value + "'");
            out.count = value == "true";
        } else if (name == "$expand") {
            status = parseExpand(value, set, sets, depth, out);
        } else if (!nested && (name == "$skiptoken" || name == "$format")) {
            if (name == "$format" && value != "json" && value.rfind("application/json", 0) != 0)
                return badRequest("$format: only json is supported");
        } else {
            return badRequest("unsupported query option " + name);
        }
        if (!status.ok())
            return status.error();
    }
    return out;
}

} // namespace

Result<std::vector<std::string>> splitTopLevel(std::string_view text, char sep, std::string_view what)
{
    std::vector<std::string> parts;
    int depth = 0;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'') {
            quoted = !quoted; // '' inside a string toggles twice
        } else if (quoted) {
            continue;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth < 0)
                return badRequest(std::string(what) + ": unbalanced ')'");
        } else if (c == sep && depth == 0) {
            parts.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (quoted)
        return badRequest(std::string(what) + ": unterminated string literal");
    if (depth != 0)
        return badRequest(std::string(what) + ": missing ')'");
    parts.emplace_back(text.substr(start));
    return parts;
}

Result<QueryOptions> parseQueryOptions(const QueryList &options, const EntitySetDef &set,
                                       const SetLookup &sets)
{
    return parseOptions(options, set, sets, 0);
}

} // namespace lakeshore::demo::odata
