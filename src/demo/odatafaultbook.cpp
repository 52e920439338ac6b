#include "demo/odatafaultbook.h"

namespace lakeshore::demo::odata {

FaultBook::FaultBook(std::vector<Fault> faults)
{
    for (auto &fault : faults)
        m_slots.emplace_back(std::move(fault));
}

std::optional<Fault> FaultBook::take(std::string_view target)
{
    for (auto &slot : m_slots) {
        if (slot.fault.entitySet != "*" && slot.fault.entitySet != target)
            continue;
        if (slot.fault.times < 0)
            return slot.fault;
        int left = slot.remaining.load();
        while (left > 0 && !slot.remaining.compare_exchange_weak(left, left - 1)) {
        }
        if (left > 0)
            return slot.fault;
    }
    return std::nullopt;
}

} // namespace lakeshore::demo::odata
