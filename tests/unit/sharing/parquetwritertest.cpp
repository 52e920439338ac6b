// The Parquet writer's refusals (schemas and values it cannot write faithfully) and its summary. What
// the files contain is checked by independent readers in tests/integration/tst_parquetreaders.cpp.
#include "sharing/parquet/parquetwriter.h"

#include <fstream>
#include <limits>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::sharing::parquet;

namespace {

std::vector<Column> columnsFor(const Schema &schema)
{
    std::vector<Column> columns;
    for (const ColumnSpec &spec : schema)
        columns.emplace_back(spec.type);
    return columns;
}

std::string fileBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

class ParquetWriterTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return (m_dir.path() + "/" + name).toStdString(); }

    // Writes one batch; returns the error message, empty when it was written.
    std::string writeOnce(const Schema &schema, const std::vector<Column> &columns)
    {
        auto writer = ParquetWriter::create(path("bad.parquet"), schema);
        if (!writer)
            return writer.error().message;
        auto status = writer.value()->write(columns);
        return status ? std::string() : status.error().message;
    }

private slots:
    void refusesBadSchemas_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("no columns") << 0 << "at least one column";
        QTest::newRow("unnamed") << 1 << "column 1 has no name";
        QTest::newRow("names equal ignoring case") << 2 << "two columns are named 'Id'";
        QTest::newRow("repeated field id") << 3 << "repeats field id 7";
        QTest::newRow("decimal too wide") << 4 << "decimal(19,2) is not supported";
        QTest::newRow("scale above precision") << 5 << "decimal(4,5) is not supported";
    }

    void refusesBadSchemas()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        const std::vector<Schema> schemas = {
            {},
            {{"", ColumnType::String}},
            {{"id", ColumnType::Int64}, {"Id", ColumnType::String}},
            {{"a", ColumnType::Int64, true, 18, 2, 7}, {"b", ColumnType::Int64, true, 18, 2, 7}},
            {{"amount", ColumnType::Decimal, true, 19, 2}},
            {{"amount", ColumnType::Decimal, true, 4, 5}},
        };
        auto writer = ParquetWriter::create(path("schema.parquet"), schemas[which]);
        QVERIFY(!writer);
        QCOMPARE(writer.error().kind, ErrorKind::Invalid);
        QVERIFY2(QString::fromStdString(writer.error().message).contains(message),
                 writer.error().message.c_str());
    }

    void refusesValuesThatDoNotFit_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("null in a required column") << 0 << "column 'id' is required, but row 2 is null";
        QTest::newRow("int32 overflow") << 1 << "column 'n' row 1: 2147483648 does not fit";
        QTest::newRow("date overflow") << 2 << "column 'd' row 1: -2147483649 does not fit";
        QTest::newRow("decimal digits") << 3 << "column 'amount' row 2: 1000000 does not fit";
        QTest::newRow("boolean 2") << 4 << "column 'flag' row 1: 2 does not fit";
        QTest::newRow("wrong append") << 5 << "column 'name' was filled with values of another type";
        QTest::newRow("wrong column type") << 6 << "column 'name' holds int64 values, the schema says string";
        QTest::newRow("ragged") << 7 << "column 'name' has 2 rows, column 'id' has 1";
        QTest::newRow("column count") << 8 << "expected 2 columns, got 1";
    }

    void refusesValuesThatDoNotFit()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        Schema schema;
        std::vector<Column> columns;
        switch (which) {
        case 0:
            schema = {{"id", ColumnType::Int64, false}};
            columns = columnsFor(schema);
            columns[0].appendInteger(1);
            columns[0].appendNull();
            break;
        case 1:
            schema = {{"n", ColumnType::Int32}};
            columns = columnsFor(schema);
            columns[0].appendInteger(std::int64_t{std::numeric_limits<std::int32_t>::max()} + 1);
            break;
        case 2:
            schema = {{"d", ColumnType::Date}};
            columns = columnsFor(schema);
            columns[0].appendInteger(std::int64_t{std::numeric_limits<std::int32_t>::min()} - 1);
            break;
        case 3:
            schema = {{"amount", ColumnType::Decimal, true, 6, 2}};
            columns = columnsFor(schema);
            columns[0].appendInteger(999999);
            columns[0].appendInteger(1000000);
            break;
        case 4:
            schema = {{"flag", ColumnType::Boolean}};
            columns = columnsFor(schema);
            columns[0].appendInteger(2);
            break;
        case 5:
            schema = {{"name", ColumnType::String}};
            columns = columnsFor(schema);
            columns[0].appendInteger(1);
            break;
        case 6:
            schema = {{"name", ColumnType::String}};
            columns.emplace_back(ColumnType::Int64);
            break;
        case 7:
            schema = {{"id", ColumnType::Int64}, {"name", ColumnType::String}};
            columns = columnsFor(schema);
            columns[0].appendInteger(1);
            columns[1].appendString("a");
            columns[1].appendString("b");
            break;
        case 8:
            schema = {{"id", ColumnType::Int64}, {"name", ColumnType::String}};
            columns.emplace_back(ColumnType::Int64);
            break;
        }
        const std::string error = writeOnce(schema, columns);
        QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
    }

    void aRefusedBatchWritesNothingAndTheFileGoesOn()
    {
        const Schema schema = {{"id", ColumnType::Int64, false}};
        auto writer = ParquetWriter::create(path("partial.parquet"), schema);
        QVERIFY(writer);
        std::vector<Column> good = columnsFor(schema);
        good[0].appendInteger(1);
        std::vector<Column> bad = columnsFor(schema);
        bad[0].appendNull();
        QVERIFY(writer.value()->write(good));
        QVERIFY(!writer.value()->write(bad));
        QVERIFY(writer.value()->write(good));
        auto summary = writer.value()->finish();
        QVERIFY(summary);
        QCOMPARE(summary.value().rows, 2);
        QCOMPARE(summary.value().rowGroups, 2);
        QVERIFY(!writer.value()->write(good)); // finished
        QVERIFY(!writer.value()->finish());
    }

    void unwritablePathIsAStorageError()
    {
        auto writer = ParquetWriter::create(path("no/such/dir/x.parquet"), {{"id", ColumnType::Int64}});
        QVERIFY(!writer);
        QCOMPARE(writer.error().kind, ErrorKind::Storage);
        QVERIFY(QString::fromStdString(writer.error().message).contains("cannot create"));
    }

    void summaryCountsRowsBytesAndBounds()
    {
        const Schema schema = {{"id", ColumnType::Int64, false},
                               {"name", ColumnType::String},
                               {"score", ColumnType::Double},
                               {"nothing", ColumnType::Date}};
        std::vector<Column> columns = columnsFor(schema);
        for (int i = 0; i < 1000; ++i) {
            columns[0].appendInteger(500 - i);
            if (i % 10 == 0)
                columns[1].appendNull();
            else
                columns[1].appendString(i % 2 ? "odd" : "even");
            columns[2].appendDouble(i == 3 ? std::numeric_limits<double>::quiet_NaN() : i * 0.25);
            columns[3].appendNull();
        }
        WriterOptions options;
        options.rowGroupRows = 300;
        auto writer = ParquetWriter::create(path("summary.parquet"), schema, options);
        QVERIFY(writer);
        QVERIFY(writer.value()->write(columns));
        auto summary = writer.value()->finish();
        QVERIFY(summary);
        const FileSummary &s = summary.value();
        QCOMPARE(s.rows, 1000);
        QCOMPARE(s.rowGroups, 4);
        const std::string bytes = fileBytes(path("summary.parquet"));
        QCOMPARE(s.bytes, static_cast<std::int64_t>(bytes.size()));
        QCOMPARE(bytes.substr(0, 4), std::string("PAR1"));
        QCOMPARE(bytes.substr(bytes.size() - 4), std::string("PAR1"));
        QCOMPARE(s.columns[0].minInteger, -499);
        QCOMPARE(s.columns[0].maxInteger, 500);
        QCOMPARE(s.columns[1].nullCount, 100u);
        QCOMPARE(s.columns[1].minText, std::string("even"));
        QCOMPARE(s.columns[1].maxText, std::string("odd"));
        QCOMPARE(s.columns[2].nanCount, 1u);
        QCOMPARE(s.columns[2].minDouble, 0.0);
        QCOMPARE(s.columns[2].maxDouble, 999 * 0.25);
        QVERIFY(!s.columns[3].hasBounds);
        QCOMPARE(s.columns[3].nullCount, 1000u);
    }
};

QTEST_GUILESS_MAIN(ParquetWriterTest)
#include "parquetwritertest.moc"
