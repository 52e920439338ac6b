// Creating the folders that hold the settings database and key file, private to the user.
#pragma once

#include "core/result.h"

#include <string>

namespace lakeshore::store {

// Creates each missing folder above filePath with mode 0700; folders that exist are left as they are.
Status ensureParentDirectory(const std::string &filePath);

// Makes a newly created directory entry durable (after creating a file in it).
void syncDirectoryOf(const std::string &filePath);

} // namespace lakeshore::store
