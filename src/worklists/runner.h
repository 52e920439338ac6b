// Runs a worklist definition on the lakehouse: its SQL with the period (and, for a drill-down, the
// account) written in, through the query guard and the lakehouse's MCP server, decoded into memory.
// Nothing is written to disk. Callbacks run on I/O or worker threads.
#pragma once

#include "assistant/resultset.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "worklists/definition.h"
#include "worklists/placeholders.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace lakeshore::assistant {
class Assistant;
}

namespace lakeshore::worklists {

struct LakehouseRows
{
    assistant::ResultSet rows; // complete
    std::size_t accountColumn = 0; // the definition's account column (run() only)
    std::string sql;       // as it ran, placeholders written in
    std::string server;    // the MCP server's name
    double elapsedMs = 0;  // from asking to the last row decoded
    std::string readAt;    // ISO 8601 UTC: when the lakehouse answered
};

class Runner
{
public:
    // The lakehouse: an Assistant on the connection the definition names (its runSql is the guarded path).
    explicit Runner(std::shared_ptr<assistant::Assistant> lakehouse);
    ~Runner();
    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

    using Progress = std::function<void(const std::string &step)>;

    // Errors: Invalid for SQL the guard refuses (or a placeholder without its value), NotFound when the
    // result has no account column (naming the columns it has), and the lakehouse's own errors.
    void run(const Definition &definition, const SqlValues &values, CancelToken cancel, Progress onProgress,
             std::function<void(Result<LakehouseRows>)> done);
    // The definition's drill-down for one account (its value in the account column). Invalid when the
    // definition has none.
    void drillDown(const Definition &definition, const std::string &account, const SqlValues &values,
                   CancelToken cancel, Progress onProgress, std::function<void(Result<LakehouseRows>)> done);

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

// The index of the column named `name` (case ignored); nullopt when there is none.
[[nodiscard]] std::optional<std::size_t> findColumn(const assistant::ResultSet &rows, std::string_view name);

} // namespace lakeshore::worklists
