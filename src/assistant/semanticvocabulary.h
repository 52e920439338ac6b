// Every phrase of a semantic model compiled into one table (what it means and where it is in the model
// file), so a question is read by longest match and no phrase can mean two things.
#pragma once

#include "assistant/questionwords.h"
#include "assistant/semanticmodel.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lakeshore::assistant {

enum class PhraseRole {
    Metric,    // index: metrics
    Dimension, // index: dimensions ("by month")
    Noun,      // index: dimensions ("items")
    Time,      // index: timeFilters
    ThisAccount,
    AllAccounts,
    TerritoryWord,
    OwnerMarker,
    Self,
    Connector,
    Conjunction,
    RankDescending,
    RankAscending,
    Total,       // "total": no breakdown by the accounts a scope names
    Unsupported, // index: unsupported
    Filler,
};

struct VocabularyEntry
{
    PhrasePattern pattern;
    PhraseRole role = PhraseRole::Filler;
    std::size_t index = 0;
    std::string path;   // "metrics[1].synonyms[2]"
    std::string phrase; // as written in the model
};

// Errors name the phrase's path: a phrase that does not parse, a slot where none is allowed, or a phrase
// that is already somewhere else.
[[nodiscard]] Result<std::vector<VocabularyEntry>> compileVocabulary(const SemanticModel &model);

} // namespace lakeshore::assistant
