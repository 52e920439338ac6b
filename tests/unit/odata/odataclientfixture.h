// Shared by the TestODataClient sources, one executable: tst_odataclient.cpp (pages, headers, $count,
// literals, entities, the service document), tst_odataclientpaging.cpp (all() over nextLinks, loops,
// limits, cancel mid-walk), tst_odataclienterrors.cpp (malformed and huge replies, status mapping,
// timeouts, auth and OAuth2 renewal) and tst_odataclientcreate.cpp (create: POST and its answers). The
// class, the handcrafted server and the query helpers.
#pragma once

#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/httpclient.h"
#include "http/httpserver.h"
#include "odata/odataclient.h"

#include <functional>
#include <memory>
#include <mutex>
#include <QObject>
#include <string>
#include <utility>
#include <vector>

namespace odataclienttest {

using namespace lakeshore;
using namespace lakeshore::odata;
using nlohmann::json;

inline demo::DemoOptions demoOptions(int maxPageSize, bool relativeLinks = false)
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{1847, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
    options.maxPageSize = maxPageSize;
    options.relativeNextLinks = relativeLinks;
    return options;
}

inline demo::Fault fault(const char *spec)
{
    auto parsed = demo::parseFault(spec);
    if (!parsed)
        qFatal("bad fault spec %s: %s", spec, parsed.error().message.c_str());
    return parsed.value();
}

inline std::vector<std::string> idsOf(const std::vector<json> &rows, const char *key = "accountid")
{
    std::vector<std::string> ids;
    for (const auto &row : rows)
        ids.push_back(row.value(key, std::string()));
    return ids;
}

inline ClientConfig configFor(std::string root, http::AuthConfig auth = {})
{
    ClientConfig config;
    config.serviceRoot = std::move(root);
    config.auth = std::move(auth);
    return config;
}

inline Query accountsById()
{
    Query query;
    query.entitySet = "accounts";
    query.select = {"accountid", "name"};
    query.orderBy = {"accountid asc"};
    return query;
}

// A service root whose every request goes to one handler the test sets.
struct Handcrafted
{
    http::HttpServer server;
    std::mutex mutex;
    std::function<void(const http::ServerRequest &, http::ServerResponse &)> handler;
    std::vector<http::ServerRequest> requests;

    bool start()
    {
        server.route("/svc", [this](const http::ServerRequest &in, http::ServerResponse &out) {
            std::function<void(const http::ServerRequest &, http::ServerResponse &)> current;
            {
                std::lock_guard lock(mutex);
                requests.push_back(in);
                current = handler;
            }
            if (current)
                current(in, out);
        });
        return server.start().ok();
    }
    void set(std::function<void(const http::ServerRequest &, http::ServerResponse &)> h)
    {
        std::lock_guard lock(mutex);
        handler = std::move(h);
    }
    std::size_t requestCount()
    {
        std::lock_guard lock(mutex);
        return requests.size();
    }
    http::ServerRequest request(std::size_t i)
    {
        std::lock_guard lock(mutex);
        return requests.at(i);
    }
    std::string root() const { return server.baseUrl() + "/svc/"; }
};

} // namespace odataclienttest

class TestODataClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void pageThenNextPage();
    void allWithAbsoluteLinksEqualsUnpagedRead();
    void allWithRelativeLinksEqualsUnpagedRead();
    void topAcrossPages();
    void preferAndODataHeadersSent();
    void countRead();
    void quotedLiteralRoundTrip();
    void nextLinkLoopFromDemo();
    void nextLinkLoopHandcrafted_data();
    void nextLinkLoopHandcrafted();
    void pagingLimits();
    void malformedJsonFromDemo();
    void replyShapes_data();
    void replyShapes();
    void hugePage();
    void unknownPropertiesKept();
    void entityWithETag();
    void entityErrors();
    void serviceDocument();
    void serviceDocumentNotOData();
    void statusErrorsMapped();
    void timeout();
    void cancelDuringWalk();
    void authModesAgainstDemo_data();
    void authModesAgainstDemo();
    void oauth2RenewsOnceOn401();
    void cancelOneCallerDuringTokenFetch();
    void createAgainstDemo();
    void createNeverRetriedButAfter429();
    void createSendsPost();
    void createAnswers_data();
    void createAnswers();

private:
    std::unique_ptr<lakeshore::demo::DemoTenant> m_paged; // maxPageSize 50, absolute links
    std::unique_ptr<lakeshore::demo::DemoTenant> m_wide;  // maxPageSize 1000: every set in one page
    // Each test has its own HttpClient, declared after its servers: a client destroyed first closes its
    // keep-alive connections, so the servers stop at once instead of waiting out the idle timeout.
};
