#include "demo/crmservice.h"

#include "demo/crmtasks.h"
#include "demo/demoschema.h"

#include <algorithm>

namespace lakeshore::demo {
namespace {

using domain::Timestamp;
using nlohmann::json;

json nullable(const std::string &text)
{
    return text.empty() ? json(nullptr) : json(text);
}

json accountRow(const domain::Account &a)
{
    return {{"accountid", a.id},
            {"accountnumber", a.accountNumber},
            {"name", a.name},
            {"industry", a.industry},
            {"address1_line1", a.street},
            {"address1_city", a.city},
            {"address1_stateorprovince", a.state},
            {"address1_postalcode", a.postalCode},
            {"telephone1", a.phone},
            {"websiteurl", nullable(a.website)},
            {"revenue", cents(a.annualRevenue)},
            {"numberofemployees", a.employees},
            {"statecode", a.active ? 0 : 1},
            {"_territoryid_value", nullable(a.territoryId)},
            {"_ownerid_value", nullable(a.ownerId)},
            {"modifiedon", a.modifiedOn.iso()}};
}

// Calls visit(detail) for the partition's account only, or for every account when there is none.
template <class Visit>
void forAccounts(const World &world, const std::optional<std::string> &accountId, Visit visit)
{
    if (accountId) {
        if (auto index = world.findAccountById(*accountId))
            visit(world.accounts()[*index], world.detail(*index));
        return;
    }
    for (std::size_t i = 0; i < world.accounts().size(); ++i)
        visit(world.accounts()[i], world.detail(i));
}

const char *activityCode(const std::string &type)
{
    if (type == "Call")
        return "phonecall";
    if (type == "Email")
        return "email";
    if (type == "Meeting")
        return "appointment";
    return "task";
}

int opportunityState(const std::string &status)
{
    return status == "Won" ? 1 : status == "Lost" ? 2 : 0;
}
int priorityCode(const std::string &priority)
{
    return priority == "High" ? 1 : priority == "Low" ? 3 : 2;
}

EntitySetDef accounts(const World &world)
{
    EntitySetDef set;
    set.name = "accounts";
    set.entityType = "account";
    set.key = "accountid";
    set.etagProperty = "modifiedon";
    set.properties = {{"accountid", EdmType::Guid, false},
                      {"accountnumber", EdmType::String},
                      {"name", EdmType::String},
                      {"industry", EdmType::String},
                      {"address1_line1", EdmType::String},
                      {"address1_city", EdmType::String},
                      {"address1_stateorprovince", EdmType::String},
                      {"address1_postalcode", EdmType::String},
                      {"telephone1", EdmType::String},
                      {"websiteurl", EdmType::String},
                      {"revenue", EdmType::Decimal},
                      {"numberofemployees", EdmType::Int32},
                      {"statecode", EdmType::Int32},
                      {"_territoryid_value", EdmType::Guid},
                      {"_ownerid_value", EdmType::Guid},
                      {"modifiedon", EdmType::DateTimeOffset}};
    set.navigations = {
        {"contact_customer_accounts", "contacts", "accountid", "_parentcustomerid_value", true},
        {"opportunity_customer_accounts", "opportunities", "accountid", "_parentaccountid_value", true}};
    set.partitionProperty = "accountid";
    set.scan = [&world](const std::optional<std::string> &id, const RowSink &emit) {
        if (id) {
            if (auto index = world.findAccountById(*id))
                emit(accountRow(world.accounts()[*index]));
            return;
        }
        for (const auto &account : world.accounts())
            emit(accountRow(account));
    };
    // A worklist's join asks for a page of accounts by number or id at once.
    auto byIndex = [&world](auto find) {
        return [&world, find](const std::vector<std::string> &values, const RowSink &emit) {
            std::vector<std::size_t> found;
            for (const auto &value : values)
                if (auto index = find(world, value))
                    found.push_back(*index);
            std::sort(found.begin(), found.end()); // the order a scan emits them in
            found.erase(std::unique(found.begin(), found.end()), found.end());
            for (auto index : found)
                emit(accountRow(world.accounts()[index]));
        };
    };
    set.lookups = {
        {"accountnumber", byIndex([](const World &w, const std::string &v) { return w.findAccountByNumber(v); })},
        {"accountid", byIndex([](const World &w, const std::string &v) { return w.findAccountById(v); })}};
    return set;
}

EntitySetDef contacts(const World &world)
{
    EntitySetDef set;
    set.name = "contacts";
    set.entityType = "contact";
    set.key = "contactid";
    set.properties = {{"contactid", EdmType::Guid, false}, {"_parentcustomerid_value", EdmType::Guid},
                      {"fullname", EdmType::String},       {"jobtitle", EdmType::String},
                      {"emailaddress1", EdmType::String},  {"telephone1", EdmType::String},
                      {"isprimary", EdmType::Boolean}};
    set.partitionProperty = "_parentcustomerid_value";
    set.scan = [&world](const std::optional<std::string> &accountId, const RowSink &emit) {
        forAccounts(world, accountId, [&](const domain::Account &, const AccountDetail &detail) {
            for (const auto &c : detail.contacts)
                emit({{"contactid", c.id},
                      {"_parentcustomerid_value", c.accountId},
                      {"fullname", c.fullName},
                      {"jobtitle", c.jobTitle},
                      {"emailaddress1", c.email},
                      {"telephone1", c.phone},
                      {"isprimary", c.primary}});
        });
    };
    return set;
}

EntitySetDef opportunities(const World &world)
{
    EntitySetDef set;
    set.name = "opportunities";
    set.entityType = "opportunity";
    set.key = "opportunityid";
    set.properties = {{"opportunityid", EdmType::Guid, false},
                      {"_parentaccountid_value", EdmType::Guid},
                      {"name", EdmType::String},
                      {"stepname", EdmType::String},
                      {"statecode", EdmType::Int32},
                      {"estimatedvalue", EdmType::Decimal},
                      {"closeprobability", EdmType::Int32},
                      {"estimatedclosedate", EdmType::Date},
                      {"_ownerid_value", EdmType::Guid}};
    set.partitionProperty = "_parentaccountid_value";
    set.scan = [&world](const std::optional<std::string> &accountId, const RowSink &emit) {
        forAccounts(world, accountId, [&](const domain::Account &, const AccountDetail &detail) {
            for (const auto &o : detail.opportunities)
                emit({{"opportunityid", o.id},
                      {"_parentaccountid_value", o.accountId},
                      {"name", o.name},
                      {"stepname", o.stage},
                      {"statecode", opportunityState(o.status)},
                      {"estimatedvalue", cents(o.estimatedValue)},
                      {"closeprobability", o.probability},
                      {"estimatedclosedate", o.estimatedCloseDate.iso()},
                      {"_ownerid_value", nullable(o.ownerId)}});
        });
    };
    return set;
}

// Generated activities, then the tasks written through the service: new rows come last, so paging holds.
EntitySetDef activities(const World &world, std::shared_ptr<const CrmTasks> tasks)
{
    EntitySetDef set;
    set.name = "activitypointers";
    set.entityType = "activitypointer";
    set.key = "activityid";
    set.properties = {{"activityid", EdmType::Guid, false},  {"_regardingobjectid_value", EdmType::Guid},
                      {"activitytypecode", EdmType::String}, {"subject", EdmType::String},
                      {"statecode", EdmType::Int32},         {"scheduledstart", EdmType::DateTimeOffset},
                      {"_ownerid_value", EdmType::Guid}};
    set.partitionProperty = "_regardingobjectid_value";
    set.scan = [&world, tasks](const std::optional<std::string> &accountId, const RowSink &emit) {
        forAccounts(world, accountId, [&](const domain::Account &, const AccountDetail &detail) {
            for (const auto &a : detail.activities)
                emit({{"activityid", a.id},
                      {"_regardingobjectid_value", a.accountId},
                      {"activitytypecode", activityCode(a.type)},
                      {"subject", a.subject},
                      {"statecode", a.status == "Completed" ? 1 : 0},
                      {"scheduledstart", a.scheduledAt.iso()},
                      {"_ownerid_value", nullable(a.ownerId)}});
        });
        tasks->scanActivities(accountId, emit);
    };
    return set;
}

EntitySetDef taskSet(std::shared_ptr<CrmTasks> tasks)
{
    EntitySetDef set;
    set.name = "tasks";
    set.entityType = "task";
    set.key = "activityid";
    set.properties = {{"activityid", EdmType::Guid, false}, {"subject", EdmType::String},
                      {"description", EdmType::String},     {"scheduledend", EdmType::DateTimeOffset},
                      {"statecode", EdmType::Int32},        {"_regardingobjectid_value", EdmType::Guid},
                      {"_ownerid_value", EdmType::Guid},    {"createdon", EdmType::DateTimeOffset}};
    // What "<navigation>@odata.bind" names when a task is created.
    set.navigations = {
        {"regardingobjectid_account", "accounts", "_regardingobjectid_value", "accountid", false},
        {"ownerid", "systemusers", "_ownerid_value", "systemuserid", false}};
    set.partitionProperty = "_regardingobjectid_value";
    set.scan = [tasks](const std::optional<std::string> &accountId, const RowSink &emit) {
        tasks->scanTasks(accountId, emit);
    };
    set.insert = [tasks](const nlohmann::json &body) { return tasks->create(body); };
    return set;
}

EntitySetDef conversations(const World &world)
{
    EntitySetDef set;
    set.name = "conversations";
    set.entityType = "conversation";
    set.key = "conversationid";
    set.properties = {{"conversationid", EdmType::Guid, false},
                      {"_regardingobjectid_value", EdmType::Guid},
                      {"subject", EdmType::String},
                      {"channel", EdmType::String},
                      {"messagecount", EdmType::Int32},
                      {"lastmessageon", EdmType::DateTimeOffset},
                      {"lastmessagetext", EdmType::String}};
    set.partitionProperty = "_regardingobjectid_value";
    set.scan = [&world](const std::optional<std::string> &accountId, const RowSink &emit) {
        forAccounts(world, accountId, [&](const domain::Account &, const AccountDetail &detail) {
            for (const auto &c : detail.conversations)
                emit({{"conversationid", c.id},
                      {"_regardingobjectid_value", c.accountId},
                      {"subject", c.subject},
                      {"channel", c.channel},
                      {"messagecount", c.messageCount},
                      {"lastmessageon", c.lastMessageAt.iso()},
                      {"lastmessagetext", c.lastMessage}});
        });
    };
    return set;
}

EntitySetDef incidents(const World &world)
{
    EntitySetDef set;
    set.name = "incidents";
    set.entityType = "incident";
    set.key = "incidentid";
    set.properties = {{"incidentid", EdmType::Guid, false},  {"_customerid_value", EdmType::Guid},
                      {"ticketnumber", EdmType::String},     {"title", EdmType::String},
                      {"prioritycode", EdmType::Int32},      {"statecode", EdmType::Int32},
                      {"createdon", EdmType::DateTimeOffset}};
    set.partitionProperty = "_customerid_value";
    set.scan = [&world](const std::optional<std::string> &accountId, const RowSink &emit) {
        forAccounts(world, accountId, [&](const domain::Account &, const AccountDetail &detail) {
            for (const auto &c : detail.cases)
                emit({{"incidentid", c.id},
                      {"_customerid_value", c.accountId},
                      {"ticketnumber", c.number},
                      {"title", c.title},
                      {"prioritycode", priorityCode(c.priority)},
                      {"statecode", c.status == "Active" ? 0 : 1},
                      {"createdon", c.createdOn.iso()}});
        });
    };
    return set;
}

EntitySetDef territories(const World &world)
{
    EntitySetDef set;
    set.name = "territories";
    set.entityType = "territory";
    set.key = "territoryid";
    set.properties = {
        {"territoryid", EdmType::Guid, false}, {"name", EdmType::String}, {"description", EdmType::String}};
    set.scan = [&world](const std::optional<std::string> &, const RowSink &emit) {
        for (const auto &t : world.territories())
            emit({{"territoryid", t.id}, {"name", t.name}, {"description", t.region}});
    };
    return set;
}

EntitySetDef systemUsers(const World &world)
{
    EntitySetDef set;
    set.name = "systemusers";
    set.entityType = "systemuser";
    set.key = "systemuserid";
    set.properties = {{"systemuserid", EdmType::Guid, false},    {"fullname", EdmType::String},
                      {"internalemailaddress", EdmType::String}, {"title", EdmType::String},
                      {"ismanager", EdmType::Boolean},           {"_territoryid_value", EdmType::Guid}};
    set.scan = [&world](const std::optional<std::string> &, const RowSink &emit) {
        for (const auto &o : world.owners())
            emit({{"systemuserid", o.id},
                  {"fullname", o.fullName},
                  {"internalemailaddress", o.email},
                  {"title", o.title},
                  {"ismanager", o.isManager},
                  {"_territoryid_value", nullable(o.territoryId)}});
    };
    return set;
}

} // namespace

std::unique_ptr<ODataService> makeCrmService(const World &world, std::size_t maxTasks)
{
    // Shared by the sets' functions, which the service keeps as long as it lives.
    auto tasks = std::make_shared<CrmTasks>(world, maxTasks);
    auto service = std::make_unique<ODataService>("Microsoft.Dynamics.CRM", crmRootPath);
    service->addEntitySet(accounts(world));
    service->addEntitySet(contacts(world));
    service->addEntitySet(opportunities(world));
    service->addEntitySet(activities(world, tasks));
    service->addEntitySet(conversations(world));
    service->addEntitySet(incidents(world));
    service->addEntitySet(territories(world));
    service->addEntitySet(systemUsers(world));
    service->addEntitySet(taskSet(tasks));
    return service;
}

} // namespace lakeshore::demo
