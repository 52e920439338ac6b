// lakeshore-server: the headless Delta Sharing server. Serves the shares, recipients and tokens of a
// settings folder (the one the GUI uses, or --data-dir) and the Delta tables in its shared-tables
// folder, and keeps those tables fresh with the snapshotter: from the CRM connection saved in the
// settings, or from the embedded demo tenant with --demo.
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sharing/server/shareserver.h"
#include "sharing/snapshot/snapshotter.h"
#include "sharing/snapshot/tablelayout.h"
#include "sources/crmconnector.h"
#include "store/paths.h"
#include "store/settingsstore.h"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <string>
#include <vector>

namespace {

using namespace lakeshore;

constexpr const char *kUsage =
    "Usage: lakeshore-server [options] [demo options]\n\n"
    "  --data-dir DIR           settings folder (default: the GUI's, ~/.local/share/lakeshore)\n"
    "  --listen HOST            address to listen on (default 127.0.0.1; others need TLS)\n"
    "  --port N                 port (default 8080; 0 = any free port)\n"
    "  --public-url URL         scheme://host:port recipients reach the server at (default: as bound)\n"
    "  --tls-cert FILE          PEM certificate (chain); with --tls-key the server speaks HTTPS\n"
    "  --tls-key FILE           PEM private key\n"
    "  --url-lifetime-minutes N lifetime of signed file links (default 60)\n"
    "  --snapshot-minutes N     snapshot cadence (default 15; 0 = serve the tables as they are)\n"
    "  --retention-days N       keep replaced table versions this long (default 7)\n"
    "  --demo                   snapshot the embedded demo tenant's CRM (tenant \"demo\")\n";

struct Options
{
    std::string dataDir;
    sharing::server::ShareServerOptions server;
    int snapshotMinutes = 15;
    int retentionDays = 7;
    bool demo = false;
};

bool number(const std::string &text, int low, int high, int &out)
{
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && error == std::errc() && end == text.data() + text.size() && out >= low &&
           out <= high;
}

// Empty when fine, else what is wrong.
std::string parse(const std::vector<std::string> &rest, Options &options)
{
    options.server.port = 8080;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string &flag = rest[i];
        if (flag == "--demo") {
            options.demo = true;
            continue;
        }
        if (i + 1 >= rest.size())
            return flag + " needs a value (or is not an option)";
        const std::string &value = rest[++i];
        int minutes = 0;
        if (flag == "--data-dir")
            options.dataDir = value;
        else if (flag == "--listen")
            options.server.host = value;
        else if (flag == "--port") {
            if (!number(value, 0, 65535, options.server.port))
                return "--port takes 0 to 65535";
        } else if (flag == "--public-url")
            options.server.publicUrl = value;
        else if (flag == "--tls-cert")
            options.server.certificateFile = value;
        else if (flag == "--tls-key")
            options.server.privateKeyFile = value;
        else if (flag == "--url-lifetime-minutes") {
            if (!number(value, 1, 7 * 24 * 60, minutes))
                return "--url-lifetime-minutes takes 1 to 10080";
            options.server.urlLifetimeMillis = minutes * 60LL * 1000;
        } else if (flag == "--snapshot-minutes") {
            if (!number(value, 0, 7 * 24 * 60, options.snapshotMinutes))
                return "--snapshot-minutes takes 0 to 10080";
        } else if (flag == "--retention-days") {
            if (!number(value, 0, 3650, options.retentionDays))
                return "--retention-days takes 0 to 3650";
        } else {
            return "unknown option " + flag;
        }
    }
    return {};
}

sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

void report(const sharing::snapshot::SnapshotReport &run)
{
    if (run.error) {
        std::fprintf(stderr, "lakeshore-server: snapshot not run: %s\n", run.error->message.c_str());
        return;
    }
    for (const auto &table : run.tables) {
        if (table.error)
            std::fprintf(stderr, "lakeshore-server: snapshot of %s failed: %s\n", table.entity.c_str(),
                         table.error->message.c_str());
        else
            std::printf("snapshot %s version %lld rows %lld\n", table.entity.c_str(),
                        static_cast<long long>(table.written.version),
                        static_cast<long long>(table.written.rows));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    for (const auto &argument : arguments)
        if (argument == "--help" || argument == "-h") {
            std::printf("%s\n%s", kUsage, demo::demoUsage().c_str());
            return 0;
        }
    auto demoArguments = demo::parseDemoArguments(arguments);
    if (!demoArguments) {
        std::fprintf(stderr, "lakeshore-server: %s\n", demoArguments.error().message.c_str());
        return 2;
    }
    Options options;
    if (const std::string problem = parse(demoArguments.value().rest, options); !problem.empty()) {
        std::fprintf(stderr, "lakeshore-server: %s\n\n%s", problem.c_str(), kUsage);
        return 2;
    }
    if (options.dataDir.empty())
        options.dataDir = store::defaultDataDirectory();
    if (options.dataDir.empty()) {
        std::fprintf(stderr, "lakeshore-server: no home folder for the settings: use --data-dir\n");
        return 2;
    }
    const std::string database = options.dataDir + "/settings.sqlite3";
    const std::string key = options.dataDir + "/settings.key";
    options.server.tablesRoot = sharing::snapshot::tablesRootIn(options.dataDir);

    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // The CRM the snapshotter reads: the demo tenant's, or the one saved in the settings.
    std::unique_ptr<demo::DemoTenant> demoTenant;
    std::optional<sources::ConnectionSettings> crm;
    std::string tenant;
    if (options.demo) {
        auto started = demo::DemoTenant::start(demoArguments.value().options);
        if (!started) {
            std::fprintf(stderr, "lakeshore-server: the demo tenant did not start: %s\n",
                         started.error().message.c_str());
            return 1;
        }
        demoTenant = std::move(started.value());
        sources::ConnectionSettings settings;
        settings.service = sources::Service::Crm;
        settings.baseUrl = demoTenant->crmServiceRoot();
        settings.auth = demoTenant->clientAuth();
        crm = settings;
        tenant = sharing::snapshot::kDemoTenant;
    } else {
        auto store = store::SettingsStore::open(database, key);
        if (!store) {
            std::fprintf(stderr, "lakeshore-server: %s\n", store.error().message.c_str());
            return 1;
        }
        auto saved = store.value()->connection(sources::Service::Crm);
        if (!saved) {
            std::fprintf(stderr, "lakeshore-server: the saved CRM connection cannot be read: %s\n",
                         saved.error().message.c_str());
            return 1;
        }
        crm = saved.value();
        if (crm)
            tenant = sharing::snapshot::tenantForServiceRoot(crm->baseUrl);
    }

    auto server = sharing::server::ShareServer::start(database, key, options.server);
    if (!server) {
        std::fprintf(stderr, "lakeshore-server: %s\n", server.error().message.c_str());
        return 1;
    }
    std::printf("listening %s\n", server.value()->baseUrl().c_str());
    if (!tenant.empty())
        std::printf("endpoint %s\n", server.value()->endpoint(tenant).c_str());
    std::fflush(stdout);

    http::HttpClient http;
    std::unique_ptr<sharing::snapshot::Snapshotter> snapshotter;
    std::unique_ptr<sharing::snapshot::SnapshotSchedule> schedule;
    if (crm && options.snapshotMinutes > 0) {
        sharing::snapshot::SnapshotOptions snapshot;
        snapshot.tablesRoot = options.server.tablesRoot;
        snapshot.tenant = tenant;
        snapshot.retentionMillis = options.retentionDays * 24LL * 3600 * 1000;
        snapshotter = std::make_unique<sharing::snapshot::Snapshotter>(
            std::make_shared<sources::CrmConnector>(http, *crm), snapshot);
        schedule = std::make_unique<sharing::snapshot::SnapshotSchedule>(
            *snapshotter, std::chrono::minutes(options.snapshotMinutes), report);
    } else if (!crm) {
        std::fprintf(stderr,
                     "lakeshore-server: no CRM connection is saved: serving the tables as they are\n");
    }

    int signal = 0;
    sigwait(&signals, &signal);
    schedule.reset();
    snapshotter.reset();
    return 0;
}
