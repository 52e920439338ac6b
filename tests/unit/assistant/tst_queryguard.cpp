// The query guard: table-driven hostile statements that must be refused with a reason, analytical SELECTs
// that must be admitted, and the limits (size, nesting) and the tokenizer underneath.
#include "assistant/queryguard.h"
#include "assistant/sqltokenizer.h"
#include "hostilecases.h"
#include "hostilecases2.h"
#include "legitcases.h"

#include <QTest>

#include <string>

using namespace lakeshore::assistant;

Q_DECLARE_METATYPE(lakeshore::assistant::SqlDialect)

namespace {

QByteArray bytes(std::string_view text) { return QByteArray(text.data(), static_cast<qsizetype>(text.size())); }
std::string_view view(const QByteArray &text) { return {text.constData(), static_cast<std::size_t>(text.size())}; }

template <std::size_t N>
void addRows(const guardcases::GuardCase (&cases)[N], const char *prefix)
{
    for (const guardcases::GuardCase &c : cases)
        QTest::addRow("%s %s [%s]", prefix, std::string(c.name).c_str(), std::string(dialectName(c.dialect)).c_str())
            << bytes(c.sql) << c.dialect;
}

} // namespace

class TestQueryGuard : public QObject
{
    Q_OBJECT

private slots:
    void enoughCases();
    void rejectsHostile_data();
    void rejectsHostile();
    void genericRejectsHostile_data();
    void genericRejectsHostile();
    void admitsAnalytical_data();
    void admitsAnalytical();
    void reasonNamesTokenAndOffset();
    void sizeCap();
    void nestingCap();
    void tokenizerKinds();
    void tokenizerGenericNeedsEveryDialect();
};

void TestQueryGuard::enoughCases()
{
    QVERIFY(std::size(guardcases::kHostile) + std::size(guardcases::kHostileMore) >= 150);
    QVERIFY(std::size(guardcases::kLegit) >= 40);
}

void TestQueryGuard::rejectsHostile_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<SqlDialect>("dialect");
    addRows(guardcases::kHostile, "hostile");
    addRows(guardcases::kHostileMore, "hostile");
}

void TestQueryGuard::rejectsHostile()
{
    QFETCH(QByteArray, sql);
    QFETCH(SqlDialect, dialect);
    const GuardVerdict verdict = checkReadOnlySelect(view(sql), dialect);
    QVERIFY2(!verdict.admitted, sql.constData());
    QVERIFY(!verdict.reason.empty());
    QVERIFY(verdict.offset <= static_cast<std::size_t>(sql.size()));
}

// Generic admits only what every dialect admits, so it refuses every hostile row whatever its dialect.
void TestQueryGuard::genericRejectsHostile_data() { rejectsHostile_data(); }

void TestQueryGuard::genericRejectsHostile()
{
    QFETCH(QByteArray, sql);
    const GuardVerdict verdict = checkReadOnlySelect(view(sql));
    QVERIFY2(!verdict.admitted, sql.constData());
    QVERIFY(!verdict.reason.empty());
}

void TestQueryGuard::admitsAnalytical_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<SqlDialect>("dialect");
    addRows(guardcases::kLegit, "legit");
}

void TestQueryGuard::admitsAnalytical()
{
    QFETCH(QByteArray, sql);
    QFETCH(SqlDialect, dialect);
    const GuardVerdict verdict = checkReadOnlySelect(view(sql), dialect);
    QVERIFY2(verdict.admitted, verdict.reason.c_str());
    QVERIFY(verdict.reason.empty());
}

void TestQueryGuard::reasonNamesTokenAndOffset()
{
    GuardVerdict verdict = checkReadOnlySelect("SELECT 1; DROP TABLE t", SqlDialect::PostgreSQL);
    QVERIFY(!verdict.admitted);
    QCOMPARE(verdict.offset, std::size_t(10));
    QVERIFY2(verdict.reason.find("'DROP'") != std::string::npos, verdict.reason.c_str());
    QVERIFY2(verdict.reason.find("offset 10") != std::string::npos, verdict.reason.c_str());

    verdict = checkReadOnlySelect("SELECT x FROM t WHERE pg_sleep (1) > 0", SqlDialect::PostgreSQL);
    QCOMPARE(verdict.offset, std::size_t(22));
    QVERIFY2(verdict.reason.find("'pg_sleep'") != std::string::npos, verdict.reason.c_str());

    verdict = checkReadOnlySelect("SELECT 'abc", SqlDialect::SQLite);
    QCOMPARE(verdict.offset, std::size_t(7));
    QVERIFY2(verdict.reason.find("cannot classify") != std::string::npos, verdict.reason.c_str());

    verdict = checkReadOnlySelect("SELECT 1 # x");
    QVERIFY2(verdict.reason.find("(read as ") != std::string::npos, verdict.reason.c_str());
}

void TestQueryGuard::sizeCap()
{
    std::string sql = "SELECT 1";
    sql += " -- ";
    sql += std::string(kMaxGuardedQueryBytes - sql.size(), 'x');
    QCOMPARE(sql.size(), kMaxGuardedQueryBytes);
    QVERIFY(checkReadOnlySelect(sql).admitted);
    sql += 'x';
    const GuardVerdict verdict = checkReadOnlySelect(sql);
    QVERIFY(!verdict.admitted);
    QVERIFY2(verdict.reason.find("limit") != std::string::npos, verdict.reason.c_str());
}

void TestQueryGuard::nestingCap()
{
    const auto nested = [](std::size_t depth) {
        return "SELECT " + std::string(depth, '(') + "1" + std::string(depth, ')');
    };
    QVERIFY(checkReadOnlySelect(nested(64)).admitted);
    QVERIFY(!checkReadOnlySelect(nested(65)).admitted);
    QVERIFY(!checkReadOnlySelect(nested(50000)).admitted);
}

void TestQueryGuard::tokenizerKinds()
{
    const TokenizeResult result = tokenize("SELECT `a`, 'b;' -- c\n FROM t;", SqlDialect::Databricks);
    QVERIFY2(result.ok(), result.error.c_str());
    const std::vector<TokenKind> expected = {TokenKind::Word,   TokenKind::QuotedIdentifier, TokenKind::Comma,
                                             TokenKind::String, TokenKind::Comment,          TokenKind::Word,
                                             TokenKind::Word,   TokenKind::Semicolon};
    QCOMPARE(result.tokens.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY(result.tokens[i].kind == expected[i]);
    QCOMPARE(result.tokens[3].text, std::string_view("'b;'"));
    QCOMPARE(result.tokens[3].offset, std::size_t(12));

    const TokenizeResult dollar = tokenize("SELECT $q$ it's $$ $q$", SqlDialect::PostgreSQL);
    QVERIFY(dollar.ok());
    QCOMPARE(dollar.tokens.size(), std::size_t(2));
    QVERIFY(dollar.tokens[1].kind == TokenKind::String);
}

void TestQueryGuard::tokenizerGenericNeedsEveryDialect()
{
    QVERIFY(tokenize("SELECT `a`", SqlDialect::SQLite).ok());
    const TokenizeResult generic = tokenize("SELECT `a`", SqlDialect::Generic);
    QVERIFY(!generic.ok());
    QCOMPARE(generic.errorOffset, std::size_t(7));
}

QTEST_APPLESS_MAIN(TestQueryGuard)
#include "tst_queryguard.moc"
