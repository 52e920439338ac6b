// CRM value types: what a rep sees about an account's relationships.
#pragma once

#include "domain/date.h"

#include <string>

namespace lakeshore::domain {

struct Territory
{
    std::string id;
    std::string name;   // "Cleveland"
    std::string region; // "Northeast Ohio"
};

struct Owner
{
    std::string id;
    std::string fullName;
    std::string email;
    std::string title; // "Account Manager", "Sales Manager"
    bool isManager = false;
    std::string territoryId; // a rep's home territory; empty for managers
};

struct Account
{
    std::string id;            // CRM key (GUID)
    std::string accountNumber; // shared with the ERP customer number: "C10042"
    std::string name;
    std::string industry;
    std::string street;
    std::string city;
    std::string state;
    std::string postalCode;
    std::string phone;
    std::string website;
    double annualRevenue = 0;
    int employees = 0;
    bool active = true;
    std::string territoryId;
    std::string ownerId;
    Timestamp modifiedOn;
};

struct Contact
{
    std::string id;
    std::string accountId;
    std::string fullName;
    std::string jobTitle;
    std::string email;
    std::string phone;
    bool primary = false;
};

struct Opportunity
{
    std::string id;
    std::string accountId;
    std::string name;
    std::string stage;  // Qualify, Develop, Propose, Close
    std::string status; // Open, Won, Lost
    double estimatedValue = 0;
    int probability = 0; // percent
    Date estimatedCloseDate;
    std::string ownerId;
};

struct Activity
{
    std::string id;
    std::string accountId;
    std::string type; // Call, Email, Meeting, Task
    std::string subject;
    std::string status; // Open, Completed
    Timestamp scheduledAt;
    std::string ownerId;
};

struct Conversation
{
    std::string id;
    std::string accountId;
    std::string subject;
    std::string channel; // Email, Chat, Phone
    int messageCount = 0;
    Timestamp lastMessageAt;
    std::string lastMessage; // the latest message's text
};

struct Case
{
    std::string id;
    std::string accountId;
    std::string number; // "CAS-01042"
    std::string title;
    std::string priority; // High, Normal, Low
    std::string status;   // Active, Resolved
    Timestamp createdOn;
};

} // namespace lakeshore::domain
