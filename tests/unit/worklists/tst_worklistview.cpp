// The worklist table and view in memory: hints shaping columns, the CRM join's states, filters with AND
// and OR on numbers, dates and text (and the values they refuse), sorting with empties last, grouping by
// owner with per-group and overall totals (sums, min/max dates, a ratio), folded groups, CSV export.
#include "assistant/resultsetbuilder.h"
#include "worklists/offcontract.h"
#include "worklists/worklistcsv.h"
#include "worklists/worklistview.h"

#include <QtTest>
#include <sstream>

using namespace lakeshore;
using namespace lakeshore::worklists;

namespace {

struct Sample
{
    const char *number;
    const char *name;
    double spend;
    double off;
    const char *lastOrder; // nullptr = null
};

// Five accounts shaped like the off-contract worklist (a subset of its columns).
assistant::ResultSet sampleRows()
{
    const Sample samples[] = {{"C1", "Acme", 1000, 100, "2026-10-01"},
                              {"C2", "Birch", 500, 250, "2026-09-15"},
                              {"C3", "Cobalt", 2000, 0, nullptr},
                              {"C4", "=HYPERLINK(1)", 300, 300, "2026-11-01"},
                              {"C5", "Dune, Inc.", 800, 80, "2026-01-20"}};
    assistant::ResultSetBuilder builder;
    for (const char *name : {"account_number", "account_name", "total_spend", "off_contract_spend",
                             "off_contract_pct", "last_order_date"})
        builder.addColumn(name);
    for (const auto &sample : samples) {
        builder.column(0).appendText(sample.number);
        builder.column(1).appendText(sample.name);
        builder.column(2).appendReal(sample.spend);
        builder.column(3).appendReal(sample.off);
        builder.column(4).appendReal(sample.off / sample.spend * 100);
        if (sample.lastOrder)
            builder.column(5).appendText(sample.lastOrder);
        else
            builder.column(5).appendNull();
        builder.endRow();
    }
    return builder.finish();
}

std::vector<ColumnHint> sampleHints()
{
    auto definition = offContractPurchases();
    return definition.columns; // hints for columns the sample lacks are ignored
}

CrmFacts facts(const char *id, const char *owner, const char *territory, bool active = true)
{
    CrmFacts out;
    out.crmId = id;
    out.name = id;
    out.ownerId = std::string("o-") + owner;
    out.ownerName = owner;
    out.territoryName = territory;
    out.active = active;
    return out;
}

WorklistTable joinedTable()
{
    WorklistTable table(sampleRows(), 0, sampleHints());
    CrmFactsByKey known{{"C1", facts("a1", "Dana", "Cleveland")},
                        {"C2", facts("a2", "Eli", "Akron", false)},
                        {"C3", facts("a3", "Dana", "Cleveland")},
                        {"C4", facts("a4", "Eli", "Toledo")}};
    table.applyJoin({"C1", "C2", "C3", "C4", "C5"}, known); // C5: not in the CRM
    return table;
}

std::vector<std::string> column(const WorklistTable &table, const std::vector<std::uint32_t> &rows, std::size_t c)
{
    std::vector<std::string> out;
    for (auto row : rows)
        out.push_back(table.text(row, c));
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

class TestWorklistView : public QObject
{
    Q_OBJECT

private slots:
    void columnsFollowHintsThenCrm()
    {
        WorklistTable table(sampleRows(), 0, sampleHints());
        const auto &columns = table.columns();
        QCOMPARE(columns.size(), std::size_t(9));
        QCOMPARE(columns[2].label, std::string("Total spend"));
        QVERIFY(columns[2].format == ColumnFormat::Money);
        QVERIFY(columns[4].aggregate == Aggregate::Ratio);
        QCOMPARE(columns[4].numerator, 3);
        QCOMPARE(columns[4].denominator, 2);
        QVERIFY(columns[6].crmField == CrmField::Owner);
        QVERIFY(table.keyKind() == AccountKey::Number);
        QCOMPARE(table.countIn(JoinState::Pending), std::size_t(5));
        QCOMPARE(table.text(0, 6), std::string()); // not joined yet
    }

    void joinStates()
    {
        WorklistTable table(sampleRows(), 0, sampleHints());
        QCOMPARE(table.keysToJoin({0, 1, 1, 4}), (Strings{"C1", "C2", "C5"}));
        table.failJoin({"C1", "C2"});
        QVERIFY(table.joinState(0) == JoinState::Failed);
        QCOMPARE(table.keysToJoin({0, 1}), (Strings{"C1", "C2"})); // failed ones are asked again
        table.applyJoin({"C1", "C2"}, {{"C1", facts("a1", "Dana", "Cleveland")}});
        QVERIFY(table.joinState(0) == JoinState::Joined);
        QVERIFY(table.joinState(1) == JoinState::NotInCrm);
        QCOMPARE(table.text(0, 6), std::string("Dana"));
        QCOMPARE(table.text(0, 8), std::string("Active"));
        QVERIFY(table.keysToJoin({0, 1}).empty());
    }

    void filtersAndOr()
    {
        const WorklistTable table = joinedTable();
        ViewSpec spec;
        spec.conditions = {{3, FilterOp::Greater, "99"}, {6, FilterOp::Equals, "dana"}};
        auto both = buildView(table, spec);
        QVERIFY(both.ok());
        QCOMPARE(column(table, both.value().rows, 0), (Strings{"C1"}));
        spec.matchAll = false;
        auto either = buildView(table, spec);
        QCOMPARE(column(table, either.value().rows, 0), (Strings{"C1", "C2", "C3", "C4"}));

        spec = {};
        spec.conditions = {{5, FilterOp::GreaterOrEqual, "2026-09-15"}};
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C1", "C2", "C4"}));
        spec.conditions = {{5, FilterOp::IsEmpty, ""}};
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C3"}));
        spec.conditions = {{1, FilterOp::Contains, "INC"}};
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C5"}));
        spec.conditions = {{2, FilterOp::LessOrEqual, "$1,000"}};
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C1", "C2", "C4", "C5"}));
        spec.conditions = {{6, FilterOp::IsEmpty, ""}}; // C5 is not in the CRM
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C5"}));
    }

    void filterValuesRefused()
    {
        const WorklistTable table = joinedTable();
        ViewSpec spec;
        spec.conditions = {{2, FilterOp::Greater, "lots"}};
        auto view = buildView(table, spec);
        QVERIFY(!view.ok());
        QVERIFY(view.error().message.find("Total spend") != std::string::npos);
        spec.conditions = {{5, FilterOp::Less, "last week"}};
        QVERIFY(!buildView(table, spec).ok());
        spec.conditions = {{99, FilterOp::Equals, "x"}};
        QVERIFY(!buildView(table, spec).ok());
        spec.conditions = {};
        spec.sortColumn = 99;
        QVERIFY(!buildView(table, spec).ok());
    }

    void sortingKeepsEmptiesLast()
    {
        const WorklistTable table = joinedTable();
        ViewSpec spec;
        spec.sortColumn = 5;
        spec.descending = true;
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C4", "C1", "C2", "C5", "C3"}));
        spec.descending = false;
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C5", "C2", "C1", "C4", "C3"}));
        spec.sortColumn = 6; // owner, a CRM column: C5 has none
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C1", "C3", "C2", "C4", "C5"}));
        spec.descending = true;
        QCOMPARE(column(table, buildView(table, spec).value().rows, 0), (Strings{"C2", "C4", "C1", "C3", "C5"}));
    }

    void groupsWithTotals()
    {
        const WorklistTable table = joinedTable();
        ViewSpec spec;
        spec.groupBy = CrmField::Owner;
        spec.sortColumn = 2;
        spec.descending = true;
        auto built = buildView(table, spec);
        QVERIFY(built.ok());
        const View &view = built.value();
        QCOMPARE(view.groups.size(), std::size_t(3));
        QCOMPARE(view.groups[0].key, std::string("Dana"));
        QCOMPARE(view.groups[1].key, std::string("Eli"));
        QCOMPARE(view.groups[2].key, std::string()); // not in the CRM: last
        QCOMPARE(column(table, view.groups[0].rows, 0), (Strings{"C3", "C1"}));
        QCOMPARE(*view.groups[0].totals[2].number, 3000.0);
        QCOMPARE(*view.groups[0].totals[3].number, 100.0);
        QCOMPARE(*view.groups[0].totals[4].number, 100.0 / 3000.0 * 100.0); // a ratio of sums, not a sum
        QCOMPARE(view.groups[0].totals[5].text, std::string("2026-10-01")); // max date, null skipped
        QCOMPARE(*view.totals[2].number, 4600.0);
        QCOMPARE(*view.totals[4].number, 730.0 / 4600.0 * 100.0);
        QCOMPARE(view.totals[5].text, std::string("2026-11-01"));
        QVERIFY(!view.totals[0].number && view.totals[0].text.empty());
        // header, rows, total per group
        QCOMPARE(view.lines.size(), std::size_t(5 + 2 * 3));
        QVERIFY(view.lines[0].kind == LineKind::GroupHeader);
        QVERIFY(view.lines[3].kind == LineKind::GroupTotal);

        spec.collapsed = {"Eli"};
        auto folded = buildView(table, spec);
        QCOMPARE(folded.value().lines.size(), std::size_t(3 + 2 * 3));
        QVERIFY(folded.value().groups[1].collapsed);
        QCOMPARE(folded.value().groups[1].rows.size(), std::size_t(2)); // totals still count them

        spec.collapsed = {};
        spec.groupBy = CrmField::Territory;
        auto territories = buildView(table, spec);
        QCOMPARE(territories.value().groups.size(), std::size_t(4));
        QCOMPARE(territories.value().groups[0].key, std::string("Akron"));
    }

    void csvOfWhatIsShown()
    {
        const WorklistTable table = joinedTable();
        ViewSpec spec;
        spec.sortColumn = 0;
        spec.descending = true;
        spec.conditions = {{3, FilterOp::Greater, "50"}};
        const View view = buildView(table, spec).value();
        std::ostringstream out;
        QVERIFY(writeCsv(out, table, view, {0, 1, 2, 6}, {"", "", "", "Owner"}).ok());
        QCOMPARE(out.str(), std::string("Account number,Account,Total spend,Owner\r\n"
                                        "C5,\"Dune, Inc.\",800,\r\n"
                                        "C4,'=HYPERLINK(1),300,Eli\r\n"
                                        "C2,Birch,500,Eli\r\n"
                                        "C1,Acme,1000,Dana\r\n"));
        std::ostringstream bad;
        QVERIFY(!writeCsv(bad, table, view, {42}).ok());
    }

    void operatorsByFormat()
    {
        QCOMPARE(operatorsFor(ColumnFormat::Text).size(), std::size_t(6));
        QCOMPARE(operatorsFor(ColumnFormat::Money).size(), std::size_t(8));
        QVERIFY(isNumeric(ColumnFormat::Percent));
        QVERIFY(!isNumeric(ColumnFormat::Date));
    }
};

QTEST_GUILESS_MAIN(TestWorklistView)
#include "tst_worklistview.moc"
