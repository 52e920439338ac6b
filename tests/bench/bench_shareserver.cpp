// The share server under load: wrk (Debian) with 64 connections on GET /shares and on POST .../query of a
// table with 1,000 files, and nginx (Debian) serving a static JSON file of the same size as our /shares
// answer in the same run as the reference (and the same bytes as a 1,000-file /query answer, to show what
// the machine's loopback allows). Runs alternate between the sides; medians are reported.
// Goals (issue 4): >= 0.5x nginx's requests/s on /shares; p99 <= 10 ms on /query.
#include "sharing/delta/tablewriter.h"
#include "sharing/server/shareserver.h"
#include "sharing/snapshot/tablelayout.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace lakeshore;
using namespace lakeshore::sharing;
namespace fs = std::filesystem;

namespace {

constexpr int kFiles = 1000;
constexpr int kRounds = 3;
constexpr const char *kDuration = "8s";

struct WrkResult
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

double toMs(const std::string &text)
{
    const double value = std::stod(text);
    if (text.find("us") != std::string::npos)
        return value / 1000;
    if (text.find("ms") != std::string::npos)
        return value;
    return value * 1000; // "s"
}

WrkResult runWrk(const std::string &arguments)
{
    const std::string command =
        "wrk -t2 -c64 -d" + std::string(kDuration) + " --latency " + arguments + " 2>&1";
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe) {
        std::fprintf(stderr, "cannot run wrk\n");
        std::exit(1);
    }
    WrkResult result;
    char line[512];
    std::string all;
    while (std::fgets(line, sizeof line, pipe)) {
        const std::string text = line;
        all += text;
        char unit[32] = {};
        double value = 0;
        if (std::sscanf(line, " 50%% %31s", unit) == 1)
            result.p50Ms = toMs(unit);
        else if (std::sscanf(line, " 99%% %31s", unit) == 1)
            result.p99Ms = toMs(unit);
        else if (std::sscanf(line, "Requests/sec: %lf", &value) == 1)
            result.requestsPerSecond = value;
        if (text.find("Non-2xx") != std::string::npos) {
            std::fprintf(stderr, "wrk saw errors:\n%s", all.c_str());
            std::exit(1);
        }
    }
    if (pclose(pipe) != 0 || result.requestsPerSecond == 0) {
        std::fprintf(stderr, "wrk failed:\n%s", all.c_str());
        std::exit(1);
    }
    return result;
}

int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

pid_t startNginx(const fs::path &dir, int port)
{
    fs::create_directories(dir / "www");
    fs::create_directories(dir / "temp");
    std::ofstream(dir / "nginx.conf")
        << (geteuid() == 0 ? "user root;\n" : "") << "worker_processes 2;\ndaemon off;\npid "
        << (dir / "nginx.pid").string() << ";\nerror_log " << (dir / "error.log").string()
        << ";\nevents { worker_connections 1024; }\nhttp {\n"
        << "  access_log off;\n  client_body_temp_path " << (dir / "temp").string() << ";\n  proxy_temp_path "
        << (dir / "temp").string() << ";\n  fastcgi_temp_path " << (dir / "temp").string()
        << ";\n  uwsgi_temp_path " << (dir / "temp").string() << ";\n  scgi_temp_path "
        << (dir / "temp").string() << ";\n"
        << "  server {\n    listen 127.0.0.1:" << port << ";\n    root " << (dir / "www").string()
        << ";\n    location / { default_type application/json; }\n  }\n}\n";
    const pid_t pid = fork();
    if (pid == 0) {
        execl("/usr/sbin/nginx", "nginx", "-p", dir.c_str(), "-c", (dir / "nginx.conf").c_str(), nullptr);
        _exit(127);
    }
    return pid;
}

template <class T> T must(Result<T> result, const char *what)
{
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
    return std::move(result).value();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main()
{
    const fs::path dir = fs::temp_directory_path() / ("bench_shareserver-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string db = (dir / "settings.sqlite3").string(), key = (dir / "settings.key").string();
    const std::string root = (dir / "tables").string();

    // A table of 1,000 files (two rows each) and one recipient with a share holding it.
    parquet::Schema schema = {{"id", parquet::ColumnType::Int64, false},
                              {"name", parquet::ColumnType::String, true}};
    std::vector<parquet::Column> columns;
    columns.emplace_back(parquet::ColumnType::Int64);
    columns.emplace_back(parquet::ColumnType::String);
    for (int i = 0; i < 2 * kFiles; ++i) {
        columns[0].appendInteger(i);
        columns[1].appendString("account " + std::to_string(i));
    }
    delta::OverwriteOptions overwrite;
    overwrite.rowsPerFile = 2;
    must(delta::overwrite(snapshot::tableDirectory(root, "bench", "accounts"),
                          {"accounts", "bench accounts", schema, &columns}, overwrite),
         "writing the table");
    auto store = must(store::SettingsStore::open(db, key), "opening the settings");
    store::SharingStore sharing(*store);
    const std::int64_t now = delta::systemMillis();
    const std::string shareId = must(
        sharing.saveShare({"", "bench", "sales", "", 0, {{"crm", "accounts", "accounts"}}}, now), "share");
    store::Recipient recipient;
    recipient.tenant = "bench";
    recipient.name = "bench";
    recipient.shareIds = {shareId};
    const std::string recipientId = must(sharing.saveRecipient(recipient, now), "recipient");
    const std::string token = must(sharing.issueToken(recipientId, now + 86400000, now), "token").bearerToken;

    server::ShareServerOptions options;
    options.tablesRoot = root;
    auto server = must(server::ShareServer::start(db, key, options), "starting the share server");
    const std::string base = server->endpoint("bench");

    // nginx serves a file with exactly our /shares body.
    httplib::Client client("127.0.0.1",
                           std::stoi(server->baseUrl().substr(server->baseUrl().rfind(':') + 1)));
    auto shares = client.Get("/delta-sharing/bench/shares", {{"Authorization", "Bearer " + token}});
    auto query = client.Post("/delta-sharing/bench/shares/sales/schemas/crm/tables/accounts/query",
                             {{"Authorization", "Bearer " + token}}, "{}", "application/json");
    if (!shares || shares->status != 200 || !query || query->status != 200) {
        std::fprintf(stderr, "the share server did not answer\n");
        return 1;
    }
    const int nginxPort = freePort();
    const pid_t nginx = startNginx(dir / "nginx", nginxPort);
    std::ofstream(dir / "nginx" / "www" / "shares.json") << shares->body;
    std::ofstream(dir / "nginx" / "www" / "query.ndjson") << query->body;
    usleep(500000);
    std::ofstream(dir / "query.lua") << "wrk.method = \"POST\"\nwrk.body = \"{}\"\n"
                                     << "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                                     << "wrk.headers[\"Authorization\"] = \"Bearer " << token << "\"\n";

    std::printf(
        "share server bench: wrk -t2 -c64 -d%s, %d rounds; /shares body %zu bytes, /query body %zu bytes "
        "(%d files)\n",
        kDuration, kRounds, shares->body.size(), query->body.size(), kFiles);
    std::vector<double> oursRps, nginxRps, oursP99, nginxP99, queryRps, queryP50, queryP99, staticRps,
        staticP99;
    for (int round = 0; round < kRounds; ++round) {
        const WrkResult ours = runWrk("-H 'Authorization: Bearer " + token + "' " + base + "/shares");
        const WrkResult reference = runWrk("http://127.0.0.1:" + std::to_string(nginxPort) + "/shares.json");
        const WrkResult files = runWrk("-s " + (dir / "query.lua").string() + " " + base +
                                       "/shares/sales/schemas/crm/tables/accounts/query");
        const WrkResult sameBytes = runWrk("http://127.0.0.1:" + std::to_string(nginxPort) + "/query.ndjson");
        std::printf(
            "round %d: /shares %.0f req/s (p99 %.2f ms) | nginx %.0f req/s (p99 %.2f ms) | /query %.0f req/s "
            "(p50 %.2f ms, p99 %.2f ms) | nginx, same bytes %.0f req/s (p99 %.2f ms)\n",
            round + 1, ours.requestsPerSecond, ours.p99Ms, reference.requestsPerSecond, reference.p99Ms,
            files.requestsPerSecond, files.p50Ms, files.p99Ms, sameBytes.requestsPerSecond, sameBytes.p99Ms);
        staticRps.push_back(sameBytes.requestsPerSecond);
        staticP99.push_back(sameBytes.p99Ms);
        std::fflush(stdout);
        oursRps.push_back(ours.requestsPerSecond);
        nginxRps.push_back(reference.requestsPerSecond);
        oursP99.push_back(ours.p99Ms);
        nginxP99.push_back(reference.p99Ms);
        queryRps.push_back(files.requestsPerSecond);
        queryP50.push_back(files.p50Ms);
        queryP99.push_back(files.p99Ms);
    }
    std::printf(
        "median: /shares %.0f req/s = %.2fx nginx (%.0f req/s), p99 %.2f ms vs %.2f ms; /query %.0f req/s, "
        "p50 %.2f ms, p99 %.2f ms (goal <= 10 ms); nginx serving the same /query bytes %.0f req/s, p99 %.2f "
        "ms\n",
        median(oursRps), median(oursRps) / median(nginxRps), median(nginxRps), median(oursP99),
        median(nginxP99), median(queryRps), median(queryP50), median(queryP99), median(staticRps),
        median(staticP99));
    kill(nginx, SIGQUIT);
    waitpid(nginx, nullptr, 0);
    server.reset();
    store.reset();
    fs::remove_all(dir);
    return 0;
}
