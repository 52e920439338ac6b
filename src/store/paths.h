// Where the settings live by default: the XDG data folder of the user.
#pragma once

#include <string>

namespace lakeshore::store {

// $XDG_DATA_HOME/lakeshore when XDG_DATA_HOME is an absolute path, else $HOME/.local/share/lakeshore
// (HOME from the password database when unset). Empty when no home folder can be found.
[[nodiscard]] std::string defaultDataDirectory();
[[nodiscard]] std::string defaultDatabasePath(); // <data directory>/settings.sqlite3
[[nodiscard]] std::string defaultKeyPath();      // <data directory>/settings.key

} // namespace lakeshore::store
