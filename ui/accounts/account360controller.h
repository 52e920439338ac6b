// Account 360 for one account at a time: starts every CRM and ERP read at once through the core's
// Account360, updates each panel as its read settles, and cancels the reads when another account opens.
#pragma once

#include "account360panel.h"
#include "core/canceltoken.h"

#include <QObject>
#include <QQmlEngine>
#include <QQmlListProperty>
#include <vector>

namespace lakeshore::sources {
struct PartResult;
}

class Account360Controller : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString accountId READ accountId NOTIFY accountChanged)
    Q_PROPERTY(QString accountNumber READ accountNumber NOTIFY accountChanged)
    Q_PROPERTY(QQmlListProperty<Account360Panel> panels READ panels CONSTANT)
    Q_PROPERTY(Account360Panel *header READ header CONSTANT)
    Q_PROPERTY(Account360Panel *contacts READ contacts CONSTANT)
    Q_PROPERTY(Account360Panel *opportunities READ opportunities CONSTANT)
    Q_PROPERTY(Account360Panel *activities READ activities CONSTANT)
    Q_PROPERTY(Account360Panel *conversations READ conversations CONSTANT)
    Q_PROPERTY(Account360Panel *cases READ cases CONSTANT)
    Q_PROPERTY(Account360Panel *credit READ credit CONSTANT)
    Q_PROPERTY(Account360Panel *openOrders READ openOrders CONSTANT)
    Q_PROPERTY(Account360Panel *recentInvoices READ recentInvoices CONSTANT)
    Q_PROPERTY(Account360Panel *contractCoverage READ contractCoverage CONSTANT)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY progressChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY progressChanged)

public:
    explicit Account360Controller(QObject *parent = nullptr);
    ~Account360Controller() override;

    [[nodiscard]] QString accountId() const { return m_accountId; }
    [[nodiscard]] QString accountNumber() const { return m_accountNumber; }
    QQmlListProperty<Account360Panel> panels();
    [[nodiscard]] Account360Panel *header() const { return m_panels[0]; }
    [[nodiscard]] Account360Panel *contacts() const { return m_panels[1]; }
    [[nodiscard]] Account360Panel *opportunities() const { return m_panels[2]; }
    [[nodiscard]] Account360Panel *activities() const { return m_panels[3]; }
    [[nodiscard]] Account360Panel *conversations() const { return m_panels[4]; }
    [[nodiscard]] Account360Panel *cases() const { return m_panels[5]; }
    [[nodiscard]] Account360Panel *credit() const { return m_panels[6]; }
    [[nodiscard]] Account360Panel *openOrders() const { return m_panels[7]; }
    [[nodiscard]] Account360Panel *recentInvoices() const { return m_panels[8]; }
    [[nodiscard]] Account360Panel *contractCoverage() const { return m_panels[9]; }
    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] int failedCount() const;

    // accountNumber may be empty: the ERP panels then wait for the header to name the customer.
    Q_INVOKABLE void open(const QString &accountId, const QString &accountNumber);
    Q_INVOKABLE void retry(const QString &panelKey);
    Q_INVOKABLE void close();

Q_SIGNALS:
    void accountChanged();
    void progressChanged();

private:
    void apply(const lakeshore::sources::PartResult &result);
    void resolveNames();

    std::vector<Account360Panel *> m_panels; // in lakeshore::sources::allParts order, owned as children
    QString m_accountId;
    QString m_accountNumber;
    lakeshore::CancelToken m_cancel;
};
