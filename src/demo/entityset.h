// The shape of one OData entity set served by the demo engine: its properties, navigations, the scan
// that produces its rows and, for a writable set, the insert that adds one. Plain data, filled in by the
// CRM and ERP services.
#pragma once

#include "core/result.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lakeshore::demo {

enum class EdmType { String, Int32, Int64, Decimal, Double, Boolean, Date, DateTimeOffset, Guid };

struct PropertyDef
{
    std::string name;
    EdmType type = EdmType::String;
    bool nullable = true;
};

// Rows of targetSet whose targetProperty equals this row's localProperty.
struct NavigationDef
{
    std::string name;
    std::string targetSet;
    std::string localProperty;
    std::string targetProperty;
    bool collection = true;
};

using RowSink = std::function<void(nlohmann::json &&row)>;

// Rows are produced by a scan function, so large or lazily generated data needs no materialised table.
// When the request's $filter has a top-level conjunct `<partitionProperty> eq <literal>`, scan gets that
// literal (strings unquoted, GUIDs in lower case, numbers and booleans as written) and may emit only
// matching rows; emitting more is still correct, the full filter is applied after. A scan must emit its
// rows in the same order every time (server-driven paging counts on it), must be safe to run from
// several threads at once, and must call emit on its own thread. emit may unwind (that is how the engine
// stops a scan once it has the rows it needs), so a scan must be exception-safe and not swallow it.
struct EntitySetDef
{
    std::string name;       // "accounts"
    std::string entityType; // "account"
    std::string key;        // "accountid"
    std::vector<PropertyDef> properties;
    std::vector<NavigationDef> navigations;
    std::string partitionProperty; // optional
    std::string etagProperty;      // optional: a property whose value makes the weak ETag
    std::function<void(const std::optional<std::string> &partition, const RowSink &emit)> scan;
    // Indexes a real service keeps: for a $filter with a top-level `<property> in (...)` (or `eq`) on one
    // of these properties, the engine asks lookup for the rows with those values instead of scanning (it
    // may emit others too; the full filter still runs after). Same rules as scan otherwise.
    struct Lookup
    {
        std::string property;
        std::function<void(const std::vector<std::string> &values, const RowSink &emit)> rows;
    };
    std::vector<Lookup> lookups;
    // Optional: set, the collection takes POST. Gets the request body (a JSON object) and answers the new
    // row with its key, or an Error whose httpStatus (400, 507, ...) and message go back to the client.
    // Runs on request threads, several at once. Scans emit inserted rows after the rows they had before, so
    // a paged read that is under way neither skips nor repeats a row.
    std::function<Result<nlohmann::json>(const nlohmann::json &body)> insert;

    [[nodiscard]] const PropertyDef *property(std::string_view propertyName) const;
    [[nodiscard]] const NavigationDef *navigation(std::string_view navigationName) const;
};

[[nodiscard]] const char *edmTypeName(EdmType type); // "Edm.String"

} // namespace lakeshore::demo
