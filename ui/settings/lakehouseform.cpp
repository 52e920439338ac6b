#include "lakehouseform.h"

using namespace lakeshore;

LakehouseForm::LakehouseForm(QObject *parent) : QObject(parent) {}

mcp::LakehouseConnection LakehouseForm::toConnection() const
{
    mcp::LakehouseConnection connection;
    connection.id = m_connectionId.toStdString();
    connection.name = m_name.trimmed().toStdString();
    connection.serverId = m_serverId.toStdString();
    connection.route = static_cast<mcp::LakehouseRoute>(m_route);
    connection.sqlTool = m_sqlTool.trimmed().toStdString();
    connection.sqlArgument = m_sqlArgument.trimmed().toStdString();
    connection.dialect = static_cast<mcp::LakehouseDialect>(m_dialect);
    connection.meta = m_meta.trimmed().isEmpty() ? std::string("{}") : m_meta.trimmed().toStdString();
    connection.maxRows = m_maxRows;
    if (m_route == Llm) {
        connection.llm.baseUrl = m_llmBaseUrl.trimmed().toStdString();
        connection.llm.model = m_llmModel.trimmed().toStdString();
        connection.llm.apiKey = m_llmApiKeyInput.trimmed().toStdString();
    }
    return connection;
}

bool LakehouseForm::keepsStoredApiKey() const
{
    return m_route == Llm && m_hasStoredApiKey && m_llmApiKeyInput.trimmed().isEmpty();
}

QString LakehouseForm::validate() const
{
    if (m_serverId.isEmpty())
        return tr("Choose the MCP server this connection runs its SQL on.");
    if (auto valid = mcp::validateLakehouseConnection(toConnection()); !valid)
        return tr("Check the connection: %1").arg(QString::fromStdString(valid.error().message));
    return {};
}

void LakehouseForm::load(const std::optional<mcp::LakehouseConnection> &masked, bool hadApiKey)
{
    const mcp::LakehouseConnection connection = masked.value_or(mcp::LakehouseConnection{});
    m_connectionId = QString::fromStdString(connection.id);
    m_name = QString::fromStdString(connection.name);
    m_serverId = QString::fromStdString(connection.serverId);
    m_route = static_cast<Route>(connection.route);
    m_sqlTool = QString::fromStdString(connection.sqlTool);
    m_sqlArgument = QString::fromStdString(connection.sqlArgument);
    m_dialect = static_cast<Dialect>(connection.dialect);
    m_meta = connection.meta == "{}" ? QString() : QString::fromStdString(connection.meta);
    m_maxRows = connection.maxRows;
    m_llmBaseUrl = QString::fromStdString(connection.llm.baseUrl);
    m_llmModel = QString::fromStdString(connection.llm.model);
    m_llmApiKeyInput.clear();
    m_hasStoredApiKey = hadApiKey;
    setTestState(false, {}, false);
    Q_EMIT loaded();
    Q_EMIT edited();
}

void LakehouseForm::setTestState(bool testing, QString result, bool ok)
{
    m_testing = testing;
    m_testResult = std::move(result);
    m_testOk = ok;
    Q_EMIT testChanged();
}
