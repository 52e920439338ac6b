#include "errortext.h"

#include <QCoreApplication>

namespace lakeshore::ui {

QString errorText(const Error &error, const QString &serviceName)
{
    QString summary;
    switch (error.kind) {
    case ErrorKind::Network:
        summary = QCoreApplication::translate("ErrorText", "Could not reach the %1.");
        break;
    case ErrorKind::Timeout:
        summary = QCoreApplication::translate("ErrorText", "The %1 did not answer in time.");
        break;
    case ErrorKind::Cancelled:
        summary = QCoreApplication::translate("ErrorText", "The read from the %1 was cancelled.");
        break;
    case ErrorKind::Http:
        summary = QCoreApplication::translate("ErrorText", "The %1 answered with an unexpected status.");
        break;
    case ErrorKind::Service:
        summary = QCoreApplication::translate("ErrorText", "The %1 reported an error.");
        break;
    case ErrorKind::Auth:
        summary = QCoreApplication::translate(
            "ErrorText", "The %1 did not accept the credentials. Check Settings → Connections.");
        break;
    case ErrorKind::RateLimited:
        summary = QCoreApplication::translate("ErrorText", "The %1 is busy and asked us to slow down.");
        break;
    case ErrorKind::Malformed:
        summary = QCoreApplication::translate("ErrorText", "The %1 sent a reply Lakeshore cannot read.");
        break;
    case ErrorKind::TooLarge:
        summary = QCoreApplication::translate("ErrorText",
                                              "The %1 sent more data than Lakeshore accepts in one reply.");
        break;
    case ErrorKind::Loop:
        summary = QCoreApplication::translate("ErrorText", "The %1 kept sending the same page of results.");
        break;
    case ErrorKind::Storage:
        summary =
            QCoreApplication::translate("ErrorText", "The local settings could not be read or written.");
        break;
    case ErrorKind::Invalid:
        summary = QCoreApplication::translate("ErrorText", "The request to the %1 was not valid.");
        break;
    case ErrorKind::NotFound:
        summary = QCoreApplication::translate("ErrorText", "The %1 has no such record.");
        break;
    }
    summary = summary.contains(QLatin1String("%1")) ? summary.arg(serviceName) : summary;
    // What the service said in its own words, quoted; for failures that never reached a service
    // (network, timeout, a reply we could not read) our own one-line explanation.
    QString detail;
    if (!error.serviceMessage.empty())
        detail = QCoreApplication::translate("ErrorText", "“%1”")
                     .arg(QString::fromStdString(error.serviceMessage));
    else if (error.httpStatus == 0 && !error.message.empty()) {
        detail = QString::fromStdString(error.message);
        detail[0] = detail[0].toUpper();
        if (!detail.endsWith(QLatin1Char('.')))
            detail += QLatin1Char('.');
    }
    if (error.httpStatus != 0)
        detail = QStringLiteral("%1 (HTTP %2)").arg(detail).arg(error.httpStatus).trimmed();
    return detail.isEmpty() ? summary : summary + QLatin1Char(' ') + detail;
}

} // namespace lakeshore::ui
