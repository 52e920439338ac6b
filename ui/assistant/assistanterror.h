// An assistant failure in the pane's words: a translated one-line summary (a question it could not read,
// SQL the query guard refused, a lakehouse that failed or did not answer) and the core's detail.
#pragma once

#include "core/error.h"

#include <QString>

namespace lakeshore::ui {

struct AssistantErrorText
{
    QString summary;
    QString detail;
};

[[nodiscard]] AssistantErrorText assistantErrorText(const Error &error);

} // namespace lakeshore::ui
