// Business Central-like entity JSON to ERP domain types.
#pragma once

#include "domain/erp.h"

#include <nlohmann/json.hpp>

namespace lakeshore::sources::erp {

[[nodiscard]] domain::Customer customer(const nlohmann::json &row);
[[nodiscard]] domain::SalesOrder salesOrder(const nlohmann::json &row);
[[nodiscard]] domain::Invoice salesInvoice(const nlohmann::json &row);
[[nodiscard]] domain::InvoiceLine salesInvoiceLine(const nlohmann::json &row);
[[nodiscard]] domain::ContractPrice contractPrice(const nlohmann::json &row);

} // namespace lakeshore::sources::erp
