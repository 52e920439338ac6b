#include "sources/account360.h"

#include "sources/crmconnector.h"
#include "sources/erpconnector.h"

#include <memory>
#include <mutex>
#include <optional>

namespace lakeshore::sources {
namespace {

// Wraps a connector callback into a PartResult for onPart.
template <class T> auto settle(Part part, Account360::OnPart onPart)
{
    return [part, onPart = std::move(onPart)](Result<T> result) {
        PartResult out;
        out.part = part;
        out.readAt = domain::Timestamp::now();
        out.ok = result.ok();
        if (result)
            out.data = std::move(result.value());
        else
            out.error = result.error();
        onPart(std::move(out));
    };
}

PartResult failed(Part part, Error error)
{
    PartResult out;
    out.part = part;
    out.readAt = domain::Timestamp::now();
    out.error = std::move(error);
    return out;
}

} // namespace

Service sourceOf(Part part)
{
    switch (part) {
    case Part::Credit:
    case Part::OpenOrders:
    case Part::RecentInvoices:
    case Part::ContractCoverage:
        return Service::Erp;
    default:
        return Service::Crm;
    }
}

const char *partName(Part part)
{
    switch (part) {
    case Part::Header:
        return "header";
    case Part::Contacts:
        return "contacts";
    case Part::Opportunities:
        return "opportunities";
    case Part::Activities:
        return "activities";
    case Part::Conversations:
        return "conversations";
    case Part::Cases:
        return "cases";
    case Part::Credit:
        return "credit";
    case Part::OpenOrders:
        return "openOrders";
    case Part::RecentInvoices:
        return "recentInvoices";
    case Part::ContractCoverage:
        return "contractCoverage";
    }
    return "unknown";
}

Account360::Account360(std::shared_ptr<CrmConnector> crm, std::shared_ptr<ErpConnector> erp,
                       Account360Limits limits)
    : m_crm(std::move(crm)), m_erp(std::move(erp)), m_limits(limits), m_today(domain::Date::today())
{
}

void Account360::open(const AccountRef &account, CancelToken cancel, OnPart onPart) const
{
    if (!account.accountNumber.empty()) {
        for (Part part : allParts)
            read(part, account, cancel, onPart);
        return;
    }
    // Without the customer number the ERP reads wait for the header, which carries it.
    for (Part part : allParts)
        if (part != Part::Header && sourceOf(part) == Service::Crm)
            read(part, account, cancel, onPart);
    m_crm->account(
        account.id, cancel, [self = shared_from_this(), cancel, onPart](Result<domain::Account> result) {
            const std::string number = result ? result.value().accountNumber : std::string();
            // Without the header the ERP parts fail for the header's reason (cancelled, CRM down, ...).
            Error noNumber =
                makeError(ErrorKind::NotFound, "the CRM account has no account number to find the ERP "
                                               "customer by");
            if (!result) {
                noNumber = result.error();
                noNumber.message =
                    "the ERP customer is found by the CRM account's number, which could not be read: " +
                    result.error().message;
            }
            settle<domain::Account>(Part::Header, onPart)(std::move(result));
            for (Part part : allParts) {
                if (sourceOf(part) != Service::Erp)
                    continue;
                if (number.empty())
                    onPart(failed(part, noNumber));
                else
                    self->readErp(part, number, cancel, onPart);
            }
        });
}

void Account360::read(Part part, const AccountRef &account, CancelToken cancel, OnPart onPart) const
{
    const std::string &id = account.id;
    switch (part) {
    case Part::Header:
        m_crm->account(id, cancel, settle<domain::Account>(part, onPart));
        return;
    case Part::Contacts:
        m_crm->contacts(id, m_limits.contacts, cancel, settle<std::vector<domain::Contact>>(part, onPart));
        return;
    case Part::Opportunities:
        m_crm->opportunities(id, m_limits.opportunities, cancel,
                             settle<std::vector<domain::Opportunity>>(part, onPart));
        return;
    case Part::Activities:
        m_crm->activities(id, m_limits.activities, cancel,
                          settle<std::vector<domain::Activity>>(part, onPart));
        return;
    case Part::Conversations:
        m_crm->conversations(id, m_limits.conversations, cancel,
                             settle<std::vector<domain::Conversation>>(part, onPart));
        return;
    case Part::Cases:
        m_crm->cases(id, m_limits.cases, cancel, settle<std::vector<domain::Case>>(part, onPart));
        return;
    default:
        break;
    }
    if (account.accountNumber.empty()) {
        onPart(failed(part, makeError(ErrorKind::Invalid, "no customer number to read the ERP with")));
        return;
    }
    readErp(part, account.accountNumber, cancel, std::move(onPart));
}

void Account360::readErp(Part part, const std::string &number, CancelToken cancel, OnPart onPart) const
{
    switch (part) {
    case Part::Credit:
        m_erp->customer(number, cancel, settle<domain::Customer>(part, onPart));
        return;
    case Part::OpenOrders:
        m_erp->openOrders(number, m_limits.openOrders, cancel,
                          settle<std::vector<domain::SalesOrder>>(part, onPart));
        return;
    case Part::RecentInvoices:
        m_erp->recentInvoices(number, m_limits.recentInvoices, cancel,
                              settle<std::vector<domain::Invoice>>(part, onPart));
        return;
    case Part::ContractCoverage:
        break;
    default:
        return;
    }

    // Contract prices and the last twelve months of lines, read in parallel, then joined.
    struct Join
    {
        std::mutex mutex;
        std::optional<Result<std::vector<domain::ContractPrice>>> contracts;
        std::optional<Result<std::vector<domain::InvoiceLine>>> lines;
        bool reported = false;
    };
    auto join = std::make_shared<Join>();
    const domain::Date today = m_today;
    auto finish = [join, today, done = settle<ContractCoverage>(part, onPart)]() {
        std::unique_lock lock(join->mutex);
        if (!join->contracts || !join->lines || join->reported)
            return;
        join->reported = true;
        if (!*join->contracts) {
            Error error = join->contracts->error();
            lock.unlock();
            done(error);
            return;
        }
        if (!*join->lines) {
            Error error = join->lines->error();
            lock.unlock();
            done(error);
            return;
        }
        ContractCoverage coverage =
            computeContractCoverage(join->contracts->value(), join->lines->value(), today);
        lock.unlock();
        done(coverage);
    };
    m_erp->contractPrices(number, cancel, [join, finish](Result<std::vector<domain::ContractPrice>> result) {
        {
            std::lock_guard lock(join->mutex);
            join->contracts = std::move(result);
        }
        finish();
    });
    m_erp->invoiceLinesSince(number, today.addMonths(-12), cancel,
                             [join, finish](Result<std::vector<domain::InvoiceLine>> result) {
                                 {
                                     std::lock_guard lock(join->mutex);
                                     join->lines = std::move(result);
                                 }
                                 finish();
                             });
}

} // namespace lakeshore::sources
