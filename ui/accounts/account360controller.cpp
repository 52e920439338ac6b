#include "account360controller.h"

#include "account360rows.h"
#include "errortext.h"
#include "guithread.h"
#include "session.h"
#include "sources/account360.h"

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

QString panelTitle(sources::Part part)
{
    switch (part) {
    case sources::Part::Header:
        return Account360Controller::tr("Account");
    case sources::Part::Contacts:
        return Account360Controller::tr("Contacts");
    case sources::Part::Opportunities:
        return Account360Controller::tr("Opportunities");
    case sources::Part::Activities:
        return Account360Controller::tr("Activities");
    case sources::Part::Conversations:
        return Account360Controller::tr("Conversations");
    case sources::Part::Cases:
        return Account360Controller::tr("Cases");
    case sources::Part::Credit:
        return Account360Controller::tr("Balance and credit");
    case sources::Part::OpenOrders:
        return Account360Controller::tr("Open orders");
    case sources::Part::RecentInvoices:
        return Account360Controller::tr("Recent invoices");
    case sources::Part::ContractCoverage:
        return Account360Controller::tr("Contract coverage");
    }
    return {};
}

QString serviceLabel(sources::Service service)
{
    return service == sources::Service::Crm ? Account360Controller::tr("CRM")
                                            : Account360Controller::tr("ERP");
}

} // namespace

Account360Controller::Account360Controller(QObject *parent) : QObject(parent)
{
    for (sources::Part part : sources::allParts) {
        auto *panel = new Account360Panel(QString::fromLatin1(sources::partName(part)), panelTitle(part),
                                          serviceLabel(sources::sourceOf(part)), this);
        connect(panel, &Account360Panel::changed, this, &Account360Controller::progressChanged);
        m_panels.push_back(panel);
    }
    if (Session *session = Session::instance())
        connect(session, &Session::directoryChanged, this, &Account360Controller::resolveNames);
}

void Account360Controller::resolveNames()
{
    for (Account360Panel *panel : {header(), activities()}) {
        if (panel->state() != Account360Panel::Loaded)
            continue;
        QVariantMap summary = panel->summary();
        ui::resolveNames(summary);
        QVariantList rows = panel->rows();
        for (QVariant &row : rows) {
            QVariantMap map = row.toMap();
            ui::resolveNames(map);
            row = map;
        }
        panel->updateContent(std::move(rows), std::move(summary));
    }
}

Account360Controller::~Account360Controller()
{
    m_cancel.cancel();
}

QQmlListProperty<Account360Panel> Account360Controller::panels()
{
    return QQmlListProperty<Account360Panel>(
        this, &m_panels,
        [](QQmlListProperty<Account360Panel> *list) -> qsizetype {
            return static_cast<qsizetype>(static_cast<std::vector<Account360Panel *> *>(list->data)->size());
        },
        [](QQmlListProperty<Account360Panel> *list, qsizetype i) {
            return (*static_cast<std::vector<Account360Panel *> *>(list->data))[static_cast<std::size_t>(i)];
        });
}

int Account360Controller::pendingCount() const
{
    int pending = 0;
    for (const auto *panel : m_panels)
        pending += panel->state() == Account360Panel::Loading;
    return pending;
}

int Account360Controller::failedCount() const
{
    int failed = 0;
    for (const auto *panel : m_panels)
        failed += panel->state() == Account360Panel::Failed;
    return failed;
}

void Account360Controller::open(const QString &accountId, const QString &accountNumber)
{
    Session *session = Session::instance();
    m_cancel.cancel(); // the previous account's reads stop here
    m_cancel = CancelToken();
    m_accountId = accountId;
    m_accountNumber = accountNumber;
    Q_EMIT accountChanged();
    for (auto *panel : m_panels)
        panel->setLoading();
    if (!session || !session->account360()) {
        for (auto *panel : m_panels)
            panel->setFailed(QDateTime::currentDateTime(), tr("Not connected to the CRM and ERP yet."));
        return;
    }
    QPointer<Account360Controller> self(this);
    const CancelToken token = m_cancel;
    session->account360()->open({accountId.toStdString(), accountNumber.toStdString()}, token,
                                [self, token](sources::PartResult result) {
                                    postToGui(self,
                                              [token, result = std::move(result)](Account360Controller *c) {
                                                  if (!token.cancelled())
                                                      c->apply(result);
                                              });
                                });
}

void Account360Controller::retry(const QString &panelKey)
{
    Session *session = Session::instance();
    if (!session || !session->account360() || m_accountId.isEmpty())
        return;
    for (sources::Part part : sources::allParts) {
        if (QString::fromLatin1(sources::partName(part)) != panelKey)
            continue;
        m_panels[static_cast<std::size_t>(part)]->setLoading();
        QPointer<Account360Controller> self(this);
        const CancelToken token = m_cancel;
        std::string number = m_accountNumber.toStdString();
        if (number.empty() && header()->state() == Account360Panel::Loaded)
            number = header()->summary().value(QStringLiteral("number")).toString().toStdString();
        session->account360()->read(
            part, {m_accountId.toStdString(), number}, token, [self, token](sources::PartResult result) {
                postToGui(self, [token, result = std::move(result)](Account360Controller *c) {
                    if (!token.cancelled())
                        c->apply(result);
                });
            });
        return;
    }
}

void Account360Controller::close()
{
    m_cancel.cancel();
    m_cancel = CancelToken();
    m_accountId.clear();
    m_accountNumber.clear();
    Q_EMIT accountChanged();
    for (auto *panel : m_panels)
        panel->clear();
}

void Account360Controller::apply(const sources::PartResult &result)
{
    Account360Panel *panel = m_panels[static_cast<std::size_t>(result.part)];
    const QDateTime readAt = QDateTime::fromSecsSinceEpoch(result.readAt.seconds());
    if (!result.ok) {
        panel->setFailed(readAt, ui::errorText(result.error, serviceLabel(sources::sourceOf(result.part))));
        return;
    }
    ui::PanelContent content = ui::panelContent(result.data);
    panel->setLoaded(readAt, std::move(content.rows), std::move(content.summary));
}
