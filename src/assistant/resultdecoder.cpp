#include "assistant/resultdecoder.h"

#include "assistant/tabledecoder.h"

#include <nlohmann/json.hpp>

namespace lakeshore::assistant {

Result<ResultSet> decodeToolResult(std::string_view text, const DecodeOptions &options)
{
    const detail::DecodeHooks hooks;
    return detail::decodeCallToolResult(text, options, hooks);
}

Result<ResultSet> decodeParsedToolResult(const nlohmann::json &result, const DecodeOptions &options)
{
    std::string text;
    try {
        text = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::exception &e) {
        return makeError(ErrorKind::Invalid,
                         std::string("the tool result could not be serialized: ") + e.what());
    }
    return decodeToolResult(text, options);
}

std::shared_ptr<ResultDecoding> ResultDecoding::start(std::string text, DecodeOptions options,
                                                      std::function<void()> onProgress)
{
    std::shared_ptr<ResultDecoding> decoding(new ResultDecoding());
    decoding->m_onProgress = std::move(onProgress);
    decoding->m_worker = std::thread([self = decoding.get(), text = std::move(text), options]() mutable {
        self->run(std::move(text), options);
    });
    return decoding;
}

ResultDecoding::~ResultDecoding()
{
    cancel();
    if (m_worker.joinable()) {
        if (m_worker.get_id() == std::this_thread::get_id())
            m_worker.detach(); // destroyed from onProgress, against the contract: at least do not deadlock
        else
            m_worker.join();
    }
}

void ResultDecoding::run(std::string text, DecodeOptions options)
{
    detail::DecodeHooks hooks;
    hooks.cancel = &m_cancel;
    hooks.published = [this](const ResultSetBuilder &builder) {
        publish(builder.snapshot(), false, std::nullopt);
    };
    auto result = detail::decodeOwnedCallToolResult(text, options, hooks);
    text = std::string(); // the reply is not needed any more: the result holds copies of its values
    if (result && m_cancel.load())
        publish({}, true, makeError(ErrorKind::Cancelled, "the decode was cancelled"));
    else if (result)
        publish(std::move(result).value(), true, std::nullopt);
    else
        publish({}, true, result.error());
}

void ResultDecoding::publish(ResultSet snapshot, bool finished, std::optional<Error> error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!error)
            m_snapshot = std::move(snapshot);
        m_finished = finished;
        m_error = std::move(error);
    }
    m_changed.notify_all();
    std::function<void()> onProgress;
    {
        std::lock_guard lock(m_mutex);
        onProgress = m_onProgress;
    }
    if (onProgress)
        onProgress();
}

void ResultDecoding::watch(std::function<void()> onProgress)
{
    bool finished = false;
    {
        std::lock_guard lock(m_mutex);
        m_onProgress = onProgress;
        finished = m_finished;
    }
    if (finished && onProgress)
        onProgress();
}

ResultSet ResultDecoding::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

std::size_t ResultDecoding::readyRows() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot.rowCount();
}

bool ResultDecoding::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

Status ResultDecoding::status() const
{
    std::lock_guard lock(m_mutex);
    if (m_error)
        return *m_error;
    return okStatus();
}

void ResultDecoding::cancel()
{
    m_cancel.store(true, std::memory_order_relaxed);
}

bool ResultDecoding::waitForRows(std::size_t rows) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_finished || m_snapshot.rowCount() >= rows; });
    return m_snapshot.rowCount() >= rows;
}

Result<ResultSet> ResultDecoding::wait() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_finished; });
    if (m_error)
        return *m_error;
    return m_snapshot;
}

} // namespace lakeshore::assistant
