#include "demo/crmtasks.h"

#include "demo/random.h"
#include "domain/date.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>

namespace lakeshore::demo {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSubject = 200;
constexpr std::size_t kMaxDescription = 10000;
const char *const kAccountBind = "regardingobjectid_account@odata.bind";
const char *const kOwnerBind = "ownerid@odata.bind";

Error badRequest(std::string message)
{
    return makeError(ErrorKind::Invalid, std::move(message), 400, "BadRequest");
}

std::size_t codePoints(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

bool isGuid(std::string_view s)
{
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i])))
            return false;
    }
    return true;
}

// The GUID in "/<set>(<guid>)" (the slash optional), in lower case; none when it is not that shape.
std::optional<std::string> boundId(const json &value, const std::string &set)
{
    if (!value.is_string())
        return std::nullopt;
    std::string_view text = value.get_ref<const std::string &>();
    if (!text.empty() && text.front() == '/')
        text.remove_prefix(1);
    if (text.size() != set.size() + 38 || text.substr(0, set.size()) != set || text[set.size()] != '(' ||
        text.back() != ')')
        return std::nullopt;
    std::string id(text.substr(set.size() + 1, 36));
    if (!isGuid(id))
        return std::nullopt;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    return id;
}

// Optional text: absent or null is empty; anything but a string is an error.
Result<std::string> optionalText(const json &body, const char *name)
{
    const auto it = body.find(name);
    if (it == body.end() || it->is_null())
        return std::string();
    if (!it->is_string())
        return badRequest(std::string(name) + " must be a string.");
    return it->get<std::string>();
}

std::string isoMillis(std::int64_t ms)
{
    std::string iso = domain::Timestamp(ms / 1000).iso(); // "...:SSZ"
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(ms % 1000));
    return iso.insert(iso.size() - 1, fraction);
}

json nullable(const std::string &text)
{
    return text.empty() ? json(nullptr) : json(text);
}

} // namespace

CrmTasks::CrmTasks(const World &world, std::size_t capacity)
    : m_world(world), m_capacity(capacity),
      m_idSeed(mix64(std::random_device{}()) ^
               mix64(std::chrono::steady_clock::now().time_since_epoch().count()))
{
    for (const auto &owner : world.owners())
        m_owners.insert(owner.id);
}

Result<CrmTasks::Task> CrmTasks::read(const json &body) const
{
    std::vector<std::string> unknown;
    for (const auto &[name, value] : body.items())
        if (name != "subject" && name != "description" && name != "scheduledend" && name != kAccountBind &&
            name != kOwnerBind)
            unknown.push_back("'" + name.substr(0, 64) + "'");
    if (!unknown.empty()) {
        std::string list;
        for (const auto &name : unknown)
            list += (list.empty() ? "" : ", ") + name;
        return badRequest("A task has no propert" + std::string(unknown.size() == 1 ? "y " : "ies ") + list +
                          "; it takes subject, description, scheduledend, " + kAccountBind + " and " +
                          kOwnerBind + ".");
    }

    Task task;
    if (!body.contains("subject"))
        return badRequest("subject is required.");
    auto subject = optionalText(body, "subject");
    if (!subject.ok())
        return subject.error();
    task.subject = trimmed(subject.value());
    if (task.subject.empty())
        return badRequest("subject must not be empty.");
    if (codePoints(task.subject) > kMaxSubject)
        return badRequest("subject is " + std::to_string(codePoints(task.subject)) +
                          " characters long; at most " + std::to_string(kMaxSubject) + " are allowed.");

    auto description = optionalText(body, "description");
    if (!description.ok())
        return description.error();
    task.description = std::move(description).value();
    if (codePoints(task.description) > kMaxDescription)
        return badRequest("description is " + std::to_string(codePoints(task.description)) +
                          " characters long; at most " + std::to_string(kMaxDescription) + " are allowed.");

    auto due = optionalText(body, "scheduledend");
    if (!due.ok())
        return due.error();
    if (!due.value().empty()) {
        const auto when = domain::Timestamp::parse(due.value());
        if (!when || due.value().size() <= 10)
            return badRequest("scheduledend must be a UTC date and time such as 2026-03-02T17:00:00Z, not '" +
                              due.value().substr(0, 64) + "'.");
        task.scheduledEnd = when->iso();
    }

    const auto account = body.find(kAccountBind);
    if (account == body.end())
        return badRequest(std::string(kAccountBind) + " is required: \"/accounts(<accountid>)\".");
    const auto accountId = boundId(*account, "accounts");
    if (!accountId)
        return badRequest(std::string(kAccountBind) + " must be \"/accounts(<accountid>)\".");
    if (!m_world.findAccountById(*accountId))
        return badRequest("No account with id " + *accountId + ".");
    task.accountId = *accountId;

    const auto owner = body.find(kOwnerBind);
    if (owner == body.end())
        return badRequest(std::string(kOwnerBind) + " is required: \"/systemusers(<systemuserid>)\".");
    const auto ownerId = boundId(*owner, "systemusers");
    if (!ownerId)
        return badRequest(std::string(kOwnerBind) + " must be \"/systemusers(<systemuserid>)\".");
    if (!m_owners.count(*ownerId))
        return badRequest("No systemuser with id " + *ownerId + ".");
    task.ownerId = *ownerId;
    return task;
}

Result<json> CrmTasks::create(const json &body)
{
    auto read = this->read(body);
    if (!read.ok())
        return read.error();
    Task task = std::move(read).value();
    {
        std::lock_guard lock(m_mutex);
        if (m_tasks.size() >= m_capacity)
            return makeError(ErrorKind::TooLarge,
                             "The demo CRM holds at most " + std::to_string(m_capacity) +
                                 " tasks; no more can be created until it restarts.",
                             507, "InsufficientStorage");
        // Strictly increasing, so "newest first" has no ties even for tasks made in the same millisecond.
        const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        m_lastCreatedMs = std::max(now, m_lastCreatedMs + 1);
        task.createdMs = m_lastCreatedMs;
        task.id = guidFor(m_idSeed, streamTag("task"), m_tasks.size());
        m_byAccount[task.accountId].push_back(m_tasks.size());
        m_tasks.push_back(task);
    }
    return taskRow(task);
}

json CrmTasks::taskRow(const Task &task)
{
    return {{"activityid", task.id},
            {"subject", task.subject},
            {"description", nullable(task.description)},
            {"scheduledend", nullable(task.scheduledEnd)},
            {"statecode", 0},
            {"_regardingobjectid_value", task.accountId},
            {"_ownerid_value", task.ownerId},
            {"createdon", isoMillis(task.createdMs)}};
}

std::vector<CrmTasks::Task> CrmTasks::snapshot(const std::optional<std::string> &accountId) const
{
    std::lock_guard lock(m_mutex);
    if (!accountId)
        return m_tasks;
    std::vector<Task> out;
    const auto it = m_byAccount.find(*accountId);
    if (it != m_byAccount.end())
        for (std::size_t index : it->second)
            out.push_back(m_tasks[index]);
    return out;
}

// Rows are emitted from a copy: emit may unwind, and must not hold up inserts meanwhile.
void CrmTasks::scanTasks(const std::optional<std::string> &accountId, const RowSink &emit) const
{
    for (const auto &task : snapshot(accountId))
        emit(taskRow(task));
}

void CrmTasks::scanActivities(const std::optional<std::string> &accountId, const RowSink &emit) const
{
    for (const auto &task : snapshot(accountId))
        emit({{"activityid", task.id},
              {"_regardingobjectid_value", task.accountId},
              {"activitytypecode", "task"},
              {"subject", task.subject},
              {"statecode", 0},
              {"scheduledstart", task.scheduledEnd.empty() ? domain::Timestamp(task.createdMs / 1000).iso()
                                                           : task.scheduledEnd},
              {"_ownerid_value", task.ownerId}});
}

std::size_t CrmTasks::size() const
{
    std::lock_guard lock(m_mutex);
    return m_tasks.size();
}

} // namespace lakeshore::demo
