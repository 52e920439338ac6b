#include "demo/lakehouseserver.h"

#include "demo/martcatalog.h"
#include "demo/martquery.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace lakeshore::demo {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char *kInstructions =
    "Read-only SQL over the demo lakehouse mart (SQLite dialect): invoice-line facts with cost and freight, "
    "account and item dimensions, contract prices, monthly account aggregates and propensity scores. "
    "Start with list_tables and describe_table. Exactly one SELECT (or WITH ... SELECT) per execute_sql "
    "call. "
    "The mart has no territory or owner columns: those live in the CRM; filter on account_number instead.";

const Json kReadOnly = {
    {"readOnlyHint", true}, {"destructiveHint", false}, {"idempotentHint", true}, {"openWorldHint", false}};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

struct LakehouseServer::State
{
    LakehouseOptions options;
    std::mutex mutex;
    std::condition_variable changed;
    enum class Mart { Pending, Ready, Failed } mart = Mart::Pending;
    std::string path;
    Error failure;
    std::mutex catalogMutex;
    std::optional<std::vector<MartTable>> catalog;

    void log(const std::string &line) const
    {
        if (options.log)
            options.log(line);
    }

    // The latency knob; false when the call was cancelled meanwhile.
    bool delay(const mcp::ToolContext &context) const
    {
        const auto until = Clock::now() + std::chrono::milliseconds(options.latencyMs);
        while (Clock::now() < until) {
            if (context.cancel.cancelled())
                return false;
            std::this_thread::sleep_for(
                std::min<Clock::duration>(std::chrono::milliseconds(10), until - Clock::now()));
        }
        return !context.cancel.cancelled();
    }

    Result<std::string> waitForMart(const mcp::ToolContext &context)
    {
        const auto started = Clock::now();
        int reports = 0;
        std::unique_lock lock(mutex);
        while (mart == Mart::Pending) {
            if (context.cancel.cancelled())
                return makeError(ErrorKind::Cancelled, "cancelled while waiting for the lakehouse mart");
            const auto waited = std::chrono::duration<double>(Clock::now() - started).count();
            if (waited * 1000 > options.martWaitMs)
                return makeError(ErrorKind::Timeout,
                                 "the lakehouse mart is still being built; try again shortly");
            if (context.wantsProgress() && waited >= 0.5 * (reports + 1)) {
                ++reports;
                lock.unlock();
                context.progress(reports, std::nullopt,
                                 "waiting for the lakehouse mart to be built (" +
                                     std::to_string(static_cast<int>(waited)) + " s)");
                lock.lock();
                continue;
            }
            changed.wait_for(lock, std::chrono::milliseconds(100));
        }
        if (mart == Mart::Failed)
            return makeError(failure.kind, "the lakehouse mart could not be built: " + failure.message);
        return path;
    }

    Result<std::vector<MartTable>> tables(const mcp::ToolContext &context)
    {
        auto path = waitForMart(context);
        if (!path)
            return path.error();
        std::lock_guard lock(catalogMutex);
        if (!catalog) {
            auto loaded = loadMartCatalog(path.value());
            if (!loaded)
                return loaded.error();
            catalog = std::move(loaded.value());
        }
        return *catalog;
    }

    mcp::ToolResult listTables(const mcp::ToolContext &context)
    {
        if (!delay(context))
            return mcp::ToolResult::error("Cancelled");
        auto loaded = tables(context);
        if (!loaded) {
            log("list_tables failed: " + loaded.error().message);
            return mcp::ToolResult::error("list_tables failed: " + loaded.error().message);
        }
        log("list_tables: " + std::to_string(loaded.value().size()) + " tables");
        Json list = Json::array();
        for (const auto &table : loaded.value())
            list.push_back(
                {{"name", table.name}, {"description", table.description}, {"rowCount", table.rowCount}});
        return mcp::ToolResult::structured({{"tables", std::move(list)}});
    }

    mcp::ToolResult describeTable(const Json &arguments, const mcp::ToolContext &context)
    {
        if (!delay(context))
            return mcp::ToolResult::error("Cancelled");
        auto loaded = tables(context);
        if (!loaded) {
            log("describe_table failed: " + loaded.error().message);
            return mcp::ToolResult::error("describe_table failed: " + loaded.error().message);
        }
        const std::string wanted = arguments["table"].get<std::string>();
        const auto &all = loaded.value();
        auto found =
            std::find_if(all.begin(), all.end(), [&](const MartTable &t) { return t.name == wanted; });
        if (found == all.end())
            found = std::find_if(all.begin(), all.end(),
                                 [&](const MartTable &t) { return lower(t.name) == lower(wanted); });
        if (found == all.end()) {
            std::string names;
            for (const auto &table : all)
                names += (names.empty() ? "" : ", ") + table.name;
            log("describe_table: no such table");
            return mcp::ToolResult::error("Unknown table \"" + wanted + "\". The tables are: " + names);
        }
        log("describe_table: " + found->name);
        Json columns = Json::array();
        for (const auto &column : found->columns)
            columns.push_back({{"name", column.name},
                               {"type", column.type},
                               {"notNull", column.notNull},
                               {"primaryKey", column.primaryKey},
                               {"description", column.description}});
        return mcp::ToolResult::structured({{"name", found->name},
                                            {"description", found->description},
                                            {"rowCount", found->rowCount},
                                            {"columns", std::move(columns)}});
    }

    mcp::ToolResult executeSql(const Json &arguments, const mcp::ToolContext &context)
    {
        if (!delay(context))
            return mcp::ToolResult::error("Cancelled");
        if (!options.sqlFault.empty()) {
            log("execute_sql: injected fault");
            return mcp::ToolResult::error(options.sqlFault);
        }
        auto path = waitForMart(context);
        if (!path) {
            log("execute_sql failed: " + path.error().message);
            return mcp::ToolResult::error("execute_sql failed: " + path.error().message);
        }
        QueryLimits limits;
        limits.maxRows = options.maxRows;
        if (arguments.contains("max_rows"))
            limits.maxRows =
                static_cast<int>(std::min<double>(arguments["max_rows"].get<double>(), options.maxRows));
        limits.timeLimitMs = options.timeLimitMs;
        limits.maxResultBytes = options.maxResultBytes;
        auto result = runMartQuery(path.value(), arguments["sql"].get<std::string>(), limits, context);
        if (!result) {
            const ErrorKind kind = result.error().kind;
            log(kind == ErrorKind::Cancelled ? std::string("execute_sql: cancelled")
                : kind == ErrorKind::Invalid ? "execute_sql: refused: " + result.error().message
                                             : "execute_sql failed: " + result.error().message);
            std::string message = result.error().message;
            if (!message.empty())
                message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
            return mcp::ToolResult::error(message);
        }
        const Json &data = result.value();
        log("execute_sql: " + std::to_string(data["rowCount"].get<std::size_t>()) + " rows" +
            (data["truncated"].get<bool>() ? " (truncated)" : "") + " in " + data["elapsedMs"].dump() +
            " ms");
        return mcp::ToolResult::structured(std::move(result.value()));
    }
};

LakehouseServer::LakehouseServer(LakehouseOptions options) : m_state(std::make_shared<State>())
{
    m_state->options = std::move(options);
    mcp::ServerOptions serverOptions;
    serverOptions.name = "lakeshore-demo-lakehouse";
    serverOptions.title = "Lakeshore demo lakehouse";
    serverOptions.instructions = kInstructions;
    serverOptions.pageSize = m_state->options.toolsPageSize;
    m_server = std::make_shared<mcp::ToolServer>(serverOptions);
    std::weak_ptr<State> weak = m_state;
    auto state = [weak]() { return weak.lock(); };
    auto gone = mcp::ToolResult::error("The lakehouse server has stopped");

    mcp::Tool listTables;
    listTables.name = "list_tables";
    listTables.title = "List tables";
    listTables.description =
        "Lists the lakehouse mart's tables with a one-line description and row count each.";
    listTables.inputSchema = {
        {"type", "object"}, {"properties", Json::object()}, {"additionalProperties", false}};
    listTables.outputSchema = Json::parse(R"({"type":"object","properties":{"tables":{"type":"array","items":{
        "type":"object","properties":{"name":{"type":"string"},"description":{"type":"string"},
        "rowCount":{"type":"integer"}},"required":["name","description","rowCount"]}}},"required":["tables"]})");
    listTables.annotations = kReadOnly;
    listTables.handler = [state, gone](const Json &, const mcp::ToolContext &context) {
        auto s = state();
        return s ? s->listTables(context) : gone;
    };

    mcp::Tool describeTable;
    describeTable.name = "describe_table";
    describeTable.title = "Describe a table";
    describeTable.description =
        "Shows one table's columns: name, declared SQLite type, NOT NULL, primary key, and a description.";
    describeTable.inputSchema = Json::parse(R"({"type":"object","properties":{"table":{"type":"string",
        "minLength":1,"description":"a table name from list_tables"}},"required":["table"],
        "additionalProperties":false})");
    describeTable.outputSchema = Json::parse(R"({"type":"object","properties":{"name":{"type":"string"},
        "description":{"type":"string"},"rowCount":{"type":"integer"},"columns":{"type":"array","items":{
        "type":"object","properties":{"name":{"type":"string"},"type":{"type":"string"},
        "notNull":{"type":"boolean"},"primaryKey":{"type":"boolean"},"description":{"type":"string"}},
        "required":["name","type"]}}},"required":["name","columns"]})");
    describeTable.annotations = kReadOnly;
    describeTable.handler = [state, gone](const Json &arguments, const mcp::ToolContext &context) {
        auto s = state();
        return s ? s->describeTable(arguments, context) : gone;
    };

    mcp::Tool executeSql;
    executeSql.name = "execute_sql";
    executeSql.title = "Run a read-only SQL query";
    executeSql.description =
        "Runs exactly one read-only SELECT (WITH ... SELECT allowed) in the SQLite dialect and returns the "
        "columns with their types and the rows. At most " +
        std::to_string(m_state->options.maxRows) + " rows (truncated:true says more existed); " +
        std::to_string(m_state->options.timeLimitMs / 1000) + " s time limit.";
    executeSql.inputSchema = Json::parse(R"({"type":"object","properties":{
        "sql":{"type":"string","minLength":1,"description":"one SELECT statement, SQLite dialect"},
        "max_rows":{"type":"integer","minimum":1,"description":"return at most this many rows"}},
        "required":["sql"],"additionalProperties":false})");
    executeSql.outputSchema = martQueryOutputSchema();
    executeSql.annotations = kReadOnly;
    executeSql.handler = [state, gone](const Json &arguments, const mcp::ToolContext &context) {
        auto s = state();
        return s ? s->executeSql(arguments, context) : gone;
    };

    for (auto *tool : {&listTables, &describeTable, &executeSql})
        (void)m_server->addTool(std::move(*tool));
}

LakehouseServer::~LakehouseServer() = default;

void LakehouseServer::setMart(std::string path)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->path = std::move(path);
        m_state->mart = State::Mart::Ready;
    }
    {
        std::lock_guard lock(m_state->catalogMutex);
        m_state->catalog.reset();
    }
    m_state->changed.notify_all();
}

void LakehouseServer::setMartFailed(Error why)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->failure = std::move(why);
        m_state->mart = State::Mart::Failed;
    }
    m_state->changed.notify_all();
}

std::shared_ptr<mcp::ToolServer> LakehouseServer::toolServer() const
{
    return m_server;
}

const LakehouseOptions &LakehouseServer::options() const
{
    return m_state->options;
}

} // namespace lakeshore::demo
