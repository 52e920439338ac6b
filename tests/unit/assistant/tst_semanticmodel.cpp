// The semantic model loader: the shipped demo-mart.json loads and every example question in it plans; bad
// model files (invalid JSON, wrong types, missing fields, unknown or duplicate keys, duplicate names and
// phrases, references to unknown tables, joins, metrics or dimensions, unsafe SQL snippets) are refused
// with the exact message, which names the path in the file.
#include "assistant/semanticmodel.h"
#include "assistant/semanticplanner.h"

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>

using namespace lakeshore;
using namespace lakeshore::assistant;
using Json = nlohmann::ordered_json;

namespace {

std::string shippedText()
{
    std::ifstream file(LAKESHORE_SEMANTIC_MODEL);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// A change to the shipped model, as JSON or as text, and the error it must cause.
struct BadModel
{
    const char *name;
    std::function<void(Json &)> edit;            // applied to the parsed model, then dumped
    std::function<std::string(std::string)> raw; // or applied to the text
    const char *error;
};

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        return "test setup: \"" + from + "\" is not in the model";
    return text.replace(at, from.size(), to);
}

const std::vector<BadModel> &badModelCases()
{
    static const std::vector<BadModel> cases = {
        {"truncated JSON", nullptr, [](std::string) { return std::string("{\"version\": 1, \"name\": "); },
         "invalid JSON: parse error at line 1, column 24: syntax error while parsing value - unexpected end "
         "of "
         "input; expected '[', '{', or a literal"},
        {"not JSON at all", nullptr, [](std::string) { return std::string("version = 1"); },
         "invalid JSON: parse error at line 1, column 1: syntax error while parsing value - invalid literal; "
         "last "
         "read: 'v'"},
        {"an array at the top",
         [](Json &j) {
             j = Json::array({1, 2});
         },
         nullptr, "top level: expected an object, found an array"},
        {"duplicate key", nullptr,
         [](std::string t) {
             return replaced(t, "\"label\": \"revenue\",", "\"label\": \"revenue\", \"label\": \"sales\",");
         },
         "metrics[0]: duplicate key \"label\""},
        {"duplicate key further in", nullptr,
         [](std::string t) {
             return replaced(t, "\"label\": \"off-contract spend\",",
                             "\"label\": \"off-contract spend\", \"label\": \"x\",");
         },
         "metrics[5]: duplicate key \"label\""},
        {"duplicate key in a nested object", nullptr,
         [](std::string t) { return replaced(t, "\"alias\": \"f\",", "\"alias\": \"f\", \"joins\": {}, "); },
         "tables[1]: duplicate key \"joins\""},
        {"unknown top-level key", [](Json &j) { j["colour"] = "blue"; }, nullptr, "colour: unknown key"},
        {"unknown metric key", [](Json &j) { j["metrics"][0]["synonym"] = "sales"; }, nullptr,
         "metrics[0].synonym: unknown key"},
        {"unknown ratio key", [](Json &j) { j["metrics"][2]["ratio"]["times"] = 100; }, nullptr,
         "metrics[2].ratio.times: unknown key"},
        {"missing version", [](Json &j) { j.erase("version"); }, nullptr, "version: missing"},
        {"version as text", [](Json &j) { j["version"] = "1"; }, nullptr,
         "version: expected a whole number, found a string"},
        {"future version", [](Json &j) { j["version"] = 2; }, nullptr,
         "version: 2 is not supported (this build reads version 1)"},
        {"metric without sql", [](Json &j) { j["metrics"][3].erase("sql"); }, nullptr,
         "metrics[3].sql: missing"},
        {"metric with sql and ratio",
         [](Json &j) {
             j["metrics"][2]["sql"] = {{"agg_account_month", "1"}};
         },
         nullptr, "metrics[2]: give either sql or ratio, not both"},
        {"metric label missing", [](Json &j) { j["metrics"][4].erase("label"); }, nullptr,
         "metrics[4].label: missing"},
        {"metric label empty", [](Json &j) { j["metrics"][4]["label"] = ""; }, nullptr,
         "metrics[4].label: empty"},
        {"synonyms empty", [](Json &j) { j["metrics"][0]["synonyms"] = Json::array(); }, nullptr,
         "metrics[0].synonyms: empty"},
        {"synonym not a string", [](Json &j) { j["metrics"][0]["synonyms"][1] = 7; }, nullptr,
         "metrics[0].synonyms[1]: expected a string, found a number"},
        {"format unknown", [](Json &j) { j["metrics"][0]["format"] = "money"; }, nullptr,
         "metrics[0].format: \"money\" is not one of currency, percent, count, score, number"},
        {"metric on an unknown table",
         [](Json &j) { j["metrics"][1]["sql"]["fact_invoice_lines"] = "SUM(f.x)"; }, nullptr,
         "metrics[1].sql.fact_invoice_lines: unknown table"},
        {"metric ranks by an unknown dimension", [](Json &j) { j["metrics"][10]["rankBy"] = "items"; },
         nullptr, "metrics[10].rankBy: unknown dimension \"items\""},
        {"ratio of an unknown metric",
         [](Json &j) { j["metrics"][2]["ratio"]["numerator"] = "gross_margins"; }, nullptr,
         "metrics[2].ratio.numerator: unknown metric \"gross_margins\""},
        {"ratio of a ratio", [](Json &j) { j["metrics"][2]["ratio"]["denominator"] = "off_contract_share"; },
         nullptr, "metrics[2].ratio.denominator: \"off_contract_share\" is itself a ratio"},
        {"ratio across tables", [](Json &j) { j["metrics"][2]["ratio"]["denominator"] = "churn_score"; },
         nullptr, "metrics[2].ratio: gross_margin and churn_score share no table"},
        {"duplicate metric name", [](Json &j) { j["metrics"][4]["name"] = "revenue"; }, nullptr,
         "metrics[4].name: duplicate name \"revenue\" (also metrics[0])"},
        {"metric name not an identifier", [](Json &j) { j["metrics"][0]["name"] = "Revenue $"; }, nullptr,
         "metrics[0].name: \"Revenue $\" is not a lower-case SQL identifier (a-z, 0-9, _)"},
        {"statement break in SQL",
         [](Json &j) { j["metrics"][0]["sql"]["agg_account_month"] = "SUM(a.revenue); DROP TABLE x"; },
         nullptr, "metrics[0].sql.agg_account_month: a ';' may not appear in a SQL snippet"},
        {"unterminated string in SQL",
         [](Json &j) { j["metrics"][0]["sql"]["agg_account_month"] = "SUM('a)"; }, nullptr,
         "metrics[0].sql.agg_account_month: SQL the query guard cannot read: an unterminated string literal "
         "(read as Databricks SQL)"},
        {"placeholder in a metric",
         [](Json &j) { j["metrics"][0]["sql"]["agg_account_month"] = "SUM({month})"; }, nullptr,
         "metrics[0].sql.agg_account_month: unknown placeholder {month}"},
        {"unknown placeholder in a dimension",
         [](Json &j) { j["dimensions"][3]["columns"][0]["sql"] = "{date}"; }, nullptr,
         "dimensions[3].columns[0].sql: unknown placeholder {date} (only {month})"},
        {"dimension join nobody offers", [](Json &j) { j["dimensions"][1]["join"] = "itm"; }, nullptr,
         "dimensions[1].join: no table offers a join named \"itm\""},
        {"dimension column without SQL", [](Json &j) { j["dimensions"][0]["columns"][1].erase("sql"); },
         nullptr, "dimensions[0].columns[1].sql: missing"},
        {"CRM dimension with SQL", [](Json &j) { j["dimensions"][6]["columns"][0]["sql"] = "'x'"; }, nullptr,
         "dimensions[6].columns[0].sql: a CRM dimension takes its values from the CRM, not from SQL"},
        {"duplicate column name", [](Json &j) { j["dimensions"][2]["columns"][0]["name"] = "item_number"; },
         nullptr, "dimensions[2].columns[0].name: \"item_number\" is already dimensions[1].columns[0].name"},
        {"column named like a metric", [](Json &j) { j["dimensions"][3]["columns"][0]["name"] = "revenue"; },
         nullptr, "dimensions[3].columns[0].name: \"revenue\" is already a metric"},
        {"account column not a column", [](Json &j) { j["dimensions"][0]["accountNumberColumn"] = "number"; },
         nullptr, "dimensions[0].accountNumberColumn: \"number\" is not one of its columns"},
        {"chart unknown", [](Json &j) { j["dimensions"][0]["chart"] = "pie"; }, nullptr,
         "dimensions[0].chart: \"pie\" is not one of none, bar, line"},
        {"table alias duplicated", [](Json &j) { j["tables"][1]["alias"] = "a"; }, nullptr,
         "tables[1].alias: duplicate name \"a\" (also tables[0])"},
        {"table without account", [](Json &j) { j["tables"][2].erase("account"); }, nullptr,
         "tables[2].account: missing"},
        {"join not a string", [](Json &j) { j["tables"][1]["joins"]["item"] = true; }, nullptr,
         "tables[1].joins.item: expected a string, found true/false"},
        {"time phrase without its slot", [](Json &j) { j["timeFilters"][1]["phrases"][0] = "last days"; },
         nullptr, "timeFilters[1].phrases[0]: \"last days\" must have exactly {n} for kind last_days"},
        {"time phrase with a slot it cannot fill",
         [](Json &j) { j["timeFilters"][0]["phrases"][0] = "lifetime {n}"; }, nullptr,
         "timeFilters[0].phrases[0]: \"lifetime {n}\" must have no slots for kind lifetime"},
        {"time kind unknown", [](Json &j) { j["timeFilters"][0]["kind"] = "forever"; }, nullptr,
         "timeFilters[0].kind: \"forever\" is not one of lifetime, last_days, last_months, last_years, "
         "this_month, "
         "last_month, this_quarter, last_quarter, this_year, last_year, year, month, quarter"},
        {"n on a kind without counts", [](Json &j) { j["timeFilters"][0]["n"] = 3; }, nullptr,
         "timeFilters[0].n: only last_days, last_months and last_years take n"},
        {"unknown slot", [](Json &j) { j["ranking"]["descending"][1] = "top {count}"; }, nullptr,
         "ranking.descending[1]: unknown slot {count} (slots are {n}, {year}, {monthname}, {quarter})"},
        {"slot in a synonym", [](Json &j) { j["metrics"][0]["synonyms"][0] = "revenue {year}"; }, nullptr,
         "metrics[0].synonyms[0]: \"revenue {year}\" has a slot; slots belong in timeFilters and ranking"},
        {"phrase with two meanings", [](Json &j) { j["metrics"][0]["synonyms"].push_back("margin"); },
         nullptr, "metrics[1].synonyms[2]: \"margin\" is already metrics[0].synonyms[17]"},
        {"phrase repeated in one list", [](Json &j) { j["fillers"].push_back("What"); }, nullptr,
         "fillers[69]: \"What\" is already fillers[0]"},
        {"noun also a filler", [](Json &j) { j["fillers"].push_back("items"); }, nullptr,
         "fillers[69]: \"items\" is already dimensions[1].nouns[0]"},
        {"default metric unknown", [](Json &j) { j["defaults"]["metric"] = "sales"; }, nullptr,
         "defaults.metric: unknown metric \"sales\""},
        {"default time needs a value", [](Json &j) { j["defaults"]["timeFilter"] = "year"; }, nullptr,
         "defaults.timeFilter: \"year\" needs a value from the question"},
        {"top N above the row cap", [](Json &j) { j["defaults"]["topN"] = 5000; }, nullptr,
         "defaults.topN: must be 1 to maxRows"},
        {"CRM account dimension unknown", [](Json &j) { j["crm"]["accountDimension"] = "customer"; }, nullptr,
         "crm.accountDimension: unknown dimension \"customer\""},
        {"CRM vocabulary missing", [](Json &j) { j["crm"].erase("territoryWords"); }, nullptr,
         "crm.territoryWords: missing"},
        {"unsupported topic without reason", [](Json &j) { j["unsupported"][0].erase("reason"); }, nullptr,
         "unsupported[0].reason: missing"},
    };
    return cases;
}

} // namespace

class TestSemanticModel : public QObject
{
    Q_OBJECT

private slots:
    void shippedModelLoads();
    void shippedExamplesPlan();
    void badModels_data();
    void badModels();
    void fileErrorsNameTheFile();
    void validateCatchesCodeBuiltModels();
};

void TestSemanticModel::shippedModelLoads()
{
    auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
    QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
    const SemanticModel &m = model.value();
    QCOMPARE(m.version, 1);
    QCOMPARE(qs(m.name), QStringLiteral("demo-mart"));
    for (const char *name :
         {"revenue", "gross_margin", "gross_margin_pct", "freight_cost", "cost", "off_contract_amount",
          "off_contract_share", "price_variance", "invoice_count", "churn_score", "growth_score"})
        QVERIFY2(m.metric(name), name);
    for (const char *name : {"account", "item", "category", "month", "quarter", "year", "territory", "owner"})
        QVERIFY2(m.dimension(name), name);
    QCOMPARE(m.dimension("territory")->crm, CrmDimension::Territory);
    QCOMPARE(m.dimension("owner")->crm, CrmDimension::Owner);
    QCOMPARE(qs(m.dimension("account")->accountNumberColumn), QStringLiteral("account_number"));
    QCOMPARE(m.metric("gross_margin_pct")->ratio->scale, 100.0);
    QCOMPARE(m.metric("cost")->sqlByTable.size(), std::size_t(1));
    QVERIFY(m.examples.size() >= 2);
    // The same text parses to the same model.
    auto again = parseSemanticModel(shippedText());
    QVERIFY(again.ok());
    QCOMPARE(again.value().metrics.size(), m.metrics.size());
}

void TestSemanticModel::shippedExamplesPlan()
{
    auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
    QVERIFY(model.ok());
    for (const auto &example : model.value().examples) {
        auto plan =
            planQuestion(example, model.value(),
                         {"2025-06-30", CurrentAccount{"C10003", "Heartland", ""}, SqlDialect::Generic});
        QVERIFY2(plan.ok(), (example + ": " + (plan ? "" : plan.error().message)).c_str());
    }
}

void TestSemanticModel::badModels_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < badModelCases().size(); ++i)
        QTest::addRow("%s", badModelCases()[i].name) << static_cast<int>(i);
    QVERIFY(badModelCases().size() >= 40);
}

void TestSemanticModel::badModels()
{
    QFETCH(int, index);
    const BadModel &bad = badModelCases()[static_cast<std::size_t>(index)];
    std::string text = shippedText();
    if (bad.edit) {
        Json json = Json::parse(text);
        bad.edit(json);
        text = json.dump(2);
    } else {
        text = bad.raw(text);
    }
    auto model = parseSemanticModel(text);
    QVERIFY(!model.ok());
    QCOMPARE(model.error().kind, ErrorKind::Invalid);
    QCOMPARE(qs(model.error().message), QString::fromUtf8(bad.error));
}

void TestSemanticModel::fileErrorsNameTheFile()
{
    auto missing = loadSemanticModelFile("/nonexistent/semantic/model.json");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::Storage);
    QCOMPARE(qs(missing.error().message),
             QStringLiteral("/nonexistent/semantic/model.json: cannot open the semantic model"));

    QTemporaryDir dir;
    const std::string path = dir.filePath("bad.json").toStdString();
    std::ofstream(path) << "{\"version\": 1, \"name\": \"x\"}";
    auto bad = loadSemanticModelFile(path);
    QVERIFY(!bad.ok());
    QCOMPARE(qs(bad.error().message), qs(path + ": defaults: missing"));

    const std::string big = dir.filePath("big.json").toStdString();
    std::ofstream(big) << std::string(5u << 20, ' ');
    auto huge = loadSemanticModelFile(big);
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().kind, ErrorKind::TooLarge);
}

void TestSemanticModel::validateCatchesCodeBuiltModels()
{
    auto model = loadSemanticModelFile(LAKESHORE_SEMANTIC_MODEL);
    QVERIFY(model.ok());
    SemanticModel m = model.value();
    QVERIFY(validateSemanticModel(m).ok());
    m.tables.clear();
    auto status = validateSemanticModel(m);
    QVERIFY(!status.ok());
    QCOMPARE(qs(status.error().message), QStringLiteral("tables: empty"));

    m = model.value();
    m.dimensions[0].phrases.push_back("by month");
    status = validateSemanticModel(m);
    QVERIFY(!status.ok());
    QCOMPARE(qs(status.error().message), QStringLiteral("dimensions[3].phrases[0]: \"by month\" is already "
                                                        "dimensions[0].phrases[10]"));
}

QTEST_GUILESS_MAIN(TestSemanticModel)
#include "tst_semanticmodel.moc"
