#include "mcp/serverimport.h"

#include "mcp/importvariables.h"
#include "mcp/jsontext.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lakeshore::mcp {

namespace {

using Json = nlohmann::json;
using Severity = ImportIssue::Severity;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string typeName(const Json &value)
{
    return jsonTypeName(value);
}

// The keys of the server map as written: their order (the parsed map is sorted) and how often each occurs
// (parsing keeps only the last of equal keys).
class KeyCounter : public nlohmann::json_sax<Json>
{
public:
    explicit KeyCounter(std::vector<std::string> path) : m_path(std::move(path)) {}
    std::map<std::string, int> counts;
    std::vector<std::string> order; // first occurrences

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t &) override { return true; }
    bool string(string_t &) override { return true; }
    bool binary(binary_t &) override { return true; }
    bool start_object(std::size_t) override
    {
        m_frames.push_back({true, {}});
        return true;
    }
    bool end_object() override
    {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override
    {
        m_frames.push_back({false, {}});
        return true;
    }
    bool end_array() override
    {
        m_frames.pop_back();
        return true;
    }
    bool key(string_t &key) override
    {
        m_frames.back().key = key;
        if (m_frames.size() != m_path.size() + 1)
            return true;
        for (std::size_t i = 0; i < m_path.size(); ++i)
            if (!m_frames[i].object || m_frames[i].key != m_path[i])
                return true;
        if (++counts[key] == 1)
            order.push_back(key);
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    struct Frame
    {
        bool object;
        std::string key;
    };
    std::vector<std::string> m_path;
    std::vector<Frame> m_frames;
};

bool looksLikeServer(const Json &value)
{
    return value.is_object() && (value.contains("command") || value.contains("url"));
}

// Where the servers are: {"mcpServers": ...}, {"servers": ...}, {"mcp": {"servers": ...}}, or the map itself.
Result<std::pair<const Json *, std::vector<std::string>>> findServerMap(const Json &root)
{
    if (!root.is_object())
        return makeError(ErrorKind::Invalid, "the file holds " + typeName(root) +
                                                 ", not a JSON object with an \"mcpServers\" map");
    for (const char *key : {"mcpServers", "servers"}) {
        if (!root.contains(key))
            continue;
        const Json &map = root.at(key);
        if (!map.is_object())
            return makeError(ErrorKind::Invalid, std::string("\"") + key + "\" is " + typeName(map) +
                                                     ", not an object of servers by name");
        return std::make_pair(&map, std::vector<std::string>{key});
    }
    if (root.contains("mcp") && root.at("mcp").is_object() && root.at("mcp").contains("servers")) {
        const Json &map = root.at("mcp").at("servers");
        if (!map.is_object())
            return makeError(ErrorKind::Invalid,
                             "\"mcp.servers\" is " + typeName(map) + ", not an object of servers by name");
        return std::make_pair(&map, std::vector<std::string>{"mcp", "servers"});
    }
    if (!root.empty() && std::all_of(root.begin(), root.end(), looksLikeServer))
        return std::make_pair(&root, std::vector<std::string>{});
    return makeError(ErrorKind::Invalid,
                     "the file has no \"mcpServers\" (Claude Desktop, Cursor) or \"servers\" (VS Code) map; "
                     "expected {\"mcpServers\": {\"<name>\": {\"command\": ...} or {\"url\": ...}}}");
}

class EntryReader
{
public:
    EntryReader(const std::string &name, const ImportOptions &options, std::vector<ImportIssue> &issues)
        : m_name(name), m_options(options), m_issues(issues)
    {
    }

    // nullopt when refused (the refusal is already in issues).
    std::optional<McpServerConfig> read(const Json &entry)
    {
        if (m_name.empty() || m_name.find_first_not_of(" \t") == std::string::npos)
            return refuse("an entry has an empty name; give it a name in the file");
        if (!entry.is_object())
            return refuse("the entry is " + typeName(entry) + ", not an object");
        McpServerConfig config;
        config.name = m_name;
        auto transport = readTransport(entry);
        if (!transport)
            return std::nullopt;
        config.transport = *transport;
        if (entry.contains("disabled") && entry.at("disabled") == true) {
            config.enabled = false;
            warn("it is disabled in the file and is imported disabled");
        }
        const bool ok =
            config.transport == ServerTransport::Stdio ? readStdio(entry, config) : readHttp(entry, config);
        if (!ok)
            return std::nullopt;
        if (auto valid = validateServerConfig(config); !valid)
            return refuse(valid.error().message);
        return config;
    }

private:
    std::nullopt_t refuse(std::string message)
    {
        m_issues.push_back({m_name, Severity::Refused, std::move(message)});
        return std::nullopt;
    }
    void warn(std::string message) { m_issues.push_back({m_name, Severity::Warning, std::move(message)}); }

    std::optional<ServerTransport> readTransport(const Json &entry)
    {
        const bool hasCommand = entry.contains("command");
        const bool hasUrl = entry.contains("url") || entry.contains("serverUrl");
        std::string type;
        if (entry.contains("type")) {
            if (!entry.at("type").is_string())
                return refuse("\"type\" is " + typeName(entry.at("type")) + ", not a string");
            type = lower(entry.at("type").get<std::string>());
        }
        if (type == "sse")
            return refuse("it uses the legacy HTTP+SSE transport (type \"sse\"), which Lakeshore does not "
                          "speak; use the server's Streamable HTTP endpoint (often ending in /mcp) with type "
                          "\"http\"");
        if (!type.empty() && type != "stdio" && type != "http" && type != "streamable-http" &&
            type != "streamablehttp")
            return refuse("type \"" + type + "\" is not a transport Lakeshore knows (stdio, http)");
        if (type == "stdio" && !hasCommand)
            return refuse("type \"stdio\" needs a \"command\" to start");
        if (!type.empty() && type != "stdio" && !hasUrl)
            return refuse("type \"" + type + "\" needs a \"url\"");
        if (type.empty() && hasCommand && hasUrl)
            return refuse("it has both \"command\" and \"url\"; keep one, or say which with \"type\"");
        if (!hasCommand && !hasUrl)
            return refuse("it has neither \"command\" (a program to start) nor \"url\" (a Streamable HTTP "
                          "endpoint)");
        if (type == "stdio" || (type.empty() && hasCommand))
            return ServerTransport::Stdio;
        return ServerTransport::Http;
    }

    bool readString(const Json &entry, const char *key, std::string &out)
    {
        if (!entry.contains(key))
            return true;
        const Json &value = entry.at(key);
        if (!value.is_string()) {
            refuse(std::string("\"") + key + "\" is " + typeName(value) + ", not a string");
            return false;
        }
        out = expand(value.get<std::string>(), key);
        return true;
    }

    // {"NAME": "value", ...}; field is "env" or "headers".
    bool readMap(const Json &entry, const char *field, std::map<std::string, std::string> &out)
    {
        if (!entry.contains(field) || entry.at(field).is_null())
            return true;
        const Json &map = entry.at(field);
        if (!map.is_object()) {
            refuse(std::string("\"") + field + "\" is " + typeName(map) +
                   ", not an object of names and values");
            return false;
        }
        for (const auto &[key, value] : map.items()) {
            if (!value.is_string()) {
                refuse(std::string("\"") + field + "\" value of \"" + key + "\" is " + typeName(value) +
                       ", not a string (write it in quotes)");
                return false;
            }
            out[key] = expand(value.get<std::string>(),
                              std::string(field == std::string_view("env") ? "env " : "header ") + key);
        }
        return true;
    }

    bool readStdio(const Json &entry, McpServerConfig &config)
    {
        if (!readString(entry, "command", config.command))
            return false;
        if (entry.contains("args") && !entry.at("args").is_null()) {
            const Json &args = entry.at("args");
            if (!args.is_array()) {
                refuse("\"args\" is " + typeName(args) + ", not an array of strings");
                return false;
            }
            for (std::size_t i = 0; i < args.size(); ++i) {
                if (!args[i].is_string()) {
                    refuse("\"args\" item " + std::to_string(i + 1) + " is " + typeName(args[i]) +
                           ", not a string (write it in quotes)");
                    return false;
                }
                config.args.push_back(expand(args[i].get<std::string>(), "args"));
            }
        }
        if (!readMap(entry, "env", config.env) || !readString(entry, "cwd", config.cwd))
            return false;
        if (entry.contains("envFile"))
            warn("\"envFile\" is not supported and its variables were not loaded; add them under \"env\"");
        return true;
    }

    bool readHttp(const Json &entry, McpServerConfig &config)
    {
        if (!readString(entry, entry.contains("url") ? "url" : "serverUrl", config.url) ||
            !readMap(entry, "headers", config.headers))
            return false;
        const std::string low = lower(config.url);
        if (low.starts_with("http://") && !isLoopbackUrl(low))
            warn("its url uses plain http to another computer: headers and tokens travel unencrypted");
        return true;
    }

    static bool isLoopbackUrl(const std::string &lowUrl)
    {
        for (const char *host : {"http://localhost", "http://127.", "http://[::1]"})
            if (lowUrl.starts_with(host))
                return true;
        return false;
    }

    std::string expand(const std::string &text, const std::string &field)
    {
        ExpandedText expanded = expandVariables(text, m_options.lookupEnv);
        for (const auto &name : expanded.unknown)
            if (m_warned.insert(name).second)
                warn("variable ${" + name + "} in " + field +
                     " is not set in the environment and was left as written");
        return std::move(expanded.text);
    }

    const std::string &m_name;
    const ImportOptions &m_options;
    std::vector<ImportIssue> &m_issues;
    std::set<std::string> m_warned;
};

// "name (2)", "name (3)", ... until no name in use matches without regard to case.
std::string freeName(const std::string &name, std::set<std::string> &taken)
{
    std::string candidate = name;
    for (int n = 2; taken.count(lower(candidate)); ++n)
        candidate = name + " (" + std::to_string(n) + ")";
    taken.insert(lower(candidate));
    return candidate;
}

} // namespace

Result<ImportedServers> importMcpServers(std::string_view text, const ImportOptions &options)
{
    if (text.size() > kMaxImportBytes)
        return makeError(ErrorKind::Invalid, "the file is " + std::to_string(text.size()) +
                                                 " bytes; an MCP configuration over 1 MB is not accepted");
    auto parsed = parseJsonText(text, "the file", true);
    if (!parsed)
        return parsed.error();
    const Json &root = parsed.value();
    auto found = findServerMap(root);
    if (!found)
        return found.error();
    const auto &[map, path] = found.value();

    KeyCounter counter(path);
    try {
        Json::sax_parse(text, &counter, nlohmann::detail::input_format_t::json, true, true);
    } catch (const std::exception &) {
        // Parsed once already, so nothing new can fail here; the check below covers it anyway.
    }
    if (counter.order.size() != map->size()) {
        counter.order.clear();
        for (const auto &item : map->items())
            counter.order.push_back(item.key());
    }

    ImportedServers result;
    result.format = path.empty() ? "top-level" : path.size() == 2 ? "mcp.servers" : path.front();
    std::set<std::string> taken;
    for (const auto &name : options.existingNames)
        taken.insert(lower(name));
    for (const std::string &name : counter.order) {
        if (!map->contains(name))
            continue; // cannot happen: both parses read the same text
        const Json &entry = map->at(name);
        if (const int times = counter.counts[name]; times > 1)
            result.issues.push_back({name, Severity::Warning,
                                     "the name appears " + std::to_string(times) +
                                         " times in the file; only the last entry was read"});
        auto config = EntryReader(name, options, result.issues).read(entry);
        if (!config)
            continue;
        config->name = freeName(name, taken);
        if (config->name != name) {
            if (auto valid = validateServerConfig(*config); !valid) {
                result.issues.push_back(
                    {name, Severity::Refused,
                     "a server with this name exists already and the renamed copy is not valid: " +
                         valid.error().message});
                continue;
            }
            result.issues.push_back(
                {name, Severity::Warning,
                 "a server with this name exists already; it is imported as \"" + config->name + "\""});
        }
        result.servers.push_back(std::move(*config));
        result.entryNames.push_back(name);
    }
    if (map->empty())
        result.issues.push_back({{}, Severity::Warning, "the file lists no servers"});
    return result;
}

} // namespace lakeshore::mcp
