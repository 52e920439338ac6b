#include "recipientlistmodel.h"

#include "sharingtime.h"

#include <algorithm>
#include <map>
#include <QVariantMap>

using namespace lakeshore;
using lakeshore::store::RecipientStatus;
using lakeshore::ui::sharingDateTime;

namespace {

QStringList qStrings(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &item : list)
        out << QString::fromStdString(item);
    return out;
}

RecipientListModel::Row makeRow(store::Recipient recipient, const std::map<std::string, QString> &shareNames,
                                std::int64_t now)
{
    RecipientListModel::Row row;
    row.status = store::recipientStatus(recipient, now);
    std::vector<const store::RecipientToken *> usable;
    for (const store::RecipientToken &token : recipient.tokens)
        if (token.activeAt(now))
            usable.push_back(&token);
    std::sort(usable.begin(), usable.end(),
              [](const auto *a, const auto *b) { return a->expiresAt > b->expiresAt; });
    row.hasUsableToken = !usable.empty();
    if (!usable.empty()) {
        row.expiresAt = usable.front()->expiresAt;
        row.tokenText = RecipientListModel::tr("Token works until %1").arg(sharingDateTime(row.expiresAt));
        // During a rotation's grace period the older token still works: say until when.
        if (usable.size() > 1)
            row.olderToken = RecipientListModel::tr("The previous token works until %1")
                                 .arg(sharingDateTime(usable[1]->expiresAt));
    } else if (!recipient.tokens.empty()) {
        const store::RecipientToken &newest = recipient.tokens.front();
        row.expiresAt = newest.expiresAt;
        row.tokenText =
            newest.revokedAt
                ? RecipientListModel::tr("Token revoked %1").arg(sharingDateTime(*newest.revokedAt))
                : RecipientListModel::tr("Token expired %1").arg(sharingDateTime(newest.expiresAt));
    } else {
        row.tokenText = RecipientListModel::tr("No token issued yet");
    }
    QStringList names;
    for (const std::string &shareId : recipient.shareIds)
        if (auto found = shareNames.find(shareId); found != shareNames.end())
            names << found->second;
    row.shares = names.join(QStringLiteral(", "));
    row.recipient = std::move(recipient);
    return row;
}

} // namespace

RecipientListModel::RecipientListModel(QObject *parent) : QAbstractListModel(parent) {}

QString RecipientListModel::statusKey(RecipientStatus status)
{
    switch (status) {
    case RecipientStatus::NoToken:
        return QStringLiteral("none");
    case RecipientStatus::Active:
        return QStringLiteral("active");
    case RecipientStatus::Expiring:
        return QStringLiteral("expiring");
    case RecipientStatus::Expired:
        return QStringLiteral("expired");
    case RecipientStatus::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

QString RecipientListModel::statusText(RecipientStatus status)
{
    switch (status) {
    case RecipientStatus::NoToken:
        return tr("No token");
    case RecipientStatus::Active:
        return tr("Active");
    case RecipientStatus::Expiring:
        return tr("Expiring");
    case RecipientStatus::Expired:
        return tr("Expired");
    case RecipientStatus::Revoked:
        return tr("Revoked");
    }
    return {};
}

int RecipientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant RecipientListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(row.recipient.name);
    case RecipientIdRole:
        return QString::fromStdString(row.recipient.id);
    case CommentRole:
        return QString::fromStdString(row.recipient.comment);
    case StatusRole:
        return statusKey(row.status);
    case StatusTextRole:
        return statusText(row.status);
    case TokenTextRole:
        return row.tokenText;
    case OlderTokenRole:
        return row.olderToken;
    case ExpiresAtRole:
        return static_cast<qint64>(row.expiresAt);
    case HasUsableTokenRole:
        return row.hasUsableToken;
    case AllowListRole:
        return qStrings(row.recipient.ipAllowList);
    case SharesRole:
        return row.shares;
    case ShareIdsRole:
        return qStrings(row.recipient.shareIds);
    default:
        return {};
    }
}

QHash<int, QByteArray> RecipientListModel::roleNames() const
{
    return {{RecipientIdRole, "recipientId"},
            {NameRole, "name"},
            {CommentRole, "comment"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {TokenTextRole, "tokenText"},
            {OlderTokenRole, "olderToken"},
            {ExpiresAtRole, "expiresAt"},
            {HasUsableTokenRole, "hasUsableToken"},
            {AllowListRole, "allowList"},
            {SharesRole, "shares"},
            {ShareIdsRole, "shareIds"}};
}

void RecipientListModel::setRecipients(std::vector<store::Recipient> recipients,
                                       const std::vector<store::Share> &shares, std::int64_t now)
{
    std::map<std::string, QString> shareNames;
    for (const store::Share &share : shares)
        shareNames[share.id] = QString::fromStdString(share.name);
    std::vector<Row> rows;
    for (store::Recipient &recipient : recipients)
        rows.push_back(makeRow(std::move(recipient), shareNames, now));
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

const store::Recipient *RecipientListModel::find(const QString &recipientId) const
{
    for (const Row &row : m_rows)
        if (QString::fromStdString(row.recipient.id) == recipientId)
            return &row.recipient;
    return nullptr;
}

int RecipientListModel::indexOf(const QString &recipientId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (QString::fromStdString(m_rows[i].recipient.id) == recipientId)
            return static_cast<int>(i);
    return -1;
}

QVariantMap RecipientListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}
