// The share server's audit rows, queued by the request threads and written in batches by one thread
// of its own (at least every second, sooner under load), so a request does not wait for the settings
// database.
#pragma once

#include "core/result.h"
#include "store/sharingsettings.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace lakeshore::store {
class SettingsStore;
}

namespace lakeshore::sharing::server {

class AuditQueue
{
public:
    explicit AuditQueue(std::unique_ptr<store::SettingsStore> store);
    ~AuditQueue(); // writes what is queued, then stops

    void add(store::AuditEvent event);
    Status flush(); // writes what is queued now, on the calling thread

private:
    void run();

    std::unique_ptr<store::SettingsStore> m_store;
    std::mutex m_writeMutex; // one writer at a time: the thread or a flush()
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<store::AuditEvent> m_pending;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace lakeshore::sharing::server
