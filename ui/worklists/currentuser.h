// Who is using Lakeshore, as the settings store records the owner of a worklist: the OS login name.
#pragma once

#include <string>

namespace lakeshore::ui {

[[nodiscard]] std::string currentUser();

} // namespace lakeshore::ui
