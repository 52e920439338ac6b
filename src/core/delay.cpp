#include "core/delay.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace lakeshore {
namespace {

using Clock = std::chrono::steady_clock;

struct Job
{
    CancelToken cancel;
    std::function<void()> run;
};

// Lives for the whole process (a detached thread that never ends would outlive static destruction).
class DelayThread
{
public:
    static DelayThread &instance()
    {
        static auto *thread = new DelayThread();
        return *thread;
    }

    void add(Clock::time_point when, Job job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.emplace(when, std::move(job));
        }
        m_wake.notify_one();
    }

private:
    DelayThread()
    {
        std::thread([this] { loop(); }).detach();
    }

    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_jobs.empty()) {
                m_wake.wait(lock);
                continue;
            }
            const auto first = m_jobs.begin();
            if (first->first > Clock::now()) {
                m_wake.wait_until(lock, first->first);
                continue;
            }
            Job job = std::move(first->second);
            m_jobs.erase(first);
            lock.unlock();
            if (!job.cancel.cancelled())
                job.run();
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, Job> m_jobs;
};

} // namespace

void runAfter(int delayMs, CancelToken cancel, std::function<void()> job)
{
    DelayThread::instance().add(Clock::now() + std::chrono::milliseconds(delayMs > 0 ? delayMs : 0),
                                Job{std::move(cancel), std::move(job)});
}

} // namespace lakeshore
