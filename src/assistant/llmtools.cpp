#include "assistant/llmtools.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace lakeshore::assistant {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxToolNameBytes = 64; // what the chat-completions API accepts
constexpr int kMaxJsonDepth = 64;             // deeper JSON is shortened as plain text

struct KnownSqlTool
{
    std::string_view name;
    std::string_view argument;
};

constexpr std::array<KnownSqlTool, 4> kKnownSqlTools{
    {{"execute_sql_read_only", "sql"}, {"read_query", "query"}, {"query", "sql"}, {"execute_sql", "sql"}}};

constexpr std::array<std::string_view, 4> kSqlArguments{"sql", "query", "statement", "sql_query"};

std::vector<std::string> nameWords(std::string_view name)
{
    std::vector<std::string> words;
    std::string word;
    char previous = 0;
    for (char c : name) {
        const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
        const bool camelBreak = std::isupper(static_cast<unsigned char>(c)) != 0 &&
                                std::islower(static_cast<unsigned char>(previous)) != 0;
        if ((!alnum || camelBreak) && !word.empty()) {
            words.push_back(word);
            word.clear();
        }
        if (alnum)
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        previous = c;
    }
    if (!word.empty())
        words.push_back(word);
    return words;
}

bool hasWordIn(std::string_view name, std::initializer_list<std::string_view> set)
{
    for (const auto &word : nameWords(name))
        if (std::find(set.begin(), set.end(), word) != set.end())
            return true;
    return false;
}

bool explorationNamed(std::string_view name)
{
    return hasWordIn(name, {"list", "describe", "search", "schema", "schemas", "show", "info", "tables",
                            "columns", "catalogs", "metadata"});
}

const Json *schemaProperty(const mcp::Tool &tool, std::string_view name)
{
    const auto properties = tool.inputSchema.find("properties");
    if (properties == tool.inputSchema.end() || !properties->is_object())
        return nullptr;
    const auto it = properties->find(std::string(name));
    return it == properties->end() ? nullptr : &*it;
}

// A tool that takes SQL text would let SQL past the guard: only the bound SQL tool may.
bool takesSql(const mcp::Tool &tool)
{
    for (auto argument : kSqlArguments)
        if (schemaProperty(tool, argument))
            return true;
    return std::any_of(kKnownSqlTools.begin(), kKnownSqlTools.end(),
                       [&](const KnownSqlTool &known) { return tool.name == known.name; });
}

std::string safeName(std::string_view name, std::set<std::string> &taken)
{
    std::string out;
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
    if (out.empty())
        out = "tool";
    out.resize(std::min(out.size(), kMaxToolNameBytes));
    std::string unique = out;
    for (int n = 2; taken.count(unique); ++n) {
        const std::string suffix = "_" + std::to_string(n);
        unique = out.substr(0, kMaxToolNameBytes - suffix.size()) + suffix;
    }
    taken.insert(unique);
    return unique;
}

Json stringParameter(const std::string &name, const std::string &description)
{
    return Json{{"type", "object"},
                {"properties", {{name, {{"type", "string"}, {"description", description}}}}},
                {"required", Json::array({name})}};
}

std::vector<OfferedTool> crmTools()
{
    std::vector<OfferedTool> tools;
    tools.push_back(
        {{std::string(kTerritoryAccountsTool),
          "Reads live from the CRM the accounts of a sales territory: their account numbers (the "
          "lakehouse's account_number) and names. The lakehouse has no territory column, so use "
          "this to restrict a query to a territory.",
          stringParameter("territory", "the territory's name as the CRM knows it, e.g. Cleveland")},
         OfferedKind::Crm,
         std::string(kTerritoryAccountsTool)});
    tools.push_back({{std::string(kOwnerAccountsTool),
                      "Reads live from the CRM the accounts an owner (sales rep) owns: account numbers and "
                      "names. The lakehouse has no owner column.",
                      stringParameter("owner", "the owner's full name, e-mail address or CRM id")},
                     OfferedKind::Crm,
                     std::string(kOwnerAccountsTool)});
    tools.push_back({{std::string(kCurrentAccountTool),
                      "The account the rep has open in Lakeshore right now: account number, name, territory "
                      "and owner, read live from the CRM.",
                      Json{{"type", "object"}, {"properties", Json::object()}}},
                     OfferedKind::Crm,
                     std::string(kCurrentAccountTool)});
    return tools;
}

// Some servers choke on a "$schema" they do not know; the model does not need it.
Json parametersFor(const mcp::Tool &tool)
{
    Json schema = tool.inputSchema.is_object() ? tool.inputSchema : Json{{"type", "object"}};
    schema.erase("$schema");
    if (!schema.contains("type"))
        schema["type"] = "object";
    return schema;
}

// Cuts every list longer than maxRows, noting how many items were left out. False when too deep.
bool cutLists(Json &value, std::size_t maxRows, int depth)
{
    if (depth > kMaxJsonDepth)
        return false;
    if (value.is_array()) {
        if (value.size() > maxRows) {
            const std::size_t left = value.size() - maxRows;
            value.erase(value.begin() + static_cast<std::ptrdiff_t>(maxRows), value.end());
            value.push_back("… " + std::to_string(left) + " more not shown");
        }
        for (auto &item : value)
            if (!cutLists(item, maxRows, depth + 1))
                return false;
    } else if (value.is_object()) {
        for (auto &item : value)
            if (!cutLists(item, maxRows, depth + 1))
                return false;
    }
    return true;
}

std::string cutBytes(const std::string &text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "\n… (shortened; " + std::to_string(text.size()) + " bytes in all)";
}

std::string cutLines(const std::string &text, std::size_t maxLines)
{
    std::size_t at = 0;
    for (std::size_t line = 0; line < maxLines; ++line) {
        at = text.find('\n', at);
        if (at == std::string::npos)
            return text;
        ++at;
    }
    if (at >= text.size())
        return text;
    const std::size_t left = static_cast<std::size_t>(std::count(
                                 text.begin() + static_cast<std::ptrdiff_t>(at), text.end(), '\n')) +
                             (text.back() == '\n' ? 0 : 1);
    return text.substr(0, at) + "… " + std::to_string(left) + " more lines not shown";
}

} // namespace

std::optional<SqlToolBinding> findSqlTool(const std::vector<mcp::Tool> &tools)
{
    for (const auto &known : kKnownSqlTools) {
        const auto tool = std::find_if(tools.begin(), tools.end(), [&](const mcp::Tool &candidate) {
            return candidate.name == known.name;
        });
        if (tool == tools.end())
            continue;
        SqlToolBinding binding{tool->name, std::string(known.argument)};
        for (std::string_view argument : {"sql", "query"}) {
            const Json *property = schemaProperty(*tool, argument);
            if (property && property->is_object() && property->value("type", Json()) == "string") {
                binding.argumentName = std::string(argument);
                break;
            }
        }
        return binding;
    }
    return std::nullopt;
}

bool looksLikeWrite(std::string_view toolName)
{
    return hasWordIn(toolName,
                     {"create", "insert", "update", "delete", "drop",    "write",  "alter",  "truncate",
                      "merge",  "upsert", "append", "remove", "replace", "grant",  "revoke", "rename",
                      "put",    "patch",  "modify", "purge",  "set",     "import", "load",   "save"});
}

std::vector<OfferedTool> offerTools(const std::vector<mcp::Tool> &tools, const SqlToolBinding &sql,
                                    std::string_view dialectLabel)
{
    std::vector<OfferedTool> offered;
    std::set<std::string> taken;
    auto crm = crmTools();
    for (const auto &tool : crm)
        taken.insert(tool.spec.name);

    const auto sqlTool = std::find_if(tools.begin(), tools.end(),
                                      [&](const mcp::Tool &tool) { return tool.name == sql.toolName; });
    std::string description =
        "Runs exactly one read-only SELECT (WITH ... SELECT allowed) on the lakehouse, in " +
        std::string(dialectLabel) +
        ", and returns its rows. Lakeshore's query guard checks the SQL first and "
        "refuses anything else.";
    if (sqlTool != tools.end() && !sqlTool->description.empty())
        description += " The server describes it as: " + sqlTool->description;
    offered.push_back(
        {{safeName(sql.toolName, taken), description,
          stringParameter(sql.argumentName, "one " + std::string(dialectLabel) + " SELECT statement")},
         OfferedKind::Sql,
         sql.toolName});

    for (const auto &tool : tools) {
        if (tool.name == sql.toolName || looksLikeWrite(tool.name) || takesSql(tool))
            continue;
        if (!tool.readOnlyHint && !explorationNamed(tool.name))
            continue;
        if (std::any_of(crm.begin(), crm.end(),
                        [&](const OfferedTool &own) { return own.spec.name == tool.name; }))
            continue; // ours answer under these names
        offered.push_back({{safeName(tool.name, taken),
                            tool.description.empty() ? tool.title : tool.description, parametersFor(tool)},
                           OfferedKind::Mcp,
                           tool.name});
    }
    for (auto &tool : crm)
        offered.push_back(std::move(tool));
    return offered;
}

std::string shortenForModel(const std::string &text, const FeedbackLimits &limits)
{
    Json value = Json::parse(text, nullptr, false);
    if (!value.is_discarded() && value.is_structured() && cutLists(value, limits.maxRows, 0))
        return cutBytes(value.dump(-1, ' ', false, Json::error_handler_t::replace), limits.maxBytes);
    return cutBytes(cutLines(text, limits.maxRows + 1), limits.maxBytes);
}

std::string feedbackText(const mcp::ToolResult &result, const FeedbackLimits &limits)
{
    std::string text = result.text();
    if (text.empty() && !result.structuredContent.is_null())
        text = result.structuredContent.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.empty())
        return "(the tool returned no text)";
    return shortenForModel(text, limits);
}

} // namespace lakeshore::assistant
