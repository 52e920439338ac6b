// Where a connector finds its service and how it signs in.
#pragma once

#include "http/authconfig.h"

#include <string>

namespace lakeshore::sources {

enum class Service { Crm, Erp };

struct ConnectionSettings
{
    Service service = Service::Crm;
    std::string baseUrl; // OData service root, e.g. "https://org.crm.example.com/api/data/v9.2/"
    http::AuthConfig auth;
    int timeoutMs = 15000;

    bool operator==(const ConnectionSettings &) const = default;
};

[[nodiscard]] inline const char *serviceName(Service service)
{
    return service == Service::Crm ? "crm" : "erp";
}

} // namespace lakeshore::sources
