// Benchmark: decoding a 1,000,000-row x 8-column lakehouse result (2 text columns, 1 date text, 1 integer,
// 4 reals) from the raw JSON text of a tools/call result into a columnar ResultSet.
// Goals: time from the last byte to the first 200 rows ready <= 200 ms; memory held by the result
// <= 2 x its raw column bytes (8 per number + string bytes). The named peer is nlohmann::json::parse
// of the same text (time and resident-memory growth). Also: the whole decode, RSS growth measured from
// /proc/self/statm next to bytesUsed(), and sorting and CSV export of the result. Prints figures and
// ratios; it does not pass or fail.
// (d) runs shape (a) end to end through the stdio transport: a real child (`cat` of a file holding the
// JSON-RPC reply line) writes it into the pipe, and the clock starts when the transport hands over the
// line (within one 64 KB read of its last byte) and stops at the first 200 rows.
#include "assistant/resultdecoder.h"
#include "mcp/stdiotransport.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>
#include <streambuf>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace lakeshore;
using namespace lakeshore::assistant;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of the whole process: the decode's own cost, whatever else the machine is running.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double residentMb()
{
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

const char *const kFirst[] = {"Great Lakes", "Buckeye", "Keystone",    "Lakeshore", "Allegheny", "Cuyahoga",
                              "Maumee",      "Erie",    "Ohio Valley", "Tri-State", "Mahoning",  "Müller &"};
const char *const kSecond[] = {"Industrial Supply", "Fastener Co.",       "Machine Works", "Tool & Die",
                               "Fabrication",       "\\\"Metals\\\" Inc", "Bearing Corp",  "Hydraulics"};

// The rows as positional arrays, the lakehouse server's shape.
std::string positionalRows(std::size_t rows, bool asStrings)
{
    std::mt19937_64 random(20240517);
    std::string out;
    out.reserve(rows * 110);
    out += '[';
    char buf[256];
    for (std::size_t i = 0; i < rows; ++i) {
        const auto r = random();
        const int month = static_cast<int>(r % 12) + 1, day = static_cast<int>((r >> 8) % 28) + 1;
        const long quantity = static_cast<long>((r >> 16) % 5000);
        const double price = static_cast<double>((r >> 24) % 1000000) / 100.0;
        const double amount = price * static_cast<double>(quantity);
        const double cost = amount * 0.7312, freight = static_cast<double>((r >> 40) % 9999) / 100.0;
        const double margin = (amount - cost - freight) / (amount == 0 ? 1 : amount);
        const char *q = asStrings ? "\"" : "";
        std::snprintf(
            buf, sizeof buf,
            "%s[\"C-%07zu\",\"%s %s %zu\",\"2024-%02d-%02d\",%s%ld%s,%s%.2f%s,%s%.4f%s,%s%.2f%s,%s%.17g%s]",
            i ? "," : "", 1000000 + i % 40000, kFirst[r % 12], kSecond[(r >> 4) % 8], i % 997, month, day, q,
            quantity, q, q, amount, q, q, cost, q, q, freight, q, q, margin, q);
        out += buf;
    }
    out += ']';
    return out;
}

std::string rowObjects(std::size_t rows)
{
    std::mt19937_64 random(20240517);
    std::string out;
    out.reserve(rows * 220);
    out += '[';
    char buf[512];
    for (std::size_t i = 0; i < rows; ++i) {
        const auto r = random();
        const long quantity = static_cast<long>((r >> 16) % 5000);
        const double price = static_cast<double>((r >> 24) % 1000000) / 100.0;
        const double amount = price * static_cast<double>(quantity);
        std::snprintf(
            buf, sizeof buf,
            "%s{\"account_number\":\"C-%07zu\",\"name\":\"%s %s %zu\",\"invoice_date\":\"2024-%02d-%02d\","
            "\"quantity\":%ld,\"amount\":%.2f,\"cost\":%.4f,\"freight\":%.2f,\"margin\":%.17g}",
            i ? "," : "", 1000000 + i % 40000, kFirst[r % 12], kSecond[(r >> 4) % 8], i % 997,
            static_cast<int>(r % 12) + 1, static_cast<int>((r >> 8) % 28) + 1, quantity, amount,
            amount * 0.7312, static_cast<double>((r >> 40) % 9999) / 100.0, 0.123456789 * (r % 7));
        out += buf;
    }
    out += ']';
    return out;
}

std::string escapeJson(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 5);
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

const char *kColumns = R"([{"name":"account_number","type":"text"},{"name":"name","type":"text"},)"
                       R"({"name":"invoice_date","type":"text"},{"name":"quantity","type":"integer"},)"
                       R"({"name":"amount","type":"real"},{"name":"cost","type":"real"},)"
                       R"({"name":"freight","type":"real"},{"name":"margin","type":"real"}])";

// (a) our lakehouse server: structuredContent plus the same JSON as text, keys in nlohmann's order.
std::string lakehouseReply(std::size_t rows)
{
    const std::string structured = std::string(R"({"columns":)") + kColumns + R"(,"rowCount":)" +
                                   std::to_string(rows) + R"(,"rows":)" + positionalRows(rows, false) +
                                   R"(,"truncated":false})";
    return R"({"content":[{"type":"text","text":)" + escapeJson(structured) + R"(}],"structuredContent":)" +
           structured + "}";
}

// (b) server-postgres / mcp-sqlite: an array of row objects as the text of the only content block.
std::string rowObjectsReply(std::size_t rows)
{
    return R"({"content":[{"type":"text","text":)" + escapeJson(rowObjects(rows)) + "}]}";
}

// (c) Databricks statement execution: every value a string, typed by the manifest.
std::string databricksReply(std::size_t rows)
{
    const std::string columns =
        R"([{"name":"account_number","type_name":"STRING"},{"name":"name","type_name":"STRING"},)"
        R"({"name":"invoice_date","type_name":"DATE"},{"name":"quantity","type_name":"INT"},)"
        R"({"name":"amount","type_name":"DOUBLE"},{"name":"cost","type_name":"DOUBLE"},)"
        R"({"name":"freight","type_name":"DOUBLE"},{"name":"margin","type_name":"DOUBLE"}])";
    return R"({"content":[],"structuredContent":{"statement_id":"01ef","status":{"state":"SUCCEEDED"},)"
           R"("manifest":{"format":"JSON_ARRAY","schema":{"column_count":8,"columns":)" +
           columns + R"(},"total_row_count":)" + std::to_string(rows) +
           R"(},"result":{"chunk_index":0,"row_offset":0,"data_array":)" + positionalRows(rows, true) + "}}}";
}

class CountingBuffer : public std::streambuf
{
public:
    std::size_t bytes = 0;

protected:
    int_type overflow(int_type c) override
    {
        ++bytes;
        return c;
    }
    std::streamsize xsputn(const char *, std::streamsize n) override
    {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
};

// Figures written by the child processes each measurement runs in (fresh heaps, so RSS growth is the
// measured work's own and not memory an earlier step freed and malloc kept).
struct Figures
{
    bool ok = false;
    double firstMs = 0, firstCpuMs = 0, totalMs = 0, totalCpuMs = 0;
    std::size_t firstRows = 0, rows = 0, columns = 0;
    double syncMs = 0, syncCpuMs = 0, rssMb = 0, usedMb = 0, rawMb = 0;
    double peerMs = 0, peerCpuMs = 0, peerRssMb = 0;
};

template <class F> void inChild(F measure)
{
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        measure();
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

// Progressive: from having the whole reply (its last byte) to the first 200 rows ready, then all.
void measureProgressive(const std::string &reply, bool extras, Figures &f)
{
    std::string copy = reply;
    const auto started = Clock::now();
    const double cpuStart = cpuMs();
    auto decoding = ResultDecoding::start(std::move(copy));
    decoding->waitForRows(200);
    f.firstMs = msSince(started);
    f.firstCpuMs = cpuMs() - cpuStart;
    f.firstRows = decoding->readyRows();
    auto finished = decoding->wait();
    f.totalMs = msSince(started);
    f.totalCpuMs = cpuMs() - cpuStart;
    if (!finished) {
        std::printf("decode failed: %s\n", finished.error().message.c_str());
        return;
    }
    f.ok = true;
    const ResultSet &set = finished.value();
    f.rows = set.rowCount();
    f.columns = set.columnCount();
    if (!extras)
        return;
    double stepStart = cpuMs();
    const auto byName = set.sortPermutation(1, SortOrder::Ascending);
    const double sortTextMs = cpuMs() - stepStart;
    stepStart = cpuMs();
    const auto byAmount = set.sortPermutation(4, SortOrder::Descending);
    const double sortRealMs = cpuMs() - stepStart;
    std::printf(
        "sort by name: %.0f ms CPU; by amount (desc): %.0f ms CPU; first by name: %s, largest amount %s\n",
        sortTextMs, sortRealMs, set.text(byName.front(), 1).c_str(), set.text(byAmount.front(), 4).c_str());
    CountingBuffer counter;
    std::ostream sink(&counter);
    stepStart = cpuMs();
    const auto csvStart = Clock::now();
    const Status written = set.writeCsv(sink);
    std::printf("CSV export: %.0f ms CPU, %.0f ms wall, %.1f MB%s\n", cpuMs() - stepStart, msSince(csvStart),
                static_cast<double>(counter.bytes) / 1e6, written.ok() ? "" : " (failed)");
}

// Memory: a synchronous decode of the reply, RSS growth next to bytesUsed().
void measureMemory(const std::string &reply, Figures &f)
{
    const double before = residentMb();
    const auto started = Clock::now();
    const double cpuStart = cpuMs();
    auto result = decodeToolResult(reply);
    f.syncMs = msSince(started);
    f.syncCpuMs = cpuMs() - cpuStart;
    f.rssMb = residentMb() - before;
    if (!result)
        return;
    f.usedMb = static_cast<double>(result.value().bytesUsed()) / (1024.0 * 1024.0);
    f.rawMb = static_cast<double>(result.value().rawBytes()) / (1024.0 * 1024.0);
}

void measurePeer(const std::string &reply, Figures &f)
{
    const double before = residentMb();
    const auto started = Clock::now();
    const double cpuStart = cpuMs();
    const auto dom = nlohmann::json::parse(reply);
    f.peerMs = msSince(started);
    f.peerCpuMs = cpuMs() - cpuStart;
    f.peerRssMb = residentMb() - before;
}

void run(const char *name, const std::string &reply, bool withPeer, bool extras)
{
    std::printf("\n== %s: %.1f MB reply\n", name, static_cast<double>(reply.size()) / 1e6);
    auto *f = static_cast<Figures *>(
        mmap(nullptr, sizeof(Figures), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (f == MAP_FAILED)
        return;
    new (f) Figures();
    inChild([&] { measureProgressive(reply, extras, *f); });
    if (!f->ok) {
        munmap(f, sizeof(Figures));
        return;
    }
    inChild([&] { measureMemory(reply, *f); });
    if (withPeer)
        inChild([&] { measurePeer(reply, *f); });

    std::printf("first rows ready:   %7.1f ms wall, %7.1f ms CPU (%zu rows; goal <= 200 ms: ratio %.2f wall, "
                "%.2f CPU)\n",
                f->firstMs, f->firstCpuMs, f->firstRows, f->firstMs / 200.0, f->firstCpuMs / 200.0);
    std::printf(
        "all rows ready:     %7.1f ms wall, %7.1f ms CPU (%zu rows x %zu columns, %.0f MB/s of CPU)\n",
        f->totalMs, f->totalCpuMs, f->rows, f->columns,
        static_cast<double>(reply.size()) / 1e3 / f->totalCpuMs);
    std::printf("synchronous decode: %7.1f ms wall, %7.1f ms CPU\n", f->syncMs, f->syncCpuMs);
    std::printf("memory: bytesUsed %.1f MB, raw column bytes %.1f MB: ratio %.2f (goal <= 2.00); "
                "RSS growth %.1f MB (%.2f x raw)\n",
                f->usedMb, f->rawMb, f->usedMb / f->rawMb, f->rssMb, f->rssMb / f->rawMb);
    if (withPeer) {
        std::printf("peer nlohmann::json::parse: %.1f ms wall, %.1f ms CPU, RSS growth %.1f MB (a DOM, no "
                    "table yet)\n",
                    f->peerMs, f->peerCpuMs, f->peerRssMb);
        std::printf("ratios peer/ours (CPU): %.1fx to all rows, %.1fx to first rows; memory (RSS) %.1fx\n",
                    f->peerCpuMs / f->totalCpuMs, f->peerCpuMs / f->firstCpuMs, f->peerRssMb / f->rssMb);
    }
    munmap(f, sizeof(Figures));
}

// (d): the reply through a real pipe and our stdio transport, then decoded as the assistant does.
void runThroughTransport(const std::string &reply)
{
    char path[] = "/tmp/bench-resultset-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0)
        return;
    ::close(fd);
    {
        std::ofstream file(path, std::ios::binary);
        file << R"({"jsonrpc":"2.0","id":7,"result":)" << reply << "}\n";
    }
    std::printf("\n== (d) shape (a) through the stdio transport from a child process: %.1f MB line\n",
                static_cast<double>(reply.size()) / 1e6);
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<std::string> line;
    std::optional<Error> closed;
    mcp::StdioServerConfig config;
    config.command = "cat";
    config.args = {path};
    mcp::StdioTransport transport(config);
    const auto started = Clock::now();
    Clock::time_point delivered;
    const Status running = transport.start({[&](std::string message) {
                                                const auto now = Clock::now();
                                                std::lock_guard lock(mutex);
                                                delivered = now;
                                                line = std::move(message);
                                                changed.notify_all();
                                            },
                                            [&](Error reason) {
                                                std::lock_guard lock(mutex);
                                                closed = std::move(reason);
                                                changed.notify_all();
                                            },
                                            {}});
    if (!running) {
        std::printf("cannot start cat: %s\n", running.error().message.c_str());
        std::remove(path);
        return;
    }
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return line.has_value() || closed.has_value(); });
    if (!line) {
        std::printf("the transport closed: %s\n", closed->message.c_str());
        std::remove(path);
        return;
    }
    const double transferMs = std::chrono::duration<double, std::milli>(delivered - started).count();
    std::string text = std::move(*line);
    lock.unlock();
    const auto decodeStart = Clock::now();
    auto decoding = ResultDecoding::start(std::move(text));
    decoding->waitForRows(200);
    const double firstMs = std::chrono::duration<double, std::milli>(Clock::now() - delivered).count();
    const double decodeFirstMs = msSince(decodeStart);
    auto finished = decoding->wait();
    const double allMs = std::chrono::duration<double, std::milli>(Clock::now() - delivered).count();
    transport.close();
    std::remove(path);
    if (!finished) {
        std::printf("decode failed: %s\n", finished.error().message.c_str());
        return;
    }
    std::printf("child start to line handed over: %.0f ms (%.0f MB/s through the pipe)\n", transferMs,
                static_cast<double>(reply.size()) / 1e3 / transferMs);
    std::printf("line handed over to first rows: %.1f ms wall (decode %.1f ms; goal <= 200 ms: ratio %.2f); "
                "all %zu rows %.0f ms\n",
                firstMs, decodeFirstMs, firstMs / 200.0, finished.value().rowCount(), allMs);
}

} // namespace

// Usage: bench_resultset [rows [shapes]], shapes a subset of "abcd" (default all).
int main(int argc, char **argv)
{
    const std::size_t rows = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 1000000;
    const std::string shapes = argc > 2 ? argv[2] : "abcd";
    std::printf("Result set decoding, %zu rows x 8 columns (2 text, 1 date text, 1 integer, 4 reals)\n",
                rows);
    if (shapes.find('a') != std::string::npos)
        run("(a) lakehouse server: content text + structuredContent", lakehouseReply(rows), true, true);
    if (shapes.find('b') != std::string::npos)
        run("(b) row objects in a text block (server-postgres style)", rowObjectsReply(rows), true, false);
    if (shapes.find('c') != std::string::npos)
        run("(c) Databricks statement execution (string values, typed)", databricksReply(rows), false, false);
    if (shapes.find('d') != std::string::npos)
        runThroughTransport(lakehouseReply(rows));
    return 0;
}
