#include "demo/odatafault.h"

#include <cctype>
#include <charconv>
#include <optional>
#include <set>

namespace lakeshore::demo {
namespace {

Error bad(std::string_view spec, const std::string &what)
{
    return makeError(ErrorKind::Invalid, "fault '" + std::string(spec) + "': " + what);
}

std::optional<long long> integer(std::string_view text)
{
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

bool validTarget(std::string_view target)
{
    if (target == "*" || target == "$metadata")
        return true;
    if (target.empty() || !(std::isalpha(static_cast<unsigned char>(target[0])) || target[0] == '_'))
        return false;
    for (char c : target)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    return true;
}

std::optional<Fault::Body> bodyKind(std::string_view name)
{
    if (name == "normal")
        return Fault::Body::Normal;
    if (name == "malformed")
        return Fault::Body::Malformed;
    if (name == "odata-error" || name == "odataerror")
        return Fault::Body::ODataError;
    if (name == "nextlink-loop" || name == "nextlinkloop")
        return Fault::Body::NextLinkLoop;
    if (name == "huge")
        return Fault::Body::Huge;
    return std::nullopt;
}

} // namespace

Result<Fault> parseFault(std::string_view spec)
{
    Fault fault;
    std::string_view settings = spec;
    if (const std::size_t colon = spec.find(':'); colon != std::string_view::npos) {
        fault.entitySet = std::string(spec.substr(0, colon));
        settings = spec.substr(colon + 1);
    }
    if (!validTarget(fault.entitySet))
        return bad(spec, "'" + fault.entitySet + "' is not '*', '$metadata' or an entity set name");
    if (settings.empty())
        return bad(spec, "no settings after the target");

    std::set<std::string, std::less<>> seen;
    for (bool more = true; more;) {
        const std::size_t comma = settings.find(',');
        const std::string_view setting = settings.substr(0, comma);
        more = comma != std::string_view::npos;
        settings = more ? settings.substr(comma + 1) : std::string_view();
        const std::size_t eq = setting.find('=');
        if (eq == std::string_view::npos)
            return bad(spec, "expected name=value, not '" + std::string(setting) + "'");
        const std::string_view name = setting.substr(0, eq);
        const std::string_view value = setting.substr(eq + 1);
        if (!seen.insert(std::string(name)).second)
            return bad(spec, "'" + std::string(name) + "' given twice");
        const auto number = integer(value);
        if (name == "latency") {
            if (!number || *number < 0 || *number > 600000)
                return bad(spec, "latency must be 0..600000 milliseconds");
            fault.latencyMs = static_cast<int>(*number);
        } else if (name == "status") {
            if (!number || *number < 100 || *number > 599)
                return bad(spec, "status must be an HTTP status 100..599");
            fault.status = static_cast<int>(*number);
        } else if (name == "retry-after") {
            if (!number || *number < 0 || *number > 86400)
                return bad(spec, "retry-after must be 0..86400 seconds");
            fault.retryAfterSeconds = static_cast<int>(*number);
        } else if (name == "times") {
            if (!number || (*number < 1 && *number != -1) || *number > 1000000000)
                return bad(spec, "times must be a positive count, or -1 for always");
            fault.times = static_cast<int>(*number);
        } else if (name == "body") {
            auto kind = bodyKind(value);
            if (!kind)
                return bad(spec, "body must be normal, malformed, odata-error, nextlink-loop or huge");
            fault.body = *kind;
        } else if (name == "bytes") {
            std::string_view digits = value;
            std::size_t unit = 1;
            if (!digits.empty() && (digits.back() == 'k' || digits.back() == 'K'))
                unit = 1024;
            else if (!digits.empty() && (digits.back() == 'm' || digits.back() == 'M'))
                unit = 1024 * 1024;
            if (unit != 1)
                digits.remove_suffix(1);
            const auto count = integer(digits);
            if (!count || *count <= 0 || *count > (1LL << 31) / static_cast<long long>(unit))
                return bad(spec, "bytes must be a positive size up to 2 GiB (suffix k or m allowed)");
            fault.hugeBytes = static_cast<std::size_t>(*count) * unit;
        } else {
            return bad(spec, "unknown setting '" + std::string(name) +
                                 "' (latency, status, retry-after, times, body, bytes)");
        }
    }
    if (fault.status != 0 && fault.body != Fault::Body::Normal)
        return bad(spec, "status and body are alternatives, give one");
    if (fault.retryAfterSeconds >= 0 && fault.status != 429 && fault.status != 503)
        return bad(spec, "retry-after goes with status=429 or status=503");
    if (seen.count("bytes") && fault.body != Fault::Body::Huge)
        return bad(spec, "bytes goes with body=huge");
    if (fault.latencyMs == 0 && fault.status == 0 && fault.body == Fault::Body::Normal)
        return bad(spec, "it changes nothing: give latency, status or body");
    return fault;
}

Result<std::vector<Fault>> parseFaults(std::string_view specs)
{
    std::vector<Fault> faults;
    while (!specs.empty()) {
        const std::size_t semicolon = specs.find(';');
        const std::string_view spec = specs.substr(0, semicolon);
        specs = semicolon == std::string_view::npos ? std::string_view() : specs.substr(semicolon + 1);
        if (spec.empty())
            continue;
        auto fault = parseFault(spec);
        if (!fault.ok())
            return fault.error();
        faults.push_back(std::move(fault).value());
    }
    return faults;
}

} // namespace lakeshore::demo
