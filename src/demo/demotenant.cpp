#include "demo/demotenant.h"

#include "demo/crmservice.h"
#include "demo/erpservice.h"
#include "demo/lakehouseserver.h"
#include "demo/temporarymart.h"
#include "http/httpserver.h"
#include "http/url.h"
#include "mcp/httpguards.h"
#include "mcp/serverhttp.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

namespace lakeshore::demo {
namespace {

constexpr const char *tokenPath = "/oauth2/v2.0/token";
constexpr const char *demoClientId = "lakeshore-demo";
constexpr const char *demoUser = "demo";

std::string formField(const std::string &body, const std::string &name)
{
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string::npos)
            end = body.size();
        const std::string_view pair(body.data() + start, end - start);
        const auto equals = pair.find('=');
        if (equals != std::string_view::npos && http::percentDecode(pair.substr(0, equals), true) == name)
            return http::percentDecode(pair.substr(equals + 1), true);
        start = end + 1;
    }
    return {};
}

Result<int> parseNumber(const std::string &flag, const std::string &text, int low, int high)
{
    char *end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < low || value > high)
        return makeError(ErrorKind::Invalid, flag + " wants a number from " + std::to_string(low) + " to " +
                                                 std::to_string(high) + ", not \"" + text + "\"");
    return static_cast<int>(value);
}

Fault latency(int ms)
{
    Fault fault;
    fault.latencyMs = ms;
    return fault;
}

Result<LakehouseFault> parseLakehouseFault(const std::string &source, const std::string &text)
{
    if (text == "none")
        return LakehouseFault::None;
    if (text == "sql-error")
        return LakehouseFault::SqlError;
    if (text == "mart-unavailable")
        return LakehouseFault::MartUnavailable;
    return makeError(ErrorKind::Invalid,
                     source + " must be none, sql-error or mart-unavailable, not \"" + text + "\"");
}

} // namespace

std::string demoUsage()
{
    return "Demo tenant options:\n"
           "  --demo-size small|default|large  --demo-seed N  --demo-today YYYY-MM-DD\n"
           "  --crm-latency MS  --erp-latency MS\n"
           "  --crm-fault SPEC  --erp-fault SPEC   e.g. salesOrders:status=500, *:body=malformed,times=2\n"
           "  --page-size N  --relative-links  --demo-auth none|bearer|basic|oauth2-client-credentials\n"
           "  --host ADDRESS  --crm-port N  --erp-port N\n"
           "  --lakehouse-latency MS  --lakehouse-max-rows N  --lakehouse-port N  --lakehouse-token TOKEN\n"
           "  --lakehouse-fault sql-error|mart-unavailable  --no-lakehouse\n";
}

Result<ParsedDemoArguments> parseDemoArguments(const std::vector<std::string> &arguments)
{
    ParsedDemoArguments parsed;
    DemoOptions &options = parsed.options;
    int crmLatency = 0;
    int erpLatency = 0;

    auto fromEnv = [](const char *name) -> std::string {
        const char *value = std::getenv(name);
        return value ? value : "";
    };
    if (auto size = fromEnv("LAKESHORE_DEMO_SIZE"); !size.empty()) {
        auto value = parseWorldSize(size);
        if (!value)
            return makeError(ErrorKind::Invalid, "LAKESHORE_DEMO_SIZE must be small, default or large");
        options.world.size = *value;
    }
    for (auto [name, target] :
         {std::pair{"LAKESHORE_DEMO_CRM_LATENCY_MS", &crmLatency},
          std::pair{"LAKESHORE_DEMO_ERP_LATENCY_MS", &erpLatency},
          std::pair{"LAKESHORE_DEMO_LAKEHOUSE_LATENCY_MS", &options.lakehouseLatencyMs}}) {
        if (auto text = fromEnv(name); !text.empty()) {
            auto value = parseNumber(name, text, 0, 600000);
            if (!value)
                return value.error();
            *target = value.value();
        }
    }
    for (auto [name, target] : {std::pair{"LAKESHORE_DEMO_CRM_FAULTS", &options.crmFaults},
                                std::pair{"LAKESHORE_DEMO_ERP_FAULTS", &options.erpFaults}}) {
        auto faults = parseFaults(fromEnv(name));
        if (!faults)
            return faults.error();
        *target = std::move(faults.value());
    }
    if (auto text = fromEnv("LAKESHORE_DEMO_LAKEHOUSE_FAULT"); !text.empty()) {
        auto fault = parseLakehouseFault("LAKESHORE_DEMO_LAKEHOUSE_FAULT", text);
        if (!fault)
            return fault.error();
        options.lakehouseFault = fault.value();
    }

    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string &flag = arguments[i];
        auto next = [&]() -> Result<std::string> {
            if (i + 1 >= arguments.size())
                return makeError(ErrorKind::Invalid, flag + " needs a value");
            return arguments[++i];
        };
        auto number = [&](int low, int high) -> Result<int> {
            auto text = next();
            if (!text)
                return text.error();
            return parseNumber(flag, text.value(), low, high);
        };
        Status status = okStatus();
        if (flag == "--demo-size") {
            auto text = next();
            if (!text)
                return text.error();
            auto size = parseWorldSize(text.value());
            if (!size)
                return makeError(ErrorKind::Invalid, "--demo-size must be small, default or large");
            options.world.size = *size;
        } else if (flag == "--demo-seed") {
            auto value = number(0, 2147483647);
            if (!value)
                return value.error();
            options.world.seed = static_cast<std::uint64_t>(value.value());
        } else if (flag == "--demo-today") {
            auto text = next();
            if (!text)
                return text.error();
            auto date = domain::Date::parse(text.value());
            if (!date || text.value().size() != 10)
                return makeError(ErrorKind::Invalid, "--demo-today wants a date like 2026-11-21");
            options.world.today = *date;
        } else if (flag == "--crm-latency" || flag == "--erp-latency") {
            auto value = number(0, 600000);
            if (!value)
                return value.error();
            (flag == "--crm-latency" ? crmLatency : erpLatency) = value.value();
        } else if (flag == "--crm-fault" || flag == "--erp-fault") {
            auto text = next();
            if (!text)
                return text.error();
            auto fault = parseFault(text.value());
            if (!fault)
                return fault.error();
            (flag == "--crm-fault" ? options.crmFaults : options.erpFaults).push_back(fault.value());
        } else if (flag == "--page-size") {
            auto value = number(1, 100000);
            if (!value)
                return value.error();
            options.maxPageSize = value.value();
        } else if (flag == "--relative-links") {
            options.relativeNextLinks = true;
        } else if (flag == "--demo-auth") {
            auto text = next();
            if (!text)
                return text.error();
            if (!http::parseAuthKind(text.value(), options.auth))
                return makeError(ErrorKind::Invalid, "--demo-auth must be none, bearer, basic or "
                                                     "oauth2-client-credentials");
        } else if (flag == "--host") {
            auto text = next();
            if (!text)
                return text.error();
            options.host = text.value();
        } else if (flag == "--crm-port" || flag == "--erp-port") {
            auto value = number(0, 65535);
            if (!value)
                return value.error();
            (flag == "--crm-port" ? options.crmPort : options.erpPort) = value.value();
        } else if (flag == "--lakehouse-latency" || flag == "--lakehouse-port" ||
                   flag == "--lakehouse-max-rows") {
            auto value = flag == "--lakehouse-port"
                             ? number(0, 65535)
                             : number(flag == "--lakehouse-max-rows" ? 1 : 0,
                                      flag == "--lakehouse-max-rows" ? 10000000 : 600000);
            if (!value)
                return value.error();
            (flag == "--lakehouse-latency" ? options.lakehouseLatencyMs
             : flag == "--lakehouse-port"  ? options.lakehousePort
                                           : options.lakehouseMaxRows) = value.value();
        } else if (flag == "--lakehouse-token") {
            auto text = next();
            if (!text)
                return text.error();
            if (text.value().empty())
                return makeError(ErrorKind::Invalid, "--lakehouse-token needs a non-empty token");
            options.lakehouseToken = text.value();
        } else if (flag == "--lakehouse-fault") {
            auto text = next();
            if (!text)
                return text.error();
            auto fault = parseLakehouseFault(flag, text.value());
            if (!fault)
                return fault.error();
            options.lakehouseFault = fault.value();
        } else if (flag == "--no-lakehouse") {
            options.lakehouse = false;
        } else {
            parsed.rest.push_back(flag);
        }
    }
    // Latency applies to every request, after the more specific faults.
    if (crmLatency > 0)
        options.crmFaults.push_back(latency(crmLatency));
    if (erpLatency > 0)
        options.erpFaults.push_back(latency(erpLatency));
    return parsed;
}

struct DemoTenant::Impl
{
    DemoOptions options;
    std::unique_ptr<World> world;
    std::unique_ptr<ODataService> crm;
    std::unique_ptr<ODataService> erp;
    http::HttpServer crmServer;
    http::HttpServer erpServer;
    std::string secret;
    std::string accessToken;

    // The lakehouse: its MCP server, the endpoint on its own HTTP server, and the mart being built.
    std::unique_ptr<LakehouseServer> lakehouse;
    std::unique_ptr<mcp::HttpEndpoint> lakehouseEndpoint;
    http::HttpServer lakehouseServer;
    std::unique_ptr<TemporaryMart> mart;
    mutable std::mutex martMutex;
    mutable std::condition_variable martChanged;
    std::optional<Status> martBuilt;

    Status startLakehouse();
    void martFinished(Result<std::string> built);
};

DemoTenant::DemoTenant() : m_impl(std::make_unique<Impl>()) {}

DemoTenant::~DemoTenant()
{
    // Running MCP calls are cancelled first, so stopping the HTTP server does not wait for a long query.
    if (m_impl->lakehouseEndpoint)
        m_impl->lakehouseEndpoint->closeAll();
    m_impl->lakehouseServer.stop();
    m_impl->crmServer.stop();
    m_impl->erpServer.stop();
    m_impl->mart.reset(); // waits for a build still running, then removes the file
}

void DemoTenant::Impl::martFinished(Result<std::string> built)
{
    if (built)
        lakehouse->setMart(built.value());
    else
        lakehouse->setMartFailed(built.error());
    {
        std::lock_guard lock(martMutex);
        martBuilt = built ? okStatus() : Status(built.error());
    }
    martChanged.notify_all();
}

Status DemoTenant::Impl::startLakehouse()
{
    LakehouseOptions lakehouseOptions;
    lakehouseOptions.latencyMs = options.lakehouseLatencyMs;
    lakehouseOptions.maxRows = options.lakehouseMaxRows;
    if (options.lakehouseFault == LakehouseFault::SqlError)
        lakehouseOptions.sqlFault =
            "execute_sql failed: the demo lakehouse injects this fault (--lakehouse-fault sql-error)";
    lakehouse = std::make_unique<LakehouseServer>(lakehouseOptions);

    mcp::HttpEndpointOptions endpointOptions;
    endpointOptions.bearerToken = options.lakehouseToken;
    if (!mcp::httpguards::isLoopbackHost(options.host))
        endpointOptions.allowedHosts.push_back(options.host);
    lakehouseEndpoint = std::make_unique<mcp::HttpEndpoint>(lakehouse->toolServer(), endpointOptions);
    lakehouseEndpoint->mount(lakehouseServer, "/mcp");
    if (auto port = lakehouseServer.start(options.host, options.lakehousePort); !port)
        return port.error();

    if (options.lakehouseFault == LakehouseFault::MartUnavailable) {
        martFinished(makeError(ErrorKind::Storage,
                               "the demo lakehouse injects this fault (--lakehouse-fault mart-unavailable)"));
        return okStatus();
    }
    // Built after the CRM and ERP are up, on its own thread: they are not delayed by it.
    mart =
        TemporaryMart::start(*world, [this](Result<std::string> built) { martFinished(std::move(built)); });
    return okStatus();
}

Result<std::unique_ptr<DemoTenant>> DemoTenant::start(DemoOptions options)
{
    std::unique_ptr<DemoTenant> tenant(new DemoTenant());
    Impl &impl = *tenant->m_impl;
    impl.options = std::move(options);
    impl.world = std::make_unique<World>(impl.options.world);
    impl.crm = makeCrmService(*impl.world);
    impl.erp = makeErpService(*impl.world);
    impl.secret = "demo-secret-" + std::to_string(impl.options.world.seed);
    impl.accessToken = "demo-access-token-" + std::to_string(impl.options.world.seed);

    for (auto *service : {impl.crm.get(), impl.erp.get()}) {
        service->setMaxPageSize(impl.options.maxPageSize);
        service->setRelativeNextLinks(impl.options.relativeNextLinks);
        switch (impl.options.auth) {
        case http::AuthKind::None:
            break;
        case http::AuthKind::Bearer:
            service->requireBearer(impl.secret);
            break;
        case http::AuthKind::Basic:
            service->requireBasic(demoUser, impl.secret);
            break;
        case http::AuthKind::OAuth2ClientCredentials:
            service->requireBearer(impl.accessToken);
            break;
        }
    }
    impl.crm->setFaults(impl.options.crmFaults);
    impl.erp->setFaults(impl.options.erpFaults);
    impl.crm->mount(impl.crmServer);
    impl.erp->mount(impl.erpServer);

    // The identity provider's token endpoint lives beside the CRM, as Entra ID serves Dataverse.
    impl.crmServer.route(tokenPath, [&impl](const http::ServerRequest &request,
                                            http::ServerResponse &response) {
        if (request.method != "POST") {
            response.status = 405;
            response.body = R"({"error":"invalid_request","error_description":"use POST"})";
            return;
        }
        if (formField(request.body, "grant_type") != "client_credentials") {
            response.status = 400;
            response.body = R"({"error":"unsupported_grant_type"})";
            return;
        }
        if (formField(request.body, "client_id") != demoClientId ||
            formField(request.body, "client_secret") != impl.secret) {
            response.status = 401;
            response.body =
                R"({"error":"invalid_client","error_description":"unknown client or wrong secret"})";
            return;
        }
        response.body =
            nlohmann::json{{"access_token", impl.accessToken}, {"token_type", "Bearer"}, {"expires_in", 3600}}
                .dump();
    });

    if (auto port = impl.crmServer.start(impl.options.host, impl.options.crmPort); !port)
        return port.error();
    if (auto port = impl.erpServer.start(impl.options.host, impl.options.erpPort); !port)
        return port.error();
    if (impl.options.lakehouse)
        if (Status started = impl.startLakehouse(); !started)
            return started.error();
    return tenant;
}

const World &DemoTenant::world() const
{
    return *m_impl->world;
}

std::string DemoTenant::crmServiceRoot() const
{
    return m_impl->crmServer.baseUrl() + crmRootPath + "/";
}
std::string DemoTenant::erpServiceRoot() const
{
    return m_impl->erpServer.baseUrl() + erpRootPath + "/";
}
std::string DemoTenant::tokenUrl() const
{
    return m_impl->crmServer.baseUrl() + tokenPath;
}

http::AuthConfig DemoTenant::clientAuth() const
{
    http::AuthConfig auth;
    auth.kind = m_impl->options.auth;
    switch (auth.kind) {
    case http::AuthKind::None:
        break;
    case http::AuthKind::Bearer:
        auth.secret = m_impl->secret;
        break;
    case http::AuthKind::Basic:
        auth.username = demoUser;
        auth.secret = m_impl->secret;
        break;
    case http::AuthKind::OAuth2ClientCredentials:
        auth.clientId = demoClientId;
        auth.secret = m_impl->secret;
        auth.tokenUrl = tokenUrl();
        break;
    }
    return auth;
}

std::string DemoTenant::lakehouseMcpUrl() const
{
    return m_impl->lakehouse ? m_impl->lakehouseServer.baseUrl() + "/mcp" : std::string();
}

std::string DemoTenant::lakehouseMartPath() const
{
    return m_impl->mart ? m_impl->mart->path() : std::string();
}

Status DemoTenant::waitForLakehouseMart(int timeoutMs) const
{
    if (!m_impl->lakehouse)
        return makeError(ErrorKind::Invalid, "the demo lakehouse is off (--no-lakehouse)");
    std::unique_lock lock(m_impl->martMutex);
    if (!m_impl->martChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                      [&] { return m_impl->martBuilt.has_value(); }))
        return makeError(ErrorKind::Timeout, "the demo lakehouse mart is still being built");
    return *m_impl->martBuilt;
}

void DemoTenant::setFaults(DemoService service, std::vector<Fault> faults)
{
    (service == DemoService::Crm ? m_impl->crm : m_impl->erp)->setFaults(std::move(faults));
}

int DemoTenant::requestCount(DemoService service) const
{
    return (service == DemoService::Crm ? m_impl->crm : m_impl->erp)->requestCount();
}

} // namespace lakeshore::demo
