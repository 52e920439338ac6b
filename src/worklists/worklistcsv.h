// A worklist as CSV, for the file the user picked: the rows the view shows (filtered and sorted; groups
// are not written as lines), the columns given, a header of their labels. The assistant's export rules
// (assistant::appendCsvTextField): RFC 4180, UTF-8, numbers as numbers, formulas defused.
#pragma once

#include "core/result.h"
#include "worklists/worklistview.h"

#include <ostream>
#include <vector>

namespace lakeshore::worklists {

// labels: one per column, as shown (translated); empty entries fall back to the column's label or name.
Status writeCsv(std::ostream &out, const WorklistTable &table, const View &view, const std::vector<std::size_t> &columns,
                const std::vector<std::string> &labels = {});

} // namespace lakeshore::worklists
