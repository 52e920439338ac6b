// Reads the entities whose property is one of many keys, for joins such as "owner and territory of the
// accounts on screen": `<property> in (...)` filters in chunks short enough for any URL limit, at most
// four requests at a time. One chunk failing fails the whole read, once; cancelling stops the rest.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "odata/odataclient.h"
#include "sources/done.h"

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lakeshore::sources {

inline constexpr std::size_t kMaxKeysPerRequest = 100;
inline constexpr std::size_t kMaxKeyCharsPerRequest = 4000; // of percent-encoded literals
inline constexpr int kMaxParallelRequests = 4;

// literals are formatted already (odata::stringLiteral, or bare GUIDs). base gives the entity set and
// $select; its filter is replaced. The rows of every chunk, in no particular order. The client is kept
// alive until the last chunk is in.
void readByKeys(std::shared_ptr<odata::Client> client, const odata::Query &base, const std::string &property,
                const std::vector<std::string> &literals, CancelToken cancel,
                Done<std::vector<nlohmann::json>> done);

// keys without repeats, in the order they first come.
[[nodiscard]] std::vector<std::string> distinctKeys(const std::vector<std::string> &keys);

// The literals split into chunks by kMaxKeysPerRequest and kMaxKeyCharsPerRequest, in order.
[[nodiscard]] std::vector<std::vector<std::string>> chunkKeys(const std::vector<std::string> &literals);

} // namespace lakeshore::sources
