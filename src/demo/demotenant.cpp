#include "demo/demotenant.h"

#include "demo/crmservice.h"
#include "demo/erpservice.h"
#include "http/httpserver.h"
#include "http/url.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

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

} // namespace

std::string demoUsage()
{
    return "Demo tenant options:\n"
           "  --demo-size small|default|large  --demo-seed N  --demo-today YYYY-MM-DD\n"
           "  --crm-latency MS  --erp-latency MS\n"
           "  --crm-fault SPEC  --erp-fault SPEC   e.g. salesOrders:status=500, *:body=malformed,times=2\n"
           "  --page-size N  --relative-links  --demo-auth none|bearer|basic|oauth2-client-credentials\n"
           "  --host ADDRESS  --crm-port N  --erp-port N\n";
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
    for (auto [name, target] : {std::pair{"LAKESHORE_DEMO_CRM_LATENCY_MS", &crmLatency},
                                std::pair{"LAKESHORE_DEMO_ERP_LATENCY_MS", &erpLatency}}) {
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
};

DemoTenant::DemoTenant() : m_impl(std::make_unique<Impl>()) {}

DemoTenant::~DemoTenant()
{
    m_impl->crmServer.stop();
    m_impl->erpServer.stop();
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

void DemoTenant::setFaults(DemoService service, std::vector<Fault> faults)
{
    (service == DemoService::Crm ? m_impl->crm : m_impl->erp)->setFaults(std::move(faults));
}

int DemoTenant::requestCount(DemoService service) const
{
    return (service == DemoService::Crm ? m_impl->crm : m_impl->erp)->requestCount();
}

} // namespace lakeshore::demo
