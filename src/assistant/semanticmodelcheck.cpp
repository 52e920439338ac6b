// validateSemanticModel: the checks that need the whole model (names, references, phrases, SQL snippets).
#include "assistant/semanticmodel.h"
#include "assistant/semanticvocabulary.h"
#include "assistant/sqltokenizer.h"

#include <map>
#include <set>

namespace lakeshore::assistant {

namespace {

constexpr std::string_view kMonthSlot = "{month}";

Error invalid(const std::string &path, const std::string &what)
{
    return makeError(ErrorKind::Invalid, path + ": " + what);
}

std::string at(const char *list, std::size_t i)
{
    return std::string(list) + "[" + std::to_string(i) + "]";
}

// Lower-case SQL identifiers read the same unquoted in every dialect we target.
bool isIdentifier(std::string_view name)
{
    if (name.empty() || name.size() > 64 || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_'))
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

Status identifier(const std::string &path, const std::string &name)
{
    if (!isIdentifier(name))
        return invalid(path, "\"" + name + "\" is not a lower-case SQL identifier (a-z, 0-9, _)");
    return okStatus();
}

// A piece of SQL the planner pastes into queries: one clean expression or clause, no statement breaks,
// no placeholders but {month} where allowed.
Status snippet(const std::string &path, const std::string &sql, bool monthAllowed)
{
    if (sql.find(';') != std::string::npos)
        return invalid(path, "a ';' may not appear in a SQL snippet");
    std::string rest = sql;
    for (std::size_t open = rest.find('{'); open != std::string::npos; open = rest.find('{', open + 1)) {
        if (monthAllowed && std::string_view(rest).substr(open).starts_with(kMonthSlot))
            continue;
        const std::size_t close = rest.find('}', open);
        const std::string slot = rest.substr(open, close == std::string::npos ? 1 : close - open + 1);
        return invalid(path, "unknown placeholder " + slot + (monthAllowed ? " (only {month})" : ""));
    }
    const TokenizeResult tokens = tokenize(sql, SqlDialect::Generic);
    if (!tokens.ok())
        return invalid(path, "SQL the query guard cannot read: " + tokens.error);
    return okStatus();
}

template <class T, class NameOf>
Status unique(const std::vector<T> &list, const char *listName, const char *field, NameOf nameOf)
{
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (auto [it, inserted] = seen.emplace(nameOf(list[i]), i); !inserted)
            return invalid(at(listName, i) + "." + field,
                           "duplicate name \"" + it->first + "\" (also " + at(listName, it->second) + ")");
    return okStatus();
}

Status checkTables(const SemanticModel &model)
{
    if (model.tables.empty())
        return invalid("tables", "empty");
    for (std::size_t i = 0; i < model.tables.size(); ++i) {
        const ModelTable &t = model.tables[i];
        const std::string path = at("tables", i);
        if (Status s = identifier(path + ".name", t.name); !s)
            return s;
        if (Status s = identifier(path + ".alias", t.alias); !s)
            return s;
        const std::pair<const char *, const std::string *> parts[] = {
            {".account", &t.accountSql}, {".month", &t.monthSql}, {".date", &t.dateSql}};
        for (const auto &[key, sql] : parts)
            if (!sql->empty())
                if (Status s = snippet(path + key, *sql, false); !s)
                    return s;
        if (t.accountSql.empty())
            return invalid(path + ".account", "missing");
        if (!t.dateSql.empty() && t.monthSql.empty())
            return invalid(path + ".month", "missing (a table by day needs its month expression too)");
        for (const auto &[name, sql] : t.joins) {
            if (Status s = identifier(path + ".joins." + name, name); !s)
                return s;
            if (Status s = snippet(path + ".joins." + name, sql, false); !s)
                return s;
        }
    }
    if (Status s = unique(model.tables, "tables", "name", [](const ModelTable &t) { return t.name; }); !s)
        return s;
    return unique(model.tables, "tables", "alias", [](const ModelTable &t) { return t.alias; });
}

Status checkMetrics(const SemanticModel &model)
{
    if (model.metrics.empty())
        return invalid("metrics", "empty");
    if (Status s = unique(model.metrics, "metrics", "name", [](const ModelMetric &m) { return m.name; }); !s)
        return s;
    for (std::size_t i = 0; i < model.metrics.size(); ++i) {
        const ModelMetric &m = model.metrics[i];
        const std::string path = at("metrics", i);
        if (Status s = identifier(path + ".name", m.name); !s)
            return s;
        if (m.label.empty())
            return invalid(path + ".label", "missing");
        if (m.synonyms.empty())
            return invalid(path + ".synonyms", "missing");
        if (m.sqlByTable.empty() && !m.ratio)
            return invalid(path + ".sql", "missing");
        if (!m.sqlByTable.empty() && m.ratio)
            return invalid(path, "give either sql or ratio, not both");
        for (const auto &[table, sql] : m.sqlByTable) {
            if (!model.table(table))
                return invalid(path + ".sql." + table, "unknown table");
            if (Status s = snippet(path + ".sql." + table, sql, false); !s)
                return s;
        }
        if (m.ratio) {
            const std::pair<const char *, const std::string *> parts[] = {
                {".numerator", &m.ratio->numerator}, {".denominator", &m.ratio->denominator}};
            for (const auto &[key, name] : parts) {
                const ModelMetric *part = model.metric(*name);
                if (!part)
                    return invalid(path + ".ratio" + key, "unknown metric \"" + *name + "\"");
                if (part->ratio)
                    return invalid(path + ".ratio" + key, "\"" + *name + "\" is itself a ratio");
            }
            bool shared = false;
            for (const auto &[table, sql] : model.metric(m.ratio->numerator)->sqlByTable)
                shared = shared || model.metric(m.ratio->denominator)->sqlByTable.contains(table);
            if (!shared)
                return invalid(path + ".ratio",
                               m.ratio->numerator + " and " + m.ratio->denominator + " share no table");
            if (!(m.ratio->scale > 0) || m.ratio->scale > 1e6)
                return invalid(path + ".ratio.scale", "must be above 0 and at most 1000000");
        }
        if (!m.rankBy.empty() && !model.dimension(m.rankBy))
            return invalid(path + ".rankBy", "unknown dimension \"" + m.rankBy + "\"");
    }
    return okStatus();
}

bool tableOffers(const ModelTable &table, const ModelDimension &d)
{
    if (d.crm != CrmDimension::None)
        return true;
    if (!d.join.empty() && !table.joins.contains(d.join))
        return false;
    for (const auto &column : d.columns)
        if (column.sql.find(kMonthSlot) != std::string::npos && table.monthSql.empty())
            return false;
    return true;
}

Status checkDimensions(const SemanticModel &model)
{
    if (model.dimensions.empty())
        return invalid("dimensions", "empty");
    if (Status s =
            unique(model.dimensions, "dimensions", "name", [](const ModelDimension &d) { return d.name; });
        !s)
        return s;
    std::map<std::string, std::string> columns; // result column -> path
    for (const auto &metric : model.metrics)
        columns.emplace(metric.name, "a metric");
    for (std::size_t i = 0; i < model.dimensions.size(); ++i) {
        const ModelDimension &d = model.dimensions[i];
        const std::string path = at("dimensions", i);
        if (Status s = identifier(path + ".name", d.name); !s)
            return s;
        if (d.phrases.empty())
            return invalid(path + ".phrases", "missing");
        if (d.columns.empty())
            return invalid(path + ".columns", "missing");
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const DimensionColumn &column = d.columns[c];
            const std::string cpath = path + ".columns[" + std::to_string(c) + "]";
            if (Status s = identifier(cpath + ".name", column.name); !s)
                return s;
            if (auto [it, inserted] = columns.emplace(column.name, cpath + ".name"); !inserted)
                return invalid(cpath + ".name", "\"" + column.name + "\" is already " + it->second);
            if (d.crm != CrmDimension::None && !column.sql.empty())
                return invalid(cpath + ".sql", "a CRM dimension takes its values from the CRM, not from SQL");
            if (d.crm == CrmDimension::None && column.sql.empty())
                return invalid(cpath + ".sql", "missing");
            if (!column.sql.empty())
                if (Status s = snippet(cpath + ".sql", column.sql, true); !s)
                    return s;
        }
        if (d.crm != CrmDimension::None && (d.columns.size() != 1 || !d.join.empty()))
            return invalid(path, "a CRM dimension has exactly one column and no join");
        if (!d.join.empty()) {
            bool offered = false;
            for (const auto &table : model.tables)
                offered = offered || table.joins.contains(d.join);
            if (!offered)
                return invalid(path + ".join", "no table offers a join named \"" + d.join + "\"");
        }
        bool available = false;
        for (const auto &table : model.tables)
            available = available || tableOffers(table, d);
        if (!available)
            return invalid(path, "no table can provide it (it needs a month expression" +
                                     (d.join.empty() ? std::string() : " and the join \"" + d.join + "\"") +
                                     ")");
        if (!d.accountNumberColumn.empty()) {
            bool found = false;
            for (const auto &column : d.columns)
                found = found || column.name == d.accountNumberColumn;
            if (!found)
                return invalid(path + ".accountNumberColumn",
                               "\"" + d.accountNumberColumn + "\" is not one of its columns");
        }
    }
    return okStatus();
}

std::multiset<PhraseSlot> slotsOf(const PhrasePattern &pattern)
{
    std::multiset<PhraseSlot> slots;
    for (const auto &token : pattern)
        if (token.slot != PhraseSlot::None)
            slots.insert(token.slot);
    return slots;
}

bool countedKind(TimeKind kind)
{
    return kind == TimeKind::LastDays || kind == TimeKind::LastMonths || kind == TimeKind::LastYears;
}

Status checkTimeFilters(const SemanticModel &model)
{
    if (model.timeFilters.empty())
        return invalid("timeFilters", "empty");
    if (Status s =
            unique(model.timeFilters, "timeFilters", "name", [](const ModelTimeFilter &t) { return t.name; });
        !s)
        return s;
    for (std::size_t i = 0; i < model.timeFilters.size(); ++i) {
        const ModelTimeFilter &t = model.timeFilters[i];
        const std::string path = at("timeFilters", i);
        if (t.n && !countedKind(t.kind))
            return invalid(path + ".n", "only last_days, last_months and last_years take n");
        if (t.n && (*t.n < 1 || *t.n > 3660))
            return invalid(path + ".n", "must be 1 to 3660");
        if (t.phrases.empty())
            return invalid(path + ".phrases", "missing");
        std::multiset<PhraseSlot> wanted;
        if (countedKind(t.kind) && !t.n)
            wanted = {PhraseSlot::Number};
        else if (t.kind == TimeKind::Year)
            wanted = {PhraseSlot::Year};
        else if (t.kind == TimeKind::Month)
            wanted = {PhraseSlot::MonthName, PhraseSlot::Year};
        else if (t.kind == TimeKind::Quarter)
            wanted = {PhraseSlot::Quarter, PhraseSlot::Year};
        for (std::size_t p = 0; p < t.phrases.size(); ++p) {
            auto pattern = parsePhrase(t.phrases[p]);
            const std::string ppath = path + ".phrases[" + std::to_string(p) + "]";
            if (!pattern)
                return invalid(ppath, pattern.error().message);
            if (slotsOf(pattern.value()) != wanted) {
                std::string need;
                for (PhraseSlot slot : wanted)
                    need += std::string(need.empty() ? "" : " and ") + phraseKey({{std::string(), slot}});
                return invalid(ppath, "\"" + t.phrases[p] + "\" must have " +
                                          (need.empty() ? std::string("no slots") : "exactly " + need) +
                                          " for kind " + std::string(timeKindName(t.kind)) +
                                          (t.n ? " with a fixed n" : ""));
            }
        }
    }
    return okStatus();
}

Status checkDefaultsAndCrm(const SemanticModel &model)
{
    const ModelDefaults &d = model.defaults;
    if (!model.metric(d.metric))
        return invalid("defaults.metric", "unknown metric \"" + d.metric + "\"");
    if (!model.dimension(d.rankDimension))
        return invalid("defaults.rankDimension", "unknown dimension \"" + d.rankDimension + "\"");
    const ModelTimeFilter *time = model.timeFilter(d.timeFilter);
    if (!time)
        return invalid("defaults.timeFilter", "unknown time filter \"" + d.timeFilter + "\"");
    if (countedKind(time->kind) ? !time->n
                                : (time->kind == TimeKind::Year || time->kind == TimeKind::Month ||
                                   time->kind == TimeKind::Quarter))
        return invalid("defaults.timeFilter", "\"" + d.timeFilter + "\" needs a value from the question");
    if (d.maxRows < 1 || d.maxRows > 100000)
        return invalid("defaults.maxRows", "must be 1 to 100000");
    if (d.topN < 1 || d.topN > d.maxRows)
        return invalid("defaults.topN", "must be 1 to maxRows");
    const ModelDimension *accounts = model.dimension(model.crm.accountDimension);
    if (!accounts)
        return invalid("crm.accountDimension", "unknown dimension \"" + model.crm.accountDimension + "\"");
    if (accounts->nouns.empty() || accounts->accountNumberColumn.empty())
        return invalid("crm.accountDimension",
                       "\"" + accounts->name + "\" needs nouns and an accountNumberColumn");
    for (std::size_t i = 0; i < model.rankDescending.size() + model.rankAscending.size(); ++i) {
        const bool desc = i < model.rankDescending.size();
        const std::size_t k = desc ? i : i - model.rankDescending.size();
        const std::string &phrase = desc ? model.rankDescending[k] : model.rankAscending[k];
        auto pattern = parsePhrase(phrase);
        const std::string path =
            std::string(desc ? "ranking.descending" : "ranking.ascending") + "[" + std::to_string(k) + "]";
        if (!pattern)
            return invalid(path, pattern.error().message);
        for (PhraseSlot slot : slotsOf(pattern.value()))
            if (slot != PhraseSlot::Number)
                return invalid(path, "\"" + phrase + "\" may use only the {n} slot");
    }
    for (std::size_t i = 0; i < model.unsupported.size(); ++i)
        if (model.unsupported[i].reason.empty())
            return invalid(at("unsupported", i) + ".reason", "missing");
    return okStatus();
}

} // namespace

Status validateSemanticModel(const SemanticModel &model)
{
    if (model.version != kSemanticModelVersion)
        return invalid("version", std::to_string(model.version) +
                                      " is not supported (this build reads version " +
                                      std::to_string(kSemanticModelVersion) + ")");
    if (model.name.empty())
        return invalid("name", "missing");
    for (auto check : {checkTables, checkMetrics, checkDimensions, checkTimeFilters, checkDefaultsAndCrm})
        if (Status s = check(model); !s)
            return s;
    auto vocabulary = compileVocabulary(model);
    if (!vocabulary)
        return vocabulary.error();
    return okStatus();
}

} // namespace lakeshore::assistant
