#include "sources/crmmapping.h"

#include "sources/jsonfields.h"

namespace lakeshore::sources::crm {

domain::Account account(const nlohmann::json &row)
{
    domain::Account a;
    a.id = textOf(row, "accountid");
    a.accountNumber = textOf(row, "accountnumber");
    a.name = textOf(row, "name");
    a.industry = textOf(row, "industry");
    a.street = textOf(row, "address1_line1");
    a.city = textOf(row, "address1_city");
    a.state = textOf(row, "address1_stateorprovince");
    a.postalCode = textOf(row, "address1_postalcode");
    a.phone = textOf(row, "telephone1");
    a.website = textOf(row, "websiteurl");
    a.annualRevenue = numberOf(row, "revenue");
    a.employees = static_cast<int>(integerOf(row, "numberofemployees"));
    a.active = integerOf(row, "statecode") == 0;
    a.territoryId = textOf(row, "_territoryid_value");
    a.ownerId = textOf(row, "_ownerid_value");
    a.modifiedOn = timestampOf(row, "modifiedon");
    return a;
}

domain::Contact contact(const nlohmann::json &row)
{
    domain::Contact c;
    c.id = textOf(row, "contactid");
    c.accountId = textOf(row, "_parentcustomerid_value");
    c.fullName = textOf(row, "fullname");
    c.jobTitle = textOf(row, "jobtitle");
    c.email = textOf(row, "emailaddress1");
    c.phone = textOf(row, "telephone1");
    c.primary = flagOf(row, "isprimary");
    return c;
}

domain::Opportunity opportunity(const nlohmann::json &row)
{
    domain::Opportunity o;
    o.id = textOf(row, "opportunityid");
    o.accountId = textOf(row, "_parentaccountid_value");
    o.name = textOf(row, "name");
    o.stage = textOf(row, "stepname");
    switch (integerOf(row, "statecode")) {
    case 1:
        o.status = "Won";
        break;
    case 2:
        o.status = "Lost";
        break;
    default:
        o.status = "Open";
        break;
    }
    o.estimatedValue = numberOf(row, "estimatedvalue");
    o.probability = static_cast<int>(integerOf(row, "closeprobability"));
    o.estimatedCloseDate = dateOf(row, "estimatedclosedate");
    o.ownerId = textOf(row, "_ownerid_value");
    return o;
}

domain::Activity activity(const nlohmann::json &row)
{
    domain::Activity a;
    a.id = textOf(row, "activityid");
    a.accountId = textOf(row, "_regardingobjectid_value");
    const std::string type = textOf(row, "activitytypecode");
    if (type == "phonecall")
        a.type = "Call";
    else if (type == "email")
        a.type = "Email";
    else if (type == "appointment")
        a.type = "Meeting";
    else if (type == "task")
        a.type = "Task";
    else
        a.type = type;
    a.subject = textOf(row, "subject");
    a.status = integerOf(row, "statecode") == 1 ? "Completed" : "Open";
    a.scheduledAt = timestampOf(row, "scheduledstart");
    a.ownerId = textOf(row, "_ownerid_value");
    return a;
}

domain::Activity task(const nlohmann::json &row)
{
    domain::Activity a;
    a.id = textOf(row, "activityid");
    a.accountId = textOf(row, "_regardingobjectid_value");
    a.type = "Task";
    a.subject = textOf(row, "subject");
    a.status = integerOf(row, "statecode") == 1 ? "Completed" : "Open";
    a.scheduledAt = timestampOf(row, "scheduledend");
    if (a.scheduledAt == domain::Timestamp())
        a.scheduledAt = timestampOf(row, "createdon");
    a.ownerId = textOf(row, "_ownerid_value");
    return a;
}

domain::Conversation conversation(const nlohmann::json &row)
{
    domain::Conversation c;
    c.id = textOf(row, "conversationid");
    c.accountId = textOf(row, "_regardingobjectid_value");
    c.subject = textOf(row, "subject");
    c.channel = textOf(row, "channel");
    c.messageCount = static_cast<int>(integerOf(row, "messagecount"));
    c.lastMessageAt = timestampOf(row, "lastmessageon");
    c.lastMessage = textOf(row, "lastmessagetext");
    return c;
}

domain::Case incident(const nlohmann::json &row)
{
    domain::Case c;
    c.id = textOf(row, "incidentid");
    c.accountId = textOf(row, "_customerid_value");
    c.number = textOf(row, "ticketnumber");
    c.title = textOf(row, "title");
    switch (integerOf(row, "prioritycode")) {
    case 1:
        c.priority = "High";
        break;
    case 3:
        c.priority = "Low";
        break;
    default:
        c.priority = "Normal";
        break;
    }
    c.status = integerOf(row, "statecode") == 0 ? "Active" : "Resolved";
    c.createdOn = timestampOf(row, "createdon");
    return c;
}

domain::Territory territory(const nlohmann::json &row)
{
    return {textOf(row, "territoryid"), textOf(row, "name"), textOf(row, "description")};
}

domain::Owner owner(const nlohmann::json &row)
{
    domain::Owner o;
    o.id = textOf(row, "systemuserid");
    o.fullName = textOf(row, "fullname");
    o.email = textOf(row, "internalemailaddress");
    o.title = textOf(row, "title");
    o.isManager = flagOf(row, "ismanager");
    o.territoryId = textOf(row, "_territoryid_value");
    return o;
}

} // namespace lakeshore::sources::crm
