// Delta tables checked from outside: the log replayed by an independent JavaScript replay and by DuckDB
// SQL (delta-check.mjs, which also reads every live file with DuckDB and checks stats against the data),
// and crash safety: a writer child process killed at random points, after which every table must be
// readable at a complete version with no committed file missing.
#include "demo/world.h"
#include "jsoncompare.h"
#include "nodepeer.h"
#include "sharing/delta/deltalog.h"
#include "sharing/delta/tablewriter.h"
#include "sharing/snapshot/crmtables.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <signal.h>

using namespace lakeshore;
using namespace lakeshore::sharing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json checkTables(const QStringList &tables)
{
    QByteArray output;
    const QString error = testing::runPeerScript("delta-check.mjs", tables, "@duckdb/node-api", output);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    json results = json::array();
    for (const QByteArray &line : output.split('\n'))
        if (!line.trimmed().isEmpty())
            results.push_back(json::parse(line.toStdString()));
    return results;
}

// Empty when every version of the table from `from` on reads and every file those versions name is
// there, whole. `from` becomes the next version to check.
std::string verifyVersions(const std::string &table, std::int64_t &from)
{
    if (!fs::exists(fs::path(table) / "_delta_log" / delta::logFileName(0)))
        return {}; // killed before its first commit: nothing was published, nothing to read
    auto versions = delta::listVersions(table);
    if (!versions)
        return versions.error().message;
    for (const auto &info : versions.value()) {
        if (info.version < from)
            continue;
        auto snapshot = delta::readSnapshot(table, info.version);
        if (!snapshot)
            return "version " + std::to_string(info.version) + ": " + snapshot.error().message;
        for (const auto &file : snapshot.value().files) {
            const fs::path path = fs::path(table) / file.path;
            std::error_code error;
            const auto size = fs::file_size(path, error);
            if (error || static_cast<std::int64_t>(size) != file.size)
                return "version " + std::to_string(info.version) + " names " + file.path + " (" +
                       std::to_string(file.size) +
                       " bytes), on disk: " + (error ? error.message() : std::to_string(size));
            std::ifstream in(path, std::ios::binary);
            in.seekg(-4, std::ios::end);
            char magic[4] = {};
            in.read(magic, 4);
            if (std::string(magic, 4) != "PAR1")
                return file.path + " does not end with the Parquet magic";
        }
    }
    from = versions.value().back().version + 1;
    return {};
}

} // namespace

class DeltaTablesCheck : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void everyTypeOverSeveralVersionsFollowsTheProtocol()
    {
        const std::string table = (m_dir.path() + "/typed").toStdString();
        const parquet::Schema schema = {{"id", parquet::ColumnType::String, false},
                                        {"name", parquet::ColumnType::String},
                                        {"employees", parquet::ColumnType::Int32},
                                        {"orders", parquet::ColumnType::Int64},
                                        {"revenue", parquet::ColumnType::Decimal, true, 18, 2},
                                        {"score", parquet::ColumnType::Double},
                                        {"active", parquet::ColumnType::Boolean},
                                        {"since", parquet::ColumnType::Date},
                                        {"modified", parquet::ColumnType::Timestamp}};
        for (int version = 0; version < 3; ++version) {
            std::vector<parquet::Column> columns;
            for (const auto &spec : schema)
                columns.emplace_back(spec.type);
            const int rows = 1500 + version * 700;
            for (int i = 0; i < rows; ++i) {
                columns[0].appendString("acct-" + std::to_string(version) + "-" + std::to_string(i));
                if (i % 9 == 0)
                    columns[1].appendNull();
                else
                    columns[1].appendString(i % 3 ? "Cleveland Supply " + std::to_string(i)
                                                  : std::string(50, 'x') + "é");
                columns[2].appendInteger(i * 3 - 100);
                columns[3].appendInteger(std::int64_t{i} * 1000003 - 5);
                if (i % 7 == 0)
                    columns[4].appendNull();
                else
                    columns[4].appendInteger((i % 2 ? -1 : 1) * i * 1234);
                columns[5].appendDouble(i * 0.125 - 3);
                columns[6].appendInteger(i % 2);
                columns[7].appendInteger(19000 + i % 500);
                if (i % 11 == 0)
                    columns[8].appendNull();
                else
                    columns[8].appendInteger(1700000000000000 + std::int64_t{i} * 999999 + 1);
            }
            delta::OverwriteOptions options;
            options.rowsPerFile = 1000; // two or three files per version
            auto result = delta::overwrite(table, {"accounts", "CRM accounts", schema, &columns}, options);
            QVERIFY2(result, result ? "" : result.error().message.c_str());
        }
        const json results = checkTables({QString::fromStdString(table)});
        QCOMPARE(results.size(), 1u);
        QVERIFY2(results[0]["ok"] == true, results[0]["problems"].dump().c_str());
        QCOMPARE_JSON(results[0]["versions"], 3);
        QCOMPARE_JSON(results[0]["rows"], 1500 + 2 * 700);
        QCOMPARE(results[0]["liveFiles"].size(), 3u);
        auto snapshot = delta::readSnapshot(table);
        QVERIFY(snapshot);
        json ours = json::array();
        for (const auto &file : snapshot.value().files)
            ours.push_back(file.path);
        QCOMPARE_JSON(results[0]["liveFiles"], ours); // our replay agrees with both independent ones
    }

    // The six CRM tables the snapshotter publishes, from the demo world, as Delta tables that the
    // independent replay and DuckDB accept, every record a row.
    void crmTablesFromTheDemoWorld()
    {
        const demo::World world({1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)});
        demo::AccountDetail all;
        for (std::size_t i = 0; i < world.accounts().size(); ++i) {
            demo::AccountDetail detail = world.detail(i);
            for (auto *list : {&all.contacts})
                list->insert(list->end(), detail.contacts.begin(), detail.contacts.end());
            all.opportunities.insert(all.opportunities.end(), detail.opportunities.begin(),
                                     detail.opportunities.end());
            all.activities.insert(all.activities.end(), detail.activities.begin(), detail.activities.end());
            all.conversations.insert(all.conversations.end(), detail.conversations.begin(),
                                     detail.conversations.end());
            all.cases.insert(all.cases.end(), detail.cases.begin(), detail.cases.end());
        }
        const std::vector<snapshot::CrmTable> tables = {
            snapshot::accountsTable(world.accounts()),       snapshot::contactsTable(all.contacts),
            snapshot::opportunitiesTable(all.opportunities), snapshot::activitiesTable(all.activities),
            snapshot::conversationsTable(all.conversations), snapshot::casesTable(all.cases)};
        const std::vector<std::size_t> counts = {world.accounts().size(),  all.contacts.size(),
                                                 all.opportunities.size(), all.activities.size(),
                                                 all.conversations.size(), all.cases.size()};
        QStringList dirs;
        for (const snapshot::CrmTable &table : tables) {
            const QString dir = m_dir.path() + "/crm/" + QString::fromStdString(table.entity);
            auto written = delta::overwrite(dir.toStdString(),
                                            {table.entity, table.description, table.schema, &table.columns});
            QVERIFY2(written, written ? "" : written.error().message.c_str());
            dirs << dir;
        }
        const json results = checkTables(dirs);
        QCOMPARE(results.size(), tables.size());
        for (std::size_t i = 0; i < tables.size(); ++i) {
            QVERIFY2(results[i]["ok"] == true,
                     (tables[i].entity + ": " + results[i]["problems"].dump()).c_str());
            QVERIFY2(counts[i] > 0, tables[i].entity.c_str());
            QCOMPARE_JSON(results[i]["rows"], counts[i]);
        }
        QCOMPARE_JSON(results[0]["columns"][10], "annual_revenue decimal(18,2)");
        QCOMPARE_JSON(results[0]["columns"][15], "modified_on timestamp");
    }

    void killedWritersLeaveReadableTables()
    {
        const QString root = m_dir.path() + "/crash";
        QVERIFY(QDir().mkpath(root));
        const QString writer = QCoreApplication::applicationDirPath() + "/deltacrashwriter";
        QVERIFY2(QFileInfo::exists(writer), qPrintable(writer));
        constexpr int kTrials = 60;
        int killedMidRun = 0;
        std::map<std::string, std::int64_t>
            checkedUpTo; // versions checked after earlier kills stay as they were
        for (int trial = 0; trial < kTrials; ++trial) {
            QProcess child;
            child.start(writer, {root, QString::number(trial + 1)});
            QVERIFY(child.waitForStarted(5000));
            QThread::msleep(QRandomGenerator::global()->bounded(2, 60));
            if (child.state() == QProcess::Running)
                ++killedMidRun;
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            child.waitForFinished(5000);
            QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                     qPrintable("trial " + QString::number(trial) +
                                ": the writer stopped by itself: " + child.readAllStandardError()));
            for (const char *table : {"/accounts", "/contacts"}) {
                const std::string problem = verifyVersions((root + table).toStdString(), checkedUpTo[table]);
                QVERIFY2(problem.empty(),
                         ("trial " + std::to_string(trial) + table + ": " + problem).c_str());
            }
        }
        QCOMPARE(killedMidRun, kTrials);
        for (const char *table : {"/accounts", "/contacts"}) {
            std::int64_t all = 0;
            const std::string problem = verifyVersions((root + table).toStdString(), all);
            QVERIFY2(problem.empty(), problem.c_str());
        }
        // After all the kills, the independent replays agree the tables follow the protocol.
        const json results = checkTables({root + "/accounts", root + "/contacts"});
        for (const json &result : results) {
            QVERIFY2(result["ok"] == true, result["problems"].dump().c_str());
            QVERIFY2(result["versions"].get<int>() > 5, result.dump().c_str());
        }
        // And the leftovers of the killed runs (data files never committed, commit temp files) go with
        // vacuum.
        for (const char *table : {"/accounts", "/contacts"}) {
            auto vacuumed = delta::vacuum((root + table).toStdString(), 0, delta::systemMillis() + 1000);
            QVERIFY(vacuumed);
            auto latest = delta::readSnapshot((root + table).toStdString());
            QVERIFY(latest);
            std::size_t parquetFiles = 0;
            for (const auto &entry : fs::directory_iterator((root + table).toStdString()))
                parquetFiles += entry.path().extension() == ".parquet";
            QCOMPARE(parquetFiles, latest.value().files.size());
        }
    }
};

QTEST_GUILESS_MAIN(DeltaTablesCheck)
#include "tst_deltatables.moc"
