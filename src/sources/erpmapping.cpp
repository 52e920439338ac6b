#include "sources/erpmapping.h"

#include "sources/jsonfields.h"

namespace lakeshore::sources::erp {

domain::Customer customer(const nlohmann::json &row)
{
    domain::Customer c;
    c.number = textOf(row, "number");
    c.name = textOf(row, "displayName");
    c.balance = numberOf(row, "balanceDue");
    c.overdueAmount = numberOf(row, "overdueAmount");
    c.creditLimit = numberOf(row, "creditLimit");
    c.paymentTerms = textOf(row, "paymentTermsCode");
    c.blocked = flagOf(row, "blocked");
    return c;
}

domain::SalesOrder salesOrder(const nlohmann::json &row)
{
    domain::SalesOrder o;
    o.number = textOf(row, "number");
    o.customerNumber = textOf(row, "customerNumber");
    o.orderDate = dateOf(row, "orderDate");
    o.requestedDeliveryDate = dateOf(row, "requestedDeliveryDate");
    o.status = textOf(row, "status");
    o.totalAmount = numberOf(row, "totalAmountExcludingTax");
    o.lineCount = static_cast<int>(integerOf(row, "lineCount"));
    return o;
}

domain::InvoiceLine salesInvoiceLine(const nlohmann::json &row)
{
    domain::InvoiceLine l;
    l.invoiceNumber = textOf(row, "documentNumber");
    l.invoiceDate = dateOf(row, "invoiceDate");
    l.lineNumber = static_cast<int>(integerOf(row, "sequence"));
    l.itemNumber = textOf(row, "itemNumber");
    l.quantity = numberOf(row, "quantity");
    l.unitPrice = numberOf(row, "unitPrice");
    l.amount = numberOf(row, "amountExcludingTax");
    return l;
}

domain::Invoice salesInvoice(const nlohmann::json &row)
{
    domain::Invoice i;
    i.number = textOf(row, "number");
    i.customerNumber = textOf(row, "customerNumber");
    i.invoiceDate = dateOf(row, "invoiceDate");
    i.dueDate = dateOf(row, "dueDate");
    i.totalAmount = numberOf(row, "totalAmountExcludingTax");
    i.remainingAmount = numberOf(row, "remainingAmount");
    if (auto lines = row.find("salesInvoiceLines"); lines != row.end() && lines->is_array())
        for (const auto &line : *lines)
            if (line.is_object())
                i.lines.push_back(salesInvoiceLine(line));
    return i;
}

domain::ContractPrice contractPrice(const nlohmann::json &row)
{
    domain::ContractPrice p;
    p.contractId = textOf(row, "contractNumber");
    p.customerNumber = textOf(row, "customerNumber");
    p.itemNumber = textOf(row, "itemNumber");
    p.unitPrice = numberOf(row, "unitPrice");
    p.validFrom = dateOf(row, "startingDate");
    p.validTo = dateOf(row, "endingDate");
    return p;
}

} // namespace lakeshore::sources::erp
