// Benchmark: Account 360 time-to-all-panels with both demo services injecting the same latency L.
// The CRM and ERP reads run in parallel, so the goal is median <= 1.1 x L + 10 ms (serially the two
// services alone would take >= 2 x L). Prints one line per L with the ratio to L.
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "sources/account360.h"
#include "sources/crmconnector.h"
#include "sources/erpconnector.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <vector>

using namespace lakeshore;
using Clock = std::chrono::steady_clock;

namespace {

double openOnce(sources::Account360 &account360, const domain::Account &account, int &failed)
{
    std::mutex mutex;
    std::condition_variable settled;
    std::size_t done = 0;
    const auto started = Clock::now();
    account360.open({account.id, account.accountNumber}, CancelToken(), [&](sources::PartResult result) {
        std::lock_guard lock(mutex);
        failed += !result.ok;
        ++done;
        settled.notify_one();
    });
    std::unique_lock lock(mutex);
    settled.wait(lock, [&] { return done == sources::allParts.size(); });
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> latencies = {50, 200};
    if (argc > 1)
        latencies = {std::atoi(argv[1])};
    const int opens = 50;
    std::printf("Account 360 time-to-all-panels, %d opens per latency, default-size demo world\n", opens);
    for (int latency : latencies) {
        demo::DemoOptions options;
        demo::Fault slow;
        slow.latencyMs = latency;
        options.crmFaults = {slow};
        options.erpFaults = {slow};
        auto tenant = demo::DemoTenant::start(options);
        if (!tenant) {
            std::fprintf(stderr, "demo tenant: %s\n", tenant.error().message.c_str());
            return 1;
        }
        http::HttpClient client;
        auto crm = std::make_shared<sources::CrmConnector>(
            client,
            sources::ConnectionSettings{sources::Service::Crm, tenant.value()->crmServiceRoot(), {}, 15000});
        auto erp = std::make_shared<sources::ErpConnector>(
            client,
            sources::ConnectionSettings{sources::Service::Erp, tenant.value()->erpServiceRoot(), {}, 15000});
        auto account360 = std::make_shared<sources::Account360>(crm, erp);
        account360->setToday(options.world.today);

        const auto &accounts = tenant.value()->world().accounts();
        int failed = 0;
        for (int i = 0; i < 3; ++i) // warm up connections
            openOnce(*account360, accounts[static_cast<std::size_t>(i)], failed);
        std::vector<double> times;
        const std::size_t stride = accounts.size() / opens;
        for (int i = 0; i < opens; ++i)
            times.push_back(openOnce(*account360, accounts[static_cast<std::size_t>(i) * stride], failed));
        const double median = percentile(times, 0.5);
        const double goal = 1.1 * latency + 10;
        std::printf("L=%d ms: median %.1f ms (%.3f x L), p90 %.1f ms, max %.1f ms; goal <= %.1f ms: %s; "
                    "serial CRM-then-ERP would be >= %d ms; failed parts %d\n",
                    latency, median, median / latency, percentile(times, 0.9), percentile(times, 1.0), goal,
                    median <= goal ? "met" : "MISSED", 2 * latency, failed);
    }
    return 0;
}
