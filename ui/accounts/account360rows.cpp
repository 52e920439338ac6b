#include "account360rows.h"

#include "session.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace lakeshore::ui {
namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// Dates reach QML as text in the user's locale: a QDate would cross into JavaScript as a time of day.
QString qdate(const domain::Date &date)
{
    if (date.days() == 0)
        return {};
    return QLocale().toString(
        QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day())),
        QLocale::ShortFormat);
}

QString qdatetime(const domain::Timestamp &timestamp)
{
    if (timestamp.seconds() == 0)
        return {};
    const QDateTime local = QDateTime::fromSecsSinceEpoch(timestamp.seconds()).toLocalTime();
    const QLocale locale;
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(local.time(), QStringLiteral("HH:mm"));
}

QString ownerName(const std::string &id)
{
    const Session *session = Session::instance();
    return session ? session->ownerName(text(id)) : QString();
}

struct Visitor
{
    PanelContent &out;

    void operator()(const std::monostate &) {}

    void operator()(const domain::Account &a)
    {
        const Session *session = Session::instance();
        out.summary = {{"id", text(a.id)},
                       {"number", text(a.accountNumber)},
                       {"name", text(a.name)},
                       {"industry", text(a.industry)},
                       {"street", text(a.street)},
                       {"city", text(a.city)},
                       {"state", text(a.state)},
                       {"postalCode", text(a.postalCode)},
                       {"phone", text(a.phone)},
                       {"website", text(a.website)},
                       {"revenue", a.annualRevenue},
                       {"employees", a.employees},
                       {"active", a.active},
                       {"territoryId", text(a.territoryId)},
                       {"ownerId", text(a.ownerId)},
                       {"territory", session ? session->territoryName(text(a.territoryId)) : QString()},
                       {"owner", ownerName(a.ownerId)},
                       {"modifiedOn", qdatetime(a.modifiedOn)}};
    }

    void operator()(const std::vector<domain::Contact> &list)
    {
        for (const auto &c : list)
            out.rows.append(QVariantMap{{"name", text(c.fullName)},
                                        {"title", text(c.jobTitle)},
                                        {"email", text(c.email)},
                                        {"phone", text(c.phone)},
                                        {"primary", c.primary}});
    }

    void operator()(const std::vector<domain::Opportunity> &list)
    {
        double openValue = 0;
        for (const auto &o : list) {
            if (o.status == "Open")
                openValue += o.estimatedValue;
            out.rows.append(QVariantMap{{"name", text(o.name)},
                                        {"stage", text(o.stage)},
                                        {"status", text(o.status)},
                                        {"value", o.estimatedValue},
                                        {"probability", o.probability},
                                        {"closeDate", qdate(o.estimatedCloseDate)}});
        }
        out.summary = {{"openValue", openValue}};
    }

    void operator()(const std::vector<domain::Activity> &list)
    {
        for (const auto &a : list)
            out.rows.append(QVariantMap{{"type", text(a.type)},
                                        {"subject", text(a.subject)},
                                        {"status", text(a.status)},
                                        {"when", qdatetime(a.scheduledAt)},
                                        {"ownerId", text(a.ownerId)},
                                        {"owner", ownerName(a.ownerId)}});
    }

    void operator()(const std::vector<domain::Conversation> &list)
    {
        for (const auto &c : list)
            out.rows.append(QVariantMap{{"subject", text(c.subject)},
                                        {"channel", text(c.channel)},
                                        {"messages", c.messageCount},
                                        {"lastAt", qdatetime(c.lastMessageAt)},
                                        {"lastMessage", text(c.lastMessage)}});
    }

    void operator()(const std::vector<domain::Case> &list)
    {
        int active = 0;
        for (const auto &c : list) {
            active += c.status == "Active";
            out.rows.append(QVariantMap{{"number", text(c.number)},
                                        {"title", text(c.title)},
                                        {"priority", text(c.priority)},
                                        {"status", text(c.status)},
                                        {"createdOn", qdatetime(c.createdOn)}});
        }
        out.summary = {{"active", active}};
    }

    void operator()(const domain::Customer &c)
    {
        const double available = c.creditLimit - c.balance;
        out.summary = {{"number", text(c.number)},
                       {"balance", c.balance},
                       {"overdue", c.overdueAmount},
                       {"creditLimit", c.creditLimit},
                       {"available", available},
                       {"utilization", c.creditLimit > 0 ? c.balance / c.creditLimit : 0.0},
                       {"paymentTerms", text(c.paymentTerms)},
                       {"blocked", c.blocked}};
    }

    void operator()(const std::vector<domain::SalesOrder> &list)
    {
        double total = 0;
        for (const auto &o : list) {
            total += o.totalAmount;
            out.rows.append(QVariantMap{{"number", text(o.number)},
                                        {"orderDate", qdate(o.orderDate)},
                                        {"deliveryDate", qdate(o.requestedDeliveryDate)},
                                        {"status", text(o.status)},
                                        {"total", o.totalAmount},
                                        {"lines", o.lineCount}});
        }
        out.summary = {{"total", total}};
    }

    void operator()(const std::vector<domain::Invoice> &list)
    {
        for (const auto &i : list)
            out.rows.append(QVariantMap{{"number", text(i.number)},
                                        {"date", qdate(i.invoiceDate)},
                                        {"dueDate", qdate(i.dueDate)},
                                        {"total", i.totalAmount},
                                        {"remaining", i.remainingAmount}});
    }

    void operator()(const sources::ContractCoverage &c)
    {
        out.summary = {{"contractedItems", c.contractedItems},
                       {"expiringWithin90Days", c.expiringWithin90Days},
                       {"hasValidContract", c.hasValidContract},
                       {"nearestExpiry", qdate(c.nearestExpiry)},
                       {"spend", c.spend},
                       {"onContractSpend", c.onContractSpend},
                       {"offContractSpend", c.offContractSpend},
                       {"leakage", c.leakage},
                       {"overbilling", c.overbilling},
                       {"onContractShare", c.onContractShare()},
                       {"offContractLines", c.offContractLines},
                       {"mispricedLines", c.mispricedLines}};
    }
};

} // namespace

void resolveNames(QVariantMap &map)
{
    const Session *session = Session::instance();
    if (!session)
        return;
    if (map.contains(QStringLiteral("territoryId")))
        map[QStringLiteral("territory")] =
            session->territoryName(map.value(QStringLiteral("territoryId")).toString());
    if (map.contains(QStringLiteral("ownerId")))
        map[QStringLiteral("owner")] = session->ownerName(map.value(QStringLiteral("ownerId")).toString());
}

PanelContent panelContent(const sources::PartData &data)
{
    PanelContent content;
    std::visit(Visitor{content}, data);
    return content;
}

} // namespace lakeshore::ui
