// The $filter grammar: tokens in, a type-checked expression tree out.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"
#include "demo/odatafilter.h"
#include "demo/odatafilterlexer.h"

#include <vector>

namespace lakeshore::demo::odata {

// tokens end with an End token. Errors are 400 BadRequest naming the position.
Result<FilterNode> parseFilterTokens(std::vector<Token> tokens, const EntitySetDef &set);

} // namespace lakeshore::demo::odata
