#include "sharing/server/auditqueue.h"

#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <chrono>
#include <cstdio>

namespace lakeshore::sharing::server {
namespace {
// The writer thread wakes early once this many rows wait, so batches stay small and quick.
constexpr std::size_t kWakeAt = 5000;
// Past this many rows waiting (the writer cannot keep up), a request writes them itself: memory stays
// bounded under any load.
constexpr std::size_t kMaxPending = 200000;
} // namespace

AuditQueue::AuditQueue(std::unique_ptr<store::SettingsStore> store) : m_store(std::move(store))
{
    m_thread = std::thread([this] { run(); });
}

AuditQueue::~AuditQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    (void)flush();
}

void AuditQueue::add(store::AuditEvent event)
{
    std::size_t pending = 0;
    {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(event));
        pending = m_pending.size();
    }
    if (pending == kWakeAt)
        m_wake.notify_one();
    if (pending >= kMaxPending)
        (void)flush();
}

Status AuditQueue::flush()
{
    std::lock_guard writing(m_writeMutex);
    std::vector<store::AuditEvent> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    if (batch.empty())
        return okStatus();
    store::SharingStore sharing(*m_store);
    Status written = sharing.appendAudit(batch);
    if (!written) {
        // Kept for the next try rather than lost; the store may be busy with the GUI's write.
        std::lock_guard lock(m_mutex);
        m_pending.insert(m_pending.begin(), std::make_move_iterator(batch.begin()),
                         std::make_move_iterator(batch.end()));
        std::fprintf(stderr, "lakeshore-server: audit rows not written yet: %s\n",
                     written.error().message.c_str());
    }
    return written;
}

void AuditQueue::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::seconds(1),
                        [this] { return m_stopping || m_pending.size() >= kWakeAt; });
        lock.unlock();
        (void)flush();
        lock.lock();
    }
}

} // namespace lakeshore::sharing::server
