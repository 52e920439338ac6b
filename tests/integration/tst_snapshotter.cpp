// The snapshotter end to end: the CRM connector reads the demo tenant over loopback HTTP and the six
// entities become Delta tables on disk. First run at version 0 with every record of the demo world,
// checked by the independent replay and DuckDB; the next run replaces every file; vacuum after the
// retention window; a CRM fault on one entity keeps that table at its version while the others advance;
// one run at a time; bad options; cancelling; the schedule's cadence and "snapshot now"; destruction in
// the middle of a run leaves every table readable.
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "jsoncompare.h"
#include "nodepeer.h"
#include "sharing/delta/deltalog.h"
#include "sharing/snapshot/snapshotter.h"
#include "sharing/snapshot/tablelayout.h"
#include "sources/crmconnector.h"
#include "store/sharingsettings.h"

#include <atomic>
#include <filesystem>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <thread>

using namespace lakeshore;
using namespace lakeshore::sharing;
using namespace lakeshore::sharing::snapshot;
using namespace asynctest;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A whole run of six tables on a debug build: generous, only a hang reaches it.
constexpr std::chrono::milliseconds kRunTimeout = 60s;

std::vector<demo::Fault> faults(const QString &specs)
{
    auto parsed = demo::parseFaults(specs.toStdString());
    if (!parsed)
        qFatal("bad fault specs %s: %s", qPrintable(specs), parsed.error().message.c_str());
    return parsed.value();
}

std::set<std::string> livePaths(const std::string &table, std::optional<std::int64_t> version = {})
{
    std::set<std::string> paths;
    auto snapshot = delta::readSnapshot(table, version);
    if (snapshot)
        for (const auto &file : snapshot.value().files)
            paths.insert(file.path);
    return paths;
}

std::set<std::string> parquetFilesIn(const std::string &table)
{
    std::set<std::string> names;
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(table, error))
        if (entry.path().extension() == ".parquet")
            names.insert(entry.path().filename().string());
    return names;
}

QString describeTables(const SnapshotReport &report)
{
    QString text;
    if (report.error)
        text += "run: " + qs(report.error->describe()) + "; ";
    for (const TableSnapshot &table : report.tables)
        text += qs(table.entity) + ": " + (table.error ? qs(table.error->describe()) : QStringLiteral("ok")) +
                (table.vacuumError ? " (vacuum: " + qs(table.vacuumError->describe()) + ")" : QString()) +
                "; ";
    return text;
}

// Every table of the tenant reads at its latest version and every file that version names is on disk.
QString unreadableTables(const std::string &root, const std::string &tenant)
{
    for (const std::string &entity : store::kShareableEntities) {
        const std::string table = tableDirectory(root, tenant, entity);
        auto snapshot = delta::readSnapshot(table);
        if (!snapshot)
            return qs(entity + ": " + snapshot.error().message);
        for (const auto &file : snapshot.value().files)
            if (!fs::exists(fs::path(table) / file.path))
                return qs(entity + " names " + file.path + ", which is not on disk");
    }
    return {};
}

} // namespace

class TestSnapshotter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void firstRunWritesEveryEntityAtVersionZero();
    void nextRunReplacesEveryFile();
    void zeroRetentionVacuumsReplacedFiles();
    void aFailedEntityKeepsItsVersion_data();
    void aFailedEntityKeepsItsVersion();
    void crmDownKeepsEveryTable();
    void oneRunAtATime();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void cancelStopsTheRun();
    void alreadyCancelledReadsNothing();
    void scheduleRunsOnCadenceAndOnDemand();
    void destructionMidRunLeavesReadableTables();
    void scheduleDestroyedMidRun();

private:
    std::shared_ptr<sources::CrmConnector> connector(std::string serviceRoot = {}) const;
    SnapshotOptions optionsFor(const QString &folder) const;
    // Runs once and waits for the report; a run that never reports fails the calling test.
    SnapshotReport runOnce(Snapshotter &snapshotter, CancelToken cancel = {});

    std::unique_ptr<demo::DemoTenant> m_tenant;
    std::unique_ptr<http::HttpClient> m_http; // destroyed before the tenant: its servers then stop at once
    QTemporaryDir m_dir;
    std::vector<std::int64_t> m_counts; // the demo world's records per entity, kShareableEntities order
    std::string m_mainRoot;             // the tables the first tests build on, version by version
    std::map<std::string, std::set<std::string>> m_versionZeroFiles;
};

void TestSnapshotter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2026, 11, 21)};
    options.lakehouse = false;
    options.maxPageSize = 50; // several pages per entity, so the reads follow next links
    auto tenant = demo::DemoTenant::start(options);
    QVERIFY2(tenant.ok(), qPrintable(describe(tenant)));
    m_tenant = std::move(tenant.value());
    m_http = std::make_unique<http::HttpClient>();

    const demo::World &world = m_tenant->world();
    std::int64_t contacts = 0, opportunities = 0, activities = 0, conversations = 0, cases = 0;
    for (std::size_t i = 0; i < world.accounts().size(); ++i) {
        const demo::AccountDetail detail = world.detail(i);
        contacts += static_cast<std::int64_t>(detail.contacts.size());
        opportunities += static_cast<std::int64_t>(detail.opportunities.size());
        activities += static_cast<std::int64_t>(detail.activities.size());
        conversations += static_cast<std::int64_t>(detail.conversations.size());
        cases += static_cast<std::int64_t>(detail.cases.size());
    }
    m_counts = {static_cast<std::int64_t>(world.accounts().size()),
                contacts,
                opportunities,
                activities,
                conversations,
                cases};
    for (std::int64_t count : m_counts)
        QVERIFY(count > 50); // more than one page each
    m_mainRoot = (m_dir.path() + "/main").toStdString();
}

void TestSnapshotter::init()
{
    m_tenant->setFaults(demo::DemoService::Crm, {});
}

std::shared_ptr<sources::CrmConnector> TestSnapshotter::connector(std::string serviceRoot) const
{
    sources::ConnectionSettings settings;
    settings.service = sources::Service::Crm;
    settings.baseUrl = serviceRoot.empty() ? m_tenant->crmServiceRoot() : serviceRoot;
    settings.auth = m_tenant->clientAuth();
    return std::make_shared<sources::CrmConnector>(*m_http, settings);
}

SnapshotOptions TestSnapshotter::optionsFor(const QString &folder) const
{
    SnapshotOptions options;
    options.tablesRoot = (m_dir.path() + "/" + folder).toStdString();
    options.tenant = kDemoTenant;
    return options;
}

SnapshotReport TestSnapshotter::runOnce(Snapshotter &snapshotter, CancelToken cancel)
{
    Capture<SnapshotReport> reports;
    snapshotter.run(cancel, reports.callback());
    if (!reports.wait(1, kRunTimeout))
        qFatal("the snapshot did not report within %lld ms", static_cast<long long>(kRunTimeout.count()));
    return reports.value();
}

void TestSnapshotter::firstRunWritesEveryEntityAtVersionZero()
{
    SnapshotOptions options;
    options.tablesRoot = m_mainRoot;
    options.tenant = kDemoTenant;
    for (const TableState &state : tableStates(m_mainRoot, kDemoTenant)) {
        QVERIFY(!state.version);
        QCOMPARE(state.problem, std::string("not published yet"));
    }

    Snapshotter snapshotter(connector(), options);
    Capture<SnapshotReport> reports;
    snapshotter.run({}, reports.callback());
    QVERIFY(reports.wait(1, kRunTimeout));
    const SnapshotReport report = reports.value();
    QVERIFY(reports.thread() != std::this_thread::get_id());
    QVERIFY2(report.ok(), qPrintable(describeTables(report)));
    QVERIFY(report.startedAt > 0 && report.startedAt <= report.finishedAt);
    QCOMPARE(report.tables.size(), store::kShareableEntities.size());

    const std::vector<TableState> states = tableStates(m_mainRoot, kDemoTenant);
    QCOMPARE(states.size(), store::kShareableEntities.size());
    QStringList tables;
    for (std::size_t i = 0; i < report.tables.size(); ++i) {
        const TableSnapshot &table = report.tables[i];
        const TableState &state = states[i];
        QCOMPARE(table.entity, store::kShareableEntities[i]);
        QCOMPARE(table.written.version, std::int64_t{0});
        QCOMPARE(table.written.rows, m_counts[i]);
        QCOMPARE(table.written.filesRemoved, 0);
        QVERIFY(table.written.filesAdded >= 1);
        QCOMPARE(table.filesVacuumed, 0);

        QCOMPARE(state.entity, store::kShareableEntities[i]);
        QVERIFY2(state.problem.empty(), state.problem.c_str());
        QCOMPARE(state.version, std::optional<std::int64_t>(0));
        QCOMPARE(state.rows, m_counts[i]);
        QCOMPARE(state.bytes, table.written.bytes);
        QCOMPARE(state.files, table.written.filesAdded);
        QVERIFY(state.committedAt >= report.startedAt && state.committedAt <= report.finishedAt);

        const std::string directory = tableDirectory(m_mainRoot, kDemoTenant, table.entity);
        m_versionZeroFiles[table.entity] = livePaths(directory);
        tables << qs(directory);
    }

    // The independent replay (JavaScript and DuckDB SQL) reads what we wrote, every record a row.
    QByteArray output;
    const QString error = testing::runPeerScript("delta-check.mjs", tables, "@duckdb/node-api", output);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::vector<json> results;
    for (const QByteArray &line : output.split('\n'))
        if (!line.trimmed().isEmpty())
            results.push_back(json::parse(line.toStdString()));
    QCOMPARE(results.size(), report.tables.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        QVERIFY2(results[i]["ok"] == true, results[i]["problems"].dump().c_str());
        QCOMPARE_JSON(results[i]["rows"], m_counts[i]);
    }
}

void TestSnapshotter::nextRunReplacesEveryFile()
{
    QVERIFY(!m_versionZeroFiles.empty());
    SnapshotOptions options;
    options.tablesRoot = m_mainRoot;
    options.tenant = kDemoTenant;
    Snapshotter snapshotter(connector(), options);
    const SnapshotReport report = runOnce(snapshotter);
    QVERIFY2(report.ok(), qPrintable(describeTables(report)));
    for (std::size_t i = 0; i < report.tables.size(); ++i) {
        const TableSnapshot &table = report.tables[i];
        const std::string directory = tableDirectory(m_mainRoot, kDemoTenant, table.entity);
        const std::set<std::string> &old = m_versionZeroFiles[table.entity];
        QCOMPARE(table.written.version, std::int64_t{1});
        QCOMPARE(table.written.rows, m_counts[i]);
        QCOMPARE(table.written.filesRemoved, static_cast<int>(old.size()));
        QCOMPARE(table.filesVacuumed, 0); // within the week of retention
        const std::set<std::string> live = livePaths(directory);
        QCOMPARE(live.size(), static_cast<std::size_t>(table.written.filesAdded));
        for (const std::string &path : old)
            QVERIFY2(!live.count(path), path.c_str());
        // Version 0 can still be read: its files stay until the retention window has passed.
        QCOMPARE(livePaths(directory, 0), old);
        const std::set<std::string> onDisk = parquetFilesIn(directory);
        for (const std::string &path : old)
            QVERIFY2(onDisk.count(path), path.c_str());
    }
    for (const TableState &state : tableStates(m_mainRoot, kDemoTenant))
        QCOMPARE(state.version, std::optional<std::int64_t>(1));
}

void TestSnapshotter::zeroRetentionVacuumsReplacedFiles()
{
    SnapshotOptions options;
    options.tablesRoot = m_mainRoot;
    options.tenant = kDemoTenant;
    options.retentionMillis = 0;
    // A clock that moves on with every reading, so the files this run replaces are past a retention of 0.
    auto clock = std::make_shared<std::atomic<std::int64_t>>(delta::systemMillis());
    options.overwrite.nowMillis = [clock] { return ++*clock; };
    std::map<std::string, std::size_t> filesBefore;
    for (const std::string &entity : store::kShareableEntities)
        filesBefore[entity] = parquetFilesIn(tableDirectory(m_mainRoot, kDemoTenant, entity)).size();

    Snapshotter snapshotter(connector(), options);
    const SnapshotReport report = runOnce(snapshotter);
    QVERIFY2(report.ok(), qPrintable(describeTables(report)));
    for (const TableSnapshot &table : report.tables) {
        const std::string directory = tableDirectory(m_mainRoot, kDemoTenant, table.entity);
        QCOMPARE(table.written.version, std::int64_t{2});
        // Versions 0 and 1's files go; only the new version's stay.
        QCOMPARE(static_cast<std::size_t>(table.filesVacuumed), filesBefore[table.entity]);
        QCOMPARE(parquetFilesIn(directory), livePaths(directory));
    }
    QVERIFY2(unreadableTables(m_mainRoot, kDemoTenant).isEmpty(),
             qPrintable(unreadableTables(m_mainRoot, kDemoTenant)));
    for (const TableState &state : tableStates(m_mainRoot, kDemoTenant))
        QCOMPARE(state.version, std::optional<std::int64_t>(2));
}

void TestSnapshotter::aFailedEntityKeepsItsVersion_data()
{
    QTest::addColumn<QString>("crmFaults");
    QTest::addColumn<QString>("failing"); // the entity whose table keeps its version; empty: none
    QTest::addColumn<int>("kind");

    QTest::newRow("HTTP 500 on cases") << "incidents:status=500"
                                       << "cases" << int(ErrorKind::Service);
    QTest::newRow("malformed contacts") << "contacts:body=malformed"
                                        << "contacts" << int(ErrorKind::Malformed);
    QTest::newRow("nextLink loop in activities") << "activitypointers:body=nextlink-loop"
                                                 << "activities" << int(ErrorKind::Loop);
    QTest::newRow("a huge page of conversations") << "conversations:body=huge,bytes=17m"
                                                  << "conversations" << int(ErrorKind::TooLarge);
    QTest::newRow("401 on accounts") << "accounts:status=401"
                                     << "accounts" << int(ErrorKind::Auth);
    QTest::newRow("one 503 on opportunities, then fine")
        << "opportunities:status=503,retry-after=0,times=1" << QString() << 0;
}

void TestSnapshotter::aFailedEntityKeepsItsVersion()
{
    QFETCH(QString, crmFaults);
    QFETCH(QString, failing);
    QFETCH(int, kind);
    const std::string root = (m_dir.path() + "/faults").toStdString();
    SnapshotOptions options;
    options.tablesRoot = root;
    options.tenant = kDemoTenant;
    Snapshotter snapshotter(connector(), options);
    if (!tableStates(root, kDemoTenant).front().version) {
        const SnapshotReport first = runOnce(snapshotter);
        QVERIFY2(first.ok(), qPrintable(describeTables(first)));
    }
    const std::vector<TableState> before = tableStates(root, kDemoTenant);

    m_tenant->setFaults(demo::DemoService::Crm, faults(crmFaults));
    const SnapshotReport report = runOnce(snapshotter);
    QVERIFY(!report.error);
    QCOMPARE(report.ok(), failing.isEmpty());
    const std::vector<TableState> after = tableStates(root, kDemoTenant);
    for (std::size_t i = 0; i < report.tables.size(); ++i) {
        const TableSnapshot &table = report.tables[i];
        QVERIFY2(after[i].problem.empty(), after[i].problem.c_str());
        QCOMPARE(after[i].rows, m_counts[i]);
        if (qs(table.entity) == failing) {
            QVERIFY(table.error);
            QCOMPARE(int(table.error->kind), kind);
            QCOMPARE(after[i].version, before[i].version);
            QCOMPARE(after[i].committedAt, before[i].committedAt);
        } else {
            QVERIFY2(!table.error, qPrintable(describeTables(report)));
            QCOMPARE(after[i].version, std::optional<std::int64_t>(*before[i].version + 1));
            QCOMPARE(table.written.version, *after[i].version);
        }
    }
}

void TestSnapshotter::crmDownKeepsEveryTable()
{
    const std::string root = (m_dir.path() + "/down").toStdString();
    SnapshotOptions options;
    options.tablesRoot = root;
    options.tenant = kDemoTenant;
    {
        Snapshotter up(connector(), options);
        const SnapshotReport first = runOnce(up);
        QVERIFY2(first.ok(), qPrintable(describeTables(first)));
    }
    Snapshotter down(connector("http://127.0.0.1:" + std::to_string(closedPort()) + "/api/data/v9.2/"),
                     options);
    const SnapshotReport report = runOnce(down);
    QVERIFY(!report.error);
    QVERIFY(!report.ok());
    QCOMPARE(report.tables.size(), store::kShareableEntities.size());
    for (const TableSnapshot &table : report.tables) {
        QVERIFY(table.error);
        QCOMPARE(int(table.error->kind), int(ErrorKind::Network));
    }
    for (const TableState &state : tableStates(root, kDemoTenant))
        QCOMPARE(state.version, std::optional<std::int64_t>(0));
}

void TestSnapshotter::oneRunAtATime()
{
    m_tenant->setFaults(demo::DemoService::Crm, faults("accounts:latency=150"));
    Snapshotter snapshotter(connector(), optionsFor("single"));
    Capture<SnapshotReport> first;
    Capture<SnapshotReport> second;
    snapshotter.run({}, first.callback());
    snapshotter.run({}, second.callback());
    QVERIFY(second.wait(1, kRunTimeout));
    QCOMPARE(first.count(), 0u); // refused at once, not after the run in progress
    QVERIFY(second.value().error);
    QCOMPARE(int(second.value().error->kind), int(ErrorKind::Invalid));
    QVERIFY(second.value().tables.empty());
    QVERIFY(second.thread() != std::this_thread::get_id());

    QVERIFY(first.wait(1, kRunTimeout));
    QVERIFY2(first.value().ok(), qPrintable(describeTables(first.value())));
    // Once it has ended, the next run is welcome.
    const SnapshotReport third = runOnce(snapshotter);
    QVERIFY2(third.ok(), qPrintable(describeTables(third)));
    QCOMPARE(third.tables.front().written.version, std::int64_t{1});
}

void TestSnapshotter::badOptionsAreRefused_data()
{
    QTest::addColumn<QString>("tablesRoot");
    QTest::addColumn<QString>("tenant");

    QTest::newRow("a tenant climbing out of the root") << "bad"
                                                       << "../etc";
    QTest::newRow("a hidden tenant") << "bad"
                                     << ".demo";
    QTest::newRow("no tenant") << "bad"
                               << "";
    QTest::newRow("a tenant with a slash") << "bad"
                                           << "a/b";
    QTest::newRow("a tenant too long") << "bad" << QString(65, 'a');
    QTest::newRow("no tables root") << ""
                                    << "demo";
}

void TestSnapshotter::badOptionsAreRefused()
{
    QFETCH(QString, tablesRoot);
    QFETCH(QString, tenant);
    SnapshotOptions options;
    options.tablesRoot =
        tablesRoot.isEmpty() ? std::string() : (m_dir.path() + "/" + tablesRoot).toStdString();
    options.tenant = tenant.toStdString();
    const int requestsBefore = m_tenant->requestCount(demo::DemoService::Crm);
    Snapshotter snapshotter(connector(), options);
    const SnapshotReport report = runOnce(snapshotter);
    QVERIFY(report.error);
    QCOMPARE(int(report.error->kind), int(ErrorKind::Invalid));
    QVERIFY(!report.ok());
    QVERIFY(report.tables.empty());
    QCOMPARE(m_tenant->requestCount(demo::DemoService::Crm), requestsBefore);
    QVERIFY(!fs::exists((m_dir.path() + "/bad").toStdString()));
    QVERIFY(!fs::exists((m_dir.path() + "/etc").toStdString()));
    if (!tenant.isEmpty() && !tablesRoot.isEmpty())
        for (const TableState &state : tableStates(options.tablesRoot, options.tenant)) {
            QVERIFY(!state.version);
            QVERIFY2(state.problem.find("tenant") != std::string::npos, state.problem.c_str());
        }
}

void TestSnapshotter::cancelStopsTheRun()
{
    const std::string root = (m_dir.path() + "/cancel").toStdString();
    SnapshotOptions options;
    options.tablesRoot = root;
    options.tenant = kDemoTenant;
    Snapshotter snapshotter(connector(), options);
    const SnapshotReport first = runOnce(snapshotter);
    QVERIFY2(first.ok(), qPrintable(describeTables(first)));

    m_tenant->setFaults(demo::DemoService::Crm, faults("*:latency=400"));
    CancelToken cancel;
    Capture<SnapshotReport> reports;
    const auto started = Clock::now();
    snapshotter.run(cancel, reports.callback());
    std::this_thread::sleep_for(100ms);
    cancel.cancel();
    QVERIFY(reports.wait(1, kRunTimeout));
    QVERIFY(Clock::now() - started < 2s); // well before six reads of 400 ms and more
    const SnapshotReport report = reports.value();
    QVERIFY(!report.error);
    QCOMPARE(report.tables.size(), store::kShareableEntities.size());
    for (const TableSnapshot &table : report.tables) {
        QVERIFY(table.error);
        QCOMPARE(int(table.error->kind), int(ErrorKind::Cancelled));
    }
    for (const TableState &state : tableStates(root, kDemoTenant))
        QCOMPARE(state.version, std::optional<std::int64_t>(0));

    // The snapshotter is free again.
    m_tenant->setFaults(demo::DemoService::Crm, {});
    const SnapshotReport next = runOnce(snapshotter);
    QVERIFY2(next.ok(), qPrintable(describeTables(next)));
}

void TestSnapshotter::alreadyCancelledReadsNothing()
{
    Snapshotter snapshotter(connector(), optionsFor("precancelled"));
    CancelToken cancel;
    cancel.cancel();
    const int requestsBefore = m_tenant->requestCount(demo::DemoService::Crm);
    const SnapshotReport report = runOnce(snapshotter, cancel);
    QCOMPARE(report.tables.size(), store::kShareableEntities.size());
    for (const TableSnapshot &table : report.tables) {
        QVERIFY(table.error);
        QCOMPARE(int(table.error->kind), int(ErrorKind::Cancelled));
    }
    QCOMPARE(m_tenant->requestCount(demo::DemoService::Crm), requestsBefore);
    for (const TableState &state : tableStates(snapshotter.options().tablesRoot, kDemoTenant))
        QVERIFY(!state.version);
}

void TestSnapshotter::scheduleRunsOnCadenceAndOnDemand()
{
    const SnapshotOptions options = optionsFor("schedule");
    Snapshotter snapshotter(connector(), options);
    Capture<SnapshotReport> runs;
    std::atomic<SnapshotSchedule *> current{nullptr};
    Gate constructed;
    {
        // After the second run, the cadence becomes an hour: set between runs, so no run is under way.
        SnapshotSchedule schedule(snapshotter, 200ms,
                                  [&, callback = runs.callback()](const SnapshotReport &report) {
                                      callback(report);
                                      if (runs.count() == 2 && constructed.waitOpen())
                                          current.load()->setCadence(1h);
                                  });
        current = &schedule;
        constructed.open();
        QVERIFY(runs.wait(2, kRunTimeout));
        QVERIFY(runs.value(1).startedAt - runs.value(0).startedAt >= 199); // ms, the cadence apart
        QVERIFY(!runs.wait(3, 1500ms));

        // Three requests at once: one run or two (the first may start before the others arrive), never three.
        schedule.snapshotNow();
        schedule.snapshotNow();
        schedule.snapshotNow();
        QVERIFY(runs.wait(3, kRunTimeout));
        QVERIFY(!runs.wait(5, 2500ms));
    }
    const std::size_t total = runs.count();
    for (const SnapshotReport &report : runs.values())
        QVERIFY2(report.ok(), qPrintable(describeTables(report)));
    for (const TableState &state : tableStates(options.tablesRoot, kDemoTenant))
        QCOMPARE(state.version, std::optional<std::int64_t>(static_cast<std::int64_t>(total) - 1));
}

void TestSnapshotter::destructionMidRunLeavesReadableTables()
{
    const SnapshotOptions options = optionsFor("destroyed");
    {
        Snapshotter snapshotter(connector(), options);
        const SnapshotReport first = runOnce(snapshotter);
        QVERIFY2(first.ok(), qPrintable(describeTables(first)));
    }
    // Destroyed at points from before the first read to the writes of the last tables.
    for (const int delayMs : {0, 5, 20, 60, 120, 250, 400}) {
        Capture<SnapshotReport> reports;
        {
            Snapshotter snapshotter(connector(), options);
            snapshotter.run({}, reports.callback());
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        }
        QCOMPARE(reports.count(), 1u); // the run reported before the destructor returned
        const QString problem = unreadableTables(options.tablesRoot, kDemoTenant);
        QVERIFY2(problem.isEmpty(), qPrintable(QString::number(delayMs) + " ms: " + problem));
        const std::vector<TableState> states = tableStates(options.tablesRoot, kDemoTenant);
        for (std::size_t i = 0; i < states.size(); ++i) {
            QVERIFY2(states[i].problem.empty(), states[i].problem.c_str());
            QCOMPARE(states[i].rows, m_counts[i]);
        }
    }
}

void TestSnapshotter::scheduleDestroyedMidRun()
{
    m_tenant->setFaults(demo::DemoService::Crm, faults("*:latency=300"));
    Snapshotter snapshotter(connector(), optionsFor("scheduledestroyed"));
    Capture<SnapshotReport> runs;
    const auto started = Clock::now();
    {
        SnapshotSchedule schedule(
            snapshotter, 1h,
            [callback = runs.callback()](const SnapshotReport &report) { callback(report); });
        std::this_thread::sleep_for(100ms);
    }
    QVERIFY(Clock::now() - started < 2s);
    QCOMPARE(runs.count(), 1u);
    for (const TableSnapshot &table : runs.value().tables) {
        QVERIFY(table.error);
        QCOMPARE(int(table.error->kind), int(ErrorKind::Cancelled));
    }
    // The snapshotter outlives its schedule and runs on.
    m_tenant->setFaults(demo::DemoService::Crm, {});
    const SnapshotReport report = runOnce(snapshotter);
    QVERIFY2(report.ok(), qPrintable(describeTables(report)));
}

QTEST_GUILESS_MAIN(TestSnapshotter)
#include "tst_snapshotter.moc"
