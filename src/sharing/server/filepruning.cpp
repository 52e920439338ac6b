#include "sharing/server/filepruning.h"

#include "sharing/server/isotime.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace lakeshore::sharing::server {

using nlohmann::json;

enum class Op { Column, Literal, IsNull, Equal, Less, LessOrEqual, Greater, GreaterOrEqual, And, Or, Not };

// A literal as compared: numbers, text, times (dates and timestamps as epoch ms) and booleans.
struct Value
{
    enum class Kind { Number, Text, Time, Bool } kind = Kind::Number;
    double number = 0;
    std::string text;
    std::int64_t time = 0;
};

struct FilePredicate
{
    Op op = Op::And;
    std::vector<std::shared_ptr<const FilePredicate>> children;
    std::string column; // Op::Column
    Value value;        // Op::Literal
};

namespace {

using Node = std::shared_ptr<const FilePredicate>;
constexpr std::size_t kMaxHintBytes = 1 << 20;
constexpr int kMaxDepth = 100;

// Whether some row may make the node true, and whether some row may make it false (SQL nulls do neither).
struct Outcome
{
    bool mayBeTrue = true;
    bool mayBeFalse = true;
};

std::optional<Op> opNamed(const std::string &name)
{
    static const std::pair<const char *, Op> names[] = {{"column", Op::Column},
                                                        {"literal", Op::Literal},
                                                        {"isNull", Op::IsNull},
                                                        {"equal", Op::Equal},
                                                        {"lessThan", Op::Less},
                                                        {"lessThanOrEqual", Op::LessOrEqual},
                                                        {"greaterThan", Op::Greater},
                                                        {"greaterThanOrEqual", Op::GreaterOrEqual},
                                                        {"and", Op::And},
                                                        {"or", Op::Or},
                                                        {"not", Op::Not}};
    for (const auto &[text, op] : names)
        if (name == text)
            return op;
    return std::nullopt;
}

std::optional<Value> literal(const std::string &text, const std::string &valueType)
{
    Value value;
    if (valueType == "string") {
        value.kind = Value::Kind::Text;
        value.text = text;
        return value;
    }
    if (valueType == "date" || valueType == "timestamp") {
        auto millis = parseIsoMillis(text);
        if (!millis)
            return std::nullopt;
        value.kind = Value::Kind::Time;
        value.time = *millis;
        return value;
    }
    if (valueType == "bool") {
        if (text != "true" && text != "false")
            return std::nullopt;
        value.kind = Value::Kind::Bool;
        return value;
    }
    if (valueType == "int" || valueType == "long" || valueType == "float" || valueType == "double") {
        const char *end = text.data() + text.size();
        auto [stop, error] = std::from_chars(text.data(), end, value.number);
        if (error != std::errc() || stop != end || !std::isfinite(value.number))
            return std::nullopt;
        return value;
    }
    return std::nullopt;
}

Node fromJson(const json &node, int depth)
{
    if (depth > kMaxDepth || !node.is_object() || !node.contains("op") || !node["op"].is_string())
        return nullptr;
    auto op = opNamed(node["op"].get<std::string>());
    if (!op)
        return nullptr;
    auto out = std::make_shared<FilePredicate>();
    out->op = *op;
    if (*op == Op::Column) {
        if (!node.contains("name") || !node["name"].is_string())
            return nullptr;
        out->column = node["name"].get<std::string>();
        return out;
    }
    if (*op == Op::Literal) {
        if (!node.contains("value") || !node["value"].is_string() || !node.contains("valueType") ||
            !node["valueType"].is_string())
            return nullptr;
        auto value = literal(node["value"].get<std::string>(), node["valueType"].get<std::string>());
        if (!value)
            return nullptr;
        out->value = *value;
        return out;
    }
    if (!node.contains("children") || !node["children"].is_array())
        return nullptr;
    for (const json &child : node["children"]) {
        Node parsed = fromJson(child, depth + 1);
        if (!parsed)
            return nullptr;
        out->children.push_back(std::move(parsed));
    }
    const std::size_t n = out->children.size();
    const bool comparison = *op == Op::Equal || *op == Op::Less || *op == Op::LessOrEqual ||
                            *op == Op::Greater || *op == Op::GreaterOrEqual;
    if ((comparison && n != 2) || ((*op == Op::Not || *op == Op::IsNull) && n != 1) ||
        ((*op == Op::And || *op == Op::Or) && n < 1))
        return nullptr;
    if (*op == Op::IsNull && out->children[0]->op != Op::Column)
        return nullptr;
    return out;
}

// --- SQL-like hints -------------------------------------------------------------------------------

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool identifier(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::optional<std::string> quoted(std::string_view text)
{
    if (text.size() < 2 || text.front() != '\'' || text.back() != '\'')
        return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '\'') {
            if (i + 2 >= text.size() || text[i + 1] != '\'')
                return std::nullopt;
            ++i;
        }
        out.push_back(text[i]);
    }
    return out;
}

Node column(std::string name)
{
    auto node = std::make_shared<FilePredicate>();
    node->op = Op::Column;
    node->column = std::move(name);
    return node;
}

Node combine(Op op, std::vector<Node> children)
{
    auto node = std::make_shared<FilePredicate>();
    node->op = op;
    node->children = std::move(children);
    return node;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

Node fromSql(std::string_view hint)
{
    hint = trim(hint);
    const std::string caps = upper(hint);
    for (const char *suffix : {" IS NOT NULL", " IS NULL"}) {
        const std::string_view end(suffix);
        if (caps.size() > end.size() && caps.compare(caps.size() - end.size(), end.size(), end) == 0) {
            const std::string_view name = trim(hint.substr(0, hint.size() - end.size()));
            if (!identifier(name))
                return nullptr;
            Node isNull = combine(Op::IsNull, {column(std::string(name))});
            return end.size() == 12 ? combine(Op::Not, {isNull}) : isNull;
        }
    }
    static const std::pair<const char *, Op> ops[] = {
        {"<>", Op::Not},  {"!=", Op::Not}, {"<=", Op::LessOrEqual}, {">=", Op::GreaterOrEqual},
        {"=", Op::Equal}, {"<", Op::Less}, {">", Op::Greater}};
    for (const auto &[text, op] : ops) {
        const std::size_t at = hint.find(text);
        if (at == std::string_view::npos)
            continue;
        const std::string_view name = trim(hint.substr(0, at));
        const std::string_view right = trim(hint.substr(at + std::string_view(text).size()));
        if (!identifier(name))
            return nullptr;
        auto value = std::make_shared<FilePredicate>();
        value->op = Op::Literal;
        if (auto unquoted = quoted(right)) {
            // A quoted date or time compares as a time; other text as text.
            auto asTime = literal(*unquoted, "timestamp");
            value->value = asTime ? *asTime : *literal(*unquoted, "string");
        } else if (auto number = literal(std::string(right), "double")) {
            value->value = *number;
        } else {
            return nullptr;
        }
        if (op == Op::Not) // a <> b: not (a = b)
            return combine(Op::Not, {combine(Op::Equal, {column(std::string(name)), value})});
        return combine(op, {column(std::string(name)), value});
    }
    return nullptr;
}

// --- evaluation against stats ---------------------------------------------------------------------

const json *statsEntry(const json &stats, const char *part, const std::string &name)
{
    auto section = stats.find(part);
    if (section == stats.end() || !section->is_object())
        return nullptr;
    auto exact = section->find(name);
    if (exact != section->end())
        return &*exact;
    for (auto it = section->begin(); it != section->end(); ++it)
        if (it.key().size() == name.size() &&
            std::equal(name.begin(), name.end(), it.key().begin(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return &it.value();
    return nullptr;
}

// -1, 0, 1 comparing a stats bound with the literal, or nullopt when they do not compare.
std::optional<int> compare(const json *bound, const Value &value)
{
    if (!bound)
        return std::nullopt;
    switch (value.kind) {
    case Value::Kind::Number: {
        if (!bound->is_number())
            return std::nullopt;
        const double b = bound->get<double>();
        return b < value.number ? -1 : b > value.number ? 1 : 0;
    }
    case Value::Kind::Text: {
        if (!bound->is_string())
            return std::nullopt;
        const int c = bound->get_ref<const std::string &>().compare(value.text);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Value::Kind::Time: {
        if (!bound->is_string())
            return std::nullopt;
        auto millis = parseIsoMillis(bound->get_ref<const std::string &>());
        if (!millis)
            return std::nullopt;
        return *millis < value.time ? -1 : *millis > value.time ? 1 : 0;
    }
    case Value::Kind::Bool:
        return std::nullopt;
    }
    return std::nullopt;
}

Op mirrored(Op op) // literal OP column == column mirrored(OP) literal
{
    switch (op) {
    case Op::Less:
        return Op::Greater;
    case Op::LessOrEqual:
        return Op::GreaterOrEqual;
    case Op::Greater:
        return Op::Less;
    case Op::GreaterOrEqual:
        return Op::LessOrEqual;
    default:
        return op;
    }
}

bool allNull(const json &stats, const std::string &name)
{
    const json *nulls = statsEntry(stats, "nullCount", name);
    auto records = stats.find("numRecords");
    return nulls && nulls->is_number_integer() && records != stats.end() && records->is_number_integer() &&
           nulls->get<std::int64_t>() == records->get<std::int64_t>();
}

Outcome comparison(Op op, const FilePredicate &left, const FilePredicate &right, const json &stats)
{
    const FilePredicate *col = &left, *lit = &right;
    if (left.op == Op::Literal && right.op == Op::Column) {
        std::swap(col, lit);
        op = mirrored(op);
    }
    if (col->op != Op::Column || lit->op != Op::Literal)
        return {};
    if (allNull(stats, col->column))
        return {false, false};
    const auto low = compare(statsEntry(stats, "minValues", col->column), lit->value);
    const auto high = compare(statsEntry(stats, "maxValues", col->column), lit->value);
    Outcome out;
    switch (op) {
    case Op::Equal:
        if ((low && *low > 0) || (high && *high < 0))
            out.mayBeTrue = false;
        if (low && high && *low == 0 && *high == 0)
            out.mayBeFalse = false;
        break;
    case Op::Less:
        if (low && *low >= 0)
            out.mayBeTrue = false;
        if (high && *high < 0)
            out.mayBeFalse = false;
        break;
    case Op::LessOrEqual:
        if (low && *low > 0)
            out.mayBeTrue = false;
        if (high && *high <= 0)
            out.mayBeFalse = false;
        break;
    case Op::Greater:
        if (high && *high <= 0)
            out.mayBeTrue = false;
        if (low && *low > 0)
            out.mayBeFalse = false;
        break;
    case Op::GreaterOrEqual:
        if (high && *high < 0)
            out.mayBeTrue = false;
        if (low && *low >= 0)
            out.mayBeFalse = false;
        break;
    default:
        break;
    }
    return out;
}

Outcome evaluate(const FilePredicate &node, const json &stats)
{
    switch (node.op) {
    case Op::Column:
    case Op::Literal:
        return {};
    case Op::IsNull: {
        const std::string &name = node.children[0]->column;
        const json *nulls = statsEntry(stats, "nullCount", name);
        if (!nulls || !nulls->is_number_integer())
            return {};
        return {nulls->get<std::int64_t>() > 0, !allNull(stats, name)};
    }
    case Op::And: {
        Outcome out{true, false};
        for (const auto &child : node.children) {
            const Outcome c = evaluate(*child, stats);
            out.mayBeTrue = out.mayBeTrue && c.mayBeTrue;
            out.mayBeFalse = out.mayBeFalse || c.mayBeFalse;
        }
        return out;
    }
    case Op::Or: {
        Outcome out{false, true};
        for (const auto &child : node.children) {
            const Outcome c = evaluate(*child, stats);
            out.mayBeTrue = out.mayBeTrue || c.mayBeTrue;
            out.mayBeFalse = out.mayBeFalse && c.mayBeFalse;
        }
        return out;
    }
    case Op::Not: {
        const Outcome c = evaluate(*node.children[0], stats);
        return {c.mayBeFalse, c.mayBeTrue};
    }
    default:
        return comparison(node.op, *node.children[0], *node.children[1], stats);
    }
}

} // namespace

std::shared_ptr<const FilePredicate> jsonPredicate(std::string_view hints)
{
    if (hints.size() > kMaxHintBytes)
        return nullptr;
    const json tree = json::parse(hints, nullptr, false);
    if (tree.is_discarded())
        return nullptr;
    Node node = fromJson(tree, 1);
    if (node && (node->op == Op::Column || node->op == Op::Literal))
        return nullptr;
    return node;
}

std::shared_ptr<const FilePredicate> sqlPredicate(const std::vector<std::string> &hints)
{
    std::vector<Node> parts;
    for (const std::string &hint : hints)
        if (hint.size() <= kMaxHintBytes)
            if (Node node = fromSql(hint))
                parts.push_back(std::move(node));
    if (parts.empty())
        return nullptr;
    return combine(Op::And, std::move(parts));
}

std::shared_ptr<const FilePredicate> bothPredicates(std::shared_ptr<const FilePredicate> a,
                                                    std::shared_ptr<const FilePredicate> b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return combine(Op::And, {std::move(a), std::move(b)});
}

bool mayMatch(const FilePredicate &predicate, const json &stats)
{
    if (!stats.is_object())
        return true;
    return evaluate(predicate, stats).mayBeTrue;
}

} // namespace lakeshore::sharing::server
