// Recursive descent over the OData 4.01 operator precedence:
//   or < and < comparison (eq ne gt ge lt le in) < not < primary (literal, property, call, parentheses).
#include "demo/odatafilterparser.h"

#include <charconv>
#include <map>

namespace lakeshore::demo::odata {
namespace {

Error parseError(const std::string &what, std::size_t position)
{
    return makeError(ErrorKind::Invalid, "$filter: " + what + " at position " + std::to_string(position), 400,
                     "BadRequest");
}

struct FunctionSpec
{
    Function function;
    std::vector<ValueType> params; // Date stands for "Date or DateTimeOffset"
    ValueType result;
};

const std::map<std::string, FunctionSpec, std::less<>> &functions()
{
    static const std::map<std::string, FunctionSpec, std::less<>> table = {
        {"contains", {Function::Contains, {ValueType::String, ValueType::String}, ValueType::Boolean}},
        {"startswith", {Function::StartsWith, {ValueType::String, ValueType::String}, ValueType::Boolean}},
        {"endswith", {Function::EndsWith, {ValueType::String, ValueType::String}, ValueType::Boolean}},
        {"tolower", {Function::ToLower, {ValueType::String}, ValueType::String}},
        {"toupper", {Function::ToUpper, {ValueType::String}, ValueType::String}},
        {"length", {Function::Length, {ValueType::String}, ValueType::Number}},
        {"year", {Function::Year, {ValueType::Date}, ValueType::Number}},
        {"month", {Function::Month, {ValueType::Date}, ValueType::Number}},
        {"day", {Function::Day, {ValueType::Date}, ValueType::Number}},
    };
    return table;
}

const std::map<std::string, CompareOp, std::less<>> &comparisons()
{
    static const std::map<std::string, CompareOp, std::less<>> table = {
        {"eq", CompareOp::Eq}, {"ne", CompareOp::Ne}, {"gt", CompareOp::Gt},
        {"ge", CompareOp::Ge}, {"lt", CompareOp::Lt}, {"le", CompareOp::Le},
    };
    return table;
}

bool comparable(ValueType a, ValueType b)
{
    return a == ValueType::Null || b == ValueType::Null || a == b;
}

std::string describe(const Token &token)
{
    return token.kind == TokenKind::End ? std::string("the end of the expression") : "'" + token.text + "'";
}

bool isLiteral(const Token &token)
{
    switch (token.kind) {
    case TokenKind::String:
    case TokenKind::Guid:
    case TokenKind::Date:
    case TokenKind::DateTimeOffset:
    case TokenKind::Integer:
    case TokenKind::Decimal:
        return true;
    case TokenKind::Identifier:
        return token.text == "true" || token.text == "false" || token.text == "null";
    default:
        return false;
    }
}

class Parser
{
public:
    Parser(std::vector<Token> tokens, const EntitySetDef &set) : m_tokens(std::move(tokens)), m_set(set) {}

    Result<FilterNode> run()
    {
        auto root = parseOr(0);
        if (!root.ok())
            return root;
        const Token &rest = peek();
        if (rest.kind != TokenKind::End) {
            if (rest.kind == TokenKind::Identifier && comparisons().count(rest.text))
                return parseError("comparisons cannot be chained, use parentheses: unexpected '" + rest.text +
                                      "'",
                                  rest.position);
            if (rest.kind == TokenKind::CloseParen)
                return parseError("unbalanced ')'", rest.position);
            return parseError("expected 'and', 'or' or the end but found " + describe(rest), rest.position);
        }
        if (root.value().type != ValueType::Boolean)
            return parseError(
                std::string("the expression must be Boolean, not ") + valueTypeName(root.value().type), 1);
        return root;
    }

private:
    std::vector<Token> m_tokens;
    const EntitySetDef &m_set;
    std::size_t m_index = 0;

    const Token &peek(std::size_t ahead = 0) const
    {
        return m_tokens[std::min(m_index + ahead, m_tokens.size() - 1)];
    }
    const Token &take() { return m_tokens[std::min(m_index++, m_tokens.size() - 1)]; }
    bool peekWord(std::string_view word) const
    {
        return peek().kind == TokenKind::Identifier && peek().text == word;
    }

    Status checkDepth(int depth, std::size_t position) const
    {
        if (depth > kMaxFilterDepth)
            return parseError("expression nested too deeply (more than " + std::to_string(kMaxFilterDepth) +
                                  " levels)",
                              position);
        return okStatus();
    }

    Result<FilterNode> parseLogical(int depth, std::string_view word, FilterNode::Kind kind,
                                    Result<FilterNode> (Parser::*operand)(int))
    {
        auto left = (this->*operand)(depth);
        if (!left.ok())
            return left;
        while (peekWord(word)) {
            const Token &op = take();
            auto right = (this->*operand)(depth);
            if (!right.ok())
                return right;
            for (const FilterNode *side : {&left.value(), &right.value()})
                if (side->type != ValueType::Boolean && side->type != ValueType::Null)
                    return parseError("'" + op.text + "' needs Boolean operands, not " +
                                          valueTypeName(side->type),
                                      op.position);
            FilterNode node;
            node.kind = kind;
            node.type = ValueType::Boolean;
            node.children.push_back(std::move(left).value());
            node.children.push_back(std::move(right).value());
            left = std::move(node);
        }
        return left;
    }

    Result<FilterNode> parseOr(int depth)
    {
        return parseLogical(depth, "or", FilterNode::Kind::Or, &Parser::parseAnd);
    }
    Result<FilterNode> parseAnd(int depth)
    {
        return parseLogical(depth, "and", FilterNode::Kind::And, &Parser::parseComparison);
    }

    Result<FilterNode> parseComparison(int depth)
    {
        auto left = parseUnary(depth);
        if (!left.ok())
            return left;
        if (peek().kind != TokenKind::Identifier)
            return left;
        if (peek().text == "in")
            return parseIn(std::move(left).value());
        auto op = comparisons().find(peek().text);
        if (op == comparisons().end())
            return left;
        const Token &opToken = take();
        auto right = parseUnary(depth);
        if (!right.ok())
            return right;
        const ValueType a = left.value().type;
        const ValueType b = right.value().type;
        if (!comparable(a, b)) {
            std::string hint;
            if ((a == ValueType::Guid && b == ValueType::String) ||
                (a == ValueType::String && b == ValueType::Guid))
                hint = " (write GUIDs unquoted)";
            return parseError(std::string("cannot compare ") + valueTypeName(a) + " with " +
                                  valueTypeName(b) + hint,
                              opToken.position);
        }
        FilterNode node;
        node.kind = FilterNode::Kind::Compare;
        node.type = ValueType::Boolean;
        node.op = op->second;
        node.children.push_back(std::move(left).value());
        node.children.push_back(std::move(right).value());
        return node;
    }

    Result<FilterNode> parseIn(FilterNode left)
    {
        take(); // in
        if (peek().kind != TokenKind::OpenParen)
            return parseError("expected '(' after 'in' but found " + describe(peek()), peek().position);
        take();
        FilterNode node;
        node.kind = FilterNode::Kind::In;
        node.type = ValueType::Boolean;
        const ValueType leftType = left.type;
        node.children.push_back(std::move(left));
        while (true) {
            const Token &token = take();
            if (!isLiteral(token))
                return parseError("'in' lists hold literals only, found " + describe(token), token.position);
            auto item = literal(token);
            if (!item.ok())
                return item;
            if (!comparable(leftType, item.value().type))
                return parseError(std::string("cannot compare ") + valueTypeName(leftType) + " with " +
                                      valueTypeName(item.value().type) + " in the 'in' list",
                                  token.position);
            node.children.push_back(std::move(item).value());
            if (peek().kind == TokenKind::Comma) {
                take();
                continue;
            }
            if (peek().kind == TokenKind::CloseParen) {
                take();
                return node;
            }
            return parseError("expected ',' or ')' in the 'in' list but found " + describe(peek()),
                              peek().position);
        }
    }

    Result<FilterNode> parseUnary(int depth)
    {
        if (peekWord("not") && !m_set.property("not")) {
            const Token &notToken = take();
            if (auto deep = checkDepth(depth + 1, notToken.position); !deep.ok())
                return deep.error();
            auto operand = parseUnary(depth + 1);
            if (!operand.ok())
                return operand;
            if (operand.value().type != ValueType::Boolean && operand.value().type != ValueType::Null)
                return parseError(std::string("'not' needs a Boolean operand, not ") +
                                      valueTypeName(operand.value().type),
                                  notToken.position);
            FilterNode node;
            node.kind = FilterNode::Kind::Not;
            node.type = ValueType::Boolean;
            node.children.push_back(std::move(operand).value());
            return node;
        }
        return parsePrimary(depth);
    }

    Result<FilterNode> parsePrimary(int depth)
    {
        const Token &token = peek();
        if (token.kind == TokenKind::OpenParen) {
            take();
            if (auto deep = checkDepth(depth + 1, token.position); !deep.ok())
                return deep.error();
            auto inner = parseOr(depth + 1);
            if (!inner.ok())
                return inner;
            if (peek().kind != TokenKind::CloseParen)
                return parseError("missing ')' for the '(' at position " + std::to_string(token.position) +
                                      ", found " + describe(peek()),
                                  peek().position);
            take();
            return inner;
        }
        if (isLiteral(token))
            return literal(take());
        if (token.kind != TokenKind::Identifier)
            return parseError("expected an operand but found " + describe(token), token.position);
        if (peek(1).kind == TokenKind::OpenParen)
            return parseCall(depth);
        take();
        if (const PropertyDef *property = m_set.property(token.text)) {
            FilterNode node;
            node.kind = FilterNode::Kind::Property;
            node.type = valueTypeOf(property->type);
            node.property = property->name;
            return node;
        }
        if (m_set.navigation(token.text))
            return parseError("navigation property '" + token.text + "' cannot be used in $filter",
                              token.position);
        if (token.text == "and" || token.text == "or" || comparisons().count(token.text) ||
            token.text == "in")
            return parseError("expected an operand but found '" + token.text + "'", token.position);
        return parseError("unknown property '" + token.text + "' in " + m_set.name, token.position);
    }

    Result<FilterNode> parseCall(int depth)
    {
        const Token &name = take();
        take(); // (
        auto spec = functions().find(name.text);
        if (spec == functions().end())
            return parseError("unknown function '" + name.text + "'", name.position);
        if (auto deep = checkDepth(depth + 1, name.position); !deep.ok())
            return deep.error();
        FilterNode node;
        node.kind = FilterNode::Kind::Call;
        node.function = spec->second.function;
        node.type = spec->second.result;
        if (peek().kind != TokenKind::CloseParen) {
            while (true) {
                auto arg = parseOr(depth + 1);
                if (!arg.ok())
                    return arg;
                node.children.push_back(std::move(arg).value());
                if (peek().kind != TokenKind::Comma)
                    break;
                take();
            }
        }
        if (peek().kind != TokenKind::CloseParen)
            return parseError("expected ',' or ')' in the arguments of " + name.text + "() but found " +
                                  describe(peek()),
                              peek().position);
        take();
        const auto &params = spec->second.params;
        if (node.children.size() != params.size())
            return parseError(name.text + "() takes " + std::to_string(params.size()) + " argument" +
                                  (params.size() == 1 ? "" : "s") + ", not " +
                                  std::to_string(node.children.size()),
                              name.position);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const ValueType got = node.children[i].type;
            const bool temporal = got == ValueType::Date || got == ValueType::DateTimeOffset;
            const bool ok =
                got == ValueType::Null || got == params[i] || (params[i] == ValueType::Date && temporal);
            if (!ok)
                return parseError(name.text + "() argument " + std::to_string(i + 1) + " must be " +
                                      (params[i] == ValueType::Date ? std::string("a date or timestamp")
                                                                    : std::string(valueTypeName(params[i]))) +
                                      ", not " + valueTypeName(got),
                                  name.position);
        }
        return node;
    }

    static Result<FilterNode> literal(const Token &token)
    {
        FilterNode node;
        node.kind = FilterNode::Kind::Literal;
        switch (token.kind) {
        case TokenKind::String:
            node.type = ValueType::String;
            node.literal = Value::ofText(token.text);
            return node;
        case TokenKind::Guid:
            node.type = ValueType::Guid;
            node.literal = Value::ofText(token.text);
            return node;
        case TokenKind::Date:
            node.type = ValueType::Date;
            node.literal = Value::ofText(token.text);
            return node;
        case TokenKind::DateTimeOffset:
            node.type = ValueType::DateTimeOffset;
            node.literal = Value::ofText(token.text);
            return node;
        case TokenKind::Integer: {
            std::int64_t value = 0;
            const char *end = token.text.data() + token.text.size();
            auto [ptr, ec] = std::from_chars(token.text.data(), end, value);
            if (ec != std::errc() || ptr != end)
                return parseError("integer literal out of range", token.position);
            node.type = ValueType::Number;
            node.literal = Value::ofInt(value);
            return node;
        }
        case TokenKind::Decimal: {
            double value = 0;
            const char *end = token.text.data() + token.text.size();
            auto [ptr, ec] = std::from_chars(token.text.data(), end, value);
            if (ec != std::errc() || ptr != end)
                return parseError("number literal out of range", token.position);
            node.type = ValueType::Number;
            node.literal = Value::ofDouble(value);
            return node;
        }
        case TokenKind::Identifier:
            if (token.text == "true" || token.text == "false") {
                node.type = ValueType::Boolean;
                node.literal = Value::ofBool(token.text == "true");
                return node;
            }
            if (token.text == "null") {
                node.type = ValueType::Null;
                return node;
            }
            break;
        default:
            break;
        }
        return parseError("expected a literal but found " + describe(token), token.position);
    }
};

} // namespace

Result<FilterNode> parseFilterTokens(std::vector<Token> tokens, const EntitySetDef &set)
{
    return Parser(std::move(tokens), set).run();
}

} // namespace lakeshore::demo::odata
