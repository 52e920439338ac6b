// worklists::Definition without a store: validate() with each refusal and its message, the enum names,
// and column hints to JSON and back, with every kind of malformed hint JSON refused naming the entry.
#include "worklists/definition.h"
#include "worklisthints.h"

#include <functional>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::worklists;

Q_DECLARE_METATYPE(std::function<void(lakeshore::worklists::Definition &)>)

namespace {

using namespace worklisthints;

using Edit = std::function<void(Definition &)>;

std::vector<ColumnHint> allKindsOfHints()
{
    return {
        hint("account_number", ColumnFormat::Text, Aggregate::None, "Account"),
        hint("lines", ColumnFormat::Integer, Aggregate::Sum),
        hint("billed", ColumnFormat::Money, Aggregate::Sum, "Billed"),
        hint("margin", ColumnFormat::Money, Aggregate::Min),
        ratioHint("margin_pct", "Margin %", "margin", "billed"),
        hint("avg_price", ColumnFormat::Number, Aggregate::Max),
        hint("last_invoice", ColumnFormat::Date, Aggregate::None, "Last invoice \u00e9"),
        hiddenHint("internal_key"),
    };
}

Definition validDefinition()
{
    Definition definition;
    definition.name = "Off-contract billing";
    definition.sql = "SELECT account_number, SUM(amount) AS billed FROM fact_invoice_line GROUP BY 1";
    definition.accountColumn = "account_number";
    definition.columns = allKindsOfHints();
    definition.detailSql = "SELECT * FROM fact_invoice_line WHERE account_number = {{account}}";
    definition.detailColumns = {hint("amount", ColumnFormat::Money, Aggregate::Sum)};
    return definition;
}

} // namespace

class WorklistDefinitionTest : public QObject
{
    Q_OBJECT

private slots:
    void validDefinitionsPass()
    {
        QVERIFY(validate(validDefinition()).ok());
        Definition longest = validDefinition();
        longest.name = std::string(kMaxNameChars, 'x');
        QVERIFY(validate(longest).ok());
        // Characters, not bytes: 120 two-byte characters are fine.
        longest.name.clear();
        for (std::size_t i = 0; i < kMaxNameChars; ++i)
            longest.name += "\u00e9";
        QVERIFY(validate(longest).ok());
        Definition bare;
        bare.name = "Bare";
        bare.sql = "SELECT 1 AS account";
        bare.accountColumn = "account";
        QVERIFY(validate(bare).ok());
    }

    void refusalsNameTheField_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, Edit edit, const char *expected) {
            QTest::newRow(tag) << edit << QString::fromUtf8(expected);
        };
        row(
            "empty name", [](Definition &d) { d.name.clear(); }, "a worklist needs a name");
        row(
            "blank name", [](Definition &d) { d.name = " \t "; }, "a worklist needs a name");
        row(
            "name of 121", [](Definition &d) { d.name = std::string(121, 'n'); },
            "longer than 120 characters");
        row(
            "name control", [](Definition &d) { d.name = "a\nb"; }, "has control characters");
        row(
            "description", [](Definition &d) { d.description = std::string(2001, 'd'); },
            "description is longer than 2000");
        row(
            "no sql", [](Definition &d) { d.sql = "  "; }, "the worklist has no SQL");
        row(
            "sql over 100 KB", [](Definition &d) { d.sql = "SELECT " + std::string(100 * 1024, '1'); },
            "longer than the query guard admits");
        row(
            "detail sql over 100 KB",
            [](Definition &d) { d.detailSql = "SELECT " + std::string(100 * 1024, '1'); },
            "longer than the query guard admits");
        row(
            "no account column", [](Definition &d) { d.accountColumn.clear(); },
            "which column holds the account");
        row(
            "account column control", [](Definition &d) { d.accountColumn = "a\x01"; },
            "which column holds the account");
        row(
            "two hints", [](Definition &d) { d.columns.push_back(hint("BILLED")); },
            "columns: column \"BILLED\" has two hints");
        row(
            "hint without column",
            [](Definition &d) { d.columns.push_back(hint("", ColumnFormat::Text, Aggregate::None, "x")); },
            "columns: column hint 9 names no usable column");
        row(
            "label too long", [](Definition &d) { d.columns[0].label = std::string(121, 'l'); },
            "the label of column \"account_number\" is longer than 120");
        row(
            "ratio unknown column", [](Definition &d) { d.columns[4].denominator = "revenue"; },
            "the ratio of column \"margin_pct\" needs two other hinted columns");
        row(
            "ratio of itself", [](Definition &d) { d.columns[4].numerator = "Margin_Pct"; },
            "the ratio of column \"margin_pct\" needs two other hinted columns");
        row(
            "ratio without parts",
            [](Definition &d) {
                d.columns.push_back(hint("share", ColumnFormat::Percent, Aggregate::Ratio));
            },
            "the ratio of column \"share\"");
        row(
            "too many hints",
            [](Definition &d) {
                d.columns.clear();
                for (int i = 0; i <= int(kMaxColumnHints); ++i)
                    d.columns.push_back(hint("c" + std::to_string(i)));
            },
            "columns: more than 200 column hints");
        row(
            "detail two hints", [](Definition &d) { d.detailColumns.push_back(hint("Amount")); },
            "drill-down columns: column \"Amount\" has two hints");
    }

    void refusalsNameTheField()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, expected);
        Definition definition = validDefinition();
        edit(definition);
        const Status checked = validate(definition);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().kind, ErrorKind::Invalid);
        QVERIFY2(QString::fromStdString(checked.error().message).contains(expected),
                 checked.error().message.c_str());
    }

    void enumNamesRoundTrip()
    {
        for (auto value : {Visibility::Private, Visibility::Shared})
            QCOMPARE(parseVisibility(visibilityName(value)).value(), value);
        for (auto value : {ColumnFormat::Text, ColumnFormat::Integer, ColumnFormat::Number,
                           ColumnFormat::Money, ColumnFormat::Percent, ColumnFormat::Date})
            QCOMPARE(parseFormat(formatName(value)).value(), value);
        for (auto value : {Aggregate::None, Aggregate::Sum, Aggregate::Min, Aggregate::Max, Aggregate::Ratio})
            QCOMPARE(parseAggregate(aggregateName(value)).value(), value);
        for (auto value :
             {PeriodKind::None, PeriodKind::Last90Days, PeriodKind::Last12Months, PeriodKind::Custom})
            QCOMPARE(parsePeriod(periodName(value)).value(), value);
        QCOMPARE(std::string(periodName(PeriodKind::Last12Months)), std::string("last-12-months"));

        const auto unknown = parseVisibility("Shared"); // names are exact
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::Invalid);
        QCOMPARE(unknown.error().message, std::string("unknown visibility \"Shared\""));
        QVERIFY(!parsePeriod("last-week").ok());
        QVERIFY(!parseFormat("").ok());
        QVERIFY(!parseAggregate("avg").ok());
    }

    void hintsRoundTrip()
    {
        const std::vector<ColumnHint> hints = allKindsOfHints();
        const std::string json = hintsToJson(hints);
        auto back = hintsFromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QVERIFY(back.value() == hints);

        QCOMPARE(hintsToJson({}), std::string("[]"));
        QVERIFY(hintsFromJson("[]").value().empty());
        // Defaults are left out of the JSON and read back as defaults.
        QCOMPARE(hintsToJson({hint("a")}), std::string("[{\"column\":\"a\",\"format\":\"text\"}]"));
        QVERIFY(hintsFromJson("[{\"column\":\"a\"}]").value() == std::vector<ColumnHint>{hint("a")});
    }

    void ratioPartsOfAnotherAggregateRoundTrip()
    {
        // A hint switched from Ratio to Sum keeps its parts; they must not be lost on the way to the store.
        std::vector<ColumnHint> hints = {ratioHint("x", "", "a", "b")};
        hints[0].aggregate = Aggregate::Sum;
        QVERIFY(hintsFromJson(hintsToJson(hints)).value() == hints);
    }

    void textThatIsNotUtf8DoesNotThrow()
    {
        const std::string json =
            hintsToJson({hint("a", ColumnFormat::Text, Aggregate::None, "bad \xff\xfe label")});
        auto back = hintsFromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), std::size_t(1));
        QCOMPARE(back.value()[0].column, std::string("a"));
    }

    void malformedHintsNameTheEntry_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, const char *json, const char *expected) {
            QTest::newRow(tag) << QString::fromUtf8(json) << QString::fromUtf8(expected);
        };
        row("not json", "[{\"column\":", "column hints are not a JSON array");
        row("empty text", "", "column hints are not a JSON array");
        row("object", "{\"column\":\"a\"}", "column hints are not a JSON array");
        row("string", "\"a\"", "column hints are not a JSON array");
        row("entry not object", "[{\"column\":\"a\"},[\"b\"]]", "column hint 2 is not an object");
        row("entry null", "[null]", "column hint 1 is not an object");
        row("unknown field", "[{\"column\":\"a\"},{\"column\":\"b\",\"colour\":\"red\"}]",
            "column hint 2: unexpected field \"colour\"");
        row("unknown format", "[{\"column\":\"a\",\"format\":\"currency\"}]",
            "column hint 1: unknown column format \"currency\"");
        row("unknown aggregate", "[{\"column\":\"a\"},{\"column\":\"b\",\"aggregate\":\"avg\"}]",
            "column hint 2: unknown footer aggregate \"avg\"");
        row("missing column", "[{\"format\":\"money\"}]", "column hint 1 names no column");
        row("empty column", "[{\"column\":\"\"}]", "column hint 1 names no column");
        row("column number", "[{\"column\":3}]", "column hint 1: \"column\" is not a string");
        row("label array", "[{\"column\":\"a\",\"label\":[\"x\"]}]",
            "column hint 1: \"label\" is not a string");
        row("format null", "[{\"column\":\"a\",\"format\":null}]",
            "column hint 1: \"format\" is not a string");
        row("aggregate bool", "[{\"column\":\"a\",\"aggregate\":true}]",
            "column hint 1: \"aggregate\" is not a string");
        row("numerator number", "[{\"column\":\"a\",\"numerator\":1}]",
            "column hint 1: \"numerator\" is not a string");
        row("hidden string", "[{\"column\":\"a\",\"hidden\":\"yes\"}]",
            "column hint 1: \"hidden\" is not true or false");
        row("hidden number", "[{\"column\":\"a\",\"hidden\":1}]",
            "column hint 1: \"hidden\" is not true or false");
    }

    void malformedHintsNameTheEntry()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto hints = hintsFromJson(json.toStdString());
        QVERIFY(!hints.ok());
        QCOMPARE(hints.error().kind, ErrorKind::Malformed);
        QVERIFY2(QString::fromStdString(hints.error().message).contains(expected),
                 hints.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(WorklistDefinitionTest)
#include "tst_worklistdefinition.moc"
