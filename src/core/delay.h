// Runs a function after a delay on one shared background thread, for code that must wait between
// calls (polling) without sleeping on an I/O thread. A cancelled token drops the job unrun.
#pragma once

#include "core/canceltoken.h"

#include <functional>

namespace lakeshore {

void runAfter(int delayMs, CancelToken cancel, std::function<void()> job);

} // namespace lakeshore
