// Turns a core Error into one translated sentence for the user, with the service's own words as detail.
#pragma once

#include "core/error.h"

#include <QString>

namespace lakeshore::ui {

// serviceName: the translated name of who answered ("CRM", "ERP").
[[nodiscard]] QString errorText(const Error &error, const QString &serviceName);

} // namespace lakeshore::ui
