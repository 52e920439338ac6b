// The editable settings of one connection (CRM or ERP) as the Settings screen shows them.
// The secret is write-only: the form never holds the stored secret, only what the user typed.
#pragma once

#include "sources/connectionsettings.h"

#include <QObject>
#include <QQmlEngine>

class ConnectionForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Forms belong to a ConnectionsController")

    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(QString exampleUrl READ exampleUrl CONSTANT)
    Q_PROPERTY(QString baseUrl MEMBER m_baseUrl NOTIFY edited)
    Q_PROPERTY(AuthKind authKind MEMBER m_authKind NOTIFY edited)
    Q_PROPERTY(QString username MEMBER m_username NOTIFY edited)
    Q_PROPERTY(QString clientId MEMBER m_clientId NOTIFY edited)
    Q_PROPERTY(QString tokenUrl MEMBER m_tokenUrl NOTIFY edited)
    Q_PROPERTY(QString scope MEMBER m_scope NOTIFY edited)
    Q_PROPERTY(QString secretInput MEMBER m_secretInput NOTIFY edited)
    Q_PROPERTY(int timeoutSeconds MEMBER m_timeoutSeconds NOTIFY edited)
    Q_PROPERTY(bool hasStoredSecret READ hasStoredSecret NOTIFY loaded)
    Q_PROPERTY(bool testing READ testing NOTIFY testChanged)
    Q_PROPERTY(QString testResult READ testResult NOTIFY testChanged)
    Q_PROPERTY(bool testOk READ testOk NOTIFY testChanged)

public:
    enum AuthKind { NoAuth, Bearer, Basic, OAuth2ClientCredentials };
    Q_ENUM(AuthKind)

    ConnectionForm(lakeshore::sources::Service service, QString title, QObject *parent);

    [[nodiscard]] lakeshore::sources::Service service() const { return m_service; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString exampleUrl() const;
    [[nodiscard]] bool hasStoredSecret() const { return m_hasStoredSecret; }
    [[nodiscard]] bool testing() const { return m_testing; }
    [[nodiscard]] QString testResult() const { return m_testResult; }
    [[nodiscard]] bool testOk() const { return m_testOk; }

    // A translated problem with the fields, or empty when they can be saved or tested.
    [[nodiscard]] QString validate() const;
    // The settings the fields describe; the secret is the typed one, or `storedSecret` when none was typed.
    [[nodiscard]] lakeshore::sources::ConnectionSettings toSettings(const std::string &storedSecret) const;
    void load(const std::optional<lakeshore::sources::ConnectionSettings> &settings);
    void setTestState(bool testing, QString result, bool ok);

Q_SIGNALS:
    void edited();
    void loaded();
    void testChanged();

private:
    lakeshore::sources::Service m_service;
    QString m_title;
    QString m_baseUrl;
    AuthKind m_authKind = NoAuth;
    QString m_username;
    QString m_clientId;
    QString m_tokenUrl;
    QString m_scope;
    QString m_secretInput;
    int m_timeoutSeconds = 15;
    bool m_hasStoredSecret = false;
    bool m_testing = false;
    QString m_testResult;
    bool m_testOk = false;
};
