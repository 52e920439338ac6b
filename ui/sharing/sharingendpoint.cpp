#include "sharingendpoint.h"

namespace lakeshore::ui {

QString defaultSharingEndpoint(const QString &tenant)
{
    return QStringLiteral("http://127.0.0.1:%1/delta-sharing/%2").arg(kDefaultSharePort).arg(tenant);
}

} // namespace lakeshore::ui
