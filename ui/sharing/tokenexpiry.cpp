#include "tokenexpiry.h"

#include "sharingtime.h"

#include <QLocale>

namespace {

const QString kIsoDate = QStringLiteral("yyyy-MM-dd");

} // namespace

TokenExpiry::TokenExpiry(QObject *parent) : QObject(parent) {}

void TokenExpiry::setDays(int days)
{
    if (days == m_days || days < 0)
        return;
    m_days = days;
    Q_EMIT changed();
}

void TokenExpiry::setCustomDate(const QString &text)
{
    if (text == m_customDate)
        return;
    m_customDate = text;
    Q_EMIT changed();
}

void TokenExpiry::reset()
{
    m_days = kDefaultDays;
    m_customDate.clear();
    Q_EMIT changed();
}

QString TokenExpiry::dateFormatHint() const
{
    return QStringLiteral("YYYY-MM-DD");
}

QDate TokenExpiry::parsedDate() const
{
    const QString text = m_customDate.trimmed();
    QDate date = QDate::fromString(text, kIsoDate);
    if (!date.isValid())
        date = QLocale().toDate(text, QLocale::ShortFormat);
    return date;
}

qint64 TokenExpiry::expiresAtFrom(const QDateTime &now) const
{
    if (m_days > 0)
        return now.addDays(m_days).toMSecsSinceEpoch();
    const QDate date = parsedDate();
    if (!date.isValid() || date <= now.date())
        return 0;
    // The token works through the whole of the chosen day, in the user's time zone.
    return QDateTime(date, QTime(23, 59, 59, 999)).toMSecsSinceEpoch();
}

QString TokenExpiry::problem() const
{
    if (m_days > 0)
        return {};
    if (m_customDate.trimmed().isEmpty())
        return tr("Type the last day the token works, as %1.").arg(dateFormatHint());
    const QDate date = parsedDate();
    if (!date.isValid())
        return tr("“%1” is not a date; type it as %2.").arg(m_customDate.trimmed(), dateFormatHint());
    if (date <= QDate::currentDate())
        return tr("The last day must be after today.");
    return {};
}

QString TokenExpiry::summary() const
{
    const qint64 at = expiresAt();
    if (at == 0)
        return {};
    return tr("Works until %1.").arg(lakeshore::ui::sharingDateTime(at));
}
