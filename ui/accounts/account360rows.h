// Domain values of Account 360 as QVariant rows and summaries for the QML panels.
#pragma once

#include "sources/account360.h"

#include <QVariantList>
#include <QVariantMap>

namespace lakeshore::ui {

struct PanelContent
{
    QVariantList rows;
    QVariantMap summary;
};

[[nodiscard]] PanelContent panelContent(const sources::PartData &data);

} // namespace lakeshore::ui
