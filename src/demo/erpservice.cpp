#include "demo/erpservice.h"

#include "demo/demoschema.h"

namespace lakeshore::demo {
namespace {

using nlohmann::json;

template <class Visit>
void forCustomers(const World &world, const std::optional<std::string> &number, Visit visit)
{
    if (number) {
        if (auto index = world.findAccountByNumber(*number))
            visit(world.detail(*index));
        return;
    }
    for (std::size_t i = 0; i < world.accounts().size(); ++i)
        visit(world.detail(i));
}

EntitySetDef customers(const World &world)
{
    EntitySetDef set;
    set.name = "customers";
    set.entityType = "customer";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},          {"number", EdmType::String, false},
                      {"displayName", EdmType::String},      {"balanceDue", EdmType::Decimal},
                      {"overdueAmount", EdmType::Decimal},   {"creditLimit", EdmType::Decimal},
                      {"paymentTermsCode", EdmType::String}, {"blocked", EdmType::Boolean}};
    set.partitionProperty = "number";
    set.scan = [&world](const std::optional<std::string> &number, const RowSink &emit) {
        forCustomers(world, number, [&](const AccountDetail &detail) {
            const auto &c = detail.customer;
            emit({{"id", guidFor("customer:" + c.number)},
                  {"number", c.number},
                  {"displayName", c.name},
                  {"balanceDue", cents(c.balance)},
                  {"overdueAmount", cents(c.overdueAmount)},
                  {"creditLimit", cents(c.creditLimit)},
                  {"paymentTermsCode", c.paymentTerms},
                  {"blocked", c.blocked}});
        });
    };
    return set;
}

EntitySetDef items(const World &world)
{
    EntitySetDef set;
    set.name = "items";
    set.entityType = "item";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},
                      {"number", EdmType::String, false},
                      {"displayName", EdmType::String},
                      {"itemCategoryCode", EdmType::String},
                      {"baseUnitOfMeasureCode", EdmType::String},
                      {"unitCost", EdmType::Decimal},
                      {"unitPrice", EdmType::Decimal}};
    set.partitionProperty = "number";
    set.scan = [&world](const std::optional<std::string> &number, const RowSink &emit) {
        for (const auto &item : world.items()) {
            if (number && item.number != *number)
                continue;
            emit({{"id", guidFor("item:" + item.number)},
                  {"number", item.number},
                  {"displayName", item.description},
                  {"itemCategoryCode", item.category},
                  {"baseUnitOfMeasureCode", item.unitOfMeasure},
                  {"unitCost", cents(item.unitCost)},
                  {"unitPrice", cents(item.listPrice)}});
        }
    };
    return set;
}

EntitySetDef contractPrices(const World &world)
{
    EntitySetDef set;
    set.name = "contractPrices";
    set.entityType = "contractPrice";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},        {"contractNumber", EdmType::String},
                      {"customerNumber", EdmType::String}, {"itemNumber", EdmType::String},
                      {"unitPrice", EdmType::Decimal},     {"startingDate", EdmType::Date},
                      {"endingDate", EdmType::Date}};
    set.partitionProperty = "customerNumber";
    set.scan = [&world](const std::optional<std::string> &number, const RowSink &emit) {
        forCustomers(world, number, [&](const AccountDetail &detail) {
            for (const auto &p : detail.contractPrices)
                emit({{"id",
                       guidFor("contract:" + p.contractId + ":" + p.itemNumber + ":" + p.validFrom.iso())},
                      {"contractNumber", p.contractId},
                      {"customerNumber", p.customerNumber},
                      {"itemNumber", p.itemNumber},
                      {"unitPrice", cents(p.unitPrice)},
                      {"startingDate", p.validFrom.iso()},
                      {"endingDate", p.validTo.iso()}});
        });
    };
    return set;
}

const char *invoiceStatus(const domain::Invoice &invoice, domain::Date today)
{
    if (invoice.remainingAmount <= 0)
        return "Paid";
    return invoice.dueDate < today ? "Overdue" : "Open";
}

EntitySetDef salesInvoices(const World &world)
{
    EntitySetDef set;
    set.name = "salesInvoices";
    set.entityType = "salesInvoice";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},
                      {"number", EdmType::String, false},
                      {"customerNumber", EdmType::String},
                      {"invoiceDate", EdmType::Date},
                      {"dueDate", EdmType::Date},
                      {"totalAmountExcludingTax", EdmType::Decimal},
                      {"remainingAmount", EdmType::Decimal},
                      {"status", EdmType::String}};
    set.navigations = {{"salesInvoiceLines", "salesInvoiceLines", "number", "documentNumber", true}};
    set.partitionProperty = "customerNumber";
    const domain::Date today = world.options().today;
    set.scan = [&world, today](const std::optional<std::string> &number, const RowSink &emit) {
        forCustomers(world, number, [&](const AccountDetail &detail) {
            for (const auto &i : detail.invoices)
                emit({{"id", guidFor("invoice:" + i.number)},
                      {"number", i.number},
                      {"customerNumber", i.customerNumber},
                      {"invoiceDate", i.invoiceDate.iso()},
                      {"dueDate", i.dueDate.iso()},
                      {"totalAmountExcludingTax", cents(i.totalAmount)},
                      {"remainingAmount", cents(i.remainingAmount)},
                      {"status", invoiceStatus(i, today)}});
        });
    };
    return set;
}

EntitySetDef salesInvoiceLines(const World &world)
{
    EntitySetDef set;
    set.name = "salesInvoiceLines";
    set.entityType = "salesInvoiceLine";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},
                      {"documentNumber", EdmType::String},
                      {"sequence", EdmType::Int32},
                      {"customerNumber", EdmType::String},
                      {"invoiceDate", EdmType::Date},
                      {"itemNumber", EdmType::String},
                      {"quantity", EdmType::Decimal},
                      {"unitPrice", EdmType::Decimal},
                      {"amountExcludingTax", EdmType::Decimal}};
    set.partitionProperty = "customerNumber";
    set.scan = [&world](const std::optional<std::string> &number, const RowSink &emit) {
        forCustomers(world, number, [&](const AccountDetail &detail) {
            for (const auto &invoice : detail.invoices)
                for (const auto &l : invoice.lines)
                    emit({{"id", guidFor("line:" + invoice.number + ":" + std::to_string(l.lineNumber))},
                          {"documentNumber", invoice.number},
                          {"sequence", l.lineNumber},
                          {"customerNumber", invoice.customerNumber},
                          {"invoiceDate", invoice.invoiceDate.iso()},
                          {"itemNumber", l.itemNumber},
                          {"quantity", l.quantity},
                          {"unitPrice", cents(l.unitPrice)},
                          {"amountExcludingTax", cents(l.amount)}});
        });
    };
    return set;
}

EntitySetDef salesOrders(const World &world)
{
    EntitySetDef set;
    set.name = "salesOrders";
    set.entityType = "salesOrder";
    set.key = "id";
    set.properties = {{"id", EdmType::Guid, false},
                      {"number", EdmType::String, false},
                      {"customerNumber", EdmType::String},
                      {"orderDate", EdmType::Date},
                      {"requestedDeliveryDate", EdmType::Date},
                      {"status", EdmType::String},
                      {"totalAmountExcludingTax", EdmType::Decimal},
                      {"lineCount", EdmType::Int32}};
    set.partitionProperty = "customerNumber";
    set.scan = [&world](const std::optional<std::string> &number, const RowSink &emit) {
        forCustomers(world, number, [&](const AccountDetail &detail) {
            for (const auto &o : detail.openOrders)
                emit({{"id", guidFor("order:" + o.number)},
                      {"number", o.number},
                      {"customerNumber", o.customerNumber},
                      {"orderDate", o.orderDate.iso()},
                      {"requestedDeliveryDate", o.requestedDeliveryDate.iso()},
                      {"status", o.status},
                      {"totalAmountExcludingTax", cents(o.totalAmount)},
                      {"lineCount", o.lineCount}});
        });
    };
    return set;
}

} // namespace

std::unique_ptr<ODataService> makeErpService(const World &world)
{
    auto service = std::make_unique<ODataService>("Microsoft.NAV", erpRootPath);
    service->addEntitySet(customers(world));
    service->addEntitySet(items(world));
    service->addEntitySet(contractPrices(world));
    service->addEntitySet(salesInvoices(world));
    service->addEntitySet(salesInvoiceLines(world));
    service->addEntitySet(salesOrders(world));
    return service;
}

} // namespace lakeshore::demo
