#include "demo/odatafilter.h"

#include "demo/odatafilterparser.h"

namespace lakeshore::demo::odata {

const char *valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::Null:
        return "null";
    case ValueType::Boolean:
        return "Edm.Boolean";
    case ValueType::Number:
        return "a number";
    case ValueType::String:
        return "Edm.String";
    case ValueType::Date:
        return "Edm.Date";
    case ValueType::DateTimeOffset:
        return "Edm.DateTimeOffset";
    case ValueType::Guid:
        return "Edm.Guid";
    }
    return "?";
}

ValueType valueTypeOf(EdmType type)
{
    switch (type) {
    case EdmType::String:
        return ValueType::String;
    case EdmType::Int32:
    case EdmType::Int64:
    case EdmType::Decimal:
    case EdmType::Double:
        return ValueType::Number;
    case EdmType::Boolean:
        return ValueType::Boolean;
    case EdmType::Date:
        return ValueType::Date;
    case EdmType::DateTimeOffset:
        return ValueType::DateTimeOffset;
    case EdmType::Guid:
        return ValueType::Guid;
    }
    return ValueType::String;
}

Result<Filter> Filter::parse(std::string_view text, const EntitySetDef &set)
{
    if (text.size() > kMaxFilterLength)
        return makeError(ErrorKind::Invalid,
                         "$filter: expression too long (" + std::to_string(text.size()) + " bytes, limit " +
                             std::to_string(kMaxFilterLength) + ")",
                         400, "BadRequest");
    auto tokens = tokenizeFilter(text);
    if (!tokens.ok()) {
        Error error = tokens.error();
        error.message = "$filter: " + error.message;
        return error;
    }
    if (tokens.value().size() == 1)
        return makeError(ErrorKind::Invalid, "$filter: empty expression at position 1", 400, "BadRequest");
    auto root = parseFilterTokens(std::move(tokens).value(), set);
    if (!root.ok())
        return root.error();
    return Filter(std::move(root).value());
}

std::optional<std::string> Filter::equalityLiteral(std::string_view property) const
{
    std::vector<const FilterNode *> pending{&m_root};
    while (!pending.empty()) {
        const FilterNode *node = pending.back();
        pending.pop_back();
        if (node->kind == FilterNode::Kind::And) {
            for (const auto &child : node->children)
                pending.push_back(&child);
            continue;
        }
        if (node->kind != FilterNode::Kind::Compare || node->op != CompareOp::Eq)
            continue;
        const FilterNode &a = node->children[0];
        const FilterNode &b = node->children[1];
        const FilterNode *lit = nullptr;
        if (a.kind == FilterNode::Kind::Property && a.property == property &&
            b.kind == FilterNode::Kind::Literal)
            lit = &b;
        else if (b.kind == FilterNode::Kind::Property && b.property == property &&
                 a.kind == FilterNode::Kind::Literal)
            lit = &a;
        if (!lit)
            continue;
        switch (lit->literal.kind) {
        case Value::Kind::Null:
            continue;
        case Value::Kind::Boolean:
            return std::string(lit->literal.boolean ? "true" : "false");
        case Value::Kind::Integer:
            return std::to_string(lit->literal.integer);
        case Value::Kind::Double:
            return nlohmann::json(lit->literal.number).dump();
        case Value::Kind::Text:
            return lit->literal.text;
        }
    }
    return std::nullopt;
}

namespace {

std::optional<std::string> literalText(const Value &literal)
{
    switch (literal.kind) {
    case Value::Kind::Null:
        return std::nullopt;
    case Value::Kind::Boolean:
        return std::string(literal.boolean ? "true" : "false");
    case Value::Kind::Integer:
        return std::to_string(literal.integer);
    case Value::Kind::Double:
        return nlohmann::json(literal.number).dump();
    case Value::Kind::Text:
        return literal.text;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::vector<std::string>> Filter::memberLiterals(std::string_view property) const
{
    if (auto one = equalityLiteral(property))
        return std::vector<std::string>{*one};
    std::vector<const FilterNode *> pending{&m_root};
    while (!pending.empty()) {
        const FilterNode *node = pending.back();
        pending.pop_back();
        if (node->kind == FilterNode::Kind::And) {
            for (const auto &child : node->children)
                pending.push_back(&child);
            continue;
        }
        if (node->kind != FilterNode::Kind::In || node->children.empty() ||
            node->children[0].kind != FilterNode::Kind::Property || node->children[0].property != property)
            continue;
        std::vector<std::string> values;
        for (std::size_t i = 1; i < node->children.size(); ++i)
            if (node->children[i].kind == FilterNode::Kind::Literal)
                if (auto text = literalText(node->children[i].literal))
                    values.push_back(std::move(*text));
        return values;
    }
    return std::nullopt;
}

} // namespace lakeshore::demo::odata
