// An account's CRM side: contacts, opportunities, activities, conversations and cases, whose text
// mentions the account's own items, invoices, orders and contracts.
#include "demo/names.h"
#include "demo/worldplan.h"
#include "demo/worldtext.h"

#include <algorithm>
#include <numeric>

namespace lakeshore::demo::worldgen {
namespace {

using domain::Date;
using domain::Timestamp;

std::string entityId(const WorldData &data, std::string_view kind, std::size_t accountIndex, std::size_t k)
{
    return guidFor(deriveSeed(data.options.seed, streamTag(kind)), accountIndex, k);
}

Timestamp during(Date date, Rng &rng, bool onTheQuarterHour = false)
{
    // 12:00-21:59 UTC is the working day in the Eastern time zone.
    const int hour = static_cast<int>(rng.between(12, 21));
    const int minute =
        onTheQuarterHour ? 15 * static_cast<int>(rng.below(4)) : static_cast<int>(rng.below(60));
    return Timestamp::at(date, hour, minute, 0);
}

// What the account's sentences can mention; refreshed per record so they do not all say the same.
class Mentions
{
public:
    Mentions(const WorldData &data, const AccountPlan &plan, const AccountDetail &detail,
             const std::vector<std::string> &contactFirstNames)
        : m_data(data), m_plan(plan), m_detail(detail), m_firstNames(contactFirstNames)
    {
        for (const BasketItem &item : plan.basket)
            m_weights.push_back(item.weight);
        m_context.year = std::to_string(data.options.today.year() + 1);
        for (const Agreement &agreement : plan.agreements)
            if (agreement.from <= data.options.today)
                m_context.contract = agreement.id;
    }

    const TextContext &draw(Rng &rng)
    {
        if (!m_plan.basket.empty()) {
            const auto &item = m_data.items[m_plan.basket[rng.weighted(m_weights)].item];
            m_context.item = item.description.substr(0, item.description.find(','));
            m_context.category = item.category;
        }
        if (!m_firstNames.empty())
            m_context.first = m_firstNames[rng.below(m_firstNames.size())];
        m_context.po = "PO " + std::to_string(rng.between(4'500'100'000, 4'500'999'999));
        const auto &invoices = m_detail.invoices;
        if (!invoices.empty()) // mostly recent ones
            m_context.invoice =
                invoices[invoices.size() - 1 - rng.below(std::min<std::size_t>(invoices.size(), 25))].number;
        return m_context;
    }

    std::string text(std::span<const std::string_view> patterns, Rng &rng)
    {
        for (int attempt = 0; attempt < 12; ++attempt) {
            const std::string_view pattern = rng.pick(patterns);
            const TextContext &context = draw(rng);
            if (canFill(pattern, context))
                return fillText(pattern, context);
        }
        for (std::string_view pattern : patterns)
            if (canFill(pattern, m_context))
                return fillText(pattern, m_context);
        return {};
    }

private:
    const WorldData &m_data;
    const AccountPlan &m_plan;
    const AccountDetail &m_detail;
    const std::vector<std::string> &m_firstNames;
    std::vector<int> m_weights;
    TextContext m_context;
};

std::vector<std::string> addContacts(const WorldData &data, std::size_t index, const AccountPlan &plan,
                                     AccountDetail &detail)
{
    const domain::Account &account = data.accounts[index];
    const auto titles = market::industries()[data.traits[index].industry].contactTitles;
    const std::string domain = account.website.substr(4);
    const std::string areaCode = account.phone.substr(1, 3);
    Rng rng(deriveSeed(data.options.seed, index, streamTag("contacts")));
    const auto count = static_cast<std::size_t>(rng.between(2, std::min(8, 4 + plan.tier)));
    std::vector<std::string> firstNames;
    std::vector<std::string_view> usedTitles;
    while (detail.contacts.size() < count) {
        const std::string_view first = rng.pick(names::firstNames());
        const std::string_view last = rng.pick(names::surnames());
        std::string fullName = std::string(first) + ' ' + std::string(last);
        if (std::any_of(detail.contacts.begin(), detail.contacts.end(),
                        [&](const domain::Contact &c) { return c.fullName == fullName; }))
            continue;
        const bool primary = detail.contacts.empty();
        std::string_view title = primary ? titles[rng.below(3)] : rng.pick(titles);
        for (int retry = 0;
             retry < 5 && std::find(usedTitles.begin(), usedTitles.end(), title) != usedTitles.end(); ++retry)
            title = rng.pick(titles);
        usedTitles.push_back(title);

        domain::Contact contact;
        contact.id = entityId(data, "contact", index, detail.contacts.size());
        contact.accountId = account.id;
        contact.fullName = std::move(fullName);
        contact.jobTitle = std::string(title);
        contact.email = names::emailLocalPart(first, last) + '@' + domain;
        contact.phone = rng.percent(70) ? account.phone + " x" + std::to_string(rng.between(200, 499))
                                        : "(" + areaCode + ") 555-0" + std::to_string(rng.between(100, 199));
        contact.primary = primary;
        firstNames.emplace_back(first);
        detail.contacts.push_back(std::move(contact));
    }
    return firstNames;
}

void addOpportunities(const WorldData &data, std::size_t index, const AccountPlan &plan, Mentions &mentions,
                      AccountDetail &detail)
{
    static constexpr int kCountWeights[] = {15, 20, 22, 18, 12, 8, 5}; // 0..6
    static constexpr int kStatusWeights[] = {55, 28, 17};              // Open, Won, Lost
    static constexpr int kStageWeights[] = {30, 30, 25, 15};
    static constexpr std::string_view kStages[] = {"Qualify", "Develop", "Propose", "Close"};
    static constexpr int kProbability[4][2] = {{10, 20}, {25, 40}, {50, 65}, {70, 90}};
    const domain::Account &account = data.accounts[index];
    const Date today = data.options.today;
    Rng rng(deriveSeed(data.options.seed, index, streamTag("opportunities")));
    std::size_t count = rng.weighted(kCountWeights);
    if (!account.active)
        count = std::min<std::size_t>(count, 1);
    for (std::size_t k = 0; k < count; ++k) {
        domain::Opportunity opportunity;
        opportunity.id = entityId(data, "opportunity", index, k);
        opportunity.accountId = account.id;
        opportunity.name = mentions.text(opportunityNames(), rng);
        const std::size_t status = account.active ? rng.weighted(kStatusWeights) : 1 + rng.below(2);
        const std::size_t stage = status == 1 ? 3 : rng.weighted(kStageWeights);
        opportunity.stage = std::string(kStages[stage]);
        opportunity.status = status == 0 ? "Open" : status == 1 ? "Won" : "Lost";
        const std::int64_t valueCents = plan.annualSpendCents * rng.between(5, 60) / 100;
        opportunity.estimatedValue = money(std::max<std::int64_t>(100'000, valueCents / 10'000 * 10'000));
        if (status == 0) {
            opportunity.probability =
                static_cast<int>(rng.between(kProbability[stage][0], kProbability[stage][1]));
            opportunity.estimatedCloseDate = today.addDays(rng.between(-20, 180));
        } else {
            opportunity.probability = status == 1 ? 100 : 0;
            opportunity.estimatedCloseDate = today.addDays(-rng.between(5, 540));
        }
        opportunity.ownerId = account.ownerId;
        detail.opportunities.push_back(std::move(opportunity));
    }
}

void addActivities(const WorldData &data, std::size_t index, const AccountPlan &plan, Mentions &mentions,
                   AccountDetail &detail)
{
    static constexpr int kKindWeights[] = {35, 30, 15, 20};
    static constexpr std::string_view kKinds[] = {"Call", "Email", "Meeting", "Task"};
    const domain::Account &account = data.accounts[index];
    const Date today = data.options.today;
    Rng rng(deriveSeed(data.options.seed, index, streamTag("activities")));
    const auto count = rng.between(5, std::min(30, 12 + 4 * plan.tier));
    const auto future = account.active ? rng.between(1, 3) : 0;
    for (std::int64_t k = 0; k < count; ++k) {
        const std::size_t kind = rng.weighted(kKindWeights);
        const bool upcoming = k < future;
        domain::Activity activity;
        activity.id = entityId(data, "activity", index, static_cast<std::size_t>(k));
        activity.accountId = account.id;
        activity.type = std::string(kKinds[kind]);
        activity.subject = mentions.text(activitySubjects(static_cast<ActivityKind>(kind)), rng);
        activity.status = upcoming ? "Open" : "Completed";
        const Date date = upcoming ? today.addDays(rng.between(1, 30)) : today.addDays(-rng.between(1, 365));
        activity.scheduledAt = during(date, rng, kind == 2);
        activity.ownerId = rng.percent(10) ? data.owners[data.managers[rng.below(data.managers.size())]].id
                                           : account.ownerId;
        detail.activities.push_back(std::move(activity));
    }
    std::stable_sort(
        detail.activities.begin(), detail.activities.end(),
        [](const domain::Activity &a, const domain::Activity &b) { return a.scheduledAt < b.scheduledAt; });
}

void addConversations(const WorldData &data, std::size_t index, Mentions &mentions, AccountDetail &detail)
{
    static constexpr int kChannelWeights[] = {55, 25, 20};
    static constexpr std::string_view kChannels[] = {"Email", "Chat", "Phone"};
    const domain::Account &account = data.accounts[index];
    Rng rng(deriveSeed(data.options.seed, index, streamTag("conversations")));
    const auto topics = conversationTopics();
    std::vector<std::size_t> order(topics.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    rng.shuffle(std::span(order));
    const auto count = static_cast<std::size_t>(rng.between(1, 5));
    for (std::size_t t = 0; t < order.size() && detail.conversations.size() < count; ++t) {
        const ConversationTopic &topic = topics[order[t]];
        const TextContext &context = mentions.draw(rng);
        const std::string_view last = rng.pick(topic.lastMessages);
        if (!canFill(topic.subject, context) || !canFill(last, context))
            continue;
        const std::size_t channel = rng.weighted(kChannelWeights);
        domain::Conversation conversation;
        conversation.id = entityId(data, "conversation", index, detail.conversations.size());
        conversation.accountId = account.id;
        conversation.subject = fillText(topic.subject, context);
        conversation.channel = std::string(kChannels[channel]);
        conversation.messageCount = static_cast<int>(channel == 2 ? rng.between(1, 3) : rng.between(2, 14));
        conversation.lastMessageAt = during(data.options.today.addDays(-rng.between(1, 90)), rng);
        conversation.lastMessage = fillText(last, context);
        detail.conversations.push_back(std::move(conversation));
    }
}

void addCases(const WorldData &data, std::size_t index, Mentions &mentions, AccountDetail &detail)
{
    static constexpr int kCountWeights[] = {40, 30, 15, 10, 5}; // 0..4
    static constexpr int kPriorityWeights[] = {20, 60, 20};
    static constexpr std::string_view kPriorities[] = {"High", "Normal", "Low"};
    const domain::Account &account = data.accounts[index];
    Rng rng(deriveSeed(data.options.seed, index, streamTag("cases")));
    const std::size_t count = rng.weighted(kCountWeights);
    for (std::size_t k = 0; k < count; ++k) {
        domain::Case record;
        record.id = entityId(data, "case", index, k);
        record.accountId = account.id;
        // Derived from the account index, so lazily generated cases never share a number.
        record.number =
            numbered("CAS-", (static_cast<std::int64_t>(index) + 100) * 10 + static_cast<std::int64_t>(k), 5);
        record.title = mentions.text(caseTitles(), rng);
        record.priority = std::string(kPriorities[rng.weighted(kPriorityWeights)]);
        const std::int64_t age = rng.between(1, 365);
        record.status = rng.percent(age <= 30 ? 60 : 6) ? "Active" : "Resolved";
        record.createdOn = during(data.options.today.addDays(-age), rng);
        detail.cases.push_back(std::move(record));
    }
}

} // namespace

void fillCrm(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan, AccountDetail &detail)
{
    const std::vector<std::string> firstNames = addContacts(data, accountIndex, plan, detail);
    Mentions mentions(data, plan, detail, firstNames);
    addOpportunities(data, accountIndex, plan, mentions, detail);
    addActivities(data, accountIndex, plan, mentions, detail);
    addConversations(data, accountIndex, mentions, detail);
    addCases(data, accountIndex, mentions, detail);
}

} // namespace lakeshore::demo::worldgen
