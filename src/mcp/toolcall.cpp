#include "mcp/toolcall.h"

#include "mcp/serverdetail.h"

namespace lakeshore::mcp {
inline namespace serving {
namespace detail {

void AnswerSlot::add(std::optional<nlohmann::json> response)
{
    std::optional<std::string> answer;
    {
        std::lock_guard lock(mutex);
        if (response)
            responses.push_back(std::move(*response));
        if (--outstanding > 0)
            return;
        if (responses.empty())
            answer = std::nullopt;
        else if (batch)
            answer = dump(nlohmann::json(std::move(responses)));
        else
            answer = dump(responses.front());
    }
    if (replies.answer)
        replies.answer(std::move(answer));
}

void AnswerSlot::expectOneMore()
{
    std::lock_guard lock(mutex);
    ++outstanding;
}

void RunningCall::progress(double value, std::optional<double> total, const std::string &message)
{
    std::lock_guard lock(mutex);
    if (finished || cancelled || progressToken.is_null() || !(value > lastProgress))
        return;
    lastProgress = value;
    nlohmann::json params = {{"progressToken", progressToken}, {"progress", value}};
    if (total)
        params["total"] = *total;
    if (!message.empty())
        params["message"] = message;
    // Under the call's lock, so no progress can follow the answer (finished is set under it too).
    if (slot->replies.notify)
        slot->replies.notify(
            dump({{"jsonrpc", "2.0"}, {"method", "notifications/progress"}, {"params", std::move(params)}}));
}

} // namespace detail
} // namespace serving
} // namespace lakeshore::mcp
