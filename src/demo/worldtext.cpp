#include "demo/worldtext.h"

namespace lakeshore::demo::worldgen {
namespace {

// clang-format off
constexpr std::string_view kCalls[] = {
    "Check in with {first} on open quotes",
    "Follow up on {category} quote",
    "Call {first} about backorder on {item}",
    "Prep call for quarterly business review",
    "Discuss contract renewal timing with {first}",
    "Call re: pricing question on {invoice}",
    "Intro call with new maintenance lead",
    "Confirm usage forecast for {category}",
    "Return {first}'s call about {po}",
};
constexpr std::string_view kEmails[] = {
    "Sent updated {category} price list",
    "Emailed quote for {item}",
    "Sent tracking for {po}",
    "Sent line card and vending program overview",
    "Confirmed delivery window for {po}",
    "Sent safety data sheets for {item}",
    "Sent contract item list for review ({contract})",
    "Sent credit memo details for {invoice}",
};
constexpr std::string_view kMeetings[] = {
    "Storeroom walk-through with {first}",
    "Quarterly business review",
    "Vendor-managed inventory kickoff",
    "Lunch and learn: {category} best practices",
    "Plant tour and reliability survey",
    "Contract renewal meeting ({contract})",
    "Safety glove trial results review",
    "Bearing failure analysis with maintenance team",
};
constexpr std::string_view kTasks[] = {
    "Prepare contract renewal proposal",
    "Set up bin-stocking for {category}",
    "Cross-reference competitor {category} part numbers",
    "Follow up on past-due invoices",
    "Update contact list after reorg",
    "Schedule vending machine install",
    "Load missing contract items into ERP",
    "Review off-contract purchases of {item}",
};

constexpr std::string_view kBackorder[] = {
    "Any update on the {item}? We're down to our last two spares.",
    "The {item} shipped from our Columbus DC this morning; tracking to follow.",
    "Vendor pushed the {item} to next Friday. I can offer an equivalent that is in stock today.",
};
constexpr std::string_view kQuote[] = {
    "Can you requote the {category} items on our list? We need pricing by Thursday.",
    "Attached is the updated quote; pricing holds for 30 days.",
    "Thanks, purchasing approved the quote. PO to follow this week.",
};
constexpr std::string_view kInvoiceQuestion[] = {
    "Invoice {invoice} shows list price on two lines. Shouldn't those be at contract?",
    "We issued a credit memo for the difference on {invoice}.",
    "I checked {invoice}: the item isn't on contract {contract}, so list applied. Want me to add it at renewal?",
};
constexpr std::string_view kDelivery[] = {
    "Can the driver come before 2 pm? Receiving closes early on Fridays.",
    "Confirmed: {po} delivers Tuesday between 8 and 10 am at dock 4.",
    "Partial shipment on {po} today, balance ships Monday.",
};
constexpr std::string_view kRenewal[] = {
    "Our contract is up for renewal soon. Can we review the item list together?",
    "Legal signed the renewal; please load the new pricing effective the first of the month.",
    "Draft renewal attached with the {category} items added. Let me know what you think.",
};
constexpr std::string_view kVending[] = {
    "Machine 2 is out of {item}. Can your tech restock tomorrow?",
    "Restocked both machines; usage report for last month is attached.",
};
constexpr std::string_view kCredit[] = {
    "AP says the check for last month's invoices went out Monday.",
    "We can release the order once the past-due balance is cleared.",
    "Payment received, thank you. Your account is current.",
};
constexpr std::string_view kReturn[] = {
    "Requesting an RMA for the {item} we received by mistake; the box is unopened.",
    "RMA approved. The driver will pick it up with Thursday's delivery.",
};
constexpr std::string_view kStoreroom[] = {
    "Sending the bin label spreadsheet now, 140 locations in total.",
    "New storeroom layout looks great. Can we add {category} to the min/max list?",
};

constexpr ConversationTopic kTopics[] = {
    {"Backorder: {item}", kBackorder},
    {"Quote request: {category}", kQuote},
    {"Question on invoice {invoice}", kInvoiceQuestion},
    {"Delivery window for {po}", kDelivery},
    {"Contract renewal {contract}", kRenewal},
    {"Vending machine restock", kVending},
    {"Past-due balance", kCredit},
    {"Return: {item}", kReturn},
    {"Storeroom reorganization", kStoreroom},
};

constexpr std::string_view kCases[] = {
    "Wrong item shipped: {item}",
    "Pricing discrepancy on invoice {invoice}",
    "Damaged carton on delivery of {po}",
    "Late delivery on {po}",
    "Credit memo request for returned {item}",
    "Missing packing slip on {po}",
    "Warranty claim: {item}",
    "Duplicate invoice {invoice}",
    "Contract price not applied ({contract})",
};

constexpr std::string_view kOpportunities[] = {
    "{year} MRO supply agreement renewal",
    "{category} standardization program",
    "Storeroom VMI program",
    "Industrial vending: {category}",
    "{category} conversion from competitor",
    "Plant expansion: {category} package",
    "Predictive maintenance pilot",
    "Safety program refresh {year}",
    "Compressed air leak audit",
    "Coolant management program",
    "Hose and fitting kitting program",
};

// clang-format on
} // namespace

static const std::string *valueOf(std::string_view key, const TextContext &context)
{
    if (key == "first")
        return &context.first;
    if (key == "item")
        return &context.item;
    if (key == "category")
        return &context.category;
    if (key == "po")
        return &context.po;
    if (key == "invoice")
        return &context.invoice;
    if (key == "year")
        return &context.year;
    if (key == "city")
        return &context.city;
    if (key == "contract")
        return &context.contract;
    return nullptr;
}

// Calls visit(literal) and visit(value) in order; returns false when a placeholder has no value.
template <class Visit> static bool walk(std::string_view pattern, const TextContext &context, Visit visit)
{
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            visit(pattern.substr(i));
            return true;
        }
        visit(pattern.substr(i, open - i));
        const std::string *value = valueOf(pattern.substr(open + 1, close - open - 1), context);
        if (!value || value->empty())
            return false;
        visit(std::string_view(*value));
        i = close + 1;
    }
    return true;
}

bool canFill(std::string_view pattern, const TextContext &context)
{
    return walk(pattern, context, [](std::string_view) {});
}

std::string fillText(std::string_view pattern, const TextContext &context)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    walk(pattern, context, [&](std::string_view part) { out += part; });
    return out;
}

std::span<const std::string_view> activitySubjects(ActivityKind kind)
{
    switch (kind) {
    case ActivityKind::Call:
        return kCalls;
    case ActivityKind::Email:
        return kEmails;
    case ActivityKind::Meeting:
        return kMeetings;
    case ActivityKind::Task:
        break;
    }
    return kTasks;
}

std::span<const ConversationTopic> conversationTopics()
{
    return kTopics;
}
std::span<const std::string_view> caseTitles()
{
    return kCases;
}
std::span<const std::string_view> opportunityNames()
{
    return kOpportunities;
}

} // namespace lakeshore::demo::worldgen
