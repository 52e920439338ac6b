// Internal to the world generator: the sentences of the demo CRM (activity subjects, conversation
// threads, case titles, opportunity names) with {placeholders} filled from the account's own data.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace lakeshore::demo::worldgen {

// Values for {first} {item} {category} {po} {invoice} {year} {city} {contract}.
struct TextContext
{
    std::string first;
    std::string item;
    std::string category;
    std::string po;
    std::string invoice;
    std::string year;
    std::string city;
    std::string contract;
};

[[nodiscard]] std::string fillText(std::string_view pattern, const TextContext &context);
// False when the pattern names a value the context does not have (no contract, no invoice yet).
[[nodiscard]] bool canFill(std::string_view pattern, const TextContext &context);

enum class ActivityKind { Call, Email, Meeting, Task };
[[nodiscard]] std::span<const std::string_view> activitySubjects(ActivityKind kind);

struct ConversationTopic
{
    std::string_view subject;
    std::span<const std::string_view> lastMessages;
};
[[nodiscard]] std::span<const ConversationTopic> conversationTopics();

[[nodiscard]] std::span<const std::string_view> caseTitles();
[[nodiscard]] std::span<const std::string_view> opportunityNames();

} // namespace lakeshore::demo::worldgen
