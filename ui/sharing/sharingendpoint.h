// Where a recipient's config.share profile points until the share server tells its real address: the
// conventional local endpoint. The one place that builds it, so the running server can replace it.
#pragma once

#include <QString>

namespace lakeshore::ui {

// The port lakeshore-server listens on when nothing else is configured.
inline constexpr int kDefaultSharePort = 8080;

// "http://127.0.0.1:8080/delta-sharing/<tenant>"
[[nodiscard]] QString defaultSharingEndpoint(const QString &tenant);

} // namespace lakeshore::ui
