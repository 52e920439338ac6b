// Result<T>: a value or an Error, the return type of every fallible call in the core.
#pragma once

#include "core/error.h"

#include <utility>
#include <variant>

namespace lakeshore {

template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T &value() & { return std::get<0>(m_state); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

struct Done
{
};

// For calls that return nothing but can fail.
using Status = Result<Done>;

inline Status okStatus()
{
    return Done{};
}

inline Error makeError(ErrorKind kind, std::string message, int httpStatus = 0, std::string code = {})
{
    return Error{kind, std::move(message), httpStatus, std::move(code), {}};
}

} // namespace lakeshore
