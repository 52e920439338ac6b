#include "demo/odatametadata.h"

namespace lakeshore::demo::odata {
namespace {

std::string escaped(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

const EntitySetDef *findSet(const std::vector<EntitySetDef> &sets, const std::string &name)
{
    for (const auto &set : sets)
        if (set.name == name)
            return &set;
    return nullptr;
}

void entityType(std::string &xml, const std::string &ns, const EntitySetDef &set,
                const std::vector<EntitySetDef> &sets)
{
    xml += "      <EntityType Name=\"" + escaped(set.entityType) + "\">\n";
    xml += "        <Key><PropertyRef Name=\"" + escaped(set.key) + "\"/></Key>\n";
    for (const auto &property : set.properties) {
        xml += "        <Property Name=\"" + escaped(property.name) + "\" Type=\"" +
               edmTypeName(property.type) + "\"";
        if (!property.nullable || property.name == set.key)
            xml += " Nullable=\"false\"";
        if (property.type == EdmType::Decimal)
            xml += " Scale=\"variable\"";
        xml += "/>\n";
    }
    for (const auto &nav : set.navigations) {
        const EntitySetDef *target = findSet(sets, nav.targetSet);
        const std::string targetType = ns + "." + (target ? target->entityType : nav.targetSet);
        xml += "        <NavigationProperty Name=\"" + escaped(nav.name) + "\" Type=\"" +
               escaped(nav.collection ? "Collection(" + targetType + ")" : targetType) + "\"";
        // Peers such as fe-mockserver resolve expansions through the constraint, on either kind of
        // navigation.
        xml += ">\n          <ReferentialConstraint Property=\"" + escaped(nav.localProperty) +
               "\" ReferencedProperty=\"" + escaped(nav.targetProperty) + "\"/>\n";
        xml += "        </NavigationProperty>\n";
    }
    xml += "      </EntityType>\n";
}

} // namespace

std::string metadataXml(const std::string &schemaNamespace, const std::vector<EntitySetDef> &sets)
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n"
                      "  <edmx:DataServices>\n";
    xml += "    <Schema Namespace=\"" + escaped(schemaNamespace) +
           "\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n";
    for (const auto &set : sets)
        entityType(xml, schemaNamespace, set, sets);
    xml += "      <EntityContainer Name=\"Container\">\n";
    for (const auto &set : sets) {
        xml += "        <EntitySet Name=\"" + escaped(set.name) + "\" EntityType=\"" +
               escaped(schemaNamespace + "." + set.entityType) + "\"";
        if (set.navigations.empty()) {
            xml += "/>\n";
            continue;
        }
        xml += ">\n";
        for (const auto &nav : set.navigations)
            xml += "          <NavigationPropertyBinding Path=\"" + escaped(nav.name) + "\" Target=\"" +
                   escaped(nav.targetSet) + "\"/>\n";
        xml += "        </EntitySet>\n";
    }
    xml += "      </EntityContainer>\n"
           "    </Schema>\n"
           "  </edmx:DataServices>\n"
           "</edmx:Edmx>\n";
    return xml;
}

nlohmann::json serviceDocument(const std::string &contextUrl, const std::vector<EntitySetDef> &sets)
{
    nlohmann::json value = nlohmann::json::array();
    for (const auto &set : sets)
        value.push_back({{"name", set.name}, {"kind", "EntitySet"}, {"url", set.name}});
    return {{"@odata.context", contextUrl}, {"value", value}};
}

} // namespace lakeshore::demo::odata
