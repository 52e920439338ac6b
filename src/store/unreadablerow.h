// A stored row the settings store could not read (bad JSON, an unknown kind, a secret that does not
// decrypt), with an error naming the field. Lists return these beside the rows they could read, so one
// damaged row neither hides the others nor crashes.
#pragma once

#include "core/error.h"

#include <string>

namespace lakeshore::store {

struct UnreadableRow
{
    std::string id;
    std::string name;
    Error error;
};

} // namespace lakeshore::store
