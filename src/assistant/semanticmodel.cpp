#include "assistant/semanticmodel.h"

#include "assistant/modeljson.h"

#include <algorithm>
#include <fstream>

namespace lakeshore::assistant {

namespace {

constexpr std::size_t kMaxModelBytes = 4u << 20;

using modeljson::Reader;
using modeljson::Value;

template <class T, std::size_t N>
bool readEnum(Reader &r, const Value &object, const std::string &key,
              const std::pair<std::string_view, T> (&names)[N], T &out, bool required)
{
    std::string text;
    if (!r.string(object, key, text, required) || text.empty())
        return r.ok();
    for (const auto &[name, value] : names)
        if (text == name) {
            out = value;
            return true;
        }
    std::string choices;
    for (const auto &[name, value] : names)
        choices += (choices.empty() ? "" : ", ") + std::string(name);
    return r.fail(object.path(key), "\"" + text + "\" is not one of " + choices);
}

constexpr std::pair<std::string_view, MetricFormat> kFormats[] = {{"currency", MetricFormat::Currency},
                                                                  {"percent", MetricFormat::Percent},
                                                                  {"count", MetricFormat::Count},
                                                                  {"score", MetricFormat::Score},
                                                                  {"number", MetricFormat::Number}};

constexpr std::pair<std::string_view, ChartKind> kCharts[] = {
    {"none", ChartKind::None}, {"bar", ChartKind::Bar}, {"line", ChartKind::Line}};

constexpr std::pair<std::string_view, CrmDimension> kCrmDimensions[] = {
    {"territory", CrmDimension::Territory}, {"owner", CrmDimension::Owner}};

constexpr std::pair<std::string_view, TimeKind> kTimeKinds[] = {{"lifetime", TimeKind::Lifetime},
                                                                {"last_days", TimeKind::LastDays},
                                                                {"last_months", TimeKind::LastMonths},
                                                                {"last_years", TimeKind::LastYears},
                                                                {"this_month", TimeKind::ThisMonth},
                                                                {"last_month", TimeKind::LastMonth},
                                                                {"this_quarter", TimeKind::ThisQuarter},
                                                                {"last_quarter", TimeKind::LastQuarter},
                                                                {"this_year", TimeKind::ThisYear},
                                                                {"last_year", TimeKind::LastYear},
                                                                {"year", TimeKind::Year},
                                                                {"month", TimeKind::Month},
                                                                {"quarter", TimeKind::Quarter}};

bool readDefaults(Reader &r, const Value &root, ModelDefaults &out)
{
    Value v = root.member("defaults");
    if (!r.object(v, {"metric", "rankDimension", "timeFilter", "topN", "maxRows"}))
        return false;
    r.string(v, "metric", out.metric, true);
    r.string(v, "rankDimension", out.rankDimension, true);
    r.string(v, "timeFilter", out.timeFilter, true);
    r.integer(v, "topN", out.topN, true);
    r.integer(v, "maxRows", out.maxRows, true);
    return r.ok();
}

bool readTable(Reader &r, const Value &v, ModelTable &out)
{
    if (!r.object(v, {"name", "alias", "description", "account", "month", "date", "joins"}))
        return false;
    std::string description;
    r.string(v, "name", out.name, true);
    r.string(v, "alias", out.alias, true);
    r.string(v, "description", description, false);
    r.string(v, "account", out.accountSql, true);
    r.string(v, "month", out.monthSql, false);
    r.string(v, "date", out.dateSql, false);
    r.stringMap(v, "joins", out.joins, false);
    return r.ok();
}

bool readMetric(Reader &r, const Value &v, ModelMetric &out)
{
    if (!r.object(v, {"name", "label", "description", "format", "synonyms", "sql", "ratio", "rankBy"}))
        return false;
    r.string(v, "name", out.name, true);
    r.string(v, "label", out.label, true);
    r.string(v, "description", out.description, false);
    readEnum(r, v, "format", kFormats, out.format, true);
    r.strings(v, "synonyms", out.synonyms, true);
    const bool hasSql = v.has("sql");
    const bool hasRatio = v.has("ratio");
    if (!r.ok())
        return false;
    if (!hasSql && !hasRatio)
        return r.fail(v.path("sql"), "missing");
    if (hasSql && hasRatio)
        return r.fail(v.path(), "give either sql or ratio, not both");
    if (hasSql)
        r.stringMap(v, "sql", out.sqlByTable, true);
    if (hasRatio) {
        Value ratio = v.member("ratio");
        if (!r.object(ratio, {"numerator", "denominator", "scale"}))
            return false;
        MetricRatio parsed;
        r.string(ratio, "numerator", parsed.numerator, true);
        r.string(ratio, "denominator", parsed.denominator, true);
        r.number(ratio, "scale", parsed.scale, false);
        out.ratio = parsed;
    }
    r.string(v, "rankBy", out.rankBy, false);
    return r.ok();
}

bool readDimension(Reader &r, const Value &v, ModelDimension &out)
{
    if (!r.object(v, {"name", "label", "description", "phrases", "nouns", "columns", "join",
                      "accountNumberColumn", "chart", "time", "crm"}))
        return false;
    std::string description;
    r.string(v, "name", out.name, true);
    r.string(v, "label", out.label, true);
    r.string(v, "description", description, false);
    r.strings(v, "phrases", out.phrases, true);
    r.strings(v, "nouns", out.nouns, false);
    r.string(v, "join", out.join, false);
    r.string(v, "accountNumberColumn", out.accountNumberColumn, false);
    readEnum(r, v, "chart", kCharts, out.chart, true);
    r.boolean(v, "time", out.time, false);
    readEnum(r, v, "crm", kCrmDimensions, out.crm, false);
    if (!r.ok())
        return false;
    Value columns = v.member("columns");
    if (!r.array(columns, true))
        return false;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        Value c = columns.at(i);
        if (!r.object(c, {"name", "label", "sql"}))
            return false;
        DimensionColumn column;
        r.string(c, "name", column.name, true);
        r.string(c, "label", column.label, true);
        r.string(c, "sql", column.sql, false);
        out.columns.push_back(std::move(column));
    }
    return r.ok();
}

bool readTimeFilter(Reader &r, const Value &v, ModelTimeFilter &out)
{
    if (!r.object(v, {"name", "kind", "n", "phrases"}))
        return false;
    r.string(v, "name", out.name, true);
    readEnum(r, v, "kind", kTimeKinds, out.kind, true);
    if (v.has("n")) {
        int n = 0;
        if (r.integer(v, "n", n, true))
            out.n = n;
    }
    r.strings(v, "phrases", out.phrases, true);
    return r.ok();
}

bool readCrm(Reader &r, const Value &root, CrmVocabulary &out)
{
    Value v = root.member("crm");
    if (!r.object(v, {"accountDimension", "thisAccount", "allAccounts", "territoryWords", "ownerMarkers",
                      "self", "connectors", "conjunctions"}))
        return false;
    r.string(v, "accountDimension", out.accountDimension, true);
    r.strings(v, "thisAccount", out.thisAccount, true);
    r.strings(v, "allAccounts", out.allAccounts, false);
    r.strings(v, "territoryWords", out.territoryWords, true);
    r.strings(v, "ownerMarkers", out.ownerMarkers, true);
    r.strings(v, "self", out.self, false);
    r.strings(v, "connectors", out.connectors, true);
    r.strings(v, "conjunctions", out.conjunctions, false);
    return r.ok();
}

bool readUnsupported(Reader &r, const Value &v, UnsupportedTopic &out)
{
    if (!r.object(v, {"phrases", "reason"}))
        return false;
    r.strings(v, "phrases", out.phrases, true);
    r.string(v, "reason", out.reason, true);
    return r.ok();
}

template <class T, class ReadOne>
bool readList(Reader &r, const Value &root, const std::string &key, bool required, std::vector<T> &out,
              ReadOne readOne)
{
    Value list = root.member(key);
    if (!list.exists() && !required)
        return true;
    if (!r.array(list, required))
        return false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        T item;
        if (!readOne(r, list.at(i), item))
            return false;
        out.push_back(std::move(item));
    }
    return true;
}

Result<SemanticModel> read(const Value &root)
{
    Reader r;
    SemanticModel model;
    if (!r.object(root, {"version", "name", "description", "defaults", "tables", "metrics", "dimensions",
                         "timeFilters", "crm", "ranking", "totals", "unsupported", "fillers", "examples"}))
        return r.error();
    if (r.integer(root, "version", model.version, true) && model.version != kSemanticModelVersion)
        return makeError(ErrorKind::Invalid, "version: " + std::to_string(model.version) +
                                                 " is not supported (this build reads version " +
                                                 std::to_string(kSemanticModelVersion) + ")");
    r.string(root, "name", model.name, true);
    r.string(root, "description", model.description, false);
    if (r.ok())
        readDefaults(r, root, model.defaults);
    if (r.ok())
        readList(r, root, "tables", true, model.tables, readTable);
    if (r.ok())
        readList(r, root, "metrics", true, model.metrics, readMetric);
    if (r.ok())
        readList(r, root, "dimensions", true, model.dimensions, readDimension);
    if (r.ok())
        readList(r, root, "timeFilters", true, model.timeFilters, readTimeFilter);
    if (r.ok())
        readCrm(r, root, model.crm);
    if (r.ok()) {
        Value ranking = root.member("ranking");
        if (r.object(ranking, {"descending", "ascending"})) {
            r.strings(ranking, "descending", model.rankDescending, true);
            r.strings(ranking, "ascending", model.rankAscending, false);
        }
    }
    if (r.ok())
        r.strings(root, "totals", model.totals, false);
    if (r.ok())
        readList(r, root, "unsupported", false, model.unsupported, readUnsupported);
    if (r.ok())
        r.strings(root, "fillers", model.fillers, false);
    if (r.ok())
        r.strings(root, "examples", model.examples, false);
    if (!r.ok())
        return r.error();
    if (Status valid = validateSemanticModel(model); !valid)
        return valid.error();
    return model;
}

template <class T> const T *findNamed(const std::vector<T> &list, std::string_view name)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace

const ModelTable *SemanticModel::table(std::string_view name) const
{
    return findNamed(tables, name);
}

const ModelMetric *SemanticModel::metric(std::string_view name) const
{
    return findNamed(metrics, name);
}

const ModelDimension *SemanticModel::dimension(std::string_view name) const
{
    return findNamed(dimensions, name);
}

const ModelTimeFilter *SemanticModel::timeFilter(std::string_view name) const
{
    return findNamed(timeFilters, name);
}

Result<SemanticModel> parseSemanticModel(std::string_view text)
{
    if (text.size() > kMaxModelBytes)
        return makeError(ErrorKind::TooLarge, "the model is " + std::to_string(text.size()) +
                                                  " bytes, over the " + std::to_string(kMaxModelBytes) +
                                                  "-byte limit");
    auto document = modeljson::parseDocument(text);
    if (!document)
        return document.error();
    return read(Value(document.value()));
}

Result<SemanticModel> loadSemanticModelFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorKind::Storage, path + ": cannot open the semantic model");
    std::string text;
    char buffer[64 * 1024];
    while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(file.gcount()));
        if (text.size() > kMaxModelBytes)
            return makeError(ErrorKind::TooLarge, path + ": the semantic model is over the " +
                                                      std::to_string(kMaxModelBytes) + "-byte limit");
    }
    if (file.bad())
        return makeError(ErrorKind::Storage, path + ": cannot read the semantic model");
    auto model = parseSemanticModel(text);
    if (!model) {
        Error error = model.error();
        error.message = path + ": " + error.message;
        return error;
    }
    return model;
}

std::string_view metricFormatName(MetricFormat format)
{
    for (const auto &[name, value] : kFormats)
        if (value == format)
            return name;
    return "number";
}

std::string_view timeKindName(TimeKind kind)
{
    for (const auto &[name, value] : kTimeKinds)
        if (value == kind)
            return name;
    return "lifetime";
}

} // namespace lakeshore::assistant
