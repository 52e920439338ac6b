// What the settings store returns for worklist definitions: the ones it could read and, beside them,
// each stored row it could not (bad hints JSON, an unknown visibility or period, a definition that no
// longer validates) with an error naming the field.
#pragma once

#include "store/unreadablerow.h"
#include "worklists/definition.h"

#include <vector>

namespace lakeshore::store {

struct WorklistDefinitionList
{
    std::vector<worklists::Definition> definitions; // by name, without regard to case
    std::vector<UnreadableRow> unreadable;
};

} // namespace lakeshore::store
