#include "sharingtime.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace lakeshore::ui {

namespace {

QString mediumDate(const QDate &date)
{
    // The locale's short format with the month spelled ("Mar 3, 2027", "3. März 2027") is what the
    // long format gives without the weekday.
    QString format = QLocale().dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("dddd[,.]?\\s*")));
    return QLocale().toString(date, format);
}

} // namespace

QString sharingDate(std::int64_t epochMillis)
{
    return mediumDate(QDateTime::fromMSecsSinceEpoch(epochMillis).date());
}

QString sharingDateTime(std::int64_t epochMillis)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMillis);
    return QStringLiteral("%1, %2").arg(mediumDate(at.date()),
                                        QLocale().toString(at.time(), QLocale::ShortFormat));
}

} // namespace lakeshore::ui
