#include "mcp/lakehouseconfig.h"

#include "mcp/jsontext.h"
#include "mcp/serverconfig.h"

#include <algorithm>
#include <cctype>

namespace lakeshore::mcp {

namespace {

constexpr std::pair<LakehouseRoute, const char *> kRoutes[] = {{LakehouseRoute::Semantic, "semantic"},
                                                               {LakehouseRoute::Llm, "llm"},
                                                               {LakehouseRoute::ServerNl, "server-nl"}};
constexpr std::pair<LakehouseDialect, const char *> kDialects[] = {
    {LakehouseDialect::Databricks, "databricks"},
    {LakehouseDialect::Snowflake, "snowflake"},
    {LakehouseDialect::Postgres, "postgres"},
    {LakehouseDialect::Sqlite, "sqlite"},
    {LakehouseDialect::Generic, "generic"}};

constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxToolNameChars = 128;

template <class Enum, std::size_t N>
bool parseName(const std::pair<Enum, const char *> (&table)[N], std::string_view text, Enum &out)
{
    for (const auto &[value, name] : table)
        if (text == name) {
            out = value;
            return true;
        }
    return false;
}

template <class Enum, std::size_t N>
const char *nameOf(const std::pair<Enum, const char *> (&table)[N], Enum value)
{
    for (const auto &[candidate, name] : table)
        if (candidate == value)
            return name;
    return table[N - 1].second;
}

bool hasControl(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string shown(std::string_view text)
{
    std::string out;
    for (char c : text.substr(0, 60))
        out.push_back(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f ? c : '?');
    return "'" + out + (text.size() > 60 ? "...'" : "'");
}

Error invalid(const LakehouseConnection &connection, const std::string &what)
{
    const std::string who =
        connection.name.empty() ? "lakehouse connection" : "lakehouse connection " + shown(connection.name);
    return makeError(ErrorKind::Invalid, who + ": " + what);
}

// Tool and argument names as MCP recommends them: 1..128 of [A-Za-z0-9_.-/].
bool isToolName(std::string_view name)
{
    return !name.empty() && name.size() <= kMaxToolNameChars &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
                      c == '/';
           });
}

} // namespace

const char *routeName(LakehouseRoute route)
{
    return nameOf(kRoutes, route);
}
bool parseRoute(std::string_view text, LakehouseRoute &route)
{
    return parseName(kRoutes, text, route);
}
const char *dialectName(LakehouseDialect dialect)
{
    return nameOf(kDialects, dialect);
}
bool parseDialect(std::string_view text, LakehouseDialect &dialect)
{
    return parseName(kDialects, text, dialect);
}

Result<nlohmann::json> parseMeta(std::string_view text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return nlohmann::json::object();
    if (text.size() > kMaxMetaBytes)
        return makeError(ErrorKind::Invalid, "_meta is " + std::to_string(text.size()) + " bytes; at most " +
                                                 std::to_string(kMaxMetaBytes) + " are accepted");
    auto parsed = parseJsonText(text, "_meta", false);
    if (!parsed)
        return parsed.error();
    if (!parsed.value().is_object())
        return makeError(ErrorKind::Invalid, std::string("_meta is ") + jsonTypeName(parsed.value()) +
                                                 ", not a JSON object such as {\"warehouse_id\": \"...\"}");
    return std::move(parsed).value();
}

Status validateLakehouseConnection(const LakehouseConnection &connection)
{
    const std::string &name = connection.name;
    if (name.find_first_not_of(" \t") == std::string::npos)
        return invalid(connection, "name is empty");
    if (std::count_if(name.begin(), name.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }) >
        static_cast<long>(kMaxNameChars))
        return invalid(connection, "name is longer than " + std::to_string(kMaxNameChars) + " characters");
    if (hasControl(name))
        return invalid(connection, "name contains a control character");
    if (connection.serverId.empty())
        return invalid(connection, "no MCP server is chosen");
    if (!connection.sqlTool.empty() && !isToolName(connection.sqlTool))
        return invalid(connection, "SQL tool " + shown(connection.sqlTool) +
                                       " is not a tool name (letters, digits, _ - . / up to 128)");
    if (!connection.sqlArgument.empty() && !isToolName(connection.sqlArgument))
        return invalid(connection,
                       "SQL argument " + shown(connection.sqlArgument) + " is not an argument name");
    if (auto meta = parseMeta(connection.meta); !meta)
        return invalid(connection, meta.error().message);
    if (connection.maxRows < 1 || connection.maxRows > kMaxLakehouseRows)
        return invalid(connection, "max rows " + std::to_string(connection.maxRows) + " is outside 1.." +
                                       std::to_string(kMaxLakehouseRows));
    if (connection.route == LakehouseRoute::Llm) {
        if (const std::string problem = httpUrlProblem(connection.llm.baseUrl, "LLM base URL");
            !problem.empty())
            return invalid(connection, problem);
        if (connection.llm.model.find_first_not_of(" \t") == std::string::npos)
            return invalid(connection, "LLM model is empty");
        if (hasControl(connection.llm.model))
            return invalid(connection, "LLM model contains a control character");
        if (hasControl(connection.llm.apiKey) || connection.llm.apiKey.find(' ') != std::string::npos)
            return invalid(connection, "LLM API key contains spaces or control characters");
    }
    return okStatus();
}

} // namespace lakeshore::mcp
