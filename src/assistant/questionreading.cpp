#include "assistant/questionreading.h"

#include <algorithm>
#include <set>

namespace lakeshore::assistant {

namespace {

constexpr std::size_t kMaxWords = 60;
constexpr std::size_t kMaxMetrics = 4;
constexpr std::size_t kMaxDimensions = 2;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class NameAs { Unknown, Territory, Owner };

// A stretch of the question: a model phrase, a run of words the model does not know (a name, perhaps),
// or a number on its own.
struct Unit
{
    enum class Kind { Phrase, Name, Number } kind = Kind::Phrase;
    std::size_t begin = 0;
    std::size_t end = 0;
    const VocabularyEntry *entry = nullptr;
    PhraseCaptures captures;
    bool used = false; // a territory word, owner marker or account noun taken by a name
    NameAs nameAs = NameAs::Unknown;
};

Error refuse(std::string reason)
{
    return makeError(ErrorKind::Invalid, std::move(reason));
}

class Reader
{
public:
    Reader(const SemanticModel &model, const std::vector<VocabularyEntry> &vocabulary,
           std::vector<QuestionWord> words)
        : m_model(model), m_vocabulary(vocabulary), m_words(std::move(words))
    {
        for (std::size_t i = 0; i < model.dimensions.size(); ++i)
            if (model.dimensions[i].name == model.crm.accountDimension)
                m_accountDimension = i;
        for (const auto &entry : vocabulary)
            for (const auto &token : entry.pattern)
                if (token.slot == PhraseSlot::None)
                    m_vocabularyWords.insert(token.word);
    }

    Result<QuestionReading> run()
    {
        split();
        if (Status s = refusals(); !s)
            return s.error();
        if (Status s = numbers(); !s)
            return s.error();
        if (Status s = names(); !s)
            return s.error();
        return collect();
    }

private:
    std::string textOf(const Unit &unit) const
    {
        std::string text;
        for (std::size_t i = unit.begin; i < unit.end; ++i)
            text += (text.empty() ? "" : " ") + m_words[i].text;
        return text;
    }

    PhraseRole role(std::size_t u) const
    {
        return m_units[u].kind == Unit::Kind::Phrase ? m_units[u].entry->role : PhraseRole::Filler;
    }
    bool isPhrase(std::size_t u, PhraseRole r) const
    {
        return u < m_units.size() && m_units[u].kind == Unit::Kind::Phrase && m_units[u].entry->role == r;
    }
    bool isAccountNoun(std::size_t u) const
    {
        return isPhrase(u, PhraseRole::Noun) && m_units[u].entry->index == m_accountDimension;
    }
    bool isFiller(std::size_t u) const { return isPhrase(u, PhraseRole::Filler); }

    std::size_t previous(std::size_t u) const
    {
        while (u > 0) {
            --u;
            if (!isFiller(u))
                return u;
        }
        return kNone;
    }
    std::size_t next(std::size_t u) const
    {
        for (++u; u < m_units.size(); ++u)
            if (!isFiller(u))
                return u;
        return kNone;
    }

    static std::size_t slots(const VocabularyEntry &entry)
    {
        return static_cast<std::size_t>(
            std::count_if(entry.pattern.begin(), entry.pattern.end(),
                          [](const PhraseToken &t) { return t.slot != PhraseSlot::None; }));
    }

    // Longest phrase first at each word (a literal phrase before one with slots); words no phrase covers
    // become name runs or numbers.
    void split()
    {
        const std::vector<bool> none(m_words.size(), false);
        std::size_t i = 0;
        while (i < m_words.size()) {
            const VocabularyEntry *best = nullptr;
            PhraseCaptures bestCaptures;
            for (const auto &entry : m_vocabulary) {
                PhraseCaptures captures;
                if (!matchPhrase(entry.pattern, m_words, i, none, captures))
                    continue;
                if (!best || entry.pattern.size() > best->pattern.size() ||
                    (entry.pattern.size() == best->pattern.size() && slots(entry) < slots(*best))) {
                    best = &entry;
                    bestCaptures = captures;
                }
            }
            if (best) {
                m_units.push_back({Unit::Kind::Phrase, i, i + best->pattern.size(), best, bestCaptures});
                i += best->pattern.size();
            } else if (m_words[i].number) {
                m_units.push_back({Unit::Kind::Number, i, i + 1, nullptr, {}});
                ++i;
            } else {
                const bool continues = !m_units.empty() && m_units.back().kind == Unit::Kind::Name &&
                                       m_units.back().end == i && !m_words[i - 1].possessive;
                if (continues)
                    m_units.back().end = i + 1;
                else
                    m_units.push_back({Unit::Kind::Name, i, i + 1, nullptr, {}});
                ++i;
            }
        }
    }

    Status refusals() const
    {
        for (const Unit &unit : m_units) {
            if (unit.kind != Unit::Kind::Phrase)
                continue;
            if (unit.entry->role == PhraseRole::Unsupported)
                return refuse("I cannot answer questions about " +
                              m_model.unsupported[unit.entry->index].reason + " (you wrote \"" +
                              textOf(unit) + "\")");
            if (unit.entry->role == PhraseRole::Self)
                return refuse("I do not know who is asking, so \"" + textOf(unit) +
                              "\" names no one; name the owner (e.g. \"Dana's accounts\") or a territory");
        }
        return okStatus();
    }

    Status numbers()
    {
        for (std::size_t u = 0; u < m_units.size(); ++u) {
            if (m_units[u].kind != Unit::Kind::Number)
                continue;
            const bool ranks =
                isPhrase(u + 1, PhraseRole::RankDescending) || isPhrase(u + 1, PhraseRole::RankAscending);
            if (ranks && !m_units[u + 1].captures.number) {
                m_units[u + 1].captures.number = m_words[m_units[u].begin].number; // "the 5 biggest"
                continue;
            }
            return refuse("I did not understand the number \"" + textOf(m_units[u]) + "\" here");
        }
        return okStatus();
    }

    // Who or what a run of unknown words names, from the words around it.
    Status names()
    {
        for (std::size_t u = 0; u < m_units.size(); ++u) {
            Unit &unit = m_units[u];
            if (unit.kind != Unit::Kind::Name)
                continue;
            // A run made only of the model's own words is a phrase used wrongly ("in last"), not a name.
            bool vocabularyOnly = true;
            for (std::size_t w = unit.begin; w < unit.end; ++w)
                vocabularyOnly = vocabularyOnly && m_vocabularyWords.contains(m_words[w].norm);
            if (vocabularyOnly)
                return refuse("I did not understand \"" + textOf(unit) + "\" here");
            const std::size_t before = previous(u);
            const std::size_t after = next(u);
            const bool possessive = m_words[unit.end - 1].possessive;
            if (possessive) {
                unit.nameAs = NameAs::Owner;
                if (after == u + 1 && isAccountNoun(after))
                    m_units[after].used = true;
            } else if (after != kNone && isPhrase(after, PhraseRole::TerritoryWord)) {
                unit.nameAs = NameAs::Territory;
                m_units[after].used = true;
            } else if (before != kNone && isPhrase(before, PhraseRole::TerritoryWord)) {
                unit.nameAs = NameAs::Territory;
                m_units[before].used = true;
            } else if (before != kNone && isPhrase(before, PhraseRole::Connector) &&
                       previous(before) != kNone && isPhrase(previous(before), PhraseRole::TerritoryWord)) {
                unit.nameAs = NameAs::Territory; // "the territory of Akron"
                m_units[previous(before)].used = true;
            } else if (before != kNone && isPhrase(before, PhraseRole::OwnerMarker)) {
                unit.nameAs = NameAs::Owner;
                m_units[before].used = true;
            } else if (after != kNone && isAccountNoun(after)) {
                unit.nameAs = NameAs::Territory; // "Akron accounts"
                m_units[after].used = true;
            } else if (before != kNone && isPhrase(before, PhraseRole::Connector)) {
                unit.nameAs = NameAs::Territory; // "in Columbus"
            } else if (before != kNone && isPhrase(before, PhraseRole::Conjunction) &&
                       previous(before) != kNone && m_units[previous(before)].kind == Unit::Kind::Name) {
                unit.nameAs = m_units[previous(before)].nameAs; // "Cleveland and Akron"
            }
            if (unit.nameAs == NameAs::Unknown)
                return refuse("I did not understand \"" + textOf(unit) + "\"");
            // "accounts owned by Dana", "accounts in the Cleveland territory": the noun is the scope's.
            if (before != kNone &&
                (isPhrase(before, PhraseRole::Connector) || isPhrase(before, PhraseRole::OwnerMarker)) &&
                previous(before) != kNone && isAccountNoun(previous(before)))
                m_units[previous(before)].used = true;
        }
        return okStatus();
    }

    void addOnce(std::vector<std::size_t> &list, std::size_t value) const
    {
        if (std::find(list.begin(), list.end(), value) == list.end())
            list.push_back(value);
    }

    std::optional<std::size_t> crmDimension(CrmDimension which) const
    {
        for (std::size_t i = 0; i < m_model.dimensions.size(); ++i)
            if (m_model.dimensions[i].crm == which)
                return i;
        return std::nullopt;
    }

    Result<QuestionReading> collect() const
    {
        QuestionReading reading;
        std::vector<std::string> territories, owners, timePhrases;
        std::vector<std::pair<std::size_t, std::string>> times; // filter, captures key
        std::vector<bool> directions;
        std::vector<int> counts;
        std::vector<std::size_t> scopeNouns; // "accounts" in "Akron accounts"
        bool total = false;
        for (std::size_t u = 0; u < m_units.size(); ++u) {
            const Unit &unit = m_units[u];
            if (unit.kind == Unit::Kind::Name) {
                auto &names = unit.nameAs == NameAs::Owner ? owners : territories;
                if (std::find(names.begin(), names.end(), textOf(unit)) == names.end())
                    names.push_back(textOf(unit));
                continue;
            }
            if (unit.kind != Unit::Kind::Phrase)
                continue;
            const std::size_t index = unit.entry->index;
            switch (unit.entry->role) {
            case PhraseRole::Metric:
                addOnce(reading.metrics, index);
                break;
            case PhraseRole::Dimension:
                addOnce(reading.dimensions, index);
                break;
            case PhraseRole::Noun:
                addOnce(unit.used ? scopeNouns : reading.dimensions, index);
                break;
            case PhraseRole::Total:
                total = true;
                break;
            case PhraseRole::TerritoryWord:
                if (!unit.used && crmDimension(CrmDimension::Territory)) // "which territory sells most"
                    addOnce(reading.dimensions, *crmDimension(CrmDimension::Territory));
                break;
            case PhraseRole::OwnerMarker:
                if (!unit.used && crmDimension(CrmDimension::Owner)) // "which rep sells most"
                    addOnce(reading.dimensions, *crmDimension(CrmDimension::Owner));
                break;
            case PhraseRole::Time: {
                const PhraseCaptures &c = unit.captures;
                const std::string key =
                    std::to_string(c.number.value_or(-1)) + "/" + std::to_string(c.year.value_or(-1)) + "/" +
                    std::to_string(c.month.value_or(-1)) + "/" + std::to_string(c.quarter.value_or(-1));
                if (std::find(times.begin(), times.end(), std::make_pair(index, key)) == times.end()) {
                    times.emplace_back(index, key);
                    timePhrases.push_back(textOf(unit));
                    reading.timeFilter = index;
                    reading.timeCaptures = c;
                    reading.timePhrase = textOf(unit);
                }
                break;
            }
            case PhraseRole::RankDescending:
            case PhraseRole::RankAscending: {
                const bool descending = unit.entry->role == PhraseRole::RankDescending;
                if (std::find(directions.begin(), directions.end(), descending) == directions.end())
                    directions.push_back(descending);
                if (unit.captures.number &&
                    std::find(counts.begin(), counts.end(), *unit.captures.number) == counts.end())
                    counts.push_back(*unit.captures.number);
                break;
            }
            case PhraseRole::ThisAccount:
                reading.scope.thisAccount = true;
                break;
            case PhraseRole::AllAccounts:
                reading.allAccounts = true;
                break;
            default:
                break;
            }
        }
        // "revenue for Akron accounts" lists the accounts; "total revenue for Akron accounts" sums them.
        if (reading.dimensions.empty() && !total)
            reading.dimensions = scopeNouns;
        auto both = [](const std::vector<std::string> &names) { return names[0] + "\" and \"" + names[1]; };
        if (territories.size() > 1)
            return refuse("I can look at one territory at a time, and you named \"" + both(territories) +
                          "\"");
        if (owners.size() > 1)
            return refuse("I can look at one owner's accounts at a time, and you named \"" + both(owners) +
                          "\"");
        if (!territories.empty())
            reading.scope.territory = territories.front();
        if (!owners.empty())
            reading.scope.owner = owners.front();
        const bool named = !territories.empty() || !owners.empty();
        if (reading.scope.thisAccount && named)
            return refuse("you asked about this account and about " +
                          (territories.empty() ? owners.front() + "'s accounts"
                                               : "the " + territories.front() + " territory") +
                          "; ask about one of them");
        if (reading.allAccounts && (named || reading.scope.thisAccount))
            return refuse(
                "you asked about all accounts and about a narrower set in one question; ask about one");
        if (times.size() > 1)
            return refuse("the question names two time ranges, \"" + timePhrases[0] + "\" and \"" +
                          timePhrases[1] +
                          "\"; ask for one at a time, or break the answer down by year, quarter or month");
        if (directions.size() > 1)
            return refuse("the question asks for both the highest and the lowest; ask for one");
        if (counts.size() > 1)
            return refuse("the question asks for a top " + std::to_string(counts[0]) + " and a top " +
                          std::to_string(counts[1]) + "; ask for one");
        if (!directions.empty()) {
            reading.rankDescending = directions.front();
            if (!counts.empty())
                reading.rankCount = counts.front();
        }
        if (reading.metrics.size() > kMaxMetrics)
            return refuse("the question names " + std::to_string(reading.metrics.size()) +
                          " measures; I can show " + std::to_string(kMaxMetrics) + " at most in one answer");
        if (reading.dimensions.size() > kMaxDimensions)
            return refuse("the question asks for " + std::to_string(reading.dimensions.size()) +
                          " breakdowns; I can break an answer down by two at most");
        int crmDimensions = 0;
        for (std::size_t d : reading.dimensions)
            crmDimensions += m_model.dimensions[d].crm != CrmDimension::None ? 1 : 0;
        if (crmDimensions > 1)
            return refuse("I can break an answer down by territory or by owner, not by both at once");
        return reading;
    }

    const SemanticModel &m_model;
    const std::vector<VocabularyEntry> &m_vocabulary;
    std::vector<QuestionWord> m_words;
    std::vector<Unit> m_units;
    std::size_t m_accountDimension = kNone;
    std::set<std::string> m_vocabularyWords;
};

} // namespace

Result<QuestionReading> readQuestion(std::string_view question, const SemanticModel &model,
                                     const std::vector<VocabularyEntry> &vocabulary)
{
    auto words = splitQuestion(question);
    if (!words)
        return words.error();
    if (words.value().empty())
        return refuse("the question is empty");
    if (words.value().size() > kMaxWords)
        return refuse("the question is " + std::to_string(words.value().size()) +
                      " words long; I read questions of " + std::to_string(kMaxWords) + " words at most");
    return Reader(model, vocabulary, std::move(words).value()).run();
}

} // namespace lakeshore::assistant
