#include "assistant/tabledecoder.h"

#include <cstdlib>

namespace lakeshore::assistant::detail {

namespace {

constexpr int kMaxLevel = 6; // how deep in a document a table is looked for

bool isOneOf(std::string_view key, std::initializer_list<std::string_view> names)
{
    for (const auto name : names)
        if (key == name)
            return true;
    return false;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    return out;
}

} // namespace

TableDecoder::TableDecoder(const DecodeOptions &options, const DecodeHooks &hooks, std::string source)
    : m_options(options), m_hooks(hooks), m_builder(options.firstRows, options.chunkRows)
{
    m_builder.setSource(std::move(source));
}

bool TableDecoder::failHere(JsonScanner &s, ErrorKind kind, std::string message)
{
    if (!m_error)
        m_error = makeError(kind, message + " (at byte " + std::to_string(s.offset()) + ")");
    return false;
}

bool TableDecoder::decode(JsonScanner &s)
{
    switch (s.peek()) {
    case JsonKind::Object:
        return walkObject(s, 0);
    case JsonKind::Array:
        return readRows(s, true);
    case JsonKind::Invalid:
        return false;
    default:
        return s.skipValue();
    }
}

bool TableDecoder::walkObject(JsonScanner &s, int level)
{
    if (!s.beginObject())
        return false;
    std::string_view key;
    while (s.nextKey(key)) {
        const JsonKind kind = s.peek();
        bool ok = true;
        if (key == "columns" && kind == JsonKind::Array) {
            ok = readColumns(s);
        } else if ((key == "rows" || key == "data_array") && kind == JsonKind::Array) {
            ok = readRows(s, false);
        } else if (isOneOf(key, {"rowCount", "count", "row_count", "total_row_count"}) &&
                   kind == JsonKind::Number) {
            JsonNumber number;
            ok = s.readNumber(number);
            if (ok && number.kind == JsonNumber::Kind::Integer && number.integer >= 0)
                m_builder.setReportedRowCount(static_cast<std::uint64_t>(number.integer));
        } else if ((key == "truncated" || key == "success") &&
                   (kind == JsonKind::True || kind == JsonKind::False)) {
            const bool isSuccess = key == "success";
            bool value = false;
            ok = s.readBool(value);
            if (isSuccess)
                m_success = value;
            else if (value)
                m_builder.setTruncated(true);
        } else if (key == "next_chunk_index") {
            m_moreChunks = true;
            ok = s.skipValue();
        } else if (key == "error" && kind == JsonKind::String) {
            ok = s.readString(m_serviceError);
        } else if (key == "code" && kind == JsonKind::String) {
            ok = s.readString(m_serviceCode);
        } else if (key == "error" && kind == JsonKind::Object) {
            ok = readStatus(s);
        } else if (key == "status" && kind == JsonKind::Object) {
            ok = readStatus(s);
        } else if (key == "statements" && kind == JsonKind::Array && level < kMaxLevel) {
            ok = readStatements(s, level + 1);
        } else if (isOneOf(key, {"data", "result", "manifest", "schema", "statement_response"}) &&
                   kind == JsonKind::Object && level < kMaxLevel) {
            ok = walkObject(s, level + 1);
        } else {
            ok = s.skipValue();
        }
        if (!ok)
            return false;
    }
    return !s.failed();
}

// {"state":"FAILED","error":{"message":...,"error_code":...}} (Databricks) or an error object itself.
bool TableDecoder::readStatus(JsonScanner &s)
{
    if (!s.beginObject())
        return false;
    std::string_view key;
    while (s.nextKey(key)) {
        const JsonKind kind = s.peek();
        bool ok = true;
        if (key == "state" && kind == JsonKind::String)
            ok = s.readString(m_state);
        else if (key == "message" && kind == JsonKind::String)
            ok = s.readString(m_serviceError);
        else if ((key == "error_code" || key == "code") && kind == JsonKind::String)
            ok = s.readString(m_serviceCode);
        else if (key == "error" && kind == JsonKind::Object)
            ok = readStatus(s);
        else
            ok = s.skipValue();
        if (!ok)
            return false;
    }
    return !s.failed();
}

bool TableDecoder::readColumns(JsonScanner &s)
{
    struct Spec
    {
        std::string name;
        std::string declaredType;
        Typing typing = Typing::None;
    };
    std::vector<Spec> specs;
    if (!s.beginArray())
        return false;
    while (s.nextElement()) {
        Spec spec;
        const JsonKind kind = s.peek();
        if (kind == JsonKind::String) {
            if (!s.readString(spec.name))
                return false;
        } else if (kind == JsonKind::Object) {
            if (!s.beginObject())
                return false;
            std::string_view key;
            std::string typeName, typeText, type;
            while (s.nextKey(key)) {
                const bool isString = s.peek() == JsonKind::String;
                bool ok = true;
                if (key == "name" && isString)
                    ok = s.readString(spec.name);
                else if (key == "type" && isString)
                    ok = s.readString(type);
                else if (key == "type_name" && isString)
                    ok = s.readString(typeName);
                else if (key == "type_text" && isString)
                    ok = s.readString(typeText);
                else
                    ok = s.skipValue();
                if (!ok)
                    return false;
            }
            if (s.failed())
                return false;
            spec.declaredType = !typeText.empty() ? typeText : !typeName.empty() ? typeName : type;
            const std::string t = upper(typeName);
            if (isOneOf(t, {"BYTE", "SHORT", "INT", "INTEGER", "LONG", "BIGINT", "SMALLINT", "TINYINT"}))
                spec.typing = Typing::Integer;
            else if (isOneOf(t, {"FLOAT", "DOUBLE", "REAL"}))
                spec.typing = Typing::Real;
            else if (isOneOf(t, {"DECIMAL", "NUMERIC"}))
                spec.typing = Typing::Decimal;
            else if (t == "BOOLEAN")
                spec.typing = Typing::Boolean;
        } else if (kind == JsonKind::Invalid) {
            return false;
        } else {
            return failHere(s, ErrorKind::Malformed,
                            "column " + std::to_string(specs.size() + 1) +
                                " is neither a name nor an object");
        }
        specs.push_back(std::move(spec));
    }
    if (s.failed())
        return false;

    if (m_mode == RowMode::Objects) {
        // Row objects name their own columns; the list only adds declared types (and columns with no rows
        // yet).
        for (auto &spec : specs) {
            const auto it = m_byName.find(spec.name);
            if (it == m_byName.end()) {
                addColumn(std::move(spec.name), std::move(spec.declaredType), spec.typing);
            } else {
                m_builder.renameColumn(it->second, spec.name, std::move(spec.declaredType));
                m_typing[it->second] = spec.typing;
            }
        }
    } else if (m_builder.columnCount() == 0) {
        for (auto &spec : specs)
            addColumn(std::move(spec.name), std::move(spec.declaredType), spec.typing);
    } else {
        if (specs.size() != m_builder.columnCount())
            return failHere(s, ErrorKind::Malformed,
                            "the column list names " + std::to_string(specs.size()) +
                                " columns but the rows have " + std::to_string(m_builder.columnCount()) +
                                " cells");
        for (std::size_t i = 0; i < specs.size(); ++i) {
            m_builder.renameColumn(i, std::move(specs[i].name), std::move(specs[i].declaredType));
            m_typing[i] = specs[i].typing; // later rows only: these came after some of the data
        }
        m_mayPublish = true;
    }
    m_columnsKnown = true;
    m_isTable = true;
    return true;
}

std::size_t TableDecoder::addColumn(std::string name, std::string declaredType, Typing typing)
{
    const std::size_t index = m_builder.addColumn(name, std::move(declaredType));
    m_typing.push_back(typing);
    m_seenInRow.push_back(0);
    m_byName.emplace(std::move(name), index); // a duplicate name keeps its first column
    return index;
}

bool TableDecoder::readStatements(JsonScanner &s, int level)
{
    if (!s.beginArray())
        return false;
    while (s.nextElement()) {
        ++m_statements;
        if (m_builder.rows() > 0 || s.peek() != JsonKind::Object) {
            if (!s.skipValue())
                return false;
            continue;
        }
        m_shownStatement = m_statements;
        if (!walkObject(s, level))
            return false;
    }
    return !s.failed();
}

bool TableDecoder::readRows(JsonScanner &s, bool topLevel)
{
    if (!s.beginArray())
        return false;
    while (s.nextElement()) {
        const JsonKind kind = s.peek();
        auto row = [&] { return "row " + std::to_string(m_rowNumber + 1); };
        if (kind == JsonKind::Array) {
            if (m_mode == RowMode::Objects)
                return failHere(s, ErrorKind::Malformed,
                                row() + " is an array but the rows before are objects");
            if (m_mode == RowMode::Unknown && !m_columnsKnown && m_builder.columnCount() == 0)
                m_mayPublish = false; // names may still follow
            m_mode = RowMode::Positional;
            if (!readPositionalRow(s))
                return false;
        } else if (kind == JsonKind::Object) {
            if (m_mode == RowMode::Positional)
                return failHere(s, ErrorKind::Malformed,
                                row() + " is an object but the rows before are arrays");
            m_mode = RowMode::Objects;
            if (!readObjectRow(s))
                return false;
        } else if (kind == JsonKind::Invalid) {
            return false;
        } else if (topLevel && m_rowNumber == 0) {
            // A plain JSON array (of numbers, strings, ...) is not a table.
            do {
                if (!s.skipValue())
                    return false;
            } while (s.nextElement());
            return !s.failed();
        } else {
            return failHere(s, ErrorKind::Malformed, row() + " is neither an array nor an object");
        }
        m_isTable = true;
        if (!endRow(s))
            return false;
    }
    if (s.failed())
        return false;
    m_isTable = true; // no rows is an empty table
    return true;
}

bool TableDecoder::readPositionalRow(JsonScanner &s)
{
    ++m_rowNumber;
    const bool inferColumns = !m_columnsKnown && m_rowNumber == 1 && m_builder.columnCount() == 0;
    if (!s.beginArray())
        return false;
    std::size_t cells = 0;
    while (s.nextElement()) {
        if (cells >= m_builder.columnCount()) {
            if (!inferColumns)
                return failHere(s, ErrorKind::Malformed,
                                "row " + std::to_string(m_rowNumber) + " has more than " +
                                    std::to_string(m_builder.columnCount()) + " cells");
            addColumn({}, {}, Typing::None);
        }
        if (!readCell(s, cells))
            return false;
        ++cells;
    }
    if (s.failed())
        return false;
    if (cells != m_builder.columnCount())
        return failHere(s, ErrorKind::Malformed,
                        "row " + std::to_string(m_rowNumber) + " has " + std::to_string(cells) +
                            " cells, expected " + std::to_string(m_builder.columnCount()));
    return true;
}

std::size_t TableDecoder::columnFor(std::string_view key)
{
    std::size_t column;
    if (m_guess < m_builder.columnCount() && m_builder.columnInfo(m_guess).name == key) {
        column = m_guess;
    } else if (const auto it = m_byName.find(key); it != m_byName.end()) {
        column = it->second;
    } else {
        column = addColumn(std::string(key), {}, Typing::None);
    }
    m_guess = column + 1;
    return column;
}

bool TableDecoder::readObjectRow(JsonScanner &s)
{
    ++m_rowNumber;
    if (!s.beginObject())
        return false;
    m_guess = 0;
    std::string_view key;
    while (s.nextKey(key)) {
        const std::size_t column = columnFor(key);
        if (m_seenInRow[column] == m_rowNumber)
            return failHere(s, ErrorKind::Malformed,
                            "the key \"" + std::string(key) + "\" appears twice in row " +
                                std::to_string(m_rowNumber));
        m_seenInRow[column] = m_rowNumber;
        if (!readCell(s, column))
            return false;
    }
    if (s.failed())
        return false;
    for (std::size_t column = 0; column < m_builder.columnCount(); ++column)
        if (m_seenInRow[column] != m_rowNumber)
            m_builder.column(column).appendNull();
    return true;
}

bool TableDecoder::endRow(JsonScanner &s)
{
    if (m_builder.endRow() && m_mayPublish && m_hooks.published)
        m_hooks.published(m_builder);
    if ((m_rowNumber & 1023) == 0 && m_hooks.cancel && m_hooks.cancel->load(std::memory_order_relaxed))
        return failHere(s, ErrorKind::Cancelled, "the decode was cancelled");
    return true;
}

bool TableDecoder::reportedFailure() const
{
    return m_success == false ||
           isOneOf(upper(m_state), {"FAILED", "CANCELED", "CANCELLED", "CLOSED", "PENDING", "RUNNING"});
}

Result<ResultSet> TableDecoder::finish()
{
    if (m_success == false) {
        Error error = makeError(ErrorKind::Service, "the tool reported a failure", 0, m_serviceCode);
        error.serviceMessage = m_serviceError;
        return error;
    }
    const std::string state = upper(m_state);
    if (isOneOf(state, {"FAILED", "CANCELED", "CANCELLED", "CLOSED"})) {
        Error error = makeError(ErrorKind::Service, "the statement ended as " + state, 0, m_serviceCode);
        error.serviceMessage = m_serviceError;
        return error;
    }
    if (isOneOf(state, {"PENDING", "RUNNING"}))
        return makeError(ErrorKind::Service,
                         "the statement is still " + state + "; this reply holds no rows yet");
    for (std::size_t i = 0; i < m_builder.columnCount(); ++i)
        if (m_builder.columnInfo(i).name.empty())
            m_builder.renameColumn(i, "column " + std::to_string(i + 1),
                                   m_builder.columnInfo(i).declaredType);
    std::string note;
    if (m_statements > 1)
        note = "The reply holds " + std::to_string(m_statements) + " statement results; showing statement " +
               std::to_string(m_shownStatement) + ", the first that returned rows.";
    if (m_moreChunks) {
        m_builder.setTruncated(true);
        note += std::string(note.empty() ? "" : " ") +
                "More rows are on the server in result chunks not fetched.";
    }
    m_builder.setNote(std::move(note));
    return m_builder.finish();
}

} // namespace lakeshore::assistant::detail
