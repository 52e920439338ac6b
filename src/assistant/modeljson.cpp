#include "assistant/modeljson.h"

#include <limits>
#include <set>

namespace lakeshore::assistant::modeljson {

namespace {

std::string join(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}

// Follows the parser's events to know where it is, so a duplicate key can be named by its path.
class DuplicateKeys
{
public:
    bool event(nlohmann::json::parse_event_t event, const Document &parsed)
    {
        using Event = nlohmann::json::parse_event_t;
        switch (event) {
        case Event::object_start:
        case Event::array_start:
            m_frames.push_back({event == Event::array_start, 0, {}, {}, childPath()});
            break;
        case Event::object_end:
        case Event::array_end:
            if (!m_frames.empty())
                m_frames.pop_back();
            break;
        case Event::key: {
            Frame &top = m_frames.back();
            top.key = parsed.get<std::string>();
            if (!top.keys.insert(top.key).second && m_duplicate.empty())
                m_duplicate = (top.path.empty() ? std::string("top level") : top.path) +
                              ": duplicate key \"" + top.key + "\"";
            break;
        }
        case Event::value:
            if (!m_frames.empty() && m_frames.back().array)
                ++m_frames.back().index;
            break;
        }
        return true;
    }

    [[nodiscard]] const std::string &duplicate() const { return m_duplicate; }

private:
    struct Frame
    {
        bool array = false;
        std::size_t index = 0;
        std::string key;
        std::set<std::string> keys;
        std::string path;
    };

    std::string childPath()
    {
        if (m_frames.empty())
            return {};
        Frame &parent = m_frames.back();
        if (parent.array)
            return parent.path + "[" + std::to_string(parent.index++) + "]";
        return join(parent.path, parent.key);
    }

    std::vector<Frame> m_frames;
    std::string m_duplicate;
};

const char *typeName(const Document &node)
{
    if (node.is_null())
        return "null";
    if (node.is_boolean())
        return "true/false";
    if (node.is_number())
        return "a number";
    if (node.is_string())
        return "a string";
    if (node.is_array())
        return "an array";
    return "an object";
}

} // namespace

Result<Document> parseDocument(std::string_view text)
{
    DuplicateKeys duplicates;
    Document document;
    try {
        document = Document::parse(text, [&](int, nlohmann::json::parse_event_t event, Document &parsed) {
            return duplicates.event(event, parsed);
        });
    } catch (const nlohmann::json::parse_error &e) {
        std::string what = e.what();
        if (const auto close = what.find("] ");
            what.starts_with("[json.exception") && close != std::string::npos)
            what.erase(0, close + 2);
        return makeError(ErrorKind::Invalid, "invalid JSON: " + what);
    }
    if (!duplicates.duplicate().empty())
        return makeError(ErrorKind::Invalid, duplicates.duplicate());
    return document;
}

bool Value::has(const std::string &key) const
{
    return m_node && m_node->is_object() && m_node->contains(key);
}

Value Value::member(const std::string &key) const
{
    if (!has(key))
        return Value(nullptr, path(key));
    return Value(&(*m_node)[key], path(key));
}

std::size_t Value::size() const
{
    return m_node && m_node->is_array() ? m_node->size() : 0;
}

Value Value::at(std::size_t index) const
{
    return Value(&(*m_node)[index], m_path + "[" + std::to_string(index) + "]");
}

std::string Value::path() const
{
    return m_path.empty() ? "top level" : m_path;
}

std::string Value::path(const std::string &key) const
{
    return join(m_path, key);
}

bool Reader::fail(const std::string &path, const std::string &what)
{
    if (ok())
        m_error = makeError(ErrorKind::Invalid, path + ": " + what);
    return false;
}

bool Reader::object(const Value &value, std::initializer_list<std::string_view> allowed)
{
    if (!ok())
        return false;
    if (!value.exists())
        return fail(value.path(), "missing");
    if (!value.node().is_object())
        return fail(value.path(), std::string("expected an object, found ") + typeName(value.node()));
    for (const auto &[key, member] : value.node().items()) {
        bool known = false;
        for (std::string_view name : allowed)
            known = known || key == name;
        if (!known)
            return fail(value.path(key), "unknown key");
    }
    return true;
}

bool Reader::array(const Value &value, bool required)
{
    if (!ok())
        return false;
    if (!value.exists())
        return required ? fail(value.path(), "missing") : false;
    if (!value.node().is_array())
        return fail(value.path(), std::string("expected an array, found ") + typeName(value.node()));
    if (required && value.node().empty())
        return fail(value.path(), "empty");
    return true;
}

bool Reader::present(const Value &object, const std::string &key, bool required)
{
    if (!ok())
        return false;
    if (!object.has(key))
        return required ? fail(object.path(key), "missing") : false;
    return true;
}

bool Reader::string(const Value &object, const std::string &key, std::string &out, bool required)
{
    if (!present(object, key, required))
        return false;
    const Document &node = object.member(key).node();
    if (!node.is_string())
        return fail(object.path(key), std::string("expected a string, found ") + typeName(node));
    out = node.get<std::string>();
    if (required && out.empty())
        return fail(object.path(key), "empty");
    return true;
}

bool Reader::strings(const Value &object, const std::string &key, std::vector<std::string> &out,
                     bool required)
{
    const Value list = object.member(key);
    if (!present(object, key, required) || !array(list, required))
        return false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value item = list.at(i);
        if (!item.node().is_string())
            return fail(item.path(), std::string("expected a string, found ") + typeName(item.node()));
        if (item.node().get<std::string>().empty())
            return fail(item.path(), "empty");
        out.push_back(item.node().get<std::string>());
    }
    return true;
}

bool Reader::stringMap(const Value &object, const std::string &key, std::map<std::string, std::string> &out,
                       bool required)
{
    if (!present(object, key, required))
        return false;
    const Value map = object.member(key);
    if (!map.node().is_object())
        return fail(map.path(), std::string("expected an object, found ") + typeName(map.node()));
    if (required && map.node().empty())
        return fail(map.path(), "empty");
    for (const auto &[name, value] : map.node().items()) {
        if (!value.is_string())
            return fail(map.path(name), std::string("expected a string, found ") + typeName(value));
        if (value.get<std::string>().empty())
            return fail(map.path(name), "empty");
        out[name] = value.get<std::string>();
    }
    return true;
}

bool Reader::integer(const Value &object, const std::string &key, int &out, bool required)
{
    if (!present(object, key, required))
        return false;
    const Document &node = object.member(key).node();
    if (!node.is_number_integer() || node.get<long long>() < std::numeric_limits<int>::min() ||
        node.get<long long>() > std::numeric_limits<int>::max())
        return fail(object.path(key), std::string("expected a whole number, found ") + typeName(node));
    out = node.get<int>();
    return true;
}

bool Reader::number(const Value &object, const std::string &key, double &out, bool required)
{
    if (!present(object, key, required))
        return false;
    const Document &node = object.member(key).node();
    if (!node.is_number())
        return fail(object.path(key), std::string("expected a number, found ") + typeName(node));
    out = node.get<double>();
    return true;
}

bool Reader::boolean(const Value &object, const std::string &key, bool &out, bool required)
{
    if (!present(object, key, required))
        return false;
    const Document &node = object.member(key).node();
    if (!node.is_boolean())
        return fail(object.path(key), std::string("expected true or false, found ") + typeName(node));
    out = node.get<bool>();
    return true;
}

} // namespace lakeshore::assistant::modeljson
