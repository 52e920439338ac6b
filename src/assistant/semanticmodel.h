// The semantic model: a declarative description of a lakehouse mart (its tables, metrics, dimensions, time
// filters and the words a rep uses for each) from which the offline planner writes SQL. Loaded from JSON
// (resources/semantic/*.json) and checked strictly: unknown keys, missing fields, duplicate names or
// phrases and references to unknown tables, joins, metrics or dimensions are errors that name their path
// in the file, e.g. "metrics[3].sql: missing".
#pragma once

#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant {

inline constexpr int kSemanticModelVersion = 1;

enum class MetricFormat { Currency, Percent, Count, Score, Number };
enum class ChartKind { None, Bar, Line };
enum class CrmDimension { None, Territory, Owner }; // a dimension only the CRM knows

// How a time filter turns into dates; the phrase slots it needs are checked at load.
enum class TimeKind {
    Lifetime,
    LastDays,   // {n} or a fixed n
    LastMonths, // calendar months, the current one included
    LastYears,  // 12 * n calendar months
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    ThisYear,
    LastYear,
    Year,    // {year}
    Month,   // {monthname} {year}
    Quarter, // {quarter} {year}
};

struct ModelTable
{
    std::string name;       // "agg_account_month"
    std::string alias;      // "a"
    std::string accountSql; // the account-number column, "a.account_number"
    std::string monthSql;   // a 'YYYY-MM' text expression; empty when the table has no time
    std::string dateSql;    // a 'YYYY-MM-DD' text column; empty when the table is not by day
    std::map<std::string, std::string> joins; // join name -> "JOIN dim_item di ON ..."
};

struct MetricRatio
{
    std::string numerator; // metric names
    std::string denominator;
    double scale = 1; // 100 for a percentage
};

struct ModelMetric
{
    std::string name;  // the result column, "gross_margin"
    std::string label; // "gross margin"
    std::string description;
    MetricFormat format = MetricFormat::Number;
    std::vector<std::string> synonyms;
    std::map<std::string, std::string> sqlByTable; // table name -> aggregate expression; empty for a ratio
    std::optional<MetricRatio> ratio;
    std::string rankBy; // the dimension a "top" question ranks when it names none; empty = the default
};

struct DimensionColumn
{
    std::string name; // the result column
    std::string label;
    std::string sql; // may use {month}, the table's month expression; empty for a CRM dimension
};

struct ModelDimension
{
    std::string name;
    std::string label;
    std::vector<std::string> phrases; // "by month": always this dimension
    std::vector<std::string> nouns;   // "items": this dimension in "top items", scope in "Akron accounts"
    std::vector<DimensionColumn> columns;
    std::string join;                // a join name the table must offer; empty = none
    std::string accountNumberColumn; // the column holding the account number, if any
    ChartKind chart = ChartKind::None;
    bool time = false; // ordered by its key, oldest first
    CrmDimension crm = CrmDimension::None;
};

struct ModelTimeFilter
{
    std::string name;
    TimeKind kind = TimeKind::Lifetime;
    std::optional<int> n; // fixed count for LastDays/LastMonths/LastYears phrases without {n}
    std::vector<std::string> phrases;
};

struct UnsupportedTopic
{
    std::vector<std::string> phrases;
    std::string reason; // "comparing two things side by side"
};

struct ModelDefaults
{
    std::string metric;        // for "top items for this account"
    std::string rankDimension; // for "top 10 by revenue"
    std::string timeFilter;    // when the question names no time
    int topN = 10;
    int maxRows = 1000;
};

struct CrmVocabulary
{
    std::string accountDimension;            // whose nouns end a scope: "Akron accounts"
    std::vector<std::string> thisAccount;    // "this account"
    std::vector<std::string> allAccounts;    // "all accounts"
    std::vector<std::string> territoryWords; // "territory": "the Cleveland territory"
    std::vector<std::string> ownerMarkers;   // "owned by": "owned by Dana Smith"
    std::vector<std::string> self;           // "my": refused, the planner does not know who asks
    std::vector<std::string> connectors;     // "in", "for": "in Columbus"
    std::vector<std::string> conjunctions;   // "and": "Cleveland and Akron"
};

struct SemanticModel
{
    int version = kSemanticModelVersion;
    std::string name;
    std::string description;
    ModelDefaults defaults;
    std::vector<ModelTable> tables; // preferred first: the planner takes the first that can answer
    std::vector<ModelMetric> metrics;
    std::vector<ModelDimension> dimensions;
    std::vector<ModelTimeFilter> timeFilters;
    CrmVocabulary crm;
    std::vector<std::string> rankDescending; // "top", "biggest"; may use {n}
    std::vector<std::string> rankAscending;  // "bottom", "smallest"
    std::vector<std::string> totals;         // "total": one row, even for "Akron accounts"
    std::vector<UnsupportedTopic> unsupported;
    std::vector<std::string> fillers;  // words that carry no meaning here: "what", "show me"
    std::vector<std::string> examples; // questions quoted when a question is refused

    [[nodiscard]] const ModelTable *table(std::string_view name) const;
    [[nodiscard]] const ModelMetric *metric(std::string_view name) const;
    [[nodiscard]] const ModelDimension *dimension(std::string_view name) const;
    [[nodiscard]] const ModelTimeFilter *timeFilter(std::string_view name) const;
};

// Parses and checks a model; errors are ErrorKind::Invalid with the path in the file first.
[[nodiscard]] Result<SemanticModel> parseSemanticModel(std::string_view json);
// The same for a file; errors start with the file's path.
[[nodiscard]] Result<SemanticModel> loadSemanticModelFile(const std::string &path);

// Checks a model built in code the way parseSemanticModel checks a file.
[[nodiscard]] Status validateSemanticModel(const SemanticModel &model);

[[nodiscard]] std::string_view metricFormatName(MetricFormat format);
[[nodiscard]] std::string_view timeKindName(TimeKind kind);

} // namespace lakeshore::assistant
