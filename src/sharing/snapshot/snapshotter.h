// The snapshotter: reads accounts, contacts, opportunities, activities, conversations and cases live
// through the CRM connector and writes each as one Delta table of the tenant (snapshot/tablelayout.h),
// one overwrite commit per table per run, then vacuums files older than the retention window.
// SnapshotSchedule runs it on a cadence (default 15 minutes) and on demand ("snapshot now").
#pragma once

#include "core/canceltoken.h"
#include "core/error.h"
#include "sharing/delta/tablewriter.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::sources {
class CrmConnector;
}

namespace lakeshore::sharing::snapshot {

struct SnapshotOptions
{
    std::string tablesRoot;
    std::string tenant;
    std::int64_t retentionMillis = 7LL * 24 * 3600 * 1000;
    delta::OverwriteOptions overwrite;
};

struct TableSnapshot
{
    std::string entity;
    std::optional<Error> error; // the read or the write failed: the table keeps its previous version
    delta::OverwriteResult written;
    int filesVacuumed = 0;
    std::optional<Error> vacuumError; // written, but files past the retention window stay until a later run
};

struct SnapshotReport
{
    std::int64_t startedAt = 0; // epoch ms
    std::int64_t finishedAt = 0;
    std::optional<Error> error;        // the run as a whole did not happen (already running, bad options)
    std::vector<TableSnapshot> tables; // in store::kShareableEntities order

    [[nodiscard]] bool ok() const; // no error of the run, of any table's read, write or vacuum
};

class Snapshotter
{
public:
    Snapshotter(std::shared_ptr<sources::CrmConnector> crm, SnapshotOptions options);
    ~Snapshotter(); // cancels a run in progress and waits for it; never call it from a done callback
    Snapshotter(const Snapshotter &) = delete;
    Snapshotter &operator=(const Snapshotter &) = delete;

    // One run. Reads go through the connector; Parquet and log writes happen on the snapshotter's own
    // thread, never on the caller's or the HTTP I/O thread. One run at a time: a call while one runs gets a
    // report with error Invalid. done runs once, on the snapshotter's thread.
    void run(CancelToken cancel, std::function<void(SnapshotReport)> done);

    [[nodiscard]] const SnapshotOptions &options() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// Runs a Snapshotter every `cadence` (first run at once) and on snapshotNow(); stops with the object,
// cancelling a run in progress. onRun runs on the schedule's own thread. The Snapshotter outlives it.
class SnapshotSchedule
{
public:
    SnapshotSchedule(Snapshotter &snapshotter, std::chrono::milliseconds cadence,
                     std::function<void(const SnapshotReport &)> onRun);
    ~SnapshotSchedule();
    SnapshotSchedule(const SnapshotSchedule &) = delete;
    SnapshotSchedule &operator=(const SnapshotSchedule &) = delete;

    void snapshotNow(); // a run as soon as the current one (if any) ends
    void setCadence(std::chrono::milliseconds cadence);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// What the admin sees of a table: its latest version and when it was committed. A disk read: off the
// GUI thread. `problem` says why a table cannot be read (none published yet, a damaged log).
struct TableState
{
    std::string entity;
    std::optional<std::int64_t> version;
    std::int64_t committedAt = 0; // epoch ms
    std::int64_t rows = 0;        // Σ numRecords of the live files
    std::int64_t bytes = 0;
    int files = 0;
    std::string problem;
};

[[nodiscard]] std::vector<TableState> tableStates(const std::string &tablesRoot, const std::string &tenant);

} // namespace lakeshore::sharing::snapshot
