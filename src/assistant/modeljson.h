// Reading a hand-written JSON configuration strictly: every error names its path in the document
// ("metrics[3].sql: missing"), unknown and duplicate keys are errors. Used by the semantic model loader.
#pragma once

#include "core/result.h"

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lakeshore::assistant::modeljson {

using Document = nlohmann::ordered_json;

// Parses text, refusing duplicate keys (which JSON parsers otherwise resolve silently, last one wins).
[[nodiscard]] Result<Document> parseDocument(std::string_view text);

// A node of the document with its path; may be missing.
class Value
{
public:
    explicit Value(const Document &root) : m_node(&root) {}
    Value(const Document *node, std::string path) : m_node(node), m_path(std::move(path)) {}

    [[nodiscard]] bool exists() const { return m_node != nullptr; }
    [[nodiscard]] const Document &node() const { return *m_node; }
    [[nodiscard]] bool has(const std::string &key) const;
    [[nodiscard]] Value member(const std::string &key) const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] Value at(std::size_t index) const;
    // "top level" for the root
    [[nodiscard]] std::string path() const;
    [[nodiscard]] std::string path(const std::string &key) const;

private:
    const Document *m_node = nullptr;
    std::string m_path;
};

// Keeps the first error; every read after it is a no-op returning false.
class Reader
{
public:
    [[nodiscard]] bool ok() const { return m_error.message.empty(); }
    [[nodiscard]] const Error &error() const { return m_error; }
    bool fail(const std::string &path, const std::string &what);

    // An object (or a missing value: "missing") with no keys but these.
    bool object(const Value &value, std::initializer_list<std::string_view> allowed);
    // An array; required: present and not empty.
    bool array(const Value &value, bool required);
    // The reads return true when the key was there and well-formed; required strings must not be empty.
    bool string(const Value &object, const std::string &key, std::string &out, bool required);
    bool strings(const Value &object, const std::string &key, std::vector<std::string> &out, bool required);
    bool stringMap(const Value &object, const std::string &key, std::map<std::string, std::string> &out,
                   bool required);
    bool integer(const Value &object, const std::string &key, int &out, bool required);
    bool number(const Value &object, const std::string &key, double &out, bool required);
    bool boolean(const Value &object, const std::string &key, bool &out, bool required);

private:
    bool present(const Value &object, const std::string &key, bool required);

    Error m_error;
};

} // namespace lakeshore::assistant::modeljson
