// An account's ERP side: the customer record, its contract prices, three years of invoices with lines,
// and the orders still open. Money is summed in cents so totals equal the sum of their lines exactly.
#include "demo/worldplan.h"

#include <algorithm>

namespace lakeshore::demo::worldgen {
namespace {

using domain::Date;

// Invoices go out on weekdays; the window's edges are respected.
Date weekday(Date date, Date after, Date until)
{
    const auto dow = (date.days() % 7 + 7 + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    if (dow != 0 && dow != 6)
        return date;
    const Date earlier = date.addDays(dow == 6 ? -1 : -2);
    if (earlier > after)
        return earlier;
    const Date later = date.addDays(dow == 6 ? 2 : 1);
    return later <= until ? later : date;
}

std::vector<Date> invoiceDates(const WorldData &data, const AccountPlan &plan, Rng &rng)
{
    const Date today = data.options.today;
    const Date windowStart = today.addMonths(-36);
    const Date first = std::max(plan.firstPurchase, windowStart);
    const Date last = std::min(plan.lastPurchase, today);
    const std::int64_t activeDays = std::max<std::int64_t>(1, last.days() - first.days());
    const std::int64_t windowDays = today.days() - windowStart.days();
    std::int64_t count =
        rng.scaled(std::int64_t{plan.invoicesPerYear} * 3, 900, 1100) * activeDays / windowDays;
    count = std::clamp<std::int64_t>(count, 1, 999);
    std::vector<Date> dates;
    dates.reserve(static_cast<std::size_t>(count));
    for (std::int64_t k = 0; k < count; ++k) {
        // Strictly after the window's start: (today - 3 years, today].
        const Date raw = first.addDays(rng.between(first == windowStart ? 1 : 0, activeDays));
        dates.push_back(weekday(raw, windowStart, last));
    }
    std::sort(dates.begin(), dates.end());
    return dates;
}

void addContractPrices(const WorldData &data, const AccountPlan &plan, const std::string &customerNumber,
                       AccountDetail &detail)
{
    for (const Agreement &agreement : plan.agreements) {
        for (std::size_t s = 0; s < plan.basket.size(); ++s) {
            if (agreement.priceCents[s] == 0)
                continue;
            domain::ContractPrice price;
            price.contractId = agreement.id;
            price.customerNumber = customerNumber;
            price.itemNumber = data.items[plan.basket[s].item].number;
            price.unitPrice = money(agreement.priceCents[s]);
            price.validFrom = agreement.from;
            price.validTo = agreement.itemTo[s];
            detail.contractPrices.push_back(std::move(price));
        }
    }
}

struct Receivables
{
    std::int64_t balanceCents = 0;
    std::int64_t overdueCents = 0;
};

Receivables addInvoices(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan,
                        const std::string &customerNumber, AccountDetail &detail)
{
    static constexpr int kLineCountWeights[] = {18, 20, 18, 14, 11, 8, 6, 5}; // 1..8 lines
    const Date today = data.options.today;
    Rng rng(deriveSeed(data.options.seed, accountIndex, streamTag("invoices")));
    const auto dates = invoiceDates(data, plan, rng);
    Receivables receivables;
    detail.invoices.reserve(dates.size());
    for (std::size_t k = 0; k < dates.size(); ++k) {
        domain::Invoice invoice;
        // Numbers come from the account's index, so lazily generated invoices never collide.
        invoice.number = numbered(
            "INV-", (static_cast<std::int64_t>(accountIndex) + 100) * 1000 + static_cast<std::int64_t>(k), 7);
        invoice.customerNumber = customerNumber;
        invoice.invoiceDate = dates[k];
        invoice.dueDate = dates[k].addDays(plan.paymentTermsDays);
        const auto lines =
            drawLines(data, plan, dates[k], 1 + static_cast<int>(rng.weighted(kLineCountWeights)), rng);
        std::int64_t totalCents = 0;
        invoice.lines.reserve(lines.size());
        for (const PricedLine &priced : lines) {
            const ItemEconomics &economics = data.economics[plan.basket[priced.slot].item];
            const std::int64_t amount = priced.quantity * priced.unitCents;
            domain::InvoiceLine line;
            line.invoiceNumber = invoice.number;
            line.lineNumber = static_cast<int>(invoice.lines.size() + 1) * 10000;
            line.itemNumber = data.items[plan.basket[priced.slot].item].number;
            line.quantity = static_cast<double>(priced.quantity);
            line.unitPrice = money(priced.unitCents);
            line.unitCost = money(std::max<std::int64_t>(1, rng.scaled(economics.costCents, 970, 1030)));
            line.freightCost = money(rng.scaled(amount, 4, 30));
            line.amount = money(amount);
            totalCents += amount;
            invoice.lines.push_back(std::move(line));
        }
        invoice.totalAmount = money(totalCents);

        const Date paidOn = invoice.dueDate.addDays(rng.normalAround(plan.payDelayMeanDays, 7));
        std::int64_t remaining = 0;
        if (paidOn >= today) {
            remaining =
                rng.percent(4) ? std::max<std::int64_t>(1, rng.scaled(totalCents, 300, 800)) : totalCents;
            receivables.balanceCents += remaining;
            if (invoice.dueDate < today)
                receivables.overdueCents += remaining;
        }
        invoice.remainingAmount = money(remaining);
        detail.invoices.push_back(std::move(invoice));
    }
    return receivables;
}

void addCustomer(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan,
                 const Receivables &receivables, AccountDetail &detail)
{
    Rng rng(deriveSeed(data.options.seed, accountIndex, streamTag("customer")));
    const domain::Account &account = data.accounts[accountIndex];
    domain::Customer &customer = detail.customer;
    customer.number = account.accountNumber;
    customer.name = account.name;
    customer.paymentTerms = "NET" + std::to_string(plan.paymentTermsDays);
    const std::int64_t limitDollars = rng.scaled(plan.annualSpendCents / 100, 180, 450);
    const std::int64_t creditLimitCents =
        std::max<std::int64_t>(5000, (limitDollars + 4999) / 5000 * 5000) * 100;
    customer.creditLimit = money(creditLimitCents);
    customer.balance = money(receivables.balanceCents);
    customer.overdueAmount = money(receivables.overdueCents);
    customer.blocked =
        rng.percent(1) || (receivables.overdueCents * 10 > creditLimitCents * 4 && rng.percent(60));
}

void addOpenOrders(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan,
                   AccountDetail &detail)
{
    if (!data.accounts[accountIndex].active)
        return;
    static constexpr int kOrderCountWeights[] = {35, 30, 20, 10, 5}; // 0..4
    static constexpr int kLineCountWeights[] = {18, 20, 18, 14, 11, 8, 6, 5};
    const Date today = data.options.today;
    Rng rng(deriveSeed(data.options.seed, accountIndex, streamTag("orders")));
    const auto count = rng.weighted(kOrderCountWeights);
    for (std::size_t k = 0; k < count; ++k) {
        domain::SalesOrder order;
        order.number = numbered(
            "SO-", (static_cast<std::int64_t>(accountIndex) + 100) * 10 + static_cast<std::int64_t>(k), 7);
        order.customerNumber = data.accounts[accountIndex].accountNumber;
        order.orderDate = today.addDays(-rng.between(0, 12));
        order.requestedDeliveryDate = order.orderDate.addDays(rng.between(3, 21));
        order.status = today.days() - order.orderDate.days() >= 2 && rng.percent(55) ? "Released" : "Open";
        const auto lines = drawLines(data, plan, order.orderDate,
                                     1 + static_cast<int>(rng.weighted(kLineCountWeights)), rng);
        std::int64_t totalCents = 0;
        for (const PricedLine &line : lines)
            totalCents += line.quantity * line.unitCents;
        order.totalAmount = money(totalCents);
        order.lineCount = static_cast<int>(lines.size());
        detail.openOrders.push_back(std::move(order));
    }
}

} // namespace

void fillErp(const WorldData &data, std::size_t accountIndex, const AccountPlan &plan, AccountDetail &detail)
{
    const std::string &number = data.accounts[accountIndex].accountNumber;
    addContractPrices(data, plan, number, detail);
    const Receivables receivables = addInvoices(data, accountIndex, plan, number, detail);
    addCustomer(data, accountIndex, plan, receivables, detail);
    addOpenOrders(data, accountIndex, plan, detail);
}

} // namespace lakeshore::demo::worldgen
