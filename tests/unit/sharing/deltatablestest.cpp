// Delta tables: the log we write (schemaString, stats, overwrite commits), the log we read back
// (replay, bad logs), publishing under contention, and vacuum. Independent checks of the same tables
// (a JavaScript and a DuckDB SQL replay, DuckDB reading the files) are in tst_deltatables.
#include "jsoncompare.h"
#include "sharing/delta/deltalog.h"
#include "sharing/delta/deltaschema.h"
#include "sharing/delta/logpublish.h"
#include "sharing/delta/tablewriter.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <thread>

using namespace lakeshore;
using namespace lakeshore::sharing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const parquet::Schema kSchema = {{"id", parquet::ColumnType::String, false},
                                 {"employees", parquet::ColumnType::Int32},
                                 {"revenue", parquet::ColumnType::Decimal, true, 18, 2},
                                 {"modified", parquet::ColumnType::Timestamp}};

std::vector<parquet::Column> rows(int count, int seed)
{
    std::vector<parquet::Column> columns;
    for (const auto &spec : kSchema)
        columns.emplace_back(spec.type);
    for (int i = 0; i < count; ++i) {
        columns[0].appendString("acct-" + std::to_string(seed) + "-" + std::to_string(i));
        columns[1].appendInteger(i * 10 + seed);
        if (i % 4 == 0)
            columns[2].appendNull();
        else
            columns[2].appendInteger(i * 12345);
        columns[3].appendInteger(1700000000000000 + i * 1001);
    }
    return columns;
}

void writeText(const fs::path &file, const std::string &text)
{
    std::ofstream(file, std::ios::binary) << text;
}

} // namespace

class DeltaTablesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_tables = 0;
    std::string newTable() { return (m_dir.path() + "/t" + QString::number(++m_tables)).toStdString(); }

private slots:
    void schemaStringIsSparkStructJson()
    {
        const json schema =
            json::parse(delta::schemaString({{"id", parquet::ColumnType::String, false},
                                             {"n", parquet::ColumnType::Int32},
                                             {"big", parquet::ColumnType::Int64},
                                             {"amount", parquet::ColumnType::Decimal, true, 9, 3},
                                             {"score", parquet::ColumnType::Double},
                                             {"flag", parquet::ColumnType::Boolean},
                                             {"day", parquet::ColumnType::Date},
                                             {"at", parquet::ColumnType::Timestamp}}));
        QCOMPARE_JSON(schema["type"], "struct");
        const std::vector<std::string> types = {"string", "integer", "long", "decimal(9,3)",
                                                "double", "boolean", "date", "timestamp"};
        QCOMPARE(schema["fields"].size(), types.size());
        for (std::size_t i = 0; i < types.size(); ++i) {
            QCOMPARE(schema["fields"][i]["type"].get<std::string>(), types[i]);
            QVERIFY(schema["fields"][i]["metadata"].is_object());
        }
        QCOMPARE_JSON(schema["fields"][0]["nullable"], false);
        QCOMPARE_JSON(schema["fields"][1]["nullable"], true);
    }

    void statsBoundEveryValue()
    {
        const parquet::Schema schema = {{"name", parquet::ColumnType::String},
                                        {"long", parquet::ColumnType::String},
                                        {"at", parquet::ColumnType::Timestamp},
                                        {"amount", parquet::ColumnType::Decimal, true, 18, 2},
                                        {"huge", parquet::ColumnType::Decimal, true, 18, 0},
                                        {"score", parquet::ColumnType::Double},
                                        {"flag", parquet::ColumnType::Boolean},
                                        {"day", parquet::ColumnType::Date}};
        parquet::FileSummary summary;
        summary.rows = 10;
        summary.columns.resize(schema.size());
        for (auto &column : summary.columns) {
            column.hasBounds = true;
            column.nullCount = 1;
        }
        summary.columns[0].minText = "Akron";
        summary.columns[0].maxText = "Zürich";
        summary.columns[1].minText = std::string(40, 'a') + "ü";
        summary.columns[1].maxText = std::string(33, 'z');
        summary.columns[2].minInteger = 1700000000123999; // µs: min rounds down, max up
        summary.columns[2].maxInteger = 1700000000124001;
        summary.columns[3].minInteger = -5;
        summary.columns[3].maxInteger = 123456;
        summary.columns[4].minInteger = -1000000000000000000;
        summary.columns[4].maxInteger = 7;
        summary.columns[5].minDouble = 0.5;
        summary.columns[5].maxDouble = 2.5;
        summary.columns[5].nanCount = 1;
        summary.columns[6].minInteger = 0;
        summary.columns[6].maxInteger = 1;
        summary.columns[7].minInteger = -1;
        summary.columns[7].maxInteger = 20000;
        const json stats = json::parse(delta::statsJson(schema, summary));
        QCOMPARE_JSON(stats["numRecords"], 10);
        QCOMPARE_JSON(stats["minValues"]["name"], "Akron");
        QCOMPARE_JSON(stats["maxValues"]["name"], "Zürich");
        QCOMPARE_JSON(stats["minValues"]["long"], std::string(32, 'a'));
        QVERIFY(!stats["maxValues"].contains("long"));
        QCOMPARE_JSON(stats["minValues"]["at"], "2023-11-14T22:13:20.123Z");
        QCOMPARE_JSON(stats["maxValues"]["at"], "2023-11-14T22:13:20.125Z");
        QCOMPARE(stats["minValues"]["amount"].dump(), std::string("-0.05"));
        QCOMPARE(stats["maxValues"]["amount"].dump(), std::string("1234.56"));
        QVERIFY(!stats["minValues"].contains("huge")); // past what a double holds exactly
        QCOMPARE_JSON(stats["maxValues"]["huge"], 7);
        QVERIFY(!stats["minValues"].contains("score")); // NaN present: no bounds
        QVERIFY(!stats["minValues"].contains("flag"));
        QCOMPARE_JSON(stats["minValues"]["day"], "1969-12-31");
        QCOMPARE_JSON(stats["maxValues"]["day"], "2024-10-04");
        for (const auto &spec : schema)
            QCOMPARE_JSON(stats["nullCount"][spec.name], 1);
    }

    void overwriteCommitsAddAndRemove()
    {
        const std::string table = newTable();
        const auto first = rows(100, 1);
        auto v0 = delta::overwrite(table, {"accounts", "CRM accounts", kSchema, &first});
        QVERIFY2(v0, v0 ? "" : v0.error().message.c_str());
        QCOMPARE(v0.value().version, 0);
        QCOMPARE(v0.value().rows, 100);
        QCOMPARE(v0.value().filesAdded, 1);

        const auto second = rows(2500, 2);
        delta::OverwriteOptions options;
        options.rowsPerFile = 1000;
        auto v1 = delta::overwrite(table, {"accounts", "CRM accounts", kSchema, &second}, options);
        QVERIFY(v1);
        QCOMPARE(v1.value().version, 1);
        QCOMPARE(v1.value().filesAdded, 3);
        QCOMPARE(v1.value().filesRemoved, 1);

        auto at0 = delta::readSnapshot(table, 0);
        auto at1 = delta::readSnapshot(table);
        QVERIFY(at0 && at1);
        QCOMPARE(at0.value().files.size(), 1u);
        QCOMPARE(at1.value().files.size(), 3u);
        QCOMPARE(at1.value().version, 1);
        QCOMPARE_JSON(at0.value().metadata["id"], at1.value().metadata["id"]);
        QCOMPARE_JSON(at1.value().metadata["name"], "accounts");
        QCOMPARE_JSON(at1.value().protocol["minReaderVersion"], 1);
        std::int64_t statRows = 0;
        for (const auto &file : at1.value().files) {
            QCOMPARE(static_cast<std::int64_t>(fs::file_size(fs::path(table) / file.path)), file.size);
            statRows += json::parse(file.stats)["numRecords"].get<std::int64_t>();
            QCOMPARE(file.version, 1);
        }
        QCOMPARE(statRows, 2500);
        // The old version's file is still there: a reader holding version 0 keeps working.
        QVERIFY(fs::exists(fs::path(table) / at0.value().files[0].path));

        auto versions = delta::listVersions(table);
        QVERIFY(versions);
        QCOMPARE(versions.value().size(), 2u);
        QVERIFY(versions.value()[1].timestamp >= versions.value()[0].timestamp);
        // Version 1 did not repeat the unchanged metaData.
        std::ifstream log(fs::path(table) / "_delta_log" / delta::logFileName(1));
        const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        QVERIFY(text.find("\"metaData\"") == std::string::npos);
        QVERIFY(text.find("\"operation\":\"WRITE\"") != std::string::npos);
    }

    void emptyTableHasOneEmptyFile()
    {
        const std::string table = newTable();
        const auto none = rows(0, 0);
        auto v0 = delta::overwrite(table, {"cases", "", kSchema, &none});
        QVERIFY(v0);
        auto snapshot = delta::readSnapshot(table);
        QVERIFY(snapshot);
        QCOMPARE(snapshot.value().files.size(), 1u);
        QCOMPARE_JSON(json::parse(snapshot.value().files[0].stats)["numRecords"], 0);
    }

    void aChangedSchemaKeepsTheTableId()
    {
        const std::string table = newTable();
        const auto first = rows(5, 1);
        QVERIFY(delta::overwrite(table, {"accounts", "", kSchema, &first}));
        parquet::Schema wider = kSchema;
        wider.push_back({"note", parquet::ColumnType::String});
        auto columns = rows(5, 2);
        columns.emplace_back(parquet::ColumnType::String);
        for (int i = 0; i < 5; ++i)
            columns.back().appendNull();
        QVERIFY(delta::overwrite(table, {"accounts", "", wider, &columns}));
        auto before = delta::readSnapshot(table, 0);
        auto after = delta::readSnapshot(table, 1);
        QVERIFY(before && after);
        QCOMPARE_JSON(before.value().metadata["id"], after.value().metadata["id"]);
        QVERIFY(after.value().metadata["schemaString"].get<std::string>().find("\"note\"") !=
                std::string::npos);
    }

    void aLostRaceRetriesAtTheNextVersion()
    {
        const std::string table = newTable();
        const auto first = rows(3, 1);
        QVERIFY(delta::overwrite(table, {"accounts", "", kSchema, &first}));
        // Another writer publishes version 1 between our read and our publish: simulated by taking version
        // 1 from inside the clock callback, which runs after the log was read.
        const auto mine = rows(4, 2);
        const auto theirs = rows(6, 3);
        bool raced = false;
        delta::OverwriteOptions options;
        options.nowMillis = [&] {
            if (!raced) {
                raced = true;
                auto other = delta::overwrite(table, {"accounts", "", kSchema, &theirs});
                if (!other || other.value().version != 1)
                    qFatal("the other writer did not get version 1");
            }
            return delta::systemMillis();
        };
        auto result = delta::overwrite(table, {"accounts", "", kSchema, &mine}, options);
        QVERIFY(result);
        QCOMPARE(result.value().version, 2);
        auto snapshot = delta::readSnapshot(table);
        QVERIFY(snapshot);
        QCOMPARE(snapshot.value().files.size(), 1u); // the other writer's file was removed too
        QCOMPARE_JSON(json::parse(snapshot.value().files[0].stats)["numRecords"], 4);
    }

    void concurrentWritersGetContiguousVersions()
    {
        const std::string table = newTable();
        const auto seed = rows(1, 0);
        QVERIFY(delta::overwrite(table, {"accounts", "", kSchema, &seed}));
        constexpr int kWriters = 4;
        constexpr int kEach = 8;
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int w = 0; w < kWriters; ++w)
            threads.emplace_back([&, w] {
                const auto data = rows(10 + w, w);
                delta::OverwriteOptions options;
                options.maxAttempts = 100;
                for (int i = 0; i < kEach; ++i)
                    if (!delta::overwrite(table, {"accounts", "", kSchema, &data}, options))
                        ++failures;
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        auto versions = delta::listVersions(table);
        QVERIFY(versions);
        QCOMPARE(versions.value().size(), static_cast<std::size_t>(1 + kWriters * kEach));
        auto snapshot = delta::readSnapshot(table);
        QVERIFY(snapshot);
        QCOMPARE(snapshot.value().files.size(), 1u); // each commit removed everything before it
    }

    void publishNeverOverwrites()
    {
        const std::string table = newTable();
        fs::create_directories(fs::path(table) / "_delta_log");
        auto first = delta::publishCommit(table, 0, "{\"commitInfo\":{}}\n");
        QVERIFY(first && first.value() == delta::Publish::Published);
        auto second = delta::publishCommit(table, 0, "{\"protocol\":{}}\n");
        QVERIFY(second && second.value() == delta::Publish::VersionTaken);
        std::ifstream in(fs::path(table) / "_delta_log" / delta::logFileName(0));
        std::string line;
        std::getline(in, line);
        QCOMPARE(line, std::string("{\"commitInfo\":{}}"));
        for (const auto &entry : fs::directory_iterator(fs::path(table) / "_delta_log"))
            QVERIFY2(entry.path().extension() != ".tmp", entry.path().c_str()); // temp files cleaned up
    }

    void badLogsAreClearErrors_data()
    {
        QTest::addColumn<QString>("version0");
        QTest::addColumn<QString>("version1");
        QTest::addColumn<int>("version2Exists");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        const QString good = R"({"protocol":{"minReaderVersion":1,"minWriterVersion":2}}
{"metaData":{"id":"x","schemaString":"{}","format":{"provider":"parquet"},"partitionColumns":[]}}
)";
        const auto malformed = static_cast<int>(ErrorKind::Malformed);
        QTest::newRow("gap") << good << "" << 1 << malformed << "misses version 1";
        QTest::newRow("not json") << good << "{\"add\":" << 0 << malformed << "line 1 is not a JSON object";
        QTest::newRow("two actions") << good << R"({"add":{},"remove":{}})" << 0 << malformed
                                     << "holding one action";
        QTest::newRow("array") << good << "[1]" << 0 << malformed << "holding one action";
        QTest::newRow("add escapes") << good << R"({"add":{"path":"../secret.parquet","size":1}})" << 0
                                     << malformed << "is not a file of the table";
        QTest::newRow("add absolute") << good << R"({"add":{"path":"/etc/passwd","size":1}})" << 0
                                      << malformed << "is not a file of the table";
        QTest::newRow("add into the log")
            << good << R"({"add":{"path":"_delta_log/00000000000000000000.json","size":1}})" << 0 << malformed
            << "is not a file of the table";
        QTest::newRow("add size text")
            << good << R"({"add":{"path":"a.parquet","size":"12"}})" << 0 << malformed << "line 1";
        QTest::newRow("add without path") << good << R"({"add":{"size":1}})" << 0 << malformed << "line 1";
        QTest::newRow("negative size")
            << good << R"({"add":{"path":"a.parquet","size":-1}})" << 0 << malformed << "negative file size";
        QTest::newRow("no metaData") << R"({"protocol":{"minReaderVersion":1}})"
                                     << "{\"commitInfo\":{}}" << 0 << malformed
                                     << "has no protocol or metaData";
        QTest::newRow("metaData without id") << R"({"metaData":{"schemaString":"{}"}})"
                                             << "" << 0 << malformed << "metaData without id";
    }

    void badLogsAreClearErrors()
    {
        QFETCH(QString, version0);
        QFETCH(QString, version1);
        QFETCH(int, version2Exists);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const fs::path table = newTable();
        fs::create_directories(table / "_delta_log");
        writeText(table / "_delta_log" / delta::logFileName(0), version0.toStdString());
        if (version2Exists)
            writeText(table / "_delta_log" / delta::logFileName(2), "{\"commitInfo\":{}}\n");
        else
            writeText(table / "_delta_log" / delta::logFileName(1), version1.toStdString() + "\n");
        auto snapshot = delta::readSnapshot(table.string());
        QVERIFY(!snapshot);
        QCOMPARE(static_cast<int>(snapshot.error().kind), kind);
        QVERIFY2(QString::fromStdString(snapshot.error().message).contains(message),
                 snapshot.error().message.c_str());
    }

    void missingTablesAndVersions()
    {
        auto none = delta::readSnapshot(newTable());
        QVERIFY(!none);
        QCOMPARE(none.error().kind, ErrorKind::NotFound);
        const std::string table = newTable();
        const auto data = rows(2, 1);
        QVERIFY(delta::overwrite(table, {"accounts", "", kSchema, &data}));
        auto future = delta::readSnapshot(table, 5);
        QVERIFY(!future);
        QCOMPARE(future.error().kind, ErrorKind::NotFound);
        QVERIFY(QString::fromStdString(future.error().message).contains("latest is 0"));
        QVERIFY(!delta::readSnapshot(table, -1));
    }

    void vacuumKeepsWhatTheWindowNeeds()
    {
        const std::string table = newTable();
        std::int64_t clock = 1000000;
        delta::OverwriteOptions options;
        options.nowMillis = [&] { return clock; };
        std::vector<std::string> filesOf;
        for (int i = 0; i < 3; ++i) {
            const auto data = rows(5, i);
            QVERIFY(delta::overwrite(table, {"accounts", "", kSchema, &data}, options));
            clock += 60000;
        }
        // An orphan from a writer that died before committing, and a stray commit temp file.
        writeText(fs::path(table) / "part-99999-orphan-c000.zstd.parquet", "PAR1");
        writeText(fs::path(table) / "_delta_log" / ".00000000000000000003.json.ab.tmp", "{");
        auto v0 = delta::readSnapshot(table, 0), v1 = delta::readSnapshot(table, 1),
             v2 = delta::readSnapshot(table, 2);
        QVERIFY(v0 && v1 && v2);

        // Removed at 1,060,000 (v0's file) and 1,120,000 (v1's file). Orphan and temp: modified now (real
        // clock).
        auto first = delta::vacuum(table, 30000, 1100000); // cutoff 1,070,000: only v0's file
        QVERIFY(first);
        QCOMPARE(first.value().filesDeleted, 1);
        QVERIFY(!fs::exists(fs::path(table) / v0.value().files[0].path));
        QVERIFY(fs::exists(fs::path(table) / v1.value().files[0].path));
        QVERIFY(fs::exists(fs::path(table) / "part-99999-orphan-c000.zstd.parquet"));

        auto second = delta::vacuum(table, 0, delta::systemMillis() + 1000);
        QVERIFY(second);
        QCOMPARE(second.value().filesDeleted, 3); // v1's file, the orphan, the temp file
        QVERIFY(fs::exists(fs::path(table) / v2.value().files[0].path));
        QVERIFY(delta::readSnapshot(table)); // the latest always stays readable
    }
};

QTEST_GUILESS_MAIN(DeltaTablesTest)
#include "deltatablestest.moc"
