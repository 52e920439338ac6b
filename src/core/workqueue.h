// One background thread running posted jobs in order: where disk work (SQLite, key files) happens.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace lakeshore {

class WorkQueue
{
public:
    WorkQueue();
    ~WorkQueue(); // runs the jobs already posted, then joins
    WorkQueue(const WorkQueue &) = delete;
    WorkQueue &operator=(const WorkQueue &) = delete;

    void post(std::function<void()> job);

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace lakeshore
