// What every share-server endpoint works with: the options, who may read what, the tables, the keys,
// the audit queue, and the request at hand. Internal to the server (shareserver.cpp and *endpoints.cpp).
#pragma once

#include "http/httpserver.h"
#include "sharing/server/auditqueue.h"
#include "sharing/server/querycache.h"
#include "sharing/server/recipientaccess.h"
#include "sharing/server/shareserver.h"
#include "sharing/server/sharingroute.h"
#include "sharing/server/tablesnapshots.h"
#include "sharing/server/urlsigning.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace lakeshore::sharing::server {

struct ServerContext
{
    ShareServerOptions options;
    std::string publicUrl; // no trailing '/'
    std::unique_ptr<RecipientAccess> access;
    std::unique_ptr<TableSnapshots> tables;
    std::unique_ptr<AuditQueue> audit;
    QueryCache queries;
    std::array<std::uint8_t, 32> masterKey{};

    [[nodiscard]] std::int64_t now() const;
    // Per tenant: the key file links are signed with, and the one page and refresh tokens are.
    [[nodiscard]] const SigningKey &fileKey(const std::string &tenant);
    [[nodiscard]] const SigningKey &tokenKey(const std::string &tenant);

private:
    [[nodiscard]] const SigningKey &derivedKey(const std::string &info); // HKDF info, kept once derived

    std::mutex m_keysMutex;
    std::map<std::string, SigningKey> m_keys; // by HKDF info: "<tenant>", "tokens/<tenant>"
};

// One request on its way through an endpoint.
struct Call
{
    const http::ServerRequest &request;
    SharingRoute route;
    std::shared_ptr<const KnownRecipient> recipient; // null on file links until checked
    store::AuditEvent &audit;
    std::int64_t now = 0;
};

// The protocol's error answer: {"errorCode":..,"message":..} with the status.
void answerError(http::ServerResponse &response, int status, const std::string &code,
                 const std::string &message);
void answerError(http::ServerResponse &response, const Error &error); // Error.httpStatus and .code

// The shared table a route names, among the recipient's shares (names compare ignoring case).
struct ResolvedTable
{
    store::Share share;
    store::SharedTable table;
};

// The share the route names: 404 when the tenant has no such share, 403 when it is not granted to the
// recipient (answered into response; nullopt then).
[[nodiscard]] std::optional<store::Share> resolveShare(ServerContext &context, const Call &call,
                                                       http::ServerResponse &response);
[[nodiscard]] std::optional<ResolvedTable> resolveTable(ServerContext &context, const Call &call,
                                                        http::ServerResponse &response);

// Endpoints (listendpoints.cpp, tableendpoints.cpp, fileendpoint.cpp).
void listShares(ServerContext &context, Call &call, http::ServerResponse &response);
void getShare(ServerContext &context, Call &call, http::ServerResponse &response);
void listSchemas(ServerContext &context, Call &call, http::ServerResponse &response);
void listTables(ServerContext &context, Call &call, http::ServerResponse &response);
void listAllTables(ServerContext &context, Call &call, http::ServerResponse &response);
void tableVersion(ServerContext &context, Call &call, http::ServerResponse &response);
void tableMetadata(ServerContext &context, Call &call, http::ServerResponse &response);
void tableQuery(ServerContext &context, Call &call, http::ServerResponse &response);
void tableChanges(ServerContext &context, Call &call, http::ServerResponse &response);
void serveFile(ServerContext &context, Call &call, http::ServerResponse &response);

} // namespace lakeshore::sharing::server
