#include "mcpserverform.h"

#include <optional>
#include <set>

using namespace lakeshore;

namespace {

std::vector<std::string> splitArgs(const QString &text)
{
    std::vector<std::string> args;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString arg = line;
        if (arg.endsWith(QLatin1Char('\r')))
            arg.chop(1);
        if (!arg.isEmpty())
            args.push_back(arg.toStdString());
    }
    return args;
}

std::optional<QString> duplicateName(const std::vector<std::string> &names)
{
    std::set<std::string> seen;
    for (const auto &name : names)
        if (!seen.insert(name).second)
            return QString::fromStdString(name);
    return std::nullopt;
}

} // namespace

McpServerForm::McpServerForm(QObject *parent)
    : QObject(parent), m_env(new SecretMapModel(this)), m_headers(new SecretMapModel(this))
{
    connect(m_env, &SecretMapModel::edited, this, &McpServerForm::edited);
    connect(m_headers, &SecretMapModel::edited, this, &McpServerForm::edited);
}

mcp::McpServerConfig McpServerForm::toConfig() const
{
    mcp::McpServerConfig config;
    config.id = m_serverId.toStdString();
    config.name = m_name.trimmed().toStdString();
    config.transport = m_transport == Http ? mcp::ServerTransport::Http : mcp::ServerTransport::Stdio;
    config.timeoutMs = m_timeoutSeconds * 1000;
    config.enabled = m_enabled;
    if (config.transport == mcp::ServerTransport::Stdio) {
        config.command = m_command.trimmed().toStdString();
        config.args = splitArgs(m_argsText);
        config.cwd = m_cwd.trimmed().toStdString();
        config.env = m_env->typed();
    } else {
        config.url = m_url.trimmed().toStdString();
        config.headers = m_headers->typed();
        config.bearerToken = m_bearerTokenInput.trimmed().toStdString();
    }
    return config;
}

KeptSecrets McpServerForm::kept() const
{
    KeptSecrets kept;
    if (m_transport == Stdio) {
        kept.env = m_env->kept();
    } else {
        kept.headers = m_headers->kept();
        kept.bearerToken = m_hasStoredBearerToken && m_bearerTokenInput.trimmed().isEmpty();
    }
    return kept;
}

QString McpServerForm::preview() const
{
    mcp::McpServerConfig config = toConfig();
    // Kept values are masked anyway; their names belong in the line.
    for (const auto &[name, storedName] : kept().env)
        config.env[name];
    for (const auto &[name, storedName] : kept().headers)
        config.headers[name];
    if (kept().bearerToken)
        config.bearerToken = "*";
    return QString::fromStdString(mcp::launchSummary(config));
}

QString McpServerForm::validate() const
{
    mcp::McpServerConfig config = toConfig();
    const KeptSecrets keptSecrets = kept();
    for (const auto &[name, storedName] : keptSecrets.env)
        config.env[name] = "stored";
    for (const auto &[name, storedName] : keptSecrets.headers)
        config.headers[name] = "stored";
    if (keptSecrets.bearerToken)
        config.bearerToken = "stored";
    if (config.transport == mcp::ServerTransport::Stdio) {
        if (const auto twice = duplicateName(m_env->names()))
            return tr("The environment variable “%1” is listed twice.").arg(*twice);
    } else if (const auto twice = duplicateName(m_headers->names())) {
        return tr("The header “%1” is listed twice.").arg(*twice);
    }
    if (auto valid = mcp::validateServerConfig(config); !valid)
        return tr("Check the server: %1").arg(QString::fromStdString(valid.error().message));
    return {};
}

void McpServerForm::load(const std::optional<mcp::McpServerConfig> &masked)
{
    const mcp::McpServerConfig config = masked.value_or(mcp::McpServerConfig{});
    m_serverId = QString::fromStdString(config.id);
    m_name = QString::fromStdString(config.name);
    m_transport = config.transport == mcp::ServerTransport::Http ? Http : Stdio;
    m_command = QString::fromStdString(config.command);
    QStringList args;
    for (const auto &arg : config.args)
        args << QString::fromStdString(arg);
    m_argsText = args.join(QLatin1Char('\n'));
    m_cwd = QString::fromStdString(config.cwd);
    m_url = QString::fromStdString(config.url);
    m_bearerTokenInput.clear();
    m_hasStoredBearerToken = !config.bearerToken.empty();
    m_timeoutSeconds = config.timeoutMs / 1000;
    m_enabled = config.enabled;
    std::vector<std::string> envNames, headerNames;
    for (const auto &entry : config.env)
        envNames.push_back(entry.first);
    for (const auto &entry : config.headers)
        headerNames.push_back(entry.first);
    m_env->load(envNames);
    m_headers->load(headerNames);
    setTestState(false, {}, false);
    Q_EMIT loaded();
    Q_EMIT edited();
}

void McpServerForm::setTestState(bool testing, QString result, bool ok)
{
    m_testing = testing;
    m_testResult = std::move(result);
    m_testOk = ok;
    Q_EMIT testChanged();
}
