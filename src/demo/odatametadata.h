// The service's self-description, generated from its entity set definitions: the CSDL $metadata
// document (EDMX 4.0 XML) and the JSON service document.
#pragma once

#include "demo/entityset.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lakeshore::demo::odata {

[[nodiscard]] std::string metadataXml(const std::string &schemaNamespace,
                                      const std::vector<EntitySetDef> &sets);
[[nodiscard]] nlohmann::json serviceDocument(const std::string &contextUrl,
                                             const std::vector<EntitySetDef> &sets);

} // namespace lakeshore::demo::odata
