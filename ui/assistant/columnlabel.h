// How a result column's SQL name reads as a header: "gross_margin_pct" → "Gross margin pct", "revenue" →
// "Revenue", "ACCOUNT_NAME" → "Account name". Names that already read as words ("Gross margin", "ACCOUNT
// NAME" from Snowflake) or mix cases ("accountName") keep their letters.
#pragma once

#include <QString>
#include <string>

namespace lakeshore::ui {

[[nodiscard]] QString columnLabel(const std::string &sqlName);

} // namespace lakeshore::ui
