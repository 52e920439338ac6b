// The first step of the offline planner: a question read against a model's vocabulary into measures,
// breakdowns, a time range, a ranking and a CRM scope, or a plain reason why it cannot be read.
#pragma once

#include "assistant/questionwords.h"
#include "assistant/semanticplanner.h"
#include "assistant/semanticvocabulary.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeshore::assistant {

struct QuestionReading
{
    std::vector<std::size_t> metrics;    // into model.metrics, in the order asked
    std::vector<std::size_t> dimensions; // into model.dimensions
    std::optional<std::size_t> timeFilter;
    PhraseCaptures timeCaptures;
    std::string timePhrase; // as written
    std::optional<bool> rankDescending;
    std::optional<int> rankCount;
    CrmNeeds scope; // territory, owner, thisAccount (groupBy is set by the planner)
    bool allAccounts = false;
};

// Errors are ErrorKind::Invalid reasons without the help text ("I did not understand \"ebitda\"").
[[nodiscard]] Result<QuestionReading> readQuestion(std::string_view question, const SemanticModel &model,
                                                   const std::vector<VocabularyEntry> &vocabulary);

} // namespace lakeshore::assistant
