// Writes a config.share profile to a file the user chose, readable by its owner only (mode 0600, whatever
// the umask): a temporary file beside it, renamed into place, so a failed save leaves no half profile and
// the token is never in a file others can read. Any thread but the GUI's.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace lakeshore::ui {

// Errors are ErrorKind::Storage with the system's reason ("Permission denied").
[[nodiscard]] Status writeProfileFile(const QString &path, const QByteArray &text);

} // namespace lakeshore::ui
