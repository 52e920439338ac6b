// The completion callback every connector call takes: a value or the error, once, on an I/O thread.
#pragma once

#include "core/result.h"

#include <functional>

namespace lakeshore::sources {

template <class T> using Done = std::function<void(Result<T>)>;

} // namespace lakeshore::sources
