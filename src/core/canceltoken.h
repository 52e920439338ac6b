// A cancel flag shared by the caller and the work it started; hooks let I/O stop at once.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace lakeshore {

class CancelToken
{
public:
    CancelToken();

    // Cancels and runs every registered hook once, on the calling thread.
    void cancel() const;
    [[nodiscard]] bool cancelled() const;
    // Runs hook when cancel() is called; at once if it already was.
    void onCancel(std::function<void()> hook) const;

private:
    struct State
    {
        std::atomic<bool> cancelled{false};
        std::mutex mutex;
        std::vector<std::function<void()>> hooks;
    };
    std::shared_ptr<State> m_state;
};

} // namespace lakeshore
