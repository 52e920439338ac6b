// What the assistant hands back for one question: words, the SQL that ran, the rows (columnar, in memory
// only), how to chart them, which column holds account numbers and the CRM accounts they are, and where
// it all came from.
#pragma once

#include "assistant/resultdecoder.h"
#include "assistant/resultset.h"
#include "assistant/semanticmodel.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::assistant {

enum class Route { Semantic, Llm, ServerNl };

[[nodiscard]] const char *routeName(Route route); // "semantic", "llm", "server-nl"

struct AccountRef
{
    std::string crmId;
    std::string name;
};

struct ChartHint
{
    ChartKind kind = ChartKind::None;
    std::string categoryColumn;
    std::vector<std::string> measureColumns;
};

struct Provenance
{
    std::string server; // the MCP server's title or name
    std::string tool;   // the tool that returned the rows
    Route route = Route::Semantic;
    double elapsedMs = 0;   // the whole question, planning and CRM reads included
    std::string finishedAt; // ISO 8601, UTC
};

struct Answer
{
    std::string question;
    std::string title;
    std::string text; // how the question was read, or the model's / server's own words
    std::string sql;  // what ran on the lakehouse (empty when the server ran something it did not show)
    ResultSet rows;   // the rows decoded so far: all of them unless decoding is still running
    std::shared_ptr<ResultDecoding> decoding; // a large result still being decoded (snapshots grow), or null
    std::string accountColumn;                // column of account numbers; empty when rows are not accounts
    std::map<std::string, AccountRef> accounts;  // account number → CRM account, as the CRM bound them
    std::map<std::string, MetricFormat> formats; // column → how to show its numbers
    ChartHint chart;
    Provenance provenance;
    std::vector<std::string> steps; // what happened, in order, for the transcript
};

} // namespace lakeshore::assistant
