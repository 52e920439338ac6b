// The editor of one MCP server as Settings → Lakehouse shows it. Secrets (env values, header values, the
// bearer token) are write-only: the form knows which exist, never their values.
#pragma once

#include "mcp/serverconfig.h"
#include "secretmapmodel.h"
#include "secretmerge.h"

#include <QObject>
#include <QQmlEngine>

class McpServerForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Forms belong to an McpServersController")

    Q_PROPERTY(QString serverId READ serverId NOTIFY loaded)
    Q_PROPERTY(QString name MEMBER m_name NOTIFY edited)
    Q_PROPERTY(Transport transport MEMBER m_transport NOTIFY edited)
    Q_PROPERTY(QString command MEMBER m_command NOTIFY edited)
    Q_PROPERTY(QString argsText MEMBER m_argsText NOTIFY edited) // one argument per line
    Q_PROPERTY(QString cwd MEMBER m_cwd NOTIFY edited)
    Q_PROPERTY(QString url MEMBER m_url NOTIFY edited)
    Q_PROPERTY(QString bearerTokenInput MEMBER m_bearerTokenInput NOTIFY edited)
    Q_PROPERTY(bool hasStoredBearerToken READ hasStoredBearerToken NOTIFY loaded)
    Q_PROPERTY(int timeoutSeconds MEMBER m_timeoutSeconds NOTIFY edited)
    Q_PROPERTY(bool enabled MEMBER m_enabled NOTIFY edited)
    Q_PROPERTY(SecretMapModel *env READ env CONSTANT)
    Q_PROPERTY(SecretMapModel *headers READ headers CONSTANT)
    Q_PROPERTY(QString preview READ preview NOTIFY edited)
    Q_PROPERTY(bool testing READ testing NOTIFY testChanged)
    Q_PROPERTY(QString testResult READ testResult NOTIFY testChanged)
    Q_PROPERTY(bool testOk READ testOk NOTIFY testChanged)

public:
    enum Transport { Stdio, Http };
    Q_ENUM(Transport)

    explicit McpServerForm(QObject *parent = nullptr);

    [[nodiscard]] QString serverId() const { return m_serverId; }
    [[nodiscard]] bool hasStoredBearerToken() const { return m_hasStoredBearerToken; }
    [[nodiscard]] SecretMapModel *env() const { return m_env; }
    [[nodiscard]] SecretMapModel *headers() const { return m_headers; }
    [[nodiscard]] QString preview() const; // what will run, values masked
    [[nodiscard]] bool testing() const { return m_testing; }
    [[nodiscard]] QString testResult() const { return m_testResult; }
    [[nodiscard]] bool testOk() const { return m_testOk; }

    // A translated problem with the fields, or empty when they can be saved or tested.
    [[nodiscard]] QString validate() const;
    // The config the fields describe, with only the secrets typed here; kept() names the stored ones to add.
    [[nodiscard]] lakeshore::mcp::McpServerConfig toConfig() const;
    [[nodiscard]] KeptSecrets kept() const;
    // A server as stored, its secret values already removed (the names remain); nullopt = a new server.
    void load(const std::optional<lakeshore::mcp::McpServerConfig> &masked);
    void setTestState(bool testing, QString result, bool ok);

Q_SIGNALS:
    void edited();
    void loaded();
    void testChanged();

private:
    QString m_serverId;
    QString m_name;
    Transport m_transport = Stdio;
    QString m_command;
    QString m_argsText;
    QString m_cwd;
    QString m_url;
    QString m_bearerTokenInput;
    bool m_hasStoredBearerToken = false;
    int m_timeoutSeconds = 60;
    bool m_enabled = true;
    SecretMapModel *m_env;
    SecretMapModel *m_headers;
    bool m_testing = false;
    QString m_testResult;
    bool m_testOk = false;
};
