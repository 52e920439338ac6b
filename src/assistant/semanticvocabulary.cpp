#include "assistant/semanticvocabulary.h"

#include <map>

namespace lakeshore::assistant {

namespace {

class Compiler
{
public:
    Status add(const std::vector<std::string> &phrases, const std::string &path, PhraseRole role,
               std::size_t index, bool slotsAllowed)
    {
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            auto pattern = parsePhrase(phrases[i]);
            if (!pattern)
                return makeError(ErrorKind::Invalid, at + ": " + pattern.error().message);
            bool hasSlot = false;
            for (const auto &token : pattern.value())
                hasSlot = hasSlot || token.slot != PhraseSlot::None;
            if (hasSlot && !slotsAllowed)
                return makeError(ErrorKind::Invalid,
                                 at + ": \"" + phrases[i] +
                                     "\" has a slot; slots belong in timeFilters and ranking");
            const std::string key = phraseKey(pattern.value());
            if (auto [it, inserted] = m_seen.emplace(key, at); !inserted)
                return makeError(ErrorKind::Invalid,
                                 at + ": \"" + phrases[i] + "\" is already " + it->second);
            m_entries.push_back({std::move(pattern).value(), role, index, at, phrases[i]});
        }
        return okStatus();
    }

    std::vector<VocabularyEntry> take() { return std::move(m_entries); }

private:
    std::map<std::string, std::string> m_seen; // phrase key -> path
    std::vector<VocabularyEntry> m_entries;
};

} // namespace

Result<std::vector<VocabularyEntry>> compileVocabulary(const SemanticModel &model)
{
    Compiler c;
    for (std::size_t i = 0; i < model.metrics.size(); ++i)
        if (Status s = c.add(model.metrics[i].synonyms, "metrics[" + std::to_string(i) + "].synonyms",
                             PhraseRole::Metric, i, false);
            !s)
            return s.error();
    for (std::size_t i = 0; i < model.dimensions.size(); ++i) {
        const std::string path = "dimensions[" + std::to_string(i) + "]";
        if (Status s = c.add(model.dimensions[i].phrases, path + ".phrases", PhraseRole::Dimension, i, false);
            !s)
            return s.error();
        if (Status s = c.add(model.dimensions[i].nouns, path + ".nouns", PhraseRole::Noun, i, false); !s)
            return s.error();
    }
    for (std::size_t i = 0; i < model.timeFilters.size(); ++i)
        if (Status s = c.add(model.timeFilters[i].phrases, "timeFilters[" + std::to_string(i) + "].phrases",
                             PhraseRole::Time, i, true);
            !s)
            return s.error();
    const std::pair<const std::vector<std::string> *, std::pair<const char *, PhraseRole>> crm[] = {
        {&model.crm.thisAccount, {"crm.thisAccount", PhraseRole::ThisAccount}},
        {&model.crm.allAccounts, {"crm.allAccounts", PhraseRole::AllAccounts}},
        {&model.crm.territoryWords, {"crm.territoryWords", PhraseRole::TerritoryWord}},
        {&model.crm.ownerMarkers, {"crm.ownerMarkers", PhraseRole::OwnerMarker}},
        {&model.crm.self, {"crm.self", PhraseRole::Self}},
        {&model.crm.connectors, {"crm.connectors", PhraseRole::Connector}},
        {&model.crm.conjunctions, {"crm.conjunctions", PhraseRole::Conjunction}},
    };
    for (const auto &[phrases, where] : crm)
        if (Status s = c.add(*phrases, where.first, where.second, 0, false); !s)
            return s.error();
    if (Status s = c.add(model.rankDescending, "ranking.descending", PhraseRole::RankDescending, 0, true); !s)
        return s.error();
    if (Status s = c.add(model.rankAscending, "ranking.ascending", PhraseRole::RankAscending, 0, true); !s)
        return s.error();
    if (Status s = c.add(model.totals, "totals", PhraseRole::Total, 0, false); !s)
        return s.error();
    for (std::size_t i = 0; i < model.unsupported.size(); ++i)
        if (Status s = c.add(model.unsupported[i].phrases, "unsupported[" + std::to_string(i) + "].phrases",
                             PhraseRole::Unsupported, i, false);
            !s)
            return s.error();
    if (Status s = c.add(model.fillers, "fillers", PhraseRole::Filler, 0, false); !s)
        return s.error();
    return c.take();
}

} // namespace lakeshore::assistant
