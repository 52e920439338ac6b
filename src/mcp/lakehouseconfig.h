// A lakehouse connection: which MCP server the assistant runs SQL on, and how a question becomes SQL
// there (route), with the vendor details a call needs (SQL tool and argument, dialect, per-call _meta,
// a row cap) and, for the LLM route, the model endpoint. Names are string enums here so that mcp/ does
// not depend on the assistant; the assistant maps dialectName() to its own SqlDialect.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace lakeshore::mcp {

// semantic: our offline semantic-model planner writes the SQL; llm: an OpenAI-compatible model writes
// it with tool use; server-nl: the server's own natural-language tool (Genie, Cortex Analyst) answers.
enum class LakehouseRoute { Semantic, Llm, ServerNl };
enum class LakehouseDialect { Databricks, Snowflake, Postgres, Sqlite, Generic };

[[nodiscard]] const char *routeName(LakehouseRoute route); // "semantic", "llm", "server-nl"
[[nodiscard]] bool parseRoute(std::string_view text, LakehouseRoute &route);
[[nodiscard]] const char *dialectName(LakehouseDialect dialect); // "databricks", ..., "generic"
[[nodiscard]] bool parseDialect(std::string_view text, LakehouseDialect &dialect);

inline constexpr int kMaxLakehouseRows = 1000000;
inline constexpr std::size_t kMaxMetaBytes = 64u << 10;

struct LlmEndpoint
{
    std::string baseUrl; // OpenAI-compatible, e.g. https://api.openai.com/v1
    std::string model;
    std::string apiKey; // secret; may be empty for a local model server

    bool operator==(const LlmEndpoint &) const = default;
};

struct LakehouseConnection
{
    std::string id; // chosen by the settings store; empty until saved
    std::string name;
    std::string serverId; // an McpServerConfig::id
    LakehouseRoute route = LakehouseRoute::Semantic;
    std::string sqlTool;     // empty = detect among the server's tools
    std::string sqlArgument; // the SQL tool's argument for the statement; empty = detect from its schema
    LakehouseDialect dialect = LakehouseDialect::Generic;
    std::string meta =
        "{}"; // JSON object text merged into each tools/call _meta, e.g. {"warehouse_id":"..."}
    int maxRows = 5000;
    LlmEndpoint llm; // used by the llm route only

    bool operator==(const LakehouseConnection &) const = default;
};

// The _meta object, or ErrorKind::Invalid naming the line and column of bad JSON, or saying what it is
// when it is valid JSON but not an object. Empty text is an empty object.
[[nodiscard]] Result<nlohmann::json> parseMeta(std::string_view text);

// Ok, or ErrorKind::Invalid naming the connection and the field.
[[nodiscard]] Status validateLakehouseConnection(const LakehouseConnection &connection);

} // namespace lakeshore::mcp
