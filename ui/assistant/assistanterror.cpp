#include "assistanterror.h"

#include "errortext.h"

#include <QCoreApplication>

namespace lakeshore::ui {

namespace {

QString sentence(const std::string &message)
{
    QString text = QString::fromStdString(message).trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('?')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

AssistantErrorText assistantErrorText(const Error &error)
{
    AssistantErrorText text;
    text.detail = sentence(error.message);
    if (!error.serviceMessage.empty() && error.message.find(error.serviceMessage) == std::string::npos)
        text.detail += QLatin1Char(' ') + sentence(error.serviceMessage);
    switch (error.kind) {
    case ErrorKind::Cancelled:
        text.summary = QCoreApplication::translate("AssistantError", "The question was cancelled.");
        text.detail.clear();
        return text;
    case ErrorKind::Invalid:
        text.summary = error.message.find("query guard") != std::string::npos
                           ? QCoreApplication::translate(
                                 "AssistantError",
                                 "Lakeshore did not run this SQL: only one read-only SELECT is allowed.")
                           : QCoreApplication::translate("AssistantError",
                                                         "The assistant could not answer this question.");
        return text;
    case ErrorKind::Service:
        text.summary = QCoreApplication::translate("AssistantError", "The lakehouse reported an error.");
        return text;
    default:
        // Network, timeouts, the CRM or lakehouse refusing: the same words as the other panes use.
        text.summary = errorText(Error{error.kind, {}, error.httpStatus, {}, {}},
                                 QCoreApplication::translate("AssistantError", "lakehouse"));
        return text;
    }
}

} // namespace lakeshore::ui
