#include "demo/odatashape.h"

#include "demo/odatarows.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace lakeshore::demo::odata {
namespace {

// Above this many distinct parents one full scan beats a partitioned scan per parent.
constexpr std::size_t kMaxPartitionScans = 64;

// Join values compare as text; GUIDs ignore case like everywhere else in OData.
std::optional<std::string> joinKey(const nlohmann::json &row, const std::string &property, bool guid)
{
    auto it = row.find(property);
    if (it == row.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        return it->dump();
    std::string text = it->get<std::string>();
    if (guid)
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

using Buckets = std::unordered_map<std::string, std::vector<nlohmann::json>>;

Result<Buckets> gatherChildren(const std::vector<nlohmann::json> &parents, const ExpandOption &expand)
{
    const NavigationDef &nav = *expand.navigation;
    const EntitySetDef &target = *expand.target;
    const PropertyDef *targetProperty = target.property(nav.targetProperty);
    const bool guid = targetProperty && targetProperty->type == EdmType::Guid;

    std::unordered_set<std::string> wanted;
    for (const auto &parent : parents)
        if (auto key = joinKey(parent, nav.localProperty, guid))
            wanted.insert(std::move(*key));

    Buckets buckets;
    if (wanted.empty())
        return buckets;
    const Filter *filter = expand.options.filter.get();
    // A partitioned scan may emit other partitions' rows too; each is taken from its own scan only.
    const std::string *partition = nullptr;
    auto sink = [&](nlohmann::json &&row) {
        auto key = joinKey(row, nav.targetProperty, guid);
        if (!key || (partition ? *key != *partition : !wanted.count(*key)))
            return true;
        if (filter && !filter->matches(row))
            return true;
        buckets[*key].push_back(std::move(row));
        return true;
    };
    if (target.partitionProperty == nav.targetProperty && wanted.size() <= kMaxPartitionScans) {
        for (const auto &key : wanted) {
            partition = &key;
            if (Status status = runScan(target, key, sink); !status.ok())
                return status.error();
        }
    } else if (Status status = runScan(target, std::nullopt, sink); !status.ok()) {
        return status.error();
    }
    return buckets;
}

nlohmann::json project(nlohmann::json &&row, const EntitySetDef &set, const QueryOptions &options)
{
    nlohmann::json out;
    if (options.select.empty()) {
        out = std::move(row);
    } else {
        out = nlohmann::json::object();
        auto copy = [&](const std::string &name) {
            auto it = row.find(name);
            out[name] = it == row.end() ? nlohmann::json() : std::move(*it);
        };
        copy(set.key);
        for (const auto &name : options.select)
            if (!out.contains(name))
                copy(name);
    }
    return out;
}

} // namespace

std::optional<std::string> etagOf(const nlohmann::json &row, const EntitySetDef &set)
{
    if (set.etagProperty.empty())
        return std::nullopt;
    auto it = row.find(set.etagProperty);
    if (it == row.end() || it->is_null())
        return std::nullopt;
    std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
    return "W/\"" + value + "\"";
}

Result<std::vector<nlohmann::json>> shapeRows(std::vector<nlohmann::json> rows, const EntitySetDef &set,
                                              const QueryOptions &options)
{
    // Expansions are computed from the full rows: $select may have dropped the join property.
    std::vector<nlohmann::json> expansions(rows.size(), nlohmann::json::object());
    for (const auto &expand : options.expand) {
        auto buckets = gatherChildren(rows, expand);
        if (!buckets.ok())
            return buckets.error();
        const NavigationDef &nav = *expand.navigation;
        const PropertyDef *targetProperty = expand.target->property(nav.targetProperty);
        const bool guid = targetProperty && targetProperty->type == EdmType::Guid;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::vector<nlohmann::json> children;
            if (auto key = joinKey(rows[i], nav.localProperty, guid)) {
                auto bucket = buckets.value().find(*key);
                if (bucket != buckets.value().end())
                    children = bucket->second; // parents may share children: copy
            }
            sortRows(children, expand.options.orderby);
            const auto total = static_cast<std::int64_t>(children.size());
            const auto skip = std::min<std::int64_t>(expand.options.skip, total);
            auto end = total;
            if (expand.options.top)
                end = std::min<std::int64_t>(total, skip + *expand.options.top);
            std::vector<nlohmann::json> page(std::make_move_iterator(children.begin() + skip),
                                             std::make_move_iterator(children.begin() + end));
            auto shaped = shapeRows(std::move(page), *expand.target, expand.options);
            if (!shaped.ok())
                return shaped.error();
            if (nav.collection) {
                expansions[i][nav.name] = std::move(shaped).value();
                if (expand.options.count)
                    expansions[i][nav.name + "@odata.count"] = total;
            } else {
                expansions[i][nav.name] = shaped.value().empty() ? nlohmann::json() : shaped.value().front();
            }
        }
    }
    std::vector<nlohmann::json> out;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::optional<std::string> etag = etagOf(rows[i], set);
        nlohmann::json entity = project(std::move(rows[i]), set, options);
        if (etag)
            entity["@odata.etag"] = *etag;
        for (auto &[name, value] : expansions[i].items())
            entity[name] = std::move(value);
        out.push_back(std::move(entity));
    }
    return out;
}

} // namespace lakeshore::demo::odata
