// ERP value types: what the customer buys, owes and was promised.
#pragma once

#include "domain/date.h"

#include <string>
#include <vector>

namespace lakeshore::domain {

struct Customer
{
    std::string number; // same as Account::accountNumber
    std::string name;
    double balance = 0;       // AR: open invoice amounts not yet paid
    double overdueAmount = 0; // part of balance past due date
    double creditLimit = 0;
    std::string paymentTerms; // "NET30"
    bool blocked = false;
};

struct Item
{
    std::string number; // "IT-20417"
    std::string description;
    std::string category;      // Fasteners, Bearings, ...
    std::string unitOfMeasure; // EA, BOX, FT
    double unitCost = 0;
    double listPrice = 0;
};

struct ContractPrice
{
    std::string contractId; // "K-C10042-2025"
    std::string customerNumber;
    std::string itemNumber;
    double unitPrice = 0;
    Date validFrom;
    Date validTo;
};

struct InvoiceLine
{
    std::string invoiceNumber;
    Date invoiceDate; // the invoice's date, carried on the line for time-sliced reads
    int lineNumber = 0;
    std::string itemNumber;
    double quantity = 0;
    double unitPrice = 0; // billed
    double unitCost = 0;  // for margin, in the lakehouse facts
    double freightCost = 0;
    double amount = 0; // quantity * unitPrice, rounded to cents
};

struct Invoice
{
    std::string number; // "INV-0104233"
    std::string customerNumber;
    Date invoiceDate;
    Date dueDate;
    double totalAmount = 0;
    double remainingAmount = 0; // 0 when paid
    std::vector<InvoiceLine> lines;
};

struct SalesOrder
{
    std::string number; // "SO-0052311"
    std::string customerNumber;
    Date orderDate;
    Date requestedDeliveryDate;
    std::string status; // Open, Released, Shipped partially
    double totalAmount = 0;
    int lineCount = 0;
};

} // namespace lakeshore::domain
