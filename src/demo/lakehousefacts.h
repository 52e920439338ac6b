// The demo lakehouse's source facts, drawn from the same world as the demo CRM and ERP: one row per
// invoice line with its cost, freight and the contract price that applied (if any). The lakehouse mart
// is built from these, so the assistant's answers and the ERP's invoices always agree.
#pragma once

#include "demo/world.h"

#include <functional>
#include <optional>
#include <string>

namespace lakeshore::demo {

struct InvoiceLineFact
{
    std::string accountNumber;
    std::string invoiceNumber;
    domain::Date invoiceDate;
    int lineNumber = 0;
    std::string itemNumber;
    double quantity = 0;
    double unitPrice = 0;
    double amount = 0;
    double unitCost = 0;
    double freightCost = 0;
    std::optional<double> contractPrice; // the lowest contract price valid on the invoice date
};

// Visits every invoice line of every account, accounts in world order, lines in invoice order.
void forEachInvoiceLineFact(const World &world, const std::function<void(const InvoiceLineFact &)> &visit);

// The same for one account.
void forEachInvoiceLineFact(const World &world, std::size_t accountIndex,
                            const std::function<void(const InvoiceLineFact &)> &visit);

} // namespace lakeshore::demo
