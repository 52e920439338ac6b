// lakeshore-demo: the embedded demo tenant (CRM and ERP OData services, the lakehouse MCP server) as a
// standalone process, for tests, benchmarks and trying the connectors from other tools. Two more modes:
// the lakehouse MCP server alone over stdio, and writing the mart file for other servers to use.
#include "demo/demotenant.h"
#include "demo/lakehousemart.h"
#include "demo/lakehouseserver.h"
#include "demo/temporarymart.h"
#include "mcp/serverstdio.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <pthread.h>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace lakeshore;

constexpr const char *kModes =
    "Modes (default: serve the CRM, ERP and lakehouse over HTTP and print their URLs):\n"
    "  --lakehouse-stdio   serve the lakehouse MCP server on stdin/stdout instead\n"
    "  --mart PATH         with --lakehouse-stdio: serve this mart file instead of "
    "building one\n"
    "  --build-mart PATH   write the demo mart file (it must not exist yet) and exit\n";

struct Mode
{
    bool lakehouseStdio = false;
    std::string mart;
    std::string buildMart;
};

sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

demo::LakehouseOptions lakehouseOptions(const demo::DemoOptions &options)
{
    demo::LakehouseOptions lakehouse;
    lakehouse.latencyMs = options.lakehouseLatencyMs;
    lakehouse.maxRows = options.lakehouseMaxRows;
    if (options.lakehouseFault == demo::LakehouseFault::SqlError)
        lakehouse.sqlFault =
            "execute_sql failed: the demo lakehouse injects this fault (--lakehouse-fault sql-error)";
    return lakehouse;
}

int buildMart(const demo::DemoOptions &options, const std::string &path)
{
    const demo::World world(options.world);
    auto built = demo::buildLakehouseMart(world, path);
    if (!built) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", built.error().message.c_str());
        return 1;
    }
    const auto &summary = built.value();
    std::printf("mart %s: %zu accounts, %zu items, %zu invoice lines, %zu contract prices in %.0f ms\n",
                path.c_str(), summary.accounts, summary.items, summary.invoiceLines, summary.contractPrices,
                summary.elapsedMs);
    return 0;
}

// stdout carries MCP messages only: everything else goes to stderr.
int serveLakehouseStdio(const demo::DemoOptions &options, const std::string &martPath)
{
    auto settings = lakehouseOptions(options);
    settings.log = [](const std::string &line) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", line.c_str());
    };
    demo::LakehouseServer lakehouse(settings);
    std::unique_ptr<demo::TemporaryMart> mart;
    if (options.lakehouseFault == demo::LakehouseFault::MartUnavailable) {
        lakehouse.setMartFailed(makeError(ErrorKind::Storage, "the demo lakehouse injects this fault "
                                                              "(--lakehouse-fault mart-unavailable)"));
    } else if (!martPath.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(martPath, ec)) {
            std::fprintf(stderr, "lakeshore-demo: --mart %s: no such file\n", martPath.c_str());
            return 2;
        }
        lakehouse.setMart(martPath);
    } else {
        mart =
            demo::TemporaryMart::start(demo::World(options.world), [&lakehouse](Result<std::string> built) {
                if (built) {
                    std::fprintf(stderr, "lakeshore-demo: lakehouse mart ready\n");
                    lakehouse.setMart(built.value());
                } else {
                    std::fprintf(stderr, "lakeshore-demo: lakehouse mart failed: %s\n",
                                 built.error().message.c_str());
                    lakehouse.setMartFailed(built.error());
                }
            });
        std::fprintf(stderr, "lakeshore-demo: building the lakehouse mart at %s\n", mart->path().c_str());
    }
    mcp::StdioServer server(lakehouse.toolServer(), 0, 1);
    const sigset_t signals = stopSignals();
    std::thread([&server, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        server.stop();
    }).detach();
    auto served = server.run();
    mart.reset(); // waits for a build still running, removes the file
    if (!served) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", served.error().message.c_str());
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    for (const auto &argument : arguments) {
        if (argument == "--help" || argument == "-h") {
            std::printf("Usage: lakeshore-demo [options]\n\n%s\n%s", kModes, demo::demoUsage().c_str());
            return 0;
        }
    }
    auto parsed = demo::parseDemoArguments(arguments);
    if (!parsed) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", parsed.error().message.c_str());
        return 2;
    }
    Mode mode;
    const auto &rest = parsed.value().rest;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string &flag = rest[i];
        if (flag == "--lakehouse-stdio") {
            mode.lakehouseStdio = true;
        } else if ((flag == "--mart" || flag == "--build-mart") && i + 1 < rest.size() &&
                   !rest[i + 1].empty()) {
            (flag == "--mart" ? mode.mart : mode.buildMart) = rest[++i];
        } else if (flag == "--mart" || flag == "--build-mart") {
            std::fprintf(stderr, "lakeshore-demo: %s needs a file path\n", flag.c_str());
            return 2;
        } else {
            std::fprintf(stderr, "lakeshore-demo: unknown option %s\n\n%s\n%s", flag.c_str(), kModes,
                         demo::demoUsage().c_str());
            return 2;
        }
    }
    if (!mode.mart.empty() && !mode.lakehouseStdio) {
        std::fprintf(stderr, "lakeshore-demo: --mart is for --lakehouse-stdio\n");
        return 2;
    }
    if (!mode.buildMart.empty() && mode.lakehouseStdio) {
        std::fprintf(stderr, "lakeshore-demo: --build-mart and --lakehouse-stdio are separate modes\n");
        return 2;
    }
    if (!mode.buildMart.empty())
        return buildMart(parsed.value().options, mode.buildMart);

    // Block the stop signals before any thread starts, so they all inherit the mask and sigwait gets them.
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    if (mode.lakehouseStdio)
        return serveLakehouseStdio(parsed.value().options, mode.mart);

    auto tenant = demo::DemoTenant::start(parsed.value().options);
    if (!tenant) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", tenant.error().message.c_str());
        return 1;
    }
    const auto &demo = *tenant.value();
    // One line per endpoint, machine-readable, so a parent process can find the ports.
    std::printf("crm %s\nerp %s\ntoken %s\n", demo.crmServiceRoot().c_str(), demo.erpServiceRoot().c_str(),
                demo.tokenUrl().c_str());
    if (!demo.lakehouseMcpUrl().empty())
        std::printf("lakehouse %s\n", demo.lakehouseMcpUrl().c_str());
    std::printf("ready\n");
    std::fflush(stdout);
    int signal = 0;
    sigwait(&signals, &signal);
    return 0;
}
