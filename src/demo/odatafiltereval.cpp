#include "demo/odatafilter.h"

#include <charconv>
#include <limits>
#include <optional>

namespace lakeshore::demo::odata {
namespace {

std::string lowered(std::string text)
{
    for (auto &c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string uppered(std::string text)
{
    for (auto &c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::int64_t codePoints(const std::string &text)
{
    std::int64_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

// year/month/day of an ISO date or timestamp; the calendar date as written, offset and all.
Value datePart(const Value &v, Function part)
{
    if (v.kind != Value::Kind::Text || v.text.size() < 10 || v.text[4] != '-' || v.text[7] != '-')
        return Value::null();
    const std::size_t from = part == Function::Year ? 0 : part == Function::Month ? 5 : 8;
    const std::size_t length = part == Function::Year ? 4 : 2;
    int out = 0;
    const char *begin = v.text.data() + from;
    auto [ptr, ec] = std::from_chars(begin, begin + length, out);
    if (ec != std::errc() || ptr != begin + length)
        return Value::null();
    return Value::ofInt(out);
}

// Ordering of two non-null values; nullopt when they are of kinds that do not compare.
std::optional<int> order(const Value &a, const Value &b)
{
    using K = Value::Kind;
    auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (a.kind == K::Integer && b.kind == K::Integer)
        return sign(a.integer, b.integer);
    const bool aNum = a.kind == K::Integer || a.kind == K::Double;
    const bool bNum = b.kind == K::Integer || b.kind == K::Double;
    if (aNum && bNum) {
        const double x = a.kind == K::Integer ? static_cast<double>(a.integer) : a.number;
        const double y = b.kind == K::Integer ? static_cast<double>(b.integer) : b.number;
        return sign(x, y);
    }
    if (a.kind == K::Text && b.kind == K::Text) {
        const int c = a.text.compare(b.text);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.kind == K::Boolean && b.kind == K::Boolean)
        return sign(a.boolean, b.boolean);
    return std::nullopt;
}

Value compare(CompareOp op, const Value &a, const Value &b)
{
    switch (op) {
    case CompareOp::Eq:
        return Value::ofBool(equalValues(a, b));
    case CompareOp::Ne:
        return Value::ofBool(!equalValues(a, b));
    default:
        break;
    }
    if (a.isNull() || b.isNull())
        return Value::ofBool(false);
    auto o = order(a, b);
    if (!o)
        return Value::ofBool(false);
    switch (op) {
    case CompareOp::Gt:
        return Value::ofBool(*o > 0);
    case CompareOp::Ge:
        return Value::ofBool(*o >= 0);
    case CompareOp::Lt:
        return Value::ofBool(*o < 0);
    case CompareOp::Le:
        return Value::ofBool(*o <= 0);
    default:
        return Value::ofBool(false);
    }
}

Value call(Function function, const std::vector<Value> &args)
{
    for (const auto &arg : args)
        if (arg.kind != Value::Kind::Text)
            return Value::null();
    switch (function) {
    case Function::Contains:
        return Value::ofBool(args[0].text.find(args[1].text) != std::string::npos);
    case Function::StartsWith:
        return Value::ofBool(args[0].text.rfind(args[1].text, 0) == 0);
    case Function::EndsWith: {
        const auto &s = args[0].text;
        const auto &suffix = args[1].text;
        return Value::ofBool(s.size() >= suffix.size() &&
                             s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0);
    }
    case Function::ToLower:
        return Value::ofText(lowered(args[0].text));
    case Function::ToUpper:
        return Value::ofText(uppered(args[0].text));
    case Function::Length:
        return Value::ofInt(codePoints(args[0].text));
    case Function::Year:
    case Function::Month:
    case Function::Day:
        return datePart(args[0], function);
    }
    return Value::null();
}

Value eval(const FilterNode &node, const nlohmann::json &row)
{
    using K = FilterNode::Kind;
    switch (node.kind) {
    case K::Literal:
        return node.literal;
    case K::Property:
        return propertyValue(row, node.property, node.type);
    case K::Not: {
        Value v = eval(node.children[0], row);
        return v.kind == Value::Kind::Boolean ? Value::ofBool(!v.boolean) : Value::null();
    }
    case K::And:
    case K::Or: {
        // Three-valued: false dominates 'and', true dominates 'or', otherwise null stays unknown.
        const bool dominant = node.kind == K::Or;
        Value a = eval(node.children[0], row);
        if (a.kind == Value::Kind::Boolean && a.boolean == dominant)
            return a;
        Value b = eval(node.children[1], row);
        if (b.kind == Value::Kind::Boolean && b.boolean == dominant)
            return b;
        if (a.isNull() || b.isNull())
            return Value::null();
        return Value::ofBool(!dominant);
    }
    case K::Compare:
        return compare(node.op, eval(node.children[0], row), eval(node.children[1], row));
    case K::In: {
        const Value left = eval(node.children[0], row);
        for (std::size_t i = 1; i < node.children.size(); ++i)
            if (equalValues(left, node.children[i].literal))
                return Value::ofBool(true);
        return Value::ofBool(false);
    }
    case K::Call: {
        std::vector<Value> args;
        args.reserve(node.children.size());
        for (const auto &child : node.children)
            args.push_back(eval(child, row));
        return call(node.function, args);
    }
    }
    return Value::null();
}

std::optional<double> parseNumber(const std::string &text)
{
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

int orderValues(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() ? 0 : (a.isNull() ? -1 : 1);
    if (auto o = order(a, b))
        return *o;
    return static_cast<int>(a.kind) < static_cast<int>(b.kind) ? -1 : 1;
}

bool equalValues(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    auto o = order(a, b);
    return o && *o == 0;
}

Value propertyValue(const nlohmann::json &row, const std::string &name, ValueType type)
{
    auto it = row.find(name);
    if (it == row.end())
        return Value::null();
    const nlohmann::json &v = *it;
    switch (v.type()) {
    case nlohmann::json::value_t::boolean:
        return Value::ofBool(v.get<bool>());
    case nlohmann::json::value_t::number_integer:
        return Value::ofInt(v.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return Value::ofDouble(static_cast<double>(u));
        return Value::ofInt(static_cast<std::int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
        return Value::ofDouble(v.get<double>());
    case nlohmann::json::value_t::string: {
        const auto &text = v.get_ref<const std::string &>();
        if (type == ValueType::Number) { // Int64/Decimal may arrive as strings (IEEE754Compatible)
            if (auto number = parseNumber(text))
                return Value::ofDouble(*number);
            return Value::null();
        }
        return Value::ofText(type == ValueType::Guid ? lowered(text) : text);
    }
    default:
        return Value::null();
    }
}

Value Filter::evaluate(const nlohmann::json &row) const
{
    return eval(m_root, row);
}

bool Filter::matches(const nlohmann::json &row) const
{
    return evaluate(row).isTrue();
}

} // namespace lakeshore::demo::odata
