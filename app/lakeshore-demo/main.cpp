// lakeshore-demo: the embedded demo tenant (CRM and ERP OData services) as a standalone process,
// for tests, benchmarks and trying the connectors from other tools.
#include "demo/demotenant.h"

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    for (const auto &argument : arguments) {
        if (argument == "--help" || argument == "-h") {
            std::printf("Usage: lakeshore-demo [options]\n\n%s", lakeshore::demo::demoUsage().c_str());
            return 0;
        }
    }
    auto parsed = lakeshore::demo::parseDemoArguments(arguments);
    if (!parsed) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", parsed.error().message.c_str());
        return 2;
    }
    if (!parsed.value().rest.empty()) {
        std::fprintf(stderr, "lakeshore-demo: unknown option %s\n\n%s", parsed.value().rest.front().c_str(),
                     lakeshore::demo::demoUsage().c_str());
        return 2;
    }
    // Block the stop signals before the server threads start, so they inherit the mask and sigwait gets them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto tenant = lakeshore::demo::DemoTenant::start(parsed.value().options);
    if (!tenant) {
        std::fprintf(stderr, "lakeshore-demo: %s\n", tenant.error().message.c_str());
        return 1;
    }
    const auto &demo = *tenant.value();
    // One line per endpoint, machine-readable, so a parent process can find the ports.
    std::printf("crm %s\nerp %s\ntoken %s\nready\n", demo.crmServiceRoot().c_str(),
                demo.erpServiceRoot().c_str(), demo.tokenUrl().c_str());
    std::fflush(stdout);
    int signal = 0;
    sigwait(&stopSignals, &signal);
    return 0;
}
