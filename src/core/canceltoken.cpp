#include "core/canceltoken.h"

namespace lakeshore {

CancelToken::CancelToken() : m_state(std::make_shared<State>()) {}

void CancelToken::cancel() const
{
    std::vector<std::function<void()>> hooks;
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->cancelled.exchange(true))
            return;
        hooks.swap(m_state->hooks);
    }
    for (auto &hook : hooks)
        hook();
}

bool CancelToken::cancelled() const
{
    return m_state->cancelled.load();
}

void CancelToken::onCancel(std::function<void()> hook) const
{
    {
        std::lock_guard lock(m_state->mutex);
        if (!m_state->cancelled.load()) {
            m_state->hooks.push_back(std::move(hook));
            return;
        }
    }
    hook();
}

} // namespace lakeshore
