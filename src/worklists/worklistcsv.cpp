#include "worklists/worklistcsv.h"

#include "assistant/resultset.h"

namespace lakeshore::worklists {

Status writeCsv(std::ostream &out, const WorklistTable &table, const View &view, const std::vector<std::size_t> &columns,
                const std::vector<std::string> &labels)
{
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] >= table.columns().size())
            return makeError(ErrorKind::Invalid, "the export names a column the worklist does not have");
        const auto &column = table.columns()[columns[i]];
        const std::string label = i < labels.size() && !labels[i].empty()
                                      ? labels[i]
                                      : (column.label.empty() ? column.name : column.label);
        if (i)
            line += ',';
        assistant::appendCsvTextField(line, label);
    }
    out << line << "\r\n";
    for (auto row : view.rows) {
        line.clear();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                line += ',';
            const std::size_t c = columns[i];
            if (table.number(row, c)) // typed numbers as numbers
                line += table.text(row, c);
            else
                assistant::appendCsvTextField(line, table.text(row, c));
        }
        out << line << "\r\n";
    }
    out.flush();
    if (!out)
        return makeError(ErrorKind::Storage, "the file could not be written");
    return okStatus();
}

} // namespace lakeshore::worklists
