// A small CRM-like service for the ODataService tests: 250 accounts (some without city or territory),
// contacts for the first 60 accounts (partitioned by account), and territories with string keys.
#pragma once

#include "demo/odataservice.h"
#include "demo/odataurl.h"
#include "http/url.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fixture {

using lakeshore::demo::EdmType;
using lakeshore::demo::EntitySetDef;
using lakeshore::http::ServerRequest;
using lakeshore::http::ServerResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;

inline const std::string kRoot = "/api/data/v9.2";
inline const std::string kHost = "test.local";
inline const std::string kServiceUrl = "http://" + kHost + kRoot + "/";
constexpr int kAccounts = 250;
constexpr int kAccountsWithContacts = 60;

inline std::string guid(int n)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-8000-%012d", n);
    return buffer;
}

inline std::string accountName(int i)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "Account %03d", i);
    return buffer;
}

struct Data
{
    std::vector<nlohmann::json> accounts, contacts, territories;
};

inline const Data &data()
{
    static const Data d = [] {
        Data out;
        const char *cities[] = {"Cleveland", "Erie", "Toledo", "Akron", "Pittsburgh"};
        const char *territories[] = {"CLE", "ERI", "O'Hare"};
        for (int i = 0; i < kAccounts; ++i) {
            nlohmann::json row = {{"accountid", guid(i)},
                                  {"name", accountName(i)},
                                  {"revenue", (i * 7919 % 50) * 1000.5},
                                  {"modifiedon", "2026-01-" + std::to_string(10 + i % 18) + "T10:00:00Z"},
                                  {"versionnumber", 1000 + i}};
            row["city"] = i % 7 == 0 ? nlohmann::json() : nlohmann::json(cities[i % 5]);
            row["territoryid"] = i % 4 == 3 ? nlohmann::json() : nlohmann::json(territories[i % 4]);
            out.accounts.push_back(row);
        }
        for (int i = 0; i < kAccountsWithContacts; ++i)
            for (int k = 0; k < 2; ++k) {
                char name[32];
                std::snprintf(name, sizeof name, "Contact %03d-%d", i, k);
                out.contacts.push_back({{"contactid", guid(100000 + 2 * i + k)},
                                        {"parentaccountid", guid(i)},
                                        {"fullname", name},
                                        {"email", "c" + std::to_string(2 * i + k) + "@example.com"}});
            }
        out.territories = {{{"territoryid", "CLE"}, {"name", "Cleveland"}},
                           {{"territoryid", "ERI"}, {"name", "Erie"}},
                           {{"territoryid", "O'Hare"}, {"name", "Chicago O'Hare"}}};
        return out;
    }();
    return d;
}

struct Fixture
{
    std::atomic<int> contactScans{0};
    std::atomic<int> partitionedContactScans{0};
    std::atomic<bool> contactsIgnorePartition{false}; // emitting more than asked is allowed
    std::mutex mutex;
    std::vector<std::string> contactPartitions;
    lakeshore::demo::ODataService service{"Test.Crm", kRoot};

    explicit Fixture(int maxPageSize = 40)
    {
        service.setMaxPageSize(maxPageSize);

        EntitySetDef accounts;
        accounts.name = "accounts";
        accounts.entityType = "account";
        accounts.key = "accountid";
        accounts.etagProperty = "versionnumber";
        accounts.properties = {{"accountid", EdmType::Guid, false},
                               {"name", EdmType::String, false},
                               {"city", EdmType::String},
                               {"revenue", EdmType::Decimal},
                               {"modifiedon", EdmType::DateTimeOffset},
                               {"versionnumber", EdmType::Int64},
                               {"territoryid", EdmType::String}};
        accounts.navigations = {{"contacts", "contacts", "accountid", "parentaccountid", true},
                                {"territory", "territories", "territoryid", "territoryid", false}};
        accounts.scan = [](const auto &, const auto &push) {
            for (auto row : data().accounts)
                push(std::move(row));
        };
        service.addEntitySet(std::move(accounts));

        EntitySetDef contacts;
        contacts.name = "contacts";
        contacts.entityType = "contact";
        contacts.key = "contactid";
        contacts.partitionProperty = "parentaccountid";
        contacts.properties = {{"contactid", EdmType::Guid, false},
                               {"parentaccountid", EdmType::Guid},
                               {"fullname", EdmType::String},
                               {"email", EdmType::String}};
        contacts.scan = [this](const std::optional<std::string> &partition, const auto &push) {
            ++contactScans;
            if (partition) {
                ++partitionedContactScans;
                std::lock_guard lock(mutex);
                contactPartitions.push_back(*partition);
            }
            for (auto row : data().contacts)
                if (!partition || contactsIgnorePartition || row["parentaccountid"] == *partition)
                    push(std::move(row));
        };
        service.addEntitySet(std::move(contacts));

        EntitySetDef territories;
        territories.name = "territories";
        territories.entityType = "territory";
        territories.key = "territoryid";
        territories.properties = {{"territoryid", EdmType::String, false}, {"name", EdmType::String}};
        territories.scan = [](const auto &, const auto &push) {
            for (auto row : data().territories)
                push(std::move(row));
        };
        service.addEntitySet(std::move(territories));
    }
};

// A request as the HTTP server hands it over. target is relative to the service root
// ("accounts?$top=3", values written plainly) or an absolute/relative @odata.nextLink (already encoded).
inline ServerRequest request(const std::string &target, const Headers &headers = {}, bool encoded = false,
                             const std::string &method = "GET")
{
    ServerRequest out;
    out.method = method;
    std::string path = target.substr(0, target.find('?'));
    std::string query = path.size() < target.size() ? target.substr(path.size() + 1) : std::string();
    const std::string absolute = "http://" + kHost;
    if (path.rfind(absolute, 0) == 0) {
        path = path.substr(absolute.size());
        encoded = true;
    } else if (path.empty() || path.front() != '/') {
        path = kRoot + "/" + path;
    }
    if (!encoded) {
        lakeshore::demo::odata::QueryList options;
        std::size_t start = 0;
        while (start < query.size()) {
            const std::size_t amp = std::min(query.find('&', start), query.size());
            const std::string part = query.substr(start, amp - start);
            const std::size_t eq = part.find('=');
            options.emplace_back(part.substr(0, eq), eq == std::string::npos ? "" : part.substr(eq + 1));
            start = amp + 1;
        }
        query = lakeshore::demo::odata::buildQueryString(options);
    }
    out.path = lakeshore::http::percentDecode(path, false);
    out.rawQuery = query;
    for (auto &[name, value] : lakeshore::demo::odata::parseQueryString(query))
        out.params.emplace(name, value);
    out.headers = {{"Host", kHost}};
    out.headers.insert(out.headers.end(), headers.begin(), headers.end());
    return out;
}

inline nlohmann::json json(const ServerResponse &response)
{
    return nlohmann::json::parse(response.body, nullptr, false);
}

inline std::string header(const ServerResponse &response, const std::string &name)
{
    for (const auto &[key, value] : response.headers)
        if (key == name)
            return value;
    return {};
}

} // namespace fixture
