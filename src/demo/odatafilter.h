// A compiled OData $filter: parsed and type-checked against an entity set once, then evaluated per row.
// Evaluation follows OData 4.01: comparisons with null are false (except eq/ne null), and/or/not use
// three-valued logic, and a row matches only when the expression is true.
#pragma once

#include "core/result.h"
#include "demo/entityset.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::demo::odata {

inline constexpr std::size_t kMaxFilterLength = 8192;
inline constexpr int kMaxFilterDepth = 32;

// Static type of an expression. Every numeric EDM type is Number: they compare with each other.
enum class ValueType { Null, Boolean, Number, String, Date, DateTimeOffset, Guid };

[[nodiscard]] const char *valueTypeName(ValueType type);
[[nodiscard]] ValueType valueTypeOf(EdmType type);

// A value while evaluating. Strings, dates, timestamps and GUIDs are all Text (GUIDs in lower case).
struct Value
{
    enum class Kind { Null, Boolean, Integer, Double, Text } kind = Kind::Null;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    std::string text;

    static Value null() { return {}; }
    static Value ofBool(bool b) { return Value{Kind::Boolean, b, 0, 0, {}}; }
    static Value ofInt(std::int64_t i) { return Value{Kind::Integer, false, i, 0, {}}; }
    static Value ofDouble(double d) { return Value{Kind::Double, false, 0, d, {}}; }
    static Value ofText(std::string s) { return Value{Kind::Text, false, 0, 0, std::move(s)}; }
    [[nodiscard]] bool isNull() const { return kind == Kind::Null; }
    [[nodiscard]] bool isTrue() const { return kind == Kind::Boolean && boolean; }
};

// OData eq between two values: null equals only null; numbers compare across integer and floating point.
[[nodiscard]] bool equalValues(const Value &a, const Value &b);

// Total order for $orderby: null first, then by value; values of kinds that do not compare order by kind.
[[nodiscard]] int orderValues(const Value &a, const Value &b);

// Reads a row's property as a Value of the property's type; absent or JSON null is Null.
[[nodiscard]] Value propertyValue(const nlohmann::json &row, const std::string &name, ValueType type);

enum class CompareOp { Eq, Ne, Gt, Ge, Lt, Le };
enum class Function { Contains, StartsWith, EndsWith, ToLower, ToUpper, Length, Year, Month, Day };

struct FilterNode
{
    enum class Kind { Literal, Property, Not, And, Or, Compare, In, Call } kind = Kind::Literal;
    ValueType type = ValueType::Null; // of the node's result
    CompareOp op = CompareOp::Eq;
    Function function = Function::Contains;
    std::string property;
    Value literal;
    std::vector<FilterNode> children; // operands; for In the left side first, then the list
};

class Filter
{
public:
    // Errors are 400 BadRequest with a message naming the position.
    static Result<Filter> parse(std::string_view text, const EntitySetDef &set);

    [[nodiscard]] bool matches(const nlohmann::json &row) const;
    [[nodiscard]] Value evaluate(const nlohmann::json &row) const;

    // The literal of a top-level conjunct `property eq <literal>`, as a scan's partition text.
    [[nodiscard]] std::optional<std::string> equalityLiteral(std::string_view property) const;
    // The literals of a top-level conjunct `property in (...)` or `property eq literal` (as
    // equalityLiteral writes them); nullopt when there is none.
    [[nodiscard]] std::optional<std::vector<std::string>> memberLiterals(std::string_view property) const;

    [[nodiscard]] const FilterNode &root() const { return m_root; }

private:
    explicit Filter(FilterNode root) : m_root(std::move(root)) {}
    FilterNode m_root;
};

} // namespace lakeshore::demo::odata
