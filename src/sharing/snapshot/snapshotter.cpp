#include "sharing/snapshot/snapshotter.h"

#include "core/workqueue.h"
#include "sharing/snapshot/entityreads.h"
#include "sharing/snapshot/tablelayout.h"

#include <condition_variable>
#include <mutex>

namespace lakeshore::sharing::snapshot {
namespace {

std::optional<Error> optionsProblem(const SnapshotOptions &options)
{
    if (options.tablesRoot.empty())
        return makeError(ErrorKind::Invalid, "no folder for the shared tables is set");
    if (const std::string problem = tenantNameProblem(options.tenant); !problem.empty())
        return makeError(ErrorKind::Invalid, "tenant \"" + options.tenant.substr(0, 64) + "\": " + problem);
    return std::nullopt;
}

} // namespace

bool SnapshotReport::ok() const
{
    if (error)
        return false;
    for (const TableSnapshot &table : tables)
        if (table.error || table.vacuumError)
            return false;
    return true;
}

struct Snapshotter::State
{
    struct Run
    {
        CancelToken cancel;
        SnapshotReport report;
        std::function<void(SnapshotReport)> done;
    };

    std::shared_ptr<sources::CrmConnector> crm;
    SnapshotOptions options;
    std::mutex mutex;
    std::condition_variable idle;
    bool running = false;
    CancelToken runCancel; // the run in progress's, cancelled by the destructor
    std::unique_ptr<WorkQueue> thread = std::make_unique<WorkQueue>();

    std::int64_t now() const
    {
        return options.overwrite.nowMillis ? options.overwrite.nowMillis() : delta::systemMillis();
    }

    // Reads the next entity; its records come back on the I/O thread and are written on ours.
    void readNext(std::shared_ptr<Run> run)
    {
        const std::vector<EntityRead> &reads = entityReads();
        while (run->report.tables.size() < reads.size() && run->cancel.cancelled()) {
            TableSnapshot skipped;
            skipped.entity = reads[run->report.tables.size()].entity;
            skipped.error =
                makeError(ErrorKind::Cancelled, "cancelled before " + skipped.entity + " was read");
            run->report.tables.push_back(std::move(skipped));
        }
        if (run->report.tables.size() == reads.size()) {
            finish(std::move(run));
            return;
        }
        const EntityRead &read = reads[run->report.tables.size()];
        read.read(*crm, run->cancel, [this, run, &read](Result<TableBuilder> built) {
            thread->post([this, run, &read, built = std::move(built)] {
                run->report.tables.push_back(publish(read.entity, built, run->cancel));
                readNext(run);
            });
        });
    }

    TableSnapshot publish(const std::string &entity, const Result<TableBuilder> &built,
                          const CancelToken &cancel) const
    {
        TableSnapshot table;
        table.entity = entity;
        if (!built) {
            table.error = built.error();
            return table;
        }
        if (cancel.cancelled()) {
            table.error = makeError(ErrorKind::Cancelled, "cancelled before " + entity + " was written");
            return table;
        }
        const CrmTable content = built.value()();
        const std::string directory = tableDirectory(options.tablesRoot, options.tenant, entity);
        auto written = delta::overwrite(
            directory, {content.entity, content.description, content.schema, &content.columns},
            options.overwrite);
        if (!written) {
            table.error = written.error();
            return table;
        }
        table.written = written.value();
        auto vacuumed = delta::vacuum(directory, options.retentionMillis, now());
        if (vacuumed)
            table.filesVacuumed = vacuumed.value().filesDeleted;
        else
            table.vacuumError = vacuumed.error();
        return table;
    }

    void finish(std::shared_ptr<Run> run)
    {
        run->report.finishedAt = now();
        {
            std::lock_guard lock(mutex);
            running = false;
        }
        idle.notify_all();
        // Nothing of this State is touched from here on: the destructor may be waiting to join us.
        auto done = std::move(run->done);
        done(std::move(run->report));
    }

    void refuse(std::function<void(SnapshotReport)> done, Error error)
    {
        SnapshotReport report;
        report.startedAt = report.finishedAt = now();
        report.error = std::move(error);
        thread->post(
            [done = std::move(done), report = std::move(report)]() mutable { done(std::move(report)); });
    }
};

Snapshotter::Snapshotter(std::shared_ptr<sources::CrmConnector> crm, SnapshotOptions options)
    : m_state(std::make_shared<State>())
{
    m_state->crm = std::move(crm);
    m_state->options = std::move(options);
}

Snapshotter::~Snapshotter()
{
    CancelToken current;
    {
        std::lock_guard lock(m_state->mutex);
        current = m_state->runCancel;
    }
    current.cancel();
    {
        std::unique_lock lock(m_state->mutex);
        m_state->idle.wait(lock, [this] { return !m_state->running; });
    }
    m_state->thread.reset(); // delivers refusals already posted, then joins
}

const SnapshotOptions &Snapshotter::options() const
{
    return m_state->options;
}

void Snapshotter::run(CancelToken cancel, std::function<void(SnapshotReport)> done)
{
    State &state = *m_state;
    if (auto problem = optionsProblem(state.options)) {
        state.refuse(std::move(done), *problem);
        return;
    }
    if (!state.crm) {
        state.refuse(std::move(done), makeError(ErrorKind::Invalid, "no CRM connector to read from"));
        return;
    }
    CancelToken runCancel;
    {
        std::lock_guard lock(state.mutex);
        if (state.running) {
            state.refuse(std::move(done),
                         makeError(ErrorKind::Invalid, "a snapshot of tenant \"" + state.options.tenant +
                                                           "\" is already running"));
            return;
        }
        state.running = true;
        state.runCancel = runCancel;
    }
    cancel.onCancel([runCancel] { runCancel.cancel(); });
    auto run = std::make_shared<State::Run>();
    run->cancel = runCancel;
    run->report.startedAt = state.now();
    run->done = std::move(done);
    state.thread->post([&state, run] { state.readNext(run); });
}

} // namespace lakeshore::sharing::snapshot
