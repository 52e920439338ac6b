// $filter parsing and evaluation: each good expression against three rows that cover nulls, absent
// properties, decimals sent as strings, GUID case and UTF-8; each bad expression must fail with a clear
// 400 message, never crash.
#include "demo/odatafilter.h"

#include <QtTest>

using lakeshore::demo::EdmType;
using lakeshore::demo::EntitySetDef;
using lakeshore::demo::PropertyDef;
using lakeshore::demo::odata::Filter;

namespace {

EntitySetDef companies()
{
    EntitySetDef set;
    set.name = "companies";
    set.entityType = "company";
    set.key = "id";
    set.properties = {
        {"id", EdmType::Guid, false},  {"name", EdmType::String},
        {"city", EdmType::String},     {"revenue", EdmType::Decimal},
        {"employees", EdmType::Int32}, {"big", EdmType::Int64},
        {"score", EdmType::Double},    {"active", EdmType::Boolean},
        {"founded", EdmType::Date},    {"modified", EdmType::DateTimeOffset},
    };
    set.navigations = {{"people", "people", "id", "companyid", true}};
    return set;
}

const std::vector<nlohmann::json> &rows()
{
    using nlohmann::json;
    static const std::vector<json> all = {
        {{"id", "5F0C1E2A-0000-4000-8000-000000000001"},
         {"name", "O'Brien Supply"},
         {"city", "Cleveland"},
         {"revenue", 1250000.5},
         {"employees", 120},
         {"big", 9000000000LL},
         {"score", 0.75},
         {"active", true},
         {"founded", "1998-04-15"},
         {"modified", "2026-01-31T10:00:00Z"}},
        {{"id", "5f0c1e2a-0000-4000-8000-000000000002"},
         {"name", "Acme Tools"},
         {"city", nullptr},
         {"revenue", 300000},
         {"employees", 15},
         {"big", 5},
         {"score", nullptr},
         {"active", false},
         {"founded", "2010-12-01"},
         {"modified", "2025-06-30T08:30:00Z"}},
        // no employees at all, and a decimal sent as a string
        {{"id", "5f0c1e2a-0000-4000-8000-000000000003"},
         {"name", "\xc3\x89rie Valves"},
         {"city", "Erie"},
         {"revenue", "42.5"},
         {"big", -3},
         {"score", 2.5},
         {"active", nullptr},
         {"founded", nullptr},
         {"modified", "2024-02-29T23:59:59+02:00"}},
    };
    return all;
}

} // namespace

class TestODataFilter : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void rejects_data();
    void rejects();
    void partitionConjunct();
};

void TestODataFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("expected"); // the rows (A, B, C) that match

    const QString g1 = "5f0c1e2a-0000-4000-8000-000000000001";
    const QString g3 = "5f0c1e2a-0000-4000-8000-000000000003";
    const QList<QPair<QString, QString>> cases = {
        {"name eq 'Acme Tools'", "B"},
        {"name ne 'Acme Tools'", "AC"},
        {"name eq 'O''Brien Supply'", "A"},
        {"name  eq   'Acme Tools'  ", "B"},
        {"city eq null", "B"},
        {"city ne null", "AC"},
        {"null eq city", "B"},
        {"employees eq null", "C"},
        {"employees gt 100", "A"},
        {"employees lt 100", "B"},
        {"employees ge 15", "AB"},
        {"employees le 15", "B"},
        {"not (employees gt 100)", "BC"},
        {"revenue gt 1000000", "A"},
        {"revenue lt 100", "C"},
        {"revenue eq 300000", "B"},
        {"revenue eq 300000.0", "B"},
        {"revenue ge 42.5 and revenue le 42.5", "C"},
        {"revenue in (300000, 42.5)", "BC"},
        {"big gt 8000000000", "A"},
        {"big eq 9000000000", "A"},
        {"big lt 0", "C"},
        {"employees eq -5", ""},
        {"score ge 0.75", "AC"},
        {"score eq 2.5", "C"},
        {"score eq null", "B"},
        {"score ge 1e-1", "AC"},
        {"active eq true", "A"},
        {"active", "A"},
        {"active eq false", "B"},
        {"not active", "B"},
        {"active ne true", "BC"},
        {"active eq true or active eq null", "AC"},
        {"(active) or (employees lt 100)", "AB"},
        {"active and employees gt 1", "A"},
        {"not (active and employees gt 1)", "BC"},
        {"founded gt 2000-01-01", "B"},
        {"founded eq 1998-04-15", "A"},
        {"founded lt 2011-01-01", "AB"},
        {"founded ne null and year(founded) lt 2000", "A"},
        {"modified gt 2025-01-01T00:00:00Z", "AB"},
        {"modified lt 2026-01-31T10:00:00Z", "BC"},
        {"modified eq 2026-01-31T10:00:00Z", "A"},
        {"modified ge 2024-02-29T23:59:59+02:00", "ABC"},
        {"modified le 2026-01-31T10:00:00.000Z", "BC"},
        {"id eq " + g1, "A"},
        {"id eq 5F0C1E2A-0000-4000-8000-000000000002", "B"},
        {"id in (" + g1 + ", " + g3 + ")", "AC"},
        {"name in ('Acme Tools', 'Nobody')", "B"},
        {"city in ('Erie', null)", "BC"},
        {"employees in (15, 120)", "AB"},
        {"contains(name, 'Supply')", "A"},
        {"contains(name, 'supply')", ""},
        {"contains(tolower(name), 'supply')", "A"},
        {"contains(name, '''')", "A"},
        {"contains(city, null)", ""},
        {"not contains(name, 'Acme')", "AC"},
        {"startswith(name, 'Acme')", "B"},
        {"startswith(city, 'C')", "A"},
        {"endswith(name, 'Valves')", "C"},
        {"endswith(tolower(toupper(name)), 'tools')", "B"},
        {"toupper(city) eq 'ERIE'", "C"},
        {"tolower(name) eq 'acme tools'", "B"},
        {"length(name) eq 10", "B"},
        {QString::fromUtf8("length(name) eq 11 and startswith(name, '\xc3\x89')"), "C"},
        {"length(city) gt 4", "A"},
        {"year(founded) eq 1998", "A"},
        {"month(founded) eq 12", "B"},
        {"day(founded) eq 15", "A"},
        {"year(modified) eq 2024", "C"},
        {"month(modified) eq 2 and day(modified) eq 29", "C"},
        {"employees gt 10 and active eq true", "A"},
        {"employees gt 100 or active eq false", "AB"},
        {QString::fromUtf8("name eq 'Acme Tools' or name eq '\xc3\x89rie Valves' and employees gt 1000"),
         "B"},
        {QString::fromUtf8("(name eq 'Acme Tools' or name eq '\xc3\x89rie Valves') and employees eq null"),
         "C"},
        {"not (name eq 'Acme Tools') and not (city eq null)", "AC"},
        {"((((name eq 'Acme Tools'))))", "B"},
        {"city eq 'Cleveland' or city eq 'Erie'", "AC"},
        {"name eq ''", ""},
        {"true", "ABC"},
        {"false", ""},
        {"1 eq 1", "ABC"},
        {"null eq null", "ABC"},
    };
    for (const auto &[filter, expected] : cases)
        QTest::newRow(filter.toUtf8().constData()) << filter << expected;
}

void TestODataFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, expected);
    const EntitySetDef set = companies();
    auto parsed = Filter::parse(filter.toStdString(), set);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    QString got;
    for (std::size_t i = 0; i < rows().size(); ++i)
        if (parsed.value().matches(rows()[i]))
            got += QChar('A' + static_cast<int>(i));
    QCOMPARE(got, expected);
}

void TestODataFilter::rejects_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message"); // a part of the error message

    const QList<QPair<QString, QString>> cases = {
        {"", "empty expression"},
        {"   ", "empty expression"},
        {"(name eq 'x'", "missing ')'"},
        {"name eq 'x')", "unbalanced ')'"},
        {"name eq 'x", "unterminated string literal at position 9"},
        {"nmae eq 'x'", "unknown property 'nmae' in companies at position 1"},
        {"people eq null", "navigation property 'people'"},
        {"foo(name) eq 'a'", "unknown function 'foo'"},
        {"name eq 'x' garbage", "expected 'and', 'or' or the end but found 'garbage' at position 13"},
        {"name eq 'x' 'y'", "expected 'and', 'or'"},
        {"name eq", "expected an operand but found the end"},
        {"eq 'x'", "expected an operand but found 'eq'"},
        {"name eq 'x' and", "expected an operand"},
        {"name eq 'x' or", "expected an operand"},
        {"()", "expected an operand but found ')'"},
        {"not", "expected an operand"},
        {QString("(").repeated(40) + "active" + QString(")").repeated(40), "nested too deeply"},
        {QString("not ").repeated(40) + "active", "nested too deeply"},
        {QString("tolower(").repeated(40) + "name" + QString(")").repeated(40) + " eq 'a'",
         "nested too deeply"},
        {"name eq '" + QString(9000, 'x') + "'", "too long"},
        {"name eq 5", "cannot compare Edm.String with a number"},
        {"employees eq 'x'", "cannot compare a number with Edm.String"},
        {"id eq '5f0c1e2a-0000-4000-8000-000000000001'", "write GUIDs unquoted"},
        {"founded eq 2026-01-31T10:00:00Z", "cannot compare Edm.Date with Edm.DateTimeOffset"},
        {"modified gt 2026-01-31T10:00:00", "needs a time zone"},
        {"modified gt 2026-01-31T10:00:00 02:00", "needs a time zone"},
        {"founded eq 2026-13-01", "date literal out of range"},
        {"contains(name)", "contains() takes 2 arguments, not 1"},
        {"contains(name,'a',)", "expected an operand"},
        {"tolower(name, 'x') eq 'a'", "tolower() takes 1 argument, not 2"},
        {"contains(employees, 'a')", "argument 1 must be Edm.String, not a number"},
        {"year(name) eq 2000", "must be a date or timestamp"},
        {"length(name eq 3", "cannot compare Edm.String with a number"},
        {"length(name", "expected ',' or ')' in the arguments of length()"},
        {"name", "must be Boolean, not Edm.String"},
        {"name and active", "'and' needs Boolean operands"},
        {"not name", "'not' needs a Boolean operand"},
        {"name eq 'a' eq 'b'", "cannot be chained"},
        {"name in 'a'", "expected '(' after 'in'"},
        {"name in ('a', city)", "literals only"},
        {"name in ('a' 'b')", "expected ',' or ')'"},
        {"employees eq 99999999999999999999", "integer literal out of range"},
        {"name eq 'a' && active", "unexpected character '&'"},
        {"people/name eq 'x'", "property paths"},
        {"employees eq 1.5.3", "unexpected character '.'"},
        {"employees eq 12abc", "malformed number"},
        {"score eq 1e", "malformed number"},
        {"city eq null and employees gt", "expected an operand"},
    };
    for (const auto &[filter, message] : cases) {
        const QString tag = filter.trimmed().isEmpty() ? "blank: '" + filter + "'" : filter.left(60);
        QTest::newRow(tag.toUtf8().constData()) << filter << message;
    }
}

void TestODataFilter::rejects()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const EntitySetDef set = companies();
    auto parsed = Filter::parse(filter.toStdString(), set);
    QVERIFY(!parsed.ok());
    const QString got = QString::fromStdString(parsed.error().message);
    QVERIFY2(got.contains(message), qPrintable(got));
    QVERIFY2(got.startsWith("$filter: "), qPrintable(got));
    QCOMPARE(parsed.error().httpStatus, 400);
    QCOMPARE(QString::fromStdString(parsed.error().code), QString("BadRequest"));
    if (!got.contains("too long"))
        QVERIFY2(got.contains("at position "), qPrintable(got));
}

void TestODataFilter::partitionConjunct()
{
    const EntitySetDef set = companies();
    auto literal = [&](const char *filter, const char *property) {
        auto parsed = Filter::parse(filter, set);
        return parsed.ok() ? parsed.value().equalityLiteral(property)
                           : std::optional<std::string>("parse error");
    };
    QCOMPARE(literal("city eq 'Erie' and employees gt 3", "city"), std::optional<std::string>("Erie"));
    QCOMPARE(literal("employees gt 3 and ('Erie' eq city and active)", "city"),
             std::optional<std::string>("Erie"));
    QCOMPARE(literal("id eq 5F0C1E2A-0000-4000-8000-000000000001", "id"),
             std::optional<std::string>("5f0c1e2a-0000-4000-8000-000000000001"));
    QCOMPARE(literal("employees eq 15", "employees"), std::optional<std::string>("15"));
    QCOMPARE(literal("city eq 'Erie' or employees gt 3", "city"), std::nullopt);
    QCOMPARE(literal("not (city eq 'Erie')", "city"), std::nullopt);
    QCOMPARE(literal("city eq null", "city"), std::nullopt);
    QCOMPARE(literal("city ne 'Erie'", "city"), std::nullopt);
}

QTEST_APPLESS_MAIN(TestODataFilter)
#include "tst_odatafilter.moc"
