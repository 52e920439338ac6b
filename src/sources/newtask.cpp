#include "sources/newtask.h"

#include "sources/crmconnector.h"
#include "sources/crmmapping.h"

#include <algorithm>

namespace lakeshore::sources {
namespace {

std::size_t characters(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string trimmed(const std::string &text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

Error invalid(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message));
}

} // namespace

Result<nlohmann::json> taskBody(const NewTask &task)
{
    if (!isGuid(task.accountId))
        return invalid("not a CRM account id: \"" + task.accountId.substr(0, 64) + "\"");
    if (!isGuid(task.ownerId))
        return invalid("not a CRM user id: \"" + task.ownerId.substr(0, 64) + "\"");
    const std::string subject = trimmed(task.subject);
    if (subject.empty())
        return invalid("a task needs a subject");
    if (characters(subject) > kMaxTaskSubject)
        return invalid("the subject is " + std::to_string(characters(subject)) +
                       " characters long; at most " + std::to_string(kMaxTaskSubject) + " fit");
    if (characters(task.description) > kMaxTaskDescription)
        return invalid("the description is " + std::to_string(characters(task.description)) +
                       " characters long; at most " + std::to_string(kMaxTaskDescription) + " fit");
    // Bound by a path relative to the service root, which Dataverse and OData servers at large resolve.
    nlohmann::json body = {{"subject", subject},
                           {"regardingobjectid_account@odata.bind", "accounts(" + task.accountId + ")"},
                           {"ownerid@odata.bind", "systemusers(" + task.ownerId + ")"}};
    if (!task.description.empty())
        body["description"] = task.description;
    if (task.dueDate)
        body["scheduledend"] = task.dueDate->iso();
    return body;
}

domain::Activity createdTask(const NewTask &task, const nlohmann::json &row, const std::string &id)
{
    domain::Activity activity = row.is_object() ? crm::task(row) : domain::Activity{};
    activity.type = "Task";
    if (activity.status.empty())
        activity.status = "Open";
    if (activity.id.empty())
        activity.id = id;
    if (activity.accountId.empty())
        activity.accountId = task.accountId;
    if (activity.ownerId.empty())
        activity.ownerId = task.ownerId;
    if (activity.subject.empty())
        activity.subject = trimmed(task.subject);
    if (activity.scheduledAt == domain::Timestamp() && task.dueDate)
        activity.scheduledAt = *task.dueDate;
    return activity;
}

} // namespace lakeshore::sources
