#include "sharing/server/shareserver.h"

#include "http/eventserver.h"
#include "sharing/delta/tablewriter.h"
#include "sharing/server/protocollines.h"
#include "sharing/server/servercontext.h"
#include "sharing/snapshot/tablelayout.h"
#include "store/settingsstore.h"

namespace lakeshore::sharing::server {
namespace {

bool loopbackHost(const std::string &host)
{
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void answer(ServerContext &context, Call &call, http::ServerResponse &response)
{
    switch (call.route.endpoint) {
    case Endpoint::ListShares:
        return listShares(context, call, response);
    case Endpoint::GetShare:
        return getShare(context, call, response);
    case Endpoint::ListSchemas:
        return listSchemas(context, call, response);
    case Endpoint::ListTables:
        return listTables(context, call, response);
    case Endpoint::ListAllTables:
        return listAllTables(context, call, response);
    case Endpoint::TableVersion:
        return tableVersion(context, call, response);
    case Endpoint::Metadata:
        return tableMetadata(context, call, response);
    case Endpoint::Query:
        return tableQuery(context, call, response);
    case Endpoint::Changes:
        return tableChanges(context, call, response);
    case Endpoint::File:
        return serveFile(context, call, response);
    }
}

void handle(ServerContext &context, const http::ServerRequest &request, http::ServerResponse &response)
{
    store::AuditEvent event;
    event.at = context.now();
    event.remoteAddress = request.remoteAddress;
    event.method = request.method;
    event.userAgent = request.header("User-Agent").substr(0, 200);
    event.endpoint = "unknown";

    auto route = parseSharingRoute(request.path, request.method);
    if (!route) {
        answerError(response, 404, "RESOURCE_DOES_NOT_EXIST", "No Delta Sharing endpoint at this path.");
    } else {
        event.tenant = route->tenant;
        event.endpoint = endpointName(route->endpoint);
        event.share = route->share;
        event.schema = route->schema;
        event.table = route->table;
        const std::string wanted = endpointMethod(route->endpoint);
        const bool methodFits = request.method == wanted || (wanted == "GET" && request.method == "HEAD");
        Call call{request, *route, nullptr, event, event.at};
        if (!methodFits) {
            answerError(response, 405, "METHOD_NOT_ALLOWED", "Use " + wanted + " for this endpoint.");
            response.setHeader("Allow", wanted == "GET" ? "GET, HEAD" : wanted);
        } else if (!snapshot::tenantNameProblem(route->tenant).empty()) {
            answerError(response, 404, "RESOURCE_DOES_NOT_EXIST", "No such sharing endpoint.");
        } else if (route->endpoint == Endpoint::File) {
            answer(context, call, response);
        } else {
            Admission admission = context.access->admitToken(request.header("Authorization"), route->tenant,
                                                             request.remoteAddress, event.at);
            if (!admission.recipient) {
                answerError(response, admission.refusal.status, admission.refusal.code,
                            admission.refusal.message);
            } else {
                event.recipientId = admission.recipient->recipient.id;
                event.recipientName = admission.recipient->recipient.name;
                call.recipient = std::move(admission.recipient);
                answer(context, call, response);
            }
        }
    }
    event.status = response.status;
    context.audit->add(std::move(event));
}

} // namespace

struct ShareServer::Impl
{
    ServerContext context;
    std::unique_ptr<http::EventServer> plain; // HTTP on loopback: no thread per connection
    std::unique_ptr<http::HttpServer> tls;    // HTTPS
};

ShareServer::ShareServer() : m_impl(std::make_unique<Impl>()) {}

ShareServer::~ShareServer()
{
    if (m_impl->plain)
        m_impl->plain->stop();
    if (m_impl->tls)
        m_impl->tls->stop();
    // The audit queue goes with the context and writes what is left.
}

Result<std::unique_ptr<ShareServer>>
ShareServer::start(const std::string &databasePath, const std::string &keyPath, ShareServerOptions options)
{
    const http::TlsFiles tls{options.certificateFile, options.privateKeyFile};
    if (options.tablesRoot.empty())
        return makeError(ErrorKind::Invalid, "the share server needs the folder of the shared tables");
    if (!tls.enabled() && !loopbackHost(options.host))
        return makeError(ErrorKind::Invalid,
                         "plain HTTP is only served on a loopback address (127.0.0.1, ::1); to listen on " +
                             options.host + " configure a TLS certificate and key");
    if (tls.enabled() && (options.certificateFile.empty() || options.privateKeyFile.empty()))
        return makeError(ErrorKind::Invalid, "HTTPS needs both a certificate file and its private key file");
    if (options.urlLifetimeMillis < 60000 || options.urlLifetimeMillis > 7LL * 24 * 3600 * 1000)
        return makeError(ErrorKind::Invalid, "file links live between one minute and seven days");
    if (options.maxFilesPerPage < 1)
        return makeError(ErrorKind::Invalid, "the page size cap must be positive");

    auto accessStore = store::SettingsStore::open(databasePath, keyPath);
    if (!accessStore)
        return accessStore.error();
    auto auditStore = store::SettingsStore::open(databasePath, keyPath);
    if (!auditStore)
        return auditStore.error();
    auto master = accessStore.value()->derivedKey("delta sharing master key");
    if (!master)
        return master.error();

    std::unique_ptr<ShareServer> server(new ShareServer());
    ServerContext &context = server->m_impl->context;
    context.options = options;
    context.masterKey = master.value();
    context.access = std::make_unique<RecipientAccess>(std::move(accessStore.value()));
    context.tables = std::make_unique<TableSnapshots>(options.tablesRoot);
    context.audit = std::make_unique<AuditQueue>(std::move(auditStore.value()));

    auto handler = [&context](const http::ServerRequest &request, http::ServerResponse &response) {
        handle(context, request, response);
    };
    std::string bound;
    if (tls.enabled()) {
        auto &https = server->m_impl->tls;
        https = std::make_unique<http::HttpServer>(options.workerThreads, tls);
        https->route("/", handler);
        auto port = https->start(options.host, options.port);
        if (!port)
            return port.error();
        bound = https->baseUrl();
    } else {
        auto &plain = server->m_impl->plain;
        plain = std::make_unique<http::EventServer>();
        plain->route("/", handler);
        auto port = plain->start(options.host, options.port);
        if (!port)
            return port.error();
        bound = plain->baseUrl();
    }
    context.publicUrl = options.publicUrl.empty() ? bound : options.publicUrl;
    while (!context.publicUrl.empty() && context.publicUrl.back() == '/')
        context.publicUrl.pop_back();
    return server;
}

std::string ShareServer::baseUrl() const
{
    return m_impl->context.publicUrl;
}

std::string ShareServer::endpoint(const std::string &tenant) const
{
    return baseUrl() + std::string(kSharingPrefix) + tenant;
}

Status ShareServer::flushAudit()
{
    return m_impl->context.audit->flush();
}

// --- ServerContext ---------------------------------------------------------------------------------

std::int64_t ServerContext::now() const
{
    return options.nowMillis ? options.nowMillis() : delta::systemMillis();
}

const SigningKey &ServerContext::fileKey(const std::string &tenant)
{
    return derivedKey(tenant);
}

const SigningKey &ServerContext::tokenKey(const std::string &tenant)
{
    // Tenant names have no '/', so "tokens/<tenant>" never derives a tenant's file key.
    return derivedKey("tokens/" + tenant);
}

const SigningKey &ServerContext::derivedKey(const std::string &info)
{
    std::lock_guard lock(m_keysMutex);
    auto it = m_keys.find(info);
    if (it == m_keys.end())
        it = m_keys.emplace(info, tenantSigningKey(masterKey, info).value()).first;
    return it->second;
}

void answerError(http::ServerResponse &response, int status, const std::string &code,
                 const std::string &message)
{
    response.status = status;
    response.contentType = "application/json";
    response.body = errorBody(code, message);
    response.stream = nullptr;
    response.readBody = nullptr;
}

void answerError(http::ServerResponse &response, const Error &error)
{
    answerError(response, error.httpStatus ? error.httpStatus : 400,
                error.code.empty() ? "INVALID_PARAMETER_VALUE" : error.code, error.message);
}

std::optional<store::Share> resolveShare(ServerContext &context, const Call &call,
                                         http::ServerResponse &response)
{
    auto shares = context.access->sharesOf(*call.recipient);
    if (!shares) {
        answerError(response, 500, "INTERNAL_ERROR", "");
        return std::nullopt;
    }
    for (const store::Share &share : shares.value())
        if (sameName(share.name, call.route.share))
            return share;
    auto exists = context.access->tenantHasShare(call.route.tenant, call.route.share);
    if (exists && exists.value())
        answerError(response, 403, "PERMISSION_DENIED",
                    "The share \"" + call.route.share + "\" is not shared with this recipient.");
    else
        answerError(response, 404, "RESOURCE_DOES_NOT_EXIST",
                    "There is no share \"" + call.route.share + "\".");
    return std::nullopt;
}

std::optional<ResolvedTable> resolveTable(ServerContext &context, const Call &call,
                                          http::ServerResponse &response)
{
    auto share = resolveShare(context, call, response);
    if (!share)
        return std::nullopt;
    for (const store::SharedTable &table : share->tables)
        if (sameName(table.schema, call.route.schema) && sameName(table.name, call.route.table))
            return ResolvedTable{*share, table};
    answerError(response, 404, "RESOURCE_DOES_NOT_EXIST",
                "The share \"" + share->name + "\" has no table \"" + call.route.schema + "." +
                    call.route.table + "\".");
    return std::nullopt;
}

} // namespace lakeshore::sharing::server
