// SettingsStore's connection rows: mapping ConnectionSettings to and from the connection table, with
// the secret sealed under the store's key and bound to its row.
#include "crypto/aesgcm.h"
#include "store/settingsstore.h"
#include "store/sqlite.h"

namespace lakeshore::store {

namespace {

// The aad ties a sealed secret to its row: a blob copied to another service's row will not open.
std::string secretLabel(sources::Service service)
{
    return std::string("connection:") + sources::serviceName(service);
}

Error badField(sources::Service service, const char *field, const std::string &why)
{
    return makeError(ErrorKind::Invalid, std::string("stored connection ") + sources::serviceName(service) +
                                             ": " + field + " " + why);
}

// Stored text is shown in messages, so keep it short and printable.
std::string quoted(const std::string &text)
{
    std::string shown;
    for (char c : text.substr(0, 40))
        shown.push_back(c >= 0x20 && c < 0x7f ? c : '?');
    return "'" + shown + (text.size() > 40 ? "...'" : "'");
}

bool timeoutInRange(std::int64_t timeoutMs)
{
    return timeoutMs >= kMinTimeoutMs && timeoutMs <= kMaxTimeoutMs;
}

std::string timeoutRangeText()
{
    return std::to_string(kMinTimeoutMs) + ".." + std::to_string(kMaxTimeoutMs) + " ms";
}

} // namespace

Result<std::optional<sources::ConnectionSettings>> SettingsStore::connection(sources::Service service)
{
    auto statement =
        m_db->prepare("SELECT base_url, auth_kind, username, client_id, token_url, scope, timeout_ms, "
                      "secret FROM connection WHERE service = ?1");
    if (!statement)
        return statement.error();
    sqlite::Statement &row = statement.value();
    if (auto bound = row.bindText(1, sources::serviceName(service)); !bound)
        return bound.error();
    auto found = row.step();
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<sources::ConnectionSettings>();

    sources::ConnectionSettings settings;
    settings.service = service;
    settings.baseUrl = row.columnText(0);
    const std::string kind = row.columnText(1);
    if (!http::parseAuthKind(kind, settings.auth.kind))
        return badField(service, "auth_kind",
                        quoted(kind) + " is not an authentication kind this version knows");
    settings.auth.username = row.columnText(2);
    settings.auth.clientId = row.columnText(3);
    settings.auth.tokenUrl = row.columnText(4);
    settings.auth.scope = row.columnText(5);
    if (row.columnType(6) != sqlite::ColumnType::Integer)
        return badField(service, "timeout_ms", "is not a whole number");
    const std::int64_t timeoutMs = row.columnInt(6);
    if (!timeoutInRange(timeoutMs))
        return badField(service, "timeout_ms",
                        std::to_string(timeoutMs) + " is outside the accepted " + timeoutRangeText());
    settings.timeoutMs = static_cast<int>(timeoutMs);

    switch (row.columnType(7)) {
    case sqlite::ColumnType::Null:
        break;
    case sqlite::ColumnType::Blob: {
        auto secret = crypto::openAesGcm(m_key, row.columnBlob(7), secretLabel(service));
        if (!secret)
            return makeError(
                ErrorKind::Storage,
                std::string("the secret of connection ") + sources::serviceName(service) +
                    " cannot be decrypted with key file " + m_keyPath +
                    " (the key file was replaced, or the database was altered); enter the secret again");
        settings.auth.secret = std::move(secret).value();
        break;
    }
    default:
        return badField(service, "secret", "is not an encrypted value");
    }
    return std::optional<sources::ConnectionSettings>(std::move(settings));
}

Status SettingsStore::saveConnection(const sources::ConnectionSettings &settings)
{
    if (!timeoutInRange(settings.timeoutMs))
        return makeError(ErrorKind::Invalid, "connection timeout " + std::to_string(settings.timeoutMs) +
                                                 " ms is outside the accepted " + timeoutRangeText());
    auto statement = m_db->prepare(
        "INSERT INTO connection (service, base_url, auth_kind, username, client_id, token_url, scope, "
        "timeout_ms, "
        "secret) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT (service) DO UPDATE SET base_url = excluded.base_url, auth_kind = excluded.auth_kind, "
        "username = excluded.username, client_id = excluded.client_id, token_url = excluded.token_url, "
        "scope = excluded.scope, timeout_ms = excluded.timeout_ms, secret = excluded.secret");
    if (!statement)
        return statement.error();
    sqlite::Statement &row = statement.value();
    const http::AuthConfig &auth = settings.auth;
    Status bound = row.bindText(1, sources::serviceName(settings.service));
    if (bound)
        bound = row.bindText(2, settings.baseUrl);
    if (bound)
        bound = row.bindText(3, http::authKindName(auth.kind));
    if (bound)
        bound = row.bindText(4, auth.username);
    if (bound)
        bound = row.bindText(5, auth.clientId);
    if (bound)
        bound = row.bindText(6, auth.tokenUrl);
    if (bound)
        bound = row.bindText(7, auth.scope);
    if (bound)
        bound = row.bindInt(8, settings.timeoutMs);
    if (bound && auth.secret.empty())
        bound = row.bindNull(9);
    else if (bound) {
        auto sealed = crypto::sealAesGcm(m_key, auth.secret, secretLabel(settings.service));
        if (!sealed)
            return sealed.error();
        bound = row.bindBlob(9, sealed.value());
    }
    if (!bound)
        return bound;
    auto done = row.step();
    if (!done)
        return done.error();
    return okStatus();
}

Status SettingsStore::removeConnection(sources::Service service)
{
    auto statement = m_db->prepare("DELETE FROM connection WHERE service = ?1");
    if (!statement)
        return statement.error();
    if (auto bound = statement.value().bindText(1, sources::serviceName(service)); !bound)
        return bound;
    auto done = statement.value().step();
    if (!done)
        return done.error();
    return okStatus();
}

} // namespace lakeshore::store
