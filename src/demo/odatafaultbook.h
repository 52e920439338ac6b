// The faults in force on a service, each with its own countdown of `times`, shared by all request threads.
#pragma once

#include "demo/odatafault.h"

#include <atomic>
#include <deque>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeshore::demo::odata {

class FaultBook
{
public:
    explicit FaultBook(std::vector<Fault> faults);

    // The first fault for a request to target ("" = the service document); uses up one of its times.
    std::optional<Fault> take(std::string_view target);

private:
    struct Slot
    {
        explicit Slot(Fault f) : fault(std::move(f)), remaining(fault.times) {}
        Fault fault;
        std::atomic<int> remaining;
    };
    std::deque<Slot> m_slots;
};

} // namespace lakeshore::demo::odata
