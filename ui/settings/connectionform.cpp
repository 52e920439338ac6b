#include "connectionform.h"

#include <QUrl>

using namespace lakeshore;

namespace {

bool isHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty();
}

} // namespace

ConnectionForm::ConnectionForm(sources::Service service, QString title, QObject *parent)
    : QObject(parent), m_service(service), m_title(std::move(title))
{
}

QString ConnectionForm::exampleUrl() const
{
    return m_service == sources::Service::Crm
               ? QStringLiteral("https://org.crm.dynamics.com/api/data/v9.2/")
               : QStringLiteral("https://api.businesscentral.dynamics.com/v2.0/<tenant>/Production/api/v2.0/"
                                "companies(<id>)/");
}

QString ConnectionForm::validate() const
{
    if (!isHttpUrl(m_baseUrl))
        return tr("%1: the service URL must start with http:// or https:// and name a host.").arg(m_title);
    if (m_timeoutSeconds < 1 || m_timeoutSeconds > 300)
        return tr("%1: the timeout must be between 1 and 300 seconds.").arg(m_title);
    const bool secretKnown = !m_secretInput.isEmpty() || m_hasStoredSecret;
    switch (m_authKind) {
    case NoAuth:
        break;
    case Bearer:
        if (!secretKnown)
            return tr("%1: enter the bearer token.").arg(m_title);
        break;
    case Basic:
        if (m_username.trimmed().isEmpty() || !secretKnown)
            return tr("%1: enter the user name and password.").arg(m_title);
        break;
    case OAuth2ClientCredentials:
        if (m_clientId.trimmed().isEmpty() || !secretKnown)
            return tr("%1: enter the client ID and client secret.").arg(m_title);
        if (!isHttpUrl(m_tokenUrl))
            return tr("%1: the token URL must start with http:// or https://.").arg(m_title);
        break;
    }
    return {};
}

sources::ConnectionSettings ConnectionForm::toSettings(const std::string &storedSecret) const
{
    sources::ConnectionSettings settings;
    settings.service = m_service;
    settings.baseUrl = m_baseUrl.trimmed().toStdString();
    settings.timeoutMs = m_timeoutSeconds * 1000;
    settings.auth.kind = static_cast<http::AuthKind>(m_authKind);
    if (m_authKind == Basic)
        settings.auth.username = m_username.trimmed().toStdString();
    if (m_authKind == OAuth2ClientCredentials) {
        settings.auth.clientId = m_clientId.trimmed().toStdString();
        settings.auth.tokenUrl = m_tokenUrl.trimmed().toStdString();
        settings.auth.scope = m_scope.trimmed().toStdString();
    }
    if (m_authKind != NoAuth)
        settings.auth.secret = m_secretInput.isEmpty() ? storedSecret : m_secretInput.toStdString();
    return settings;
}

void ConnectionForm::load(const std::optional<sources::ConnectionSettings> &settings)
{
    const sources::ConnectionSettings value = settings.value_or(sources::ConnectionSettings{});
    m_baseUrl = QString::fromStdString(value.baseUrl);
    m_authKind = static_cast<AuthKind>(value.auth.kind);
    m_username = QString::fromStdString(value.auth.username);
    m_clientId = QString::fromStdString(value.auth.clientId);
    m_tokenUrl = QString::fromStdString(value.auth.tokenUrl);
    m_scope = QString::fromStdString(value.auth.scope);
    m_timeoutSeconds = value.timeoutMs / 1000;
    m_hasStoredSecret = !value.auth.secret.empty();
    m_secretInput.clear();
    Q_EMIT edited();
    Q_EMIT loaded();
}

void ConnectionForm::setTestState(bool testing, QString result, bool ok)
{
    m_testing = testing;
    m_testResult = std::move(result);
    m_testOk = ok;
    Q_EMIT testChanged();
}
