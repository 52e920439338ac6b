// The columnar store: typed cells across chunk boundaries, widening and mixed kinds without loss, null
// bitmaps, columns that appear mid-way, snapshots that stay fixed while building goes on, sorting, CSV
// export (RFC 4180, formula defusing, selections, a device that refuses writes) and the memory figures.
#include "assistant/resultsetbuilder.h"

#include <atomic>
#include <fstream>
#include <limits>
#include <mutex>
#include <QTest>
#include <sstream>
#include <thread>

using namespace lakeshore;
using namespace lakeshore::assistant;

namespace {

// Tiny chunks so every test crosses chunk boundaries.
ResultSetBuilder smallChunks()
{
    return ResultSetBuilder(2, 3);
}

std::string csv(const ResultSet &set, const CsvOptions &options = {})
{
    std::ostringstream out;
    const Status status = set.writeCsv(out, options);
    return status.ok() ? out.str() : "error: " + status.error().message;
}

std::vector<std::uint32_t> order(const ResultSet &set, std::size_t column, SortOrder direction)
{
    return set.sortPermutation(column, direction);
}

} // namespace

class TestResultSet : public QObject
{
    Q_OBJECT

private slots:
    void typedColumnsAcrossChunks();
    void integersWidenToRealsExactly();
    void mixedKindsKeepEveryValue();
    void exactLiteralsForHugeNumbers();
    void nullsAndEmptyColumns();
    void columnAddedMidway();
    void snapshotsStayFixed();
    void readsWhileBuilding();
    void outOfRangeReadsAreNull();
    void sortsNumbersNullsLastStable();
    void sortsTextCaseInsensitivelyThenExactly();
    void sortsMixedColumns();
    void csvQuotingAndFormulas();
    void csvSelectionAndErrors();
    void noTableResult();
    void memoryFigures();
};

void TestResultSet::typedColumnsAcrossChunks()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("id", "integer");
    builder.addColumn("name", "text");
    builder.addColumn("amount", "real");
    builder.addColumn("active", "boolean");
    for (int i = 0; i < 10; ++i) {
        builder.column(0).appendInteger(i * 1000);
        builder.column(1).appendText("name " + std::to_string(i));
        builder.column(2).appendReal(i + 0.25);
        builder.column(3).appendBoolean(i % 2 == 0);
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    QVERIFY(set.hasTable());
    QVERIFY(set.complete());
    QCOMPARE(set.rowCount(), std::size_t(10));
    QCOMPARE(set.columnCount(), std::size_t(4));
    QCOMPARE(set.columns()[0].type, ColumnType::Integer);
    QCOMPARE(set.columns()[0].declaredType, std::string("integer"));
    QCOMPARE(set.columns()[1].type, ColumnType::Text);
    QCOMPARE(set.columns()[2].type, ColumnType::Real);
    QCOMPARE(set.columns()[3].type, ColumnType::Boolean);
    for (std::size_t row = 0; row < 10; ++row) {
        QCOMPARE(set.kind(row, 0), CellKind::Integer);
        QCOMPARE(set.integer(row, 0), std::optional<std::int64_t>(static_cast<std::int64_t>(row) * 1000));
        QCOMPARE(set.text(row, 0), std::to_string(row * 1000));
        QCOMPARE(set.text(row, 1), "name " + std::to_string(row));
        QCOMPARE(set.number(row, 1), std::optional<double>()); // text is not a number
        QCOMPARE(set.number(row, 2), std::optional<double>(static_cast<double>(row) + 0.25));
        QCOMPARE(set.boolean(row, 3), std::optional<bool>(row % 2 == 0));
        QCOMPARE(set.number(row, 3), std::optional<double>(row % 2 == 0 ? 1.0 : 0.0));
        QCOMPARE(set.text(row, 3), std::string(row % 2 == 0 ? "true" : "false"));
    }
    QCOMPARE(set.text(0, 2), std::string("0.25"));
}

void TestResultSet::integersWidenToRealsExactly()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("x");
    const std::int64_t values[] = {1, -7, 9007199254740992}; // 2^53 is exact as a double
    for (const std::int64_t v : values) {
        builder.column(0).appendInteger(v);
        builder.endRow();
    }
    builder.column(0).appendReal(2.5); // same chunk as -7? chunk 2 holds rows 2..4
    builder.endRow();
    const ResultSet set = builder.finish();
    QCOMPARE(set.columns()[0].type, ColumnType::Real);
    QVERIFY(!set.columns()[0].mixed);
    QCOMPARE(set.number(2, 0), std::optional<double>(9007199254740992.0));
    QCOMPARE(set.text(2, 0), std::string("9007199254740992"));
    QCOMPARE(set.text(0, 0), std::string("1"));
    QCOMPARE(set.text(3, 0), std::string("2.5"));
    // Widened cells are still integers (in whichever chunk they landed), the real stays real.
    QCOMPARE(set.kind(2, 0), CellKind::Integer);
    QCOMPARE(set.integer(2, 0), std::optional<std::int64_t>(9007199254740992));
    QCOMPARE(set.kind(3, 0), CellKind::Real);
    QCOMPARE(set.integer(3, 0), std::optional<std::int64_t>());
}

void TestResultSet::mixedKindsKeepEveryValue()
{
    // SQLite columns are dynamically typed: one column may hold all of these.
    ResultSetBuilder builder(100, 100);
    builder.addColumn("mixed");
    builder.column(0).appendInteger(9007199254740993); // not exact as a double: widening would lose it
    builder.endRow();
    builder.column(0).appendReal(0.1);
    builder.endRow();
    builder.column(0).appendText("n/a");
    builder.endRow();
    builder.column(0).appendNull();
    builder.endRow();
    builder.column(0).appendBoolean(true);
    builder.endRow();
    builder.column(0).appendInteger(-3);
    builder.endRow();
    const ResultSet set = builder.finish();
    QCOMPARE(set.columns()[0].type, ColumnType::Text);
    QVERIFY(set.columns()[0].mixed);
    QCOMPARE(set.kind(0, 0), CellKind::Integer);
    QCOMPARE(set.integer(0, 0), std::optional<std::int64_t>(9007199254740993));
    QCOMPARE(set.text(0, 0), std::string("9007199254740993"));
    QCOMPARE(set.kind(1, 0), CellKind::Real);
    QCOMPARE(set.number(1, 0), std::optional<double>(0.1));
    QCOMPARE(set.text(1, 0), std::string("0.1"));
    QCOMPARE(set.kind(2, 0), CellKind::Text);
    QCOMPARE(set.text(2, 0), std::string("n/a"));
    QCOMPARE(set.number(2, 0), std::optional<double>());
    QVERIFY(set.isNull(3, 0));
    QCOMPARE(set.kind(3, 0), CellKind::Null);
    QCOMPARE(set.boolean(4, 0), std::optional<bool>(true));
    QCOMPARE(set.integer(5, 0), std::optional<std::int64_t>(-3));
}

void TestResultSet::exactLiteralsForHugeNumbers()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("n");
    builder.column(0).appendLiteral("123456789012345678901234567890", CellKind::Integer);
    builder.endRow();
    builder.column(0).appendInteger(5);
    builder.endRow();
    builder.column(0).appendLiteral("1e400", CellKind::Real);
    builder.endRow();
    const ResultSet set = builder.finish();
    QCOMPARE(set.columns()[0].type, ColumnType::Real); // integers and reals
    QCOMPARE(set.kind(0, 0), CellKind::Integer);
    QCOMPARE(set.text(0, 0), std::string("123456789012345678901234567890"));
    QCOMPARE(set.integer(0, 0), std::optional<std::int64_t>()); // does not fit
    QCOMPARE(set.number(0, 0), std::optional<double>(1.2345678901234568e29));
    QCOMPARE(set.integer(1, 0), std::optional<std::int64_t>(5));
    QCOMPARE(set.text(2, 0), std::string("1e400"));
    QCOMPARE(set.number(2, 0), std::optional<double>(std::numeric_limits<double>::infinity()));
}

void TestResultSet::nullsAndEmptyColumns()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("always null");
    builder.addColumn("sparse");
    for (int i = 0; i < 200; ++i) {
        builder.column(0).appendNull();
        if (i % 7 == 3)
            builder.column(1).appendInteger(i);
        else
            builder.column(1).appendNull();
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    QCOMPARE(set.columns()[0].type, ColumnType::Null);
    QCOMPARE(set.columns()[1].type, ColumnType::Integer);
    for (std::size_t row = 0; row < 200; ++row) {
        QVERIFY(set.isNull(row, 0));
        QCOMPARE(set.text(row, 0), std::string());
        QCOMPARE(set.isNull(row, 1), row % 7 != 3);
        if (row % 7 == 3)
            QCOMPARE(set.integer(row, 1), std::optional<std::int64_t>(static_cast<std::int64_t>(row)));
    }
}

void TestResultSet::columnAddedMidway()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("a");
    for (int i = 0; i < 5; ++i) {
        builder.column(0).appendInteger(i);
        if (i == 3) {
            builder.addColumn("late");
            builder.column(1).appendText("first");
        } else if (i > 3) {
            builder.column(1).appendText("second");
        }
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    QCOMPARE(set.columnCount(), std::size_t(2));
    for (std::size_t row = 0; row < 3; ++row)
        QVERIFY(set.isNull(row, 1)); // rows before the column existed, some in closed chunks
    QCOMPARE(set.text(3, 1), std::string("first"));
    QCOMPARE(set.text(4, 1), std::string("second"));
}

void TestResultSet::snapshotsStayFixed()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("a");
    builder.column(0).appendInteger(1);
    QVERIFY(!builder.endRow());
    builder.column(0).appendInteger(2);
    QVERIFY(builder.endRow()); // the first chunk closes at 2 rows
    const ResultSet early = builder.snapshot();
    QCOMPARE(early.rowCount(), std::size_t(2));
    QVERIFY(!early.complete());
    for (int i = 3; i <= 7; ++i) {
        builder.column(0).appendText("t" + std::to_string(i)); // turns later chunks mixed
        builder.endRow();
    }
    const ResultSet all = builder.finish();
    QCOMPARE(early.rowCount(), std::size_t(2));
    QCOMPARE(early.columns()[0].type, ColumnType::Integer); // the snapshot's own view of the column
    QCOMPARE(early.integer(1, 0), std::optional<std::int64_t>(2));
    QCOMPARE(all.rowCount(), std::size_t(7));
    QVERIFY(all.complete());
    QCOMPARE(all.columns()[0].type, ColumnType::Text);
    QCOMPARE(all.text(6, 0), std::string("t7"));
}

void TestResultSet::readsWhileBuilding()
{
    // Snapshots are immutable: a reader thread may scan them while the builder keeps appending.
    ResultSetBuilder builder(16, 64);
    builder.addColumn("n");
    builder.addColumn("s");
    std::vector<ResultSet> published;
    std::mutex mutex;
    std::atomic<bool> done{false};
    std::atomic<long long> checked{0};
    std::atomic<bool> wrong{false};
    std::thread reader([&] {
        while (!done) {
            ResultSet latest;
            {
                std::lock_guard lock(mutex);
                if (!published.empty())
                    latest = published.back();
            }
            for (std::size_t row = 0; row < latest.rowCount(); ++row) {
                if (latest.integer(row, 0) != std::optional<std::int64_t>(static_cast<std::int64_t>(row)) ||
                    latest.text(row, 1) != "row " + std::to_string(row))
                    wrong = true;
                ++checked;
            }
        }
    });
    for (int i = 0; i < 5000; ++i) {
        builder.column(0).appendInteger(i);
        builder.column(1).appendText("row " + std::to_string(i));
        if (builder.endRow()) {
            std::lock_guard lock(mutex);
            published.push_back(builder.snapshot());
        }
    }
    done = true;
    reader.join();
    QVERIFY(!wrong);
    QCOMPARE(builder.finish().rowCount(), std::size_t(5000));
}

void TestResultSet::outOfRangeReadsAreNull()
{
    ResultSetBuilder builder;
    builder.addColumn("a");
    builder.column(0).appendInteger(1);
    builder.endRow();
    const ResultSet set = builder.finish();
    QVERIFY(set.isNull(1, 0));
    QVERIFY(set.isNull(0, 1));
    QCOMPARE(set.text(99, 99), std::string());
    QCOMPARE(set.kind(5, 0), CellKind::Null);
    const ResultSet empty;
    QCOMPARE(empty.rowCount(), std::size_t(0));
    QVERIFY(empty.isNull(0, 0));
    QVERIFY(empty.sortPermutation(0, SortOrder::Ascending).empty());
}

void TestResultSet::sortsNumbersNullsLastStable()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("value");
    builder.addColumn("tag");
    const std::optional<std::int64_t> values[] = {5,  std::nullopt, 3, 5, 9007199254740993, 9007199254740992,
                                                  -2, std::nullopt, 3};
    for (std::size_t i = 0; i < std::size(values); ++i) {
        if (values[i])
            builder.column(0).appendInteger(*values[i]);
        else
            builder.column(0).appendNull();
        builder.column(1).appendInteger(static_cast<std::int64_t>(i));
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    // Ascending: equal values keep their order (stable), big integers compare exactly, nulls last.
    QCOMPARE(order(set, 0, SortOrder::Ascending), (std::vector<std::uint32_t>{6, 2, 8, 0, 3, 5, 4, 1, 7}));
    // Descending: still stable among equals, and nulls still last.
    QCOMPARE(order(set, 0, SortOrder::Descending), (std::vector<std::uint32_t>{4, 5, 0, 3, 2, 8, 6, 1, 7}));
    QCOMPARE(order(set, 7, SortOrder::Ascending), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));

    ResultSetBuilder reals = smallChunks();
    reals.addColumn("r");
    for (const double v : {2.5, -0.5, 1e300, -1e300, 0.0}) {
        reals.column(0).appendReal(v);
        reals.endRow();
    }
    QCOMPARE(order(reals.finish(), 0, SortOrder::Ascending), (std::vector<std::uint32_t>{3, 1, 4, 0, 2}));
}

void TestResultSet::sortsTextCaseInsensitivelyThenExactly()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("name");
    const char *names[] = {"banana",
                           "Apple",
                           "apple",
                           "\xC3\x84pfel" /* Äpfel */,
                           "\xC3\xA4pfel" /* äpfel */,
                           "APPLE",
                           "Zebra",
                           "b",
                           "",
                           "\xD0\x91" /* Б */,
                           "\xD0\xB0" /* а */};
    for (const char *name : names) {
        builder.column(0).appendText(name);
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    std::vector<std::string> sorted;
    for (const auto row : order(set, 0, SortOrder::Ascending))
        sorted.push_back(set.text(row, 0));
    // Folded first ("apple" x3 tie, then exact bytes: "APPLE" < "Apple" < "apple"); Ä folds to ä, both after
    // z by code point; Cyrillic а (U+0430) < б (U+0431) although Б is a capital.
    const std::vector<std::string> expected = {"",        "APPLE", "Apple",        "apple",        "b",
                                               "banana",  "Zebra", "\xC3\x84pfel", "\xC3\xA4pfel", "\xD0\xB0",
                                               "\xD0\x91"};
    QCOMPARE(sorted, expected);
}

void TestResultSet::sortsMixedColumns()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("m");
    builder.column(0).appendText("b");
    builder.endRow();
    builder.column(0).appendInteger(10);
    builder.endRow();
    builder.column(0).appendNull();
    builder.endRow();
    builder.column(0).appendReal(2.5);
    builder.endRow();
    builder.column(0).appendText("A");
    builder.endRow();
    builder.column(0).appendLiteral("1e400", CellKind::Real);
    builder.endRow();
    const ResultSet set = builder.finish();
    // Numbers (numerically) before text, nulls last.
    QCOMPARE(order(set, 0, SortOrder::Ascending), (std::vector<std::uint32_t>{3, 1, 5, 4, 0, 2}));
    QCOMPARE(order(set, 0, SortOrder::Descending), (std::vector<std::uint32_t>{0, 4, 5, 1, 3, 2}));
}

void TestResultSet::csvQuotingAndFormulas()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("name, with comma");
    builder.addColumn("value");
    builder.addColumn("=danger");
    const char *texts[] = {"plain", "say \"hi\"", "two\nlines", "=SUM(A1:A9)", "+1",
                           "-1",    "@cmd",       "\tx",        "caf\xC3\xA9"};
    for (std::size_t i = 0; i < std::size(texts); ++i) {
        builder.column(0).appendText(texts[i]);
        if (i == 0)
            builder.column(1).appendInteger(-5); // a typed number is never defused
        else if (i == 1)
            builder.column(1).appendReal(-0.5);
        else if (i == 2)
            builder.column(1).appendBoolean(false);
        else
            builder.column(1).appendNull();
        builder.column(2).appendText("a,b\r\nc");
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    const std::string expected = "\"name, with comma\",value,'=danger\r\n"
                                 "plain,-5,\"a,b\r\nc\"\r\n"
                                 "\"say \"\"hi\"\"\",-0.5,\"a,b\r\nc\"\r\n"
                                 "\"two\nlines\",false,\"a,b\r\nc\"\r\n"
                                 "'=SUM(A1:A9),,\"a,b\r\nc\"\r\n"
                                 "'+1,,\"a,b\r\nc\"\r\n"
                                 "'-1,,\"a,b\r\nc\"\r\n"
                                 "'@cmd,,\"a,b\r\nc\"\r\n"
                                 "'\tx,,\"a,b\r\nc\"\r\n"
                                 "caf\xC3\xA9,,\"a,b\r\nc\"\r\n";
    QCOMPARE(csv(set), expected);
    CsvOptions options;
    options.header = false;
    options.byteOrderMark = true;
    const std::string noHeader = csv(set, options);
    QVERIFY(noHeader.starts_with("\xEF\xBB\xBFplain,-5,"));
}

void TestResultSet::csvSelectionAndErrors()
{
    ResultSetBuilder builder = smallChunks();
    builder.addColumn("a");
    builder.addColumn("b");
    for (int i = 0; i < 5; ++i) {
        builder.column(0).appendInteger(i);
        builder.column(1).appendText("t" + std::to_string(i));
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    std::ostringstream out;
    const std::uint32_t rows[] = {4, 1};
    const std::size_t columns[] = {1, 0};
    QVERIFY(set.writeCsv(out, rows, columns).ok());
    QCOMPARE(out.str(), std::string("b,a\r\nt4,4\r\nt1,1\r\n"));

    std::ostringstream bad;
    const std::uint32_t badRows[] = {5};
    const Status outOfRange = set.writeCsv(bad, badRows, columns);
    QVERIFY(!outOfRange.ok());
    QCOMPARE(outOfRange.error().kind, ErrorKind::Invalid);
    const std::size_t badColumns[] = {2};
    QCOMPARE(set.writeCsv(bad, rows, badColumns).error().kind, ErrorKind::Invalid);
    QVERIFY(bad.str().empty()); // nothing half-written

    // A real device that refuses every write (ENOSPC), as a full disk would.
    std::ofstream full("/dev/full");
    QVERIFY(full.is_open());
    const Status failed = set.writeCsv(full);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Storage);
}

void TestResultSet::noTableResult()
{
    const ResultSet set = ResultSetBuilder::noTable("The server says hello.", "content text");
    QVERIFY(!set.hasTable());
    QVERIFY(set.complete());
    QCOMPARE(set.note(), std::string("The server says hello."));
    QCOMPARE(set.rowCount(), std::size_t(0));
    std::ostringstream out;
    QCOMPARE(set.writeCsv(out).error().kind, ErrorKind::Invalid);
}

void TestResultSet::memoryFigures()
{
    ResultSetBuilder builder(200, 4096);
    builder.addColumn("account");
    builder.addColumn("amount");
    builder.addColumn("count");
    const std::size_t rows = 50000;
    std::size_t textBytes = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string account = "C-" + std::to_string(1000000 + i);
        textBytes += account.size();
        builder.column(0).appendText(account);
        builder.column(1).appendReal(static_cast<double>(i) / 3);
        if (i % 10 == 0)
            builder.column(2).appendNull();
        else
            builder.column(2).appendInteger(static_cast<std::int64_t>(i));
        builder.endRow();
    }
    const ResultSet set = builder.finish();
    const std::size_t numbers = rows + rows - rows / 10;
    QCOMPARE(set.rawBytes(), textBytes + 8 * numbers);
    QVERIFY(set.bytesUsed() >= set.rawBytes());
    QVERIFY2(
        set.bytesUsed() <= 2 * set.rawBytes(),
        (std::to_string(set.bytesUsed()) + " bytes for " + std::to_string(set.rawBytes()) + " raw").c_str());
    // A snapshot before the end counts only what it holds.
    QVERIFY(ResultSetBuilder().snapshot().bytesUsed() < 1024);
}

QTEST_APPLESS_MAIN(TestResultSet)
#include "tst_resultset.moc"
