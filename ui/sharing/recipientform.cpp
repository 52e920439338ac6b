#include "recipientform.h"

#include "http/cidr.h"

#include <algorithm>
#include <QVariantMap>

using namespace lakeshore;

namespace {

constexpr int kMaxNameLength = 255;
constexpr int kMaxAllowListEntries = 100; // as the store allows

} // namespace

RecipientForm::RecipientForm(QObject *parent) : QObject(parent) {}

void RecipientForm::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    Q_EMIT edited();
}

void RecipientForm::setAllowListText(const QString &text)
{
    if (text == m_allowListText)
        return;
    m_allowListText = text;
    Q_EMIT edited();
}

void RecipientForm::load(const std::optional<store::Recipient> &recipient,
                         const std::vector<store::Share> &shares)
{
    m_recipientId = recipient ? QString::fromStdString(recipient->id) : QString();
    m_name = recipient ? QString::fromStdString(recipient->name) : QString();
    m_comment = recipient ? QString::fromStdString(recipient->comment) : QString();
    m_createdAt = recipient ? recipient->createdAt : 0;
    QStringList lines;
    if (recipient)
        for (const std::string &entry : recipient->ipAllowList)
            lines << QString::fromStdString(entry);
    m_allowListText = lines.join(QLatin1Char('\n'));
    m_grants.clear();
    for (const store::Share &share : shares) {
        const bool granted = recipient && std::find(recipient->shareIds.begin(), recipient->shareIds.end(),
                                                    share.id) != recipient->shareIds.end();
        m_grants.push_back({QString::fromStdString(share.id), QString::fromStdString(share.name), granted});
    }
    Q_EMIT loaded();
    Q_EMIT edited();
}

void RecipientForm::setGranted(int row, bool granted)
{
    if (row < 0 || row >= static_cast<int>(m_grants.size()))
        return;
    m_grants[static_cast<std::size_t>(row)].granted = granted;
    Q_EMIT edited();
}

QStringList RecipientForm::allowList() const
{
    QStringList entries;
    for (const QString &line : m_allowListText.split(QLatin1Char('\n'))) {
        const QString entry = line.trimmed();
        if (!entry.isEmpty())
            entries << entry;
    }
    return entries;
}

QString RecipientForm::nameProblem() const
{
    if (m_name.size() > kMaxNameLength)
        return tr("A recipient's name has at most %1 characters.").arg(kMaxNameLength);
    for (const QChar c : m_name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return tr("A recipient's name may not contain control characters.");
    return {};
}

QString RecipientForm::allowListProblem() const
{
    const QStringList entries = allowList();
    if (entries.size() > kMaxAllowListEntries)
        return tr("An IP allow-list holds at most %1 entries.").arg(kMaxAllowListEntries);
    for (const QString &entry : entries)
        if (auto range = http::parseCidr(entry.toStdString()); !range)
            return QString::fromStdString(range.error().message);
    return {};
}

QVariantList RecipientForm::grants() const
{
    QVariantList list;
    for (const Grant &grant : m_grants)
        list.append(QVariantMap{{QStringLiteral("shareId"), grant.shareId},
                                {QStringLiteral("name"), grant.name},
                                {QStringLiteral("granted"), grant.granted}});
    return list;
}

int RecipientForm::grantedCount() const
{
    return static_cast<int>(
        std::count_if(m_grants.begin(), m_grants.end(), [](const Grant &grant) { return grant.granted; }));
}

QString RecipientForm::validate() const
{
    if (m_name.trimmed().isEmpty())
        return tr("Give the recipient a name.");
    if (const QString problem = nameProblem(); !problem.isEmpty())
        return problem;
    if (const QString problem = allowListProblem(); !problem.isEmpty())
        return tr("IP allow-list: %1").arg(problem);
    return {};
}

store::Recipient RecipientForm::toRecipient(const QString &tenant) const
{
    store::Recipient recipient;
    recipient.id = m_recipientId.toStdString();
    recipient.tenant = tenant.toStdString();
    recipient.name = m_name.trimmed().toStdString();
    recipient.comment = m_comment.toStdString();
    recipient.createdAt = m_createdAt;
    for (const QString &entry : allowList())
        recipient.ipAllowList.push_back(entry.toStdString());
    for (const Grant &grant : m_grants)
        if (grant.granted)
            recipient.shareIds.push_back(grant.shareId.toStdString());
    return recipient;
}
