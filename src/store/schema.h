// Making sure an opened database is an intact Lakeshore settings file this build understands, then
// bringing it up to the latest schema. Every check runs before the first write.
#pragma once

#include "core/result.h"
#include "store/sqlite.h"

namespace lakeshore::store {

// Returns the schema version the database has afterwards.
[[nodiscard]] Result<int> prepareSchema(sqlite::Database &db);

} // namespace lakeshore::store
