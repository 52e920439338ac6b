// The editor of one lakehouse connection: its MCP server, route, SQL tool, dialect, _meta, row cap and,
// for the LLM route, the model endpoint. The API key is write-only, as every secret in Settings.
#pragma once

#include "mcp/lakehouseconfig.h"

#include <optional>
#include <QObject>
#include <QQmlEngine>

class LakehouseForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Forms belong to an McpServersController")

    Q_PROPERTY(QString connectionId READ connectionId NOTIFY loaded)
    Q_PROPERTY(QString name MEMBER m_name NOTIFY edited)
    Q_PROPERTY(QString serverId MEMBER m_serverId NOTIFY edited)
    Q_PROPERTY(Route route MEMBER m_route NOTIFY edited)
    Q_PROPERTY(QString sqlTool MEMBER m_sqlTool NOTIFY edited)
    Q_PROPERTY(QString sqlArgument MEMBER m_sqlArgument NOTIFY edited)
    Q_PROPERTY(Dialect dialect MEMBER m_dialect NOTIFY edited)
    Q_PROPERTY(QString meta MEMBER m_meta NOTIFY edited)
    Q_PROPERTY(int maxRows MEMBER m_maxRows NOTIFY edited)
    Q_PROPERTY(QString llmBaseUrl MEMBER m_llmBaseUrl NOTIFY edited)
    Q_PROPERTY(QString llmModel MEMBER m_llmModel NOTIFY edited)
    Q_PROPERTY(QString llmApiKeyInput MEMBER m_llmApiKeyInput NOTIFY edited)
    Q_PROPERTY(bool hasStoredApiKey READ hasStoredApiKey NOTIFY loaded)
    Q_PROPERTY(bool testing READ testing NOTIFY testChanged)
    Q_PROPERTY(QString testResult READ testResult NOTIFY testChanged)
    Q_PROPERTY(bool testOk READ testOk NOTIFY testChanged)

public:
    // In the order of the mcp:: enums.
    enum Route { Semantic, Llm, ServerNl };
    Q_ENUM(Route)
    enum Dialect { Databricks, Snowflake, Postgres, Sqlite, Generic };
    Q_ENUM(Dialect)

    explicit LakehouseForm(QObject *parent = nullptr);

    [[nodiscard]] QString connectionId() const { return m_connectionId; }
    [[nodiscard]] bool hasStoredApiKey() const { return m_hasStoredApiKey; }
    [[nodiscard]] bool testing() const { return m_testing; }
    [[nodiscard]] QString testResult() const { return m_testResult; }
    [[nodiscard]] bool testOk() const { return m_testOk; }

    [[nodiscard]] QString validate() const;
    // The API key is the typed one; keepsStoredApiKey() says whether to add the stored one.
    [[nodiscard]] lakeshore::mcp::LakehouseConnection toConnection() const;
    [[nodiscard]] bool keepsStoredApiKey() const;
    // A connection as stored with its API key removed; nullopt = a new connection.
    void load(const std::optional<lakeshore::mcp::LakehouseConnection> &masked, bool hadApiKey);
    void setTestState(bool testing, QString result, bool ok);

Q_SIGNALS:
    void edited();
    void loaded();
    void testChanged();

private:
    QString m_connectionId;
    QString m_name;
    QString m_serverId;
    Route m_route = Semantic;
    QString m_sqlTool;
    QString m_sqlArgument;
    Dialect m_dialect = Generic;
    QString m_meta;
    int m_maxRows = 5000;
    QString m_llmBaseUrl;
    QString m_llmModel;
    QString m_llmApiKeyInput;
    bool m_hasStoredApiKey = false;
    bool m_testing = false;
    QString m_testResult;
    bool m_testOk = false;
};
