// Writes result rows as a CSV file the user chose: whole or not at all for a regular file (a temporary
// file renamed into place, so a failed export never leaves half a file or destroys the old one); a
// device or pipe is written to directly. Any thread.
#pragma once

#include "assistant/resultset.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <QString>
#include <span>

namespace lakeshore::ui {

// Errors are ErrorKind::Storage with the system's reason ("Permission denied", "No space left on
// device"), or the ResultSet's own (no table).
[[nodiscard]] Status writeCsvFile(const QString &path, const assistant::ResultSet &rows,
                                  std::span<const std::uint32_t> order, std::span<const std::size_t> columns);

} // namespace lakeshore::ui
