// Parquet write throughput and file size: our writer against DuckDB's
// `COPY ... TO ... (FORMAT parquet, COMPRESSION zstd)` on the same 1,000,000 rows x 8 columns, one
// thread each, in the same run (the peer is @duckdb/node-api from tests/peers). Rounds alternate
// between the two; each side's input is built in memory before its timer starts. At the end DuckDB
// reads both files and the test prints a digest of each, so the figures compare equal data.
// Goal (issue 4): >= 1.0x DuckDB's rows/s at <= 1.1x its file size.
#include "sharing/parquet/parquetwriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace lakeshore::sharing::parquet;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRows = 1000000;
constexpr int kRounds = 3;
constexpr int kRepetitions = 3;
const std::string kPeers = LAKESHORE_PEERS_DIR;

// The same values the peer script builds with SQL.
std::vector<Column> buildColumns(const Schema &schema)
{
    std::vector<Column> columns;
    for (const ColumnSpec &spec : schema) {
        columns.emplace_back(spec.type);
        columns.back().reserve(kRows);
    }
    constexpr std::int64_t kDays2020 = 18262;
    for (std::int64_t i = 0; i < kRows; ++i) {
        columns[0].appendInteger(i);
        columns[1].appendString("customer_" + std::to_string(i));
        columns[2].appendInteger(kDays2020 + i % 1000);
        columns[3].appendInteger(1577836800000000 + i * 1000003);
        columns[4].appendInteger((i * 7919) % 10000000);
        columns[5].appendDouble(static_cast<double>(i % 100000) / 100);
        columns[6].appendInteger(i % 3 == 0 ? 1 : 0);
        if (i % 10 == 0)
            columns[7].appendNull();
        else
            columns[7].appendString("city_" + std::to_string(i % 50));
    }
    return columns;
}

std::string run(const std::string &command)
{
    std::string out;
    FILE *pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
        return out;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, n);
    pclose(pipe);
    return out;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main()
{
    const std::string dir = std::filesystem::temp_directory_path() / "lakeshore-bench-parquet";
    std::filesystem::create_directories(dir);
    const std::string ours = dir + "/ours.parquet";
    const std::string theirs = dir + "/duckdb.parquet";

    const Schema schema = {{"id", ColumnType::Int64, false},
                           {"name", ColumnType::String, false},
                           {"d", ColumnType::Date, false},
                           {"ts", ColumnType::Timestamp, false},
                           {"amount", ColumnType::Decimal, false, 18, 2},
                           {"score", ColumnType::Double, false},
                           {"flag", ColumnType::Boolean, false},
                           {"city", ColumnType::String, true}};
    std::printf("building %d rows x %zu columns in memory...\n", kRows, schema.size());
    const std::vector<Column> columns = buildColumns(schema);

    WriterOptions options; // the defaults the snapshotter uses, without the fsync (DuckDB does not sync)
    options.sync = false;
    std::vector<double> oursMs, theirsMs;
    std::int64_t oursBytes = 0, theirsBytes = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (int r = 0; r < kRepetitions; ++r) {
            const auto start = Clock::now();
            auto writer = ParquetWriter::create(ours, schema, options);
            if (!writer || !writer.value()->write(columns)) {
                std::fprintf(stderr, "our writer failed\n");
                return 1;
            }
            auto summary = writer.value()->finish();
            oursMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            oursBytes = summary.value().bytes;
        }
        const std::string peer = run("cd '" + kPeers + "' && node duckdb-parquet-bench.mjs '" + theirs +
                                     "' " + std::to_string(kRepetitions));
        try {
            const auto result = nlohmann::json::parse(peer);
            for (double ms : result["ms"])
                theirsMs.push_back(ms);
            theirsBytes = result["bytes"];
        } catch (const std::exception &) {
            std::fprintf(stderr, "the DuckDB peer failed: %s\n(run the README's test command first)\n",
                         peer.c_str());
            return 1;
        }
        std::printf("round %d: ours %.0f ms, DuckDB %.0f ms (medians so far)\n", round + 1, median(oursMs),
                    median(theirsMs));
    }

    const double oursRate = kRows / (median(oursMs) / 1000);
    const double theirsRate = kRows / (median(theirsMs) / 1000);
    std::printf("\nParquet write, %d rows x %zu columns, ZSTD, one thread (%d runs each, median):\n", kRows,
                schema.size(), kRounds * kRepetitions);
    std::printf("  ours    %7.1f ms  %5.2f M rows/s  %8.3f MiB\n", median(oursMs), oursRate / 1e6,
                oursBytes / 1048576.0);
    std::printf("  DuckDB  %7.1f ms  %5.2f M rows/s  %8.3f MiB\n", median(theirsMs), theirsRate / 1e6,
                theirsBytes / 1048576.0);
    std::printf("  ours / DuckDB: rows/s %.2fx (goal >= 1.0), file size %.3fx (goal <= 1.1)\n",
                oursRate / theirsRate, static_cast<double>(oursBytes) / static_cast<double>(theirsBytes));
    std::printf(
        "\nsame values? DuckDB's digest of each file:\n%s",
        run("cd '" + kPeers + "' && node duckdb-parquet-bench.mjs --digest '" + ours + "' '" + theirs + "'")
            .c_str());
    std::filesystem::remove_all(dir);
    return 0;
}
