// The embedded demo tenant: one generated world served as a demo CRM and a demo ERP over real HTTP on
// loopback ports, with knobs to inject latency, HTTP errors, timeouts and malformed replies.
#pragma once

#include "core/result.h"
#include "demo/odataservice.h"
#include "demo/world.h"
#include "http/authconfig.h"

#include <memory>
#include <string>
#include <vector>

namespace lakeshore::demo {

enum class DemoService { Crm, Erp };

// Faults of the demo lakehouse: execute_sql answers an error, or the mart counts as not buildable.
enum class LakehouseFault { None, SqlError, MartUnavailable };

struct DemoOptions
{
    WorldOptions world;
    std::string host = "127.0.0.1";
    int crmPort = 0; // 0 = an ephemeral port
    int erpPort = 0;
    int maxPageSize = 2000; // the most rows per page; clients ask for less with Prefer: odata.maxpagesize
    bool relativeNextLinks = false;
    std::vector<Fault> crmFaults; // applied in order, first match wins
    std::vector<Fault> erpFaults;
    http::AuthKind auth = http::AuthKind::None; // what both services demand of clients
    // The lakehouse: the mart built from the same world in the background, served over MCP
    // (Streamable HTTP) on its own port.
    bool lakehouse = true;
    int lakehousePort = 0;
    int lakehouseLatencyMs = 0;   // added to every tool call
    int lakehouseMaxRows = 10000; // execute_sql's row cap
    std::string lakehouseToken;   // a bearer token the MCP endpoint demands; empty = none
    LakehouseFault lakehouseFault = LakehouseFault::None;
};

struct ParsedDemoArguments
{
    DemoOptions options;
    std::vector<std::string> rest; // arguments that are not demo flags
};

// Demo flags, after the environment (LAKESHORE_DEMO_SIZE, LAKESHORE_DEMO_CRM_LATENCY_MS,
// LAKESHORE_DEMO_ERP_LATENCY_MS, LAKESHORE_DEMO_CRM_FAULTS, LAKESHORE_DEMO_ERP_FAULTS; faults ';'-separated;
// LAKESHORE_DEMO_LAKEHOUSE_LATENCY_MS, LAKESHORE_DEMO_LAKEHOUSE_FAULT):
//   --demo-size small|default|large   --demo-seed N      --demo-today YYYY-MM-DD
//   --crm-latency MS  --erp-latency MS  --crm-fault SPEC  --erp-fault SPEC (repeatable; see parseFault)
//   --page-size N     --relative-links  --demo-auth none|bearer|basic|oauth2-client-credentials
//   --host ADDRESS    --crm-port N      --erp-port N
//   --lakehouse-latency MS  --lakehouse-max-rows N  --lakehouse-port N  --lakehouse-token TOKEN
//   --lakehouse-fault sql-error|mart-unavailable    --no-lakehouse
[[nodiscard]] Result<ParsedDemoArguments> parseDemoArguments(const std::vector<std::string> &arguments);
[[nodiscard]] std::string demoUsage();

class DemoTenant
{
public:
    static Result<std::unique_ptr<DemoTenant>> start(DemoOptions options);
    ~DemoTenant();

    [[nodiscard]] const World &world() const;
    [[nodiscard]] std::string crmServiceRoot() const; // ends with '/'
    [[nodiscard]] std::string erpServiceRoot() const;
    [[nodiscard]] std::string tokenUrl() const; // OAuth2 client-credentials endpoint
    // The credentials a client needs for the auth the services demand.
    [[nodiscard]] http::AuthConfig clientAuth() const;
    // The lakehouse MCP endpoint (Streamable HTTP), "http://127.0.0.1:40125/mcp"; empty with it off.
    [[nodiscard]] std::string lakehouseMcpUrl() const;
    // The mart file it serves: private, built in the background, removed when the tenant stops.
    [[nodiscard]] std::string lakehouseMartPath() const;
    // Waits until the mart is built (or failed, or timeoutMs passed); the error says why it is not there.
    [[nodiscard]] Status waitForLakehouseMart(int timeoutMs) const;

    void setFaults(DemoService service, std::vector<Fault> faults);
    [[nodiscard]] int requestCount(DemoService service) const;

private:
    DemoTenant();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::demo
