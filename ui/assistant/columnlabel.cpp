#include "columnlabel.h"

namespace lakeshore::ui {

QString columnLabel(const std::string &sqlName)
{
    QString label = QString::fromStdString(sqlName);
    if (label.contains(QLatin1Char(' ')))
        return label; // already words
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    label = label.trimmed();
    if (label == label.toUpper()) // an upper-case identifier: make it a sentence
        label = label.toLower();
    if (label != label.toLower())
        return label; // camelCase or a name the server spelled with care
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

} // namespace lakeshore::ui
