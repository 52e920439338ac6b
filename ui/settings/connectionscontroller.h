// Settings → Connections: loads and saves the CRM and ERP connection settings through the settings store
// (on its disk thread), tests a connection with the values on screen, and applies saved settings at once.
#pragma once

#include "connectionform.h"
#include "core/canceltoken.h"

#include <QObject>
#include <QQmlEngine>

class ConnectionsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(ConnectionForm *crm READ crm CONSTANT)
    Q_PROPERTY(ConnectionForm *erp READ erp CONSTANT)
    Q_PROPERTY(bool useDemo MEMBER m_useDemo NOTIFY useDemoChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY stateChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY stateChanged)

public:
    explicit ConnectionsController(QObject *parent = nullptr);
    ~ConnectionsController() override;

    [[nodiscard]] ConnectionForm *crm() const { return m_crm; }
    [[nodiscard]] ConnectionForm *erp() const { return m_erp; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool messageIsError() const { return m_messageIsError; }
    [[nodiscard]] bool canSave() const;

    Q_INVOKABLE void load();
    Q_INVOKABLE void save();
    Q_INVOKABLE void test(ConnectionForm *form);

Q_SIGNALS:
    void useDemoChanged();
    void stateChanged();

private:
    void setMessage(QString text, bool isError);
    void setBusy(bool busy);

    ConnectionForm *m_crm;
    ConnectionForm *m_erp;
    bool m_useDemo = true;
    bool m_busy = false;
    QString m_message;
    bool m_messageIsError = false;
    lakeshore::CancelToken m_testCancel;
};
