#include "demo/entityset.h"

#include <algorithm>

namespace lakeshore::demo {

const PropertyDef *EntitySetDef::property(std::string_view propertyName) const
{
    auto it = std::find_if(properties.begin(), properties.end(),
                           [&](const PropertyDef &p) { return p.name == propertyName; });
    return it == properties.end() ? nullptr : &*it;
}

const NavigationDef *EntitySetDef::navigation(std::string_view navigationName) const
{
    auto it = std::find_if(navigations.begin(), navigations.end(),
                           [&](const NavigationDef &n) { return n.name == navigationName; });
    return it == navigations.end() ? nullptr : &*it;
}

const char *edmTypeName(EdmType type)
{
    switch (type) {
    case EdmType::String:
        return "Edm.String";
    case EdmType::Int32:
        return "Edm.Int32";
    case EdmType::Int64:
        return "Edm.Int64";
    case EdmType::Decimal:
        return "Edm.Decimal";
    case EdmType::Double:
        return "Edm.Double";
    case EdmType::Boolean:
        return "Edm.Boolean";
    case EdmType::Date:
        return "Edm.Date";
    case EdmType::DateTimeOffset:
        return "Edm.DateTimeOffset";
    case EdmType::Guid:
        return "Edm.Guid";
    }
    return "Edm.String";
}

} // namespace lakeshore::demo
