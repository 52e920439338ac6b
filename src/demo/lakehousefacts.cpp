#include "demo/lakehousefacts.h"

namespace lakeshore::demo {

void forEachInvoiceLineFact(const World &world, std::size_t accountIndex,
                            const std::function<void(const InvoiceLineFact &)> &visit)
{
    const AccountDetail detail = world.detail(accountIndex);
    InvoiceLineFact fact;
    fact.accountNumber = world.accounts()[accountIndex].accountNumber;
    for (const auto &invoice : detail.invoices) {
        fact.invoiceNumber = invoice.number;
        fact.invoiceDate = invoice.invoiceDate;
        for (const auto &line : invoice.lines) {
            fact.lineNumber = line.lineNumber;
            fact.itemNumber = line.itemNumber;
            fact.quantity = line.quantity;
            fact.unitPrice = line.unitPrice;
            fact.amount = line.amount;
            fact.unitCost = line.unitCost;
            fact.freightCost = line.freightCost;
            fact.contractPrice.reset();
            for (const auto &contract : detail.contractPrices) {
                if (contract.itemNumber == line.itemNumber && contract.validFrom <= invoice.invoiceDate &&
                    invoice.invoiceDate <= contract.validTo &&
                    (!fact.contractPrice || contract.unitPrice < *fact.contractPrice))
                    fact.contractPrice = contract.unitPrice;
            }
            visit(fact);
        }
    }
}

void forEachInvoiceLineFact(const World &world, const std::function<void(const InvoiceLineFact &)> &visit)
{
    for (std::size_t i = 0; i < world.accounts().size(); ++i)
        forEachInvoiceLineFact(world, i, visit);
}

} // namespace lakeshore::demo
