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

// Fills "territory" and "owner" from "territoryId" and "ownerId" with the names the CRM directory
// has now (it may arrive after the account itself).
void resolveNames(QVariantMap &map);

} // namespace lakeshore::ui
