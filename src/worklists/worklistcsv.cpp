#include "worklists/worklistcsv.h"

namespace lakeshore::worklists {
namespace {

void field(std::ostream &out, const std::string &text, bool number)
{
    const bool formula = !number && !text.empty() &&
                         (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                          text[0] == '\r');
    const bool quote = formula || text.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
        out << text;
        return;
    }
    out << '"';
    if (formula)
        out << '\'';
    for (char c : text) {
        if (c == '"')
            out << '"';
        out << c;
    }
    out << '"';
}

} // namespace

Status writeCsv(std::ostream &out, const WorklistTable &table, const View &view, const std::vector<std::size_t> &columns,
                const std::vector<std::string> &labels)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] >= table.columns().size())
            return makeError(ErrorKind::Invalid, "the export names a column the worklist does not have");
        const auto &column = table.columns()[columns[i]];
        const std::string label = i < labels.size() && !labels[i].empty()
                                      ? labels[i]
                                      : (column.label.empty() ? column.name : column.label);
        if (i)
            out << ',';
        field(out, label, false);
    }
    out << "\r\n";
    for (auto row : view.rows) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i)
                out << ',';
            const std::size_t c = columns[i];
            field(out, table.text(row, c), table.number(row, c).has_value());
        }
        out << "\r\n";
    }
    out.flush();
    if (!out)
        return makeError(ErrorKind::Storage, "the file could not be written");
    return okStatus();
}

} // namespace lakeshore::worklists
