#include "mcp/schemacheck.h"

#include "mcp/jsontext.h"

#include <cmath>

namespace lakeshore::mcp {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxProblems = 20;
constexpr int kMaxDepth = 32; // deeper schemas or values are not checked further

// As jsonTypeName, but schemas tell integers from other numbers.
const char *typeName(const Json &value)
{
    return value.is_number_integer() ? "an integer" : jsonTypeName(value);
}

bool isWhole(const Json &value)
{
    if (value.is_number_integer() || value.is_number_unsigned())
        return true;
    // JSON Schema counts 3.0 as an integer.
    if (value.is_number_float()) {
        const double d = value.get<double>();
        return std::isfinite(d) && std::floor(d) == d;
    }
    return false;
}

bool hasType(const Json &value, const std::string &type)
{
    if (type == "string")
        return value.is_string();
    if (type == "integer")
        return isWhole(value);
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "null")
        return value.is_null();
    return true; // an unknown type name restricts nothing
}

std::string article(const std::string &type)
{
    return (type == "integer" || type == "object" || type == "array") ? "an " + type : "a " + type;
}

class Checker
{
public:
    std::vector<std::string> problems;

    void check(const Json &value, const Json &schema, const std::string &path, int depth)
    {
        if (!schema.is_object() || depth > kMaxDepth || problems.size() >= kMaxProblems)
            return;
        if (!checkType(value, schema, path))
            return; // the other keywords would only repeat the type problem
        if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) {
            bool found = false;
            for (const auto &allowed : *it)
                found = found || allowed == value;
            if (!found)
                add(path + " must be one of " + it->dump());
        }
        if (value.is_number())
            checkBounds(value.get<double>(), schema, path);
        if (value.is_string())
            checkLength(value.get_ref<const std::string &>(), schema, path);
        if (value.is_object())
            checkObject(value, schema, path, depth);
        if (value.is_array())
            checkArray(value, schema, path, depth);
    }

private:
    void add(std::string problem)
    {
        if (problems.size() < kMaxProblems)
            problems.push_back(std::move(problem));
    }

    bool checkType(const Json &value, const Json &schema, const std::string &path)
    {
        auto it = schema.find("type");
        if (it == schema.end())
            return true;
        if (it->is_string()) {
            const auto &type = it->get_ref<const std::string &>();
            if (hasType(value, type))
                return true;
            add(path + " must be " + article(type) + ", not " + typeName(value));
            return false;
        }
        if (it->is_array()) {
            std::string names;
            for (const auto &type : *it) {
                if (!type.is_string() || hasType(value, type.get<std::string>()))
                    return true;
                names += (names.empty() ? "" : " or ") + type.get<std::string>();
            }
            add(path + " must be " + names + ", not " + typeName(value));
            return false;
        }
        return true;
    }

    void checkBounds(double number, const Json &schema, const std::string &path)
    {
        auto bound = [&](const char *key) -> const Json * {
            auto it = schema.find(key);
            return it != schema.end() && it->is_number() ? &*it : nullptr;
        };
        if (const Json *min = bound("minimum"); min && number < min->get<double>())
            add(path + " must be at least " + min->dump());
        if (const Json *max = bound("maximum"); max && number > max->get<double>())
            add(path + " must be at most " + max->dump());
        if (const Json *min = bound("exclusiveMinimum"); min && number <= min->get<double>())
            add(path + " must be more than " + min->dump());
        if (const Json *max = bound("exclusiveMaximum"); max && number >= max->get<double>())
            add(path + " must be less than " + max->dump());
    }

    void checkLength(const std::string &text, const Json &schema, const std::string &path)
    {
        // Lengths count code points, as JSON Schema does.
        std::size_t length = 0;
        for (unsigned char c : text)
            length += (c & 0xC0) != 0x80;
        if (auto it = schema.find("minLength");
            it != schema.end() && isWhole(*it) && length < it->get<double>())
            add(path + " must have at least " + it->dump() + " characters");
        if (auto it = schema.find("maxLength");
            it != schema.end() && isWhole(*it) && length > it->get<double>())
            add(path + " must have at most " + it->dump() + " characters");
    }

    void checkObject(const Json &value, const Json &schema, const std::string &path, int depth)
    {
        const Json *properties = nullptr;
        if (auto it = schema.find("properties"); it != schema.end() && it->is_object())
            properties = &*it;
        if (auto it = schema.find("required"); it != schema.end() && it->is_array())
            for (const auto &name : *it)
                if (name.is_string() && !value.contains(name.get<std::string>()))
                    add(child(path, name.get<std::string>()) + " is required");
        auto extra = schema.find("additionalProperties");
        for (const auto &[key, item] : value.items()) {
            if (properties && properties->contains(key)) {
                check(item, (*properties)[key], child(path, key), depth + 1);
            } else if (extra != schema.end()) {
                if (extra->is_boolean() && !extra->get<bool>())
                    add(child(path, key) + " is not an argument of this tool");
                else if (extra->is_object())
                    check(item, *extra, child(path, key), depth + 1);
            }
        }
    }

    void checkArray(const Json &value, const Json &schema, const std::string &path, int depth)
    {
        if (auto it = schema.find("minItems");
            it != schema.end() && isWhole(*it) && value.size() < it->get<double>())
            add(path + " must have at least " + it->dump() + " items");
        if (auto it = schema.find("maxItems");
            it != schema.end() && isWhole(*it) && value.size() > it->get<double>())
            add(path + " must have at most " + it->dump() + " items");
        auto items = schema.find("items");
        if (items == schema.end() || !items->is_object())
            return;
        for (std::size_t i = 0; i < value.size() && problems.size() < kMaxProblems; ++i)
            check(value[i], *items, path + "[" + std::to_string(i) + "]", depth + 1);
    }

    static std::string child(const std::string &path, const std::string &key)
    {
        return path == "arguments" ? key : path + "." + key;
    }
};

} // namespace

std::vector<std::string> checkAgainstSchema(const nlohmann::json &value, const nlohmann::json &schema)
{
    Checker checker;
    checker.check(value, schema, "arguments", 0);
    return checker.problems;
}

} // namespace lakeshore::mcp
