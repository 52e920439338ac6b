// The Delta Sharing server: every tenant's shares at <base>/delta-sharing/<tenant>/..., read by any
// Delta Sharing client with a config.share profile. Recipients, grants and tokens come from the settings
// store (re-read when its change counter moves, so a change in the GUI is in force on the next request);
// tables from the snapshotter's folders; file URLs are signed per tenant (urlsigning.h) and served by this
// server itself with HEAD and byte ranges. Every request leaves an audit row.
//
// Plain HTTP only on a loopback address; any other address needs a certificate and key (HTTPS).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace lakeshore::sharing::server {

struct ShareServerOptions
{
    std::string host = "127.0.0.1";
    int port = 0;                // 0 = an ephemeral port
    std::string tablesRoot;      // <root>/<tenant>/<entity> (snapshot/tablelayout.h)
    std::string publicUrl;       // scheme://host:port recipients reach; empty = the bound address
    std::string certificateFile; // PEM; with privateKeyFile the server speaks HTTPS
    std::string privateKeyFile;
    std::int64_t urlLifetimeMillis = 3600LL * 1000; // signed file URLs
    int maxFilesPerPage = 10000;                    // cap on a query's maxFiles
    // HTTPS only (httplib keeps a worker per open keep-alive connection: more than clients' connections).
    int workerThreads = 128;
    std::function<std::int64_t()> nowMillis; // empty: the system clock
};

class ShareServer
{
public:
    // Opens its own connection to the settings store (the GUI keeps its own), derives the URL-signing
    // master key from the store's key, and listens. Invalid for a non-loopback host without TLS files,
    // Network when the address cannot be bound, Storage when the store cannot be opened.
    [[nodiscard]] static Result<std::unique_ptr<ShareServer>>
    start(const std::string &databasePath, const std::string &keyPath, ShareServerOptions options);
    ~ShareServer(); // stops listening, then writes the audit rows still queued
    ShareServer(const ShareServer &) = delete;
    ShareServer &operator=(const ShareServer &) = delete;

    [[nodiscard]] std::string baseUrl() const; // "http://127.0.0.1:40123"
    // A profile's endpoint for the tenant: baseUrl() + "/delta-sharing/" + tenant.
    [[nodiscard]] std::string endpoint(const std::string &tenant) const;
    // Writes the audit rows queued so far (they are written in batches, at least every second).
    Status flushAudit();

private:
    ShareServer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lakeshore::sharing::server
