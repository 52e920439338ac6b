#include "sharing/parquet/column.h"

#include <algorithm>

namespace lakeshore::sharing::parquet {

void Column::reserve(std::size_t rows)
{
    m_present.reserve(rows);
    switch (storageOf(m_type)) {
    case Storage::Integer:
        m_integers.reserve(rows);
        break;
    case Storage::Double:
        m_doubles.reserve(rows);
        break;
    case Storage::Text:
        m_ends.reserve(rows);
        break;
    }
}

void Column::appendInteger(std::int64_t value)
{
    m_present.push_back(1);
    m_integers.push_back(value);
}

void Column::appendDouble(double value)
{
    m_present.push_back(1);
    m_doubles.push_back(value);
}

void Column::appendString(std::string_view value)
{
    m_present.push_back(1);
    m_bytes.append(value);
    m_ends.push_back(m_bytes.size());
}

void Column::appendNull()
{
    m_present.push_back(0);
    switch (storageOf(m_type)) {
    case Storage::Integer:
        m_integers.push_back(0);
        break;
    case Storage::Double:
        m_doubles.push_back(0);
        break;
    case Storage::Text:
        m_ends.push_back(m_bytes.size());
        break;
    }
}

std::string_view Column::text(std::size_t row) const
{
    const std::uint64_t begin = row == 0 ? 0 : m_ends[row - 1];
    return std::string_view(m_bytes).substr(begin, m_ends[row] - begin);
}

std::size_t Column::nullCount() const
{
    return static_cast<std::size_t>(std::count(m_present.begin(), m_present.end(), 0));
}

bool Column::consistent() const
{
    const std::size_t rows = m_present.size();
    switch (storageOf(m_type)) {
    case Storage::Integer:
        return m_integers.size() == rows && m_doubles.empty() && m_ends.empty();
    case Storage::Double:
        return m_doubles.size() == rows && m_integers.empty() && m_ends.empty();
    case Storage::Text:
        return m_ends.size() == rows && m_integers.empty() && m_doubles.empty();
    }
    return false;
}

} // namespace lakeshore::sharing::parquet
