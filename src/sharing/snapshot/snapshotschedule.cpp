#include "sharing/snapshot/snapshotter.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace lakeshore::sharing::snapshot {

using Clock = std::chrono::steady_clock;

struct SnapshotSchedule::State
{
    Snapshotter &snapshotter;
    std::function<void(const SnapshotReport &)> onRun;
    std::mutex mutex;
    std::condition_variable wake;
    std::chrono::milliseconds cadence;
    bool nowRequested = false;
    bool stopping = false;
    CancelToken current; // the run in progress's
    std::thread thread;

    State(Snapshotter &s, std::chrono::milliseconds c, std::function<void(const SnapshotReport &)> f)
        : snapshotter(s), onRun(std::move(f)), cadence(c)
    {
    }

    // Runs until stopping; the cadence counts from the start of one run to the start of the next, and a
    // run that overruns it is followed by the next at once.
    void loop()
    {
        std::unique_lock lock(mutex);
        std::optional<Clock::time_point> lastStart;
        while (!stopping) {
            const bool due = !lastStart || nowRequested || Clock::now() >= *lastStart + cadence;
            if (!due) {
                // Woken by snapshotNow, setCadence or stopping: look again with what changed.
                wake.wait_until(lock, *lastStart + cadence);
                continue;
            }
            nowRequested = false;
            lastStart = Clock::now();
            current = CancelToken();
            const CancelToken cancel = current;
            lock.unlock();
            const SnapshotReport report = runOnce(cancel);
            if (onRun)
                onRun(report);
            lock.lock();
        }
    }

    SnapshotReport runOnce(const CancelToken &cancel)
    {
        struct Outcome
        {
            std::mutex mutex;
            std::condition_variable arrived;
            std::optional<SnapshotReport> report;
        };
        auto outcome = std::make_shared<Outcome>();
        snapshotter.run(cancel, [outcome](SnapshotReport report) {
            {
                std::lock_guard lock(outcome->mutex);
                outcome->report = std::move(report);
            }
            outcome->arrived.notify_all();
        });
        std::unique_lock lock(outcome->mutex);
        outcome->arrived.wait(lock, [&] { return outcome->report.has_value(); });
        return std::move(*outcome->report);
    }
};

SnapshotSchedule::SnapshotSchedule(Snapshotter &snapshotter, std::chrono::milliseconds cadence,
                                   std::function<void(const SnapshotReport &)> onRun)
    : m_state(std::make_unique<State>(snapshotter, cadence, std::move(onRun)))
{
    m_state->thread = std::thread([state = m_state.get()] { state->loop(); });
}

SnapshotSchedule::~SnapshotSchedule()
{
    CancelToken current;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
        current = m_state->current;
    }
    current.cancel();
    m_state->wake.notify_all();
    m_state->thread.join();
}

void SnapshotSchedule::snapshotNow()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->nowRequested = true;
    }
    m_state->wake.notify_all();
}

void SnapshotSchedule::setCadence(std::chrono::milliseconds cadence)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->cadence = cadence;
    }
    m_state->wake.notify_all();
}

} // namespace lakeshore::sharing::snapshot
