// Parquet files from our writer, read back by two independent readers from npm: DuckDB
// (@duckdb/node-api) and hyparquet (+ hyparquet-compressors). Every value, null, type annotation,
// field id and per-row-group statistic is compared with what the test wrote, for each codec, with and
// without dictionary encoding, across several row groups and many pages.
#include "domain/date.h"
#include "jsoncompare.h"
#include "nodepeer.h"
#include "sharing/parquet/parquetwriter.h"

#include <array>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::sharing::parquet;
using nlohmann::json;

namespace {

// What each value should read back as, in parquet-readers.mjs's canonical text (nullopt = null).
using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

struct TestTable
{
    Schema schema;
    std::vector<Column> columns;
    std::vector<Row> expected;
};

std::string decimalText(std::int64_t unscaled, int scale)
{
    const bool negative = unscaled < 0;
    std::string digits = std::to_string(negative ? -unscaled : unscaled);
    if (static_cast<int>(digits.size()) <= scale)
        digits.insert(0, static_cast<std::size_t>(scale + 1) - digits.size(), '0');
    if (scale > 0)
        digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
    return (negative ? "-" : "") + digits;
}

// A table of every type we write: extremes, negatives, unicode, empty strings, NaN and infinities,
// low-cardinality columns (dictionary candidates) and unique ones, nulls in each nullable column.
TestTable makeTable(int rows)
{
    TestTable t;
    t.schema = {{"id", ColumnType::Int64, false},
                {"name", ColumnType::String},
                {"city", ColumnType::String},
                {"day", ColumnType::Date},
                {"at", ColumnType::Timestamp},
                {"amount", ColumnType::Decimal, true, 18, 2},
                {"price", ColumnType::Decimal, false, 9, 3},
                {"score", ColumnType::Double},
                {"flag", ColumnType::Boolean},
                {"n", ColumnType::Int32, false},
                {"region", ColumnType::Int64}};
    for (const ColumnSpec &spec : t.schema)
        t.columns.emplace_back(spec.type);
    const char *cities[] = {"Cleveland", "Akron", "Toledo", "Dayton", "Zürich", "Łódź", "東京", ""};
    for (int i = 0; i < rows; ++i) {
        Row row;
        auto integer = [&](int c, std::int64_t v) {
            t.columns[c].appendInteger(v);
            row.push_back(std::to_string(v));
        };
        auto null = [&](int c) {
            t.columns[c].appendNull();
            row.push_back(std::nullopt);
        };
        auto text = [&](int c, const std::string &v) {
            t.columns[c].appendString(v);
            row.push_back(v);
        };

        integer(0, i == 0   ? std::numeric_limits<std::int64_t>::min()
                   : i == 1 ? std::numeric_limits<std::int64_t>::max()
                            : i * 3 - 1000);
        if (i % 7 == 0)
            null(1);
        else if (i % 13 == 0)
            text(1, "");
        else if (i % 17 == 0)
            text(1, "Zürich—Ω 東京 🙂 #" + std::to_string(i));
        else
            text(1, "customer_" + std::to_string(i));
        if (i % 10 == 0)
            null(2);
        else
            text(2, cities[i % 8]);
        if (i % 9 == 0) {
            null(3);
        } else {
            const std::int64_t days = i % 400 - 800; // 1967 and 1968
            t.columns[3].appendInteger(days);
            row.push_back(domain::Date::fromDays(days).iso());
        }
        if (i % 11 == 0)
            null(4);
        else
            integer(4, -1000000000000 + std::int64_t{i} * 1234567);
        if (i % 6 == 0) {
            null(5);
        } else {
            const std::int64_t unscaled = (i % 2 ? -1 : 1) * std::int64_t{i} * 37;
            t.columns[5].appendInteger(unscaled);
            row.push_back(decimalText(unscaled, 2));
        }
        {
            const std::int64_t unscaled = (std::int64_t{i} * 7919) % 999999999;
            t.columns[6].appendInteger(unscaled);
            row.push_back(decimalText(unscaled, 3));
        }
        if (i % 5 == 0) {
            null(7);
        } else {
            double v = i * 0.25 - 100;
            if (i % 97 == 3)
                v = std::numeric_limits<double>::quiet_NaN();
            if (i == 4)
                v = std::numeric_limits<double>::infinity();
            if (i == 6)
                v = -std::numeric_limits<double>::infinity();
            t.columns[7].appendDouble(v);
            row.push_back(std::isnan(v)   ? "NaN"
                          : std::isinf(v) ? (v > 0 ? "Infinity" : "-Infinity")
                                          : QByteArray::number(v, 'g', 17).toStdString());
        }
        if (i % 8 == 0) {
            null(8);
        } else {
            t.columns[8].appendInteger(i % 3 == 0 ? 1 : 0);
            row.push_back(i % 3 == 0 ? "true" : "false");
        }
        integer(9, i == 2   ? std::numeric_limits<std::int32_t>::min()
                   : i == 3 ? std::numeric_limits<std::int32_t>::max()
                            : i * 3 - 5000);
        if (i % 6 == 1)
            null(10);
        else
            integer(10, i % 5 - 2);
        t.expected.push_back(std::move(row));
    }
    return t;
}

bool sameDouble(const std::string &a, const std::string &b)
{
    auto parse = [](const std::string &s) {
        if (s == "NaN")
            return std::numeric_limits<double>::quiet_NaN();
        if (s == "Infinity")
            return std::numeric_limits<double>::infinity();
        if (s == "-Infinity")
            return -std::numeric_limits<double>::infinity();
        return std::strtod(s.c_str(), nullptr);
    };
    const double x = parse(a);
    const double y = parse(b);
    return (std::isnan(x) && std::isnan(y)) || x == y;
}

Cell cellOf(const json &value)
{
    return value.is_null() ? Cell{} : Cell{value.get<std::string>()};
}

// Empty when the reader's rows equal the expected ones, else the first difference.
std::string compareRows(const json &rows, const TestTable &t, const char *reader)
{
    if (rows.size() != t.expected.size())
        return std::string(reader) + " read " + std::to_string(rows.size()) + " rows, wrote " +
               std::to_string(t.expected.size());
    for (std::size_t r = 0; r < t.expected.size(); ++r) {
        for (std::size_t c = 0; c < t.schema.size(); ++c) {
            const Cell got = cellOf(rows[r][c]);
            const Cell &want = t.expected[r][c];
            const bool same = got.has_value() == want.has_value() &&
                              (!got || *got == *want ||
                               (t.schema[c].type == ColumnType::Double && sameDouble(*got, *want)));
            if (!same)
                return std::string(reader) + " row " + std::to_string(r) + " column " + t.schema[c].name +
                       ": got " + got.value_or("null") + ", wrote " + want.value_or("null");
        }
    }
    return {};
}

struct Bounds
{
    std::uint64_t nulls = 0;
    Cell min, max;
};

// Statistics computed here, from the expected cells (not from the writer's own bookkeeping).
Bounds expectedBounds(const TestTable &t, std::size_t column, std::size_t begin, std::size_t end)
{
    Bounds b;
    const ColumnType type = t.schema[column].type;
    auto less = [&](const std::string &x, const std::string &y) {
        switch (type) {
        case ColumnType::String:
        case ColumnType::Date:
            return x < y; // ISO dates and UTF-8 bytes order as text
        case ColumnType::Double:
            return std::strtod(x.c_str(), nullptr) < std::strtod(y.c_str(), nullptr);
        case ColumnType::Boolean:
            return x == "false" && y == "true";
        default: {
            // integers and decimals of one scale: compare as exact numbers of the text
            const double dx = std::strtod(x.c_str(), nullptr), dy = std::strtod(y.c_str(), nullptr);
            if (dx != dy)
                return dx < dy;
            return std::stoll(x.substr(0, x.find('.'))) < std::stoll(y.substr(0, y.find('.')));
        }
        }
    };
    for (std::size_t r = begin; r < end; ++r) {
        const Cell &cell = t.expected[r][column];
        if (!cell) {
            ++b.nulls;
            continue;
        }
        if (type == ColumnType::Double && *cell == "NaN")
            continue;
        if (!b.min || less(*cell, *b.min))
            b.min = cell;
        if (!b.max || less(*b.max, *cell))
            b.max = cell;
    }
    return b;
}

// DuckDB's parquet_metadata() shows an infinite double bound as absent (hyparquet shows it): with
// infinitiesShownAbsent, an absent bound where ±Infinity is expected counts as a match.
std::string compareChunks(const json &chunks, const TestTable &t, std::size_t rowGroupRows,
                          const char *reader, bool infinitiesShownAbsent = false)
{
    const std::size_t groups = (t.expected.size() + rowGroupRows - 1) / rowGroupRows;
    if (chunks.size() != groups * t.schema.size())
        return std::string(reader) + " listed " + std::to_string(chunks.size()) +
               " column chunks, expected " + std::to_string(groups * t.schema.size());
    std::size_t at = 0;
    for (std::size_t g = 0; g < groups; ++g) {
        for (std::size_t c = 0; c < t.schema.size(); ++c, ++at) {
            const json &chunk = chunks[at];
            const Bounds want =
                expectedBounds(t, c, g * rowGroupRows, std::min(t.expected.size(), (g + 1) * rowGroupRows));
            const std::string where = std::string(reader) + " row group " + std::to_string(g) + " column " +
                                      t.schema[c].name + ": ";
            if (chunk["column"] != t.schema[c].name)
                return where + "listed as " + chunk["column"].dump();
            if (chunk["nulls"] != std::to_string(want.nulls))
                return where + "null count " + chunk["nulls"].dump() + ", expected " +
                       std::to_string(want.nulls);
            for (const auto &[key, bound] : {std::pair{"min", want.min}, std::pair{"max", want.max}}) {
                const Cell got = cellOf(chunk[key]);
                if (infinitiesShownAbsent && !got && bound && (*bound == "Infinity" || *bound == "-Infinity"))
                    continue;
                const bool same = got.has_value() == bound.has_value() &&
                                  (!got || *got == *bound ||
                                   (t.schema[c].type == ColumnType::Double && sameDouble(*got, *bound)));
                if (!same)
                    return where + key + " " + got.value_or("absent") + ", expected " +
                           bound.value_or("absent");
            }
        }
    }
    return {};
}

} // namespace

class ParquetReadersTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    json readBoth(const QStringList &files)
    {
        QByteArray output;
        const QString error = testing::runPeerScript("parquet-readers.mjs", files, "hyparquet", output);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        json results = json::array();
        for (const QByteArray &line : output.split('\n'))
            if (!line.trimmed().isEmpty())
                results.push_back(json::parse(line.toStdString()));
        return results;
    }

    QString writeTable(const QString &name, const TestTable &t, WriterOptions options)
    {
        const QString path = m_dir.path() + "/" + name;
        auto writer = ParquetWriter::create(path.toStdString(), t.schema, options);
        if (!writer)
            qFatal("%s", writer.error().message.c_str());
        if (auto status = writer.value()->write(t.columns); !status)
            qFatal("%s", status.error().message.c_str());
        if (auto summary = writer.value()->finish(); !summary)
            qFatal("%s", summary.error().message.c_str());
        return path;
    }

private slots:
    void everyCodecAndEncodingReadsBackExactly()
    {
        const TestTable table = makeTable(20000);
        struct Variant
        {
            const char *name;
            Codec codec;
            bool dictionary;
            const char *duckdbCodec;
        };
        const Variant variants[] = {{"zstd-dict.parquet", Codec::Zstd, true, "ZSTD"},
                                    {"zstd-plain.parquet", Codec::Zstd, false, "ZSTD"},
                                    {"snappy-dict.parquet", Codec::Snappy, true, "SNAPPY"},
                                    {"snappy-plain.parquet", Codec::Snappy, false, "SNAPPY"},
                                    {"none-dict.parquet", Codec::Uncompressed, true, "UNCOMPRESSED"},
                                    {"none-plain.parquet", Codec::Uncompressed, false, "UNCOMPRESSED"}};
        constexpr std::size_t kRowGroupRows = 6000;
        QStringList files;
        for (const Variant &v : variants) {
            WriterOptions options;
            options.codec = v.codec;
            options.rowGroupRows = kRowGroupRows;
            options.chunk.dictionary = v.dictionary;
            options.chunk.pageBytes = 4096; // many pages per chunk
            files << writeTable(v.name, table, options);
        }
        const json results = readBoth(files);
        QCOMPARE(results.size(), std::size(variants));
        for (std::size_t f = 0; f < std::size(variants); ++f) {
            const Variant &v = variants[f];
            const json &duck = results[f]["duckdb"];
            const json &hyp = results[f]["hyparquet"];
            QVERIFY2(!duck.contains("error"), (std::string(v.name) + ": " + duck.dump()).c_str());
            QVERIFY2(!hyp.contains("error"), (std::string(v.name) + ": " + hyp.dump()).c_str());

            std::string problem = compareRows(duck["rows"], table, "DuckDB");
            QVERIFY2(problem.empty(), (std::string(v.name) + ": " + problem).c_str());
            problem = compareRows(hyp["rows"], table, "hyparquet");
            QVERIFY2(problem.empty(), (std::string(v.name) + ": " + problem).c_str());
            problem = compareChunks(duck["chunks"], table, kRowGroupRows, "DuckDB", true);
            QVERIFY2(problem.empty(), (std::string(v.name) + ": " + problem).c_str());
            problem = compareChunks(hyp["chunks"], table, kRowGroupRows, "hyparquet");
            QVERIFY2(problem.empty(), (std::string(v.name) + ": " + problem).c_str());
            QCOMPARE_JSON(hyp["numRows"], "20000");

            for (const json &chunk : duck["chunks"]) {
                QCOMPARE_JSON(chunk["compression"], v.duckdbCodec);
                QCOMPARE_JSON(chunk["values"], chunk["row_group"] == 3 ? "2000" : "6000");
                const bool dictionary =
                    chunk["encodings"].get<std::string>().find("RLE_DICTIONARY") != std::string::npos;
                const std::string column = chunk["column"];
                const bool lowCardinality = column == "city" || column == "region" || column == "day";
                QVERIFY2(dictionary == (v.dictionary && lowCardinality),
                         (std::string(v.name) + " " + column + ": " + chunk["encodings"].dump()).c_str());
            }
        }

        // Types, annotations, repetition and field ids as DuckDB's and hyparquet's footer parsers see them.
        const json &schema = results[0]["duckdb"]["schema"];
        const std::vector<std::array<const char *, 6>> expected = {
            {"id", "INT64", "INT_64", "IntType", "REQUIRED", "1"},
            {"name", "BYTE_ARRAY", "UTF8", "StringType", "OPTIONAL", "2"},
            {"city", "BYTE_ARRAY", "UTF8", "StringType", "OPTIONAL", "3"},
            {"day", "INT32", "DATE", "DateType", "OPTIONAL", "4"},
            {"at", "INT64", "TIMESTAMP_MICROS",
             "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds()",
             "OPTIONAL", "5"},
            {"amount", "INT64", "DECIMAL", "DecimalType(scale=2, precision=18)", "OPTIONAL", "6"},
            {"price", "INT32", "DECIMAL", "DecimalType(scale=3, precision=9)", "REQUIRED", "7"},
            {"score", "DOUBLE", nullptr, nullptr, "OPTIONAL", "8"},
            {"flag", "BOOLEAN", nullptr, nullptr, "OPTIONAL", "9"},
            {"n", "INT32", "INT_32", "IntType", "REQUIRED", "10"},
            {"region", "INT64", "INT_64", "IntType", "OPTIONAL", "11"},
        };
        QCOMPARE(schema.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const json &got = schema[i];
            const auto &want = expected[i];
            const auto optionalText = [](const char *text) { return text ? json(text) : json(nullptr); };
            const std::string where = std::string("schema column ") + want[0] + ": " + got.dump();
            QVERIFY2(got["name"] == want[0] && got["type"] == want[1] &&
                         got["converted_type"] == optionalText(want[2]) &&
                         got["repetition_type"] == want[4] && got["field_id"] == want[5],
                     where.c_str());
            QVERIFY2(!want[3] ? got["logical_type"].is_null()
                              : got["logical_type"].get<std::string>().find(want[3]) == 0,
                     where.c_str());
        }
        QCOMPARE_JSON(results[0]["hyparquet"]["fieldIds"], json::parse("[1,2,3,4,5,6,7,8,9,10,11]"));
    }

    void edgeFilesReadBack()
    {
        // No rows at all; a column that is null in every row; a double column whose bounds are zero.
        const Schema schema = {
            {"id", ColumnType::Int64, false}, {"note", ColumnType::String}, {"x", ColumnType::Double}};
        std::vector<Column> empty;
        for (const ColumnSpec &spec : schema)
            empty.emplace_back(spec.type);
        const QString emptyPath = m_dir.path() + "/empty.parquet";
        {
            auto writer = ParquetWriter::create(emptyPath.toStdString(), schema);
            QVERIFY(writer);
            QVERIFY(writer.value()->write(empty));
            QVERIFY(writer.value()->finish());
        }
        std::vector<Column> columns = empty;
        for (int i = 0; i < 50; ++i) {
            columns[0].appendInteger(i);
            columns[1].appendNull();
            columns[2].appendDouble(i % 2 ? 0.0 : -0.0);
        }
        const QString nullsPath = m_dir.path() + "/nulls.parquet";
        {
            auto writer = ParquetWriter::create(nullsPath.toStdString(), schema);
            QVERIFY(writer);
            QVERIFY(writer.value()->write(columns));
            QVERIFY(writer.value()->finish());
        }
        const json results = readBoth({emptyPath, nullsPath});
        QCOMPARE(results.size(), 2u);
        for (const char *reader : {"duckdb", "hyparquet"})
            for (const json &result : results)
                QVERIFY2(!result[reader].contains("error"), result[reader].dump().c_str());
        QCOMPARE(results[0]["duckdb"]["rows"].size(), 0u);
        QCOMPARE(results[0]["hyparquet"]["rows"].size(), 0u);
        QCOMPARE_JSON(results[0]["hyparquet"]["numRows"], "0");

        const json &duck = results[1]["duckdb"];
        QCOMPARE(duck["rows"].size(), 50u);
        QVERIFY(duck["rows"][7][1].is_null());
        QCOMPARE_JSON(duck["chunks"][1]["nulls"], "50");
        QVERIFY(duck["chunks"][1]["min"].is_null());
        QVERIFY(duck["chunks"][1]["max"].is_null());
        // The format's rule for zero bounds: the minimum is written as -0.0, the maximum as +0.0.
        QCOMPARE_JSON(duck["chunks"][2]["min"], "-0.0");
        QCOMPARE_JSON(duck["chunks"][2]["max"], "0.0");
        QCOMPARE_JSON(results[1]["hyparquet"]["chunks"][1]["nulls"], "50");
    }
};

QTEST_GUILESS_MAIN(ParquetReadersTest)
#include "tst_parquetreaders.moc"
