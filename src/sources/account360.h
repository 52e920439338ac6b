// Account 360: one call that reads an account's CRM and ERP parts live and in parallel, reporting each
// part as it settles (loaded, with source and read time, or failed, with the error). Nothing is stored.
#pragma once

#include "core/canceltoken.h"
#include "core/error.h"
#include "domain/crm.h"
#include "domain/erp.h"
#include "sources/connectionsettings.h"
#include "sources/contractcoverage.h"

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace lakeshore::sources {

class CrmConnector;
class ErpConnector;

enum class Part {
    Header,
    Contacts,
    Opportunities,
    Activities,
    Conversations,
    Cases,
    Credit, // AR balance, overdue, credit limit
    OpenOrders,
    RecentInvoices,
    ContractCoverage,
};
inline constexpr std::array allParts = {
    Part::Header, Part::Contacts, Part::Opportunities, Part::Activities,     Part::Conversations,
    Part::Cases,  Part::Credit,   Part::OpenOrders,    Part::RecentInvoices, Part::ContractCoverage};

[[nodiscard]] Service sourceOf(Part part);
[[nodiscard]] const char *partName(Part part); // "header", "contacts", ...

using PartData =
    std::variant<std::monostate, domain::Account, std::vector<domain::Contact>,
                 std::vector<domain::Opportunity>, std::vector<domain::Activity>,
                 std::vector<domain::Conversation>, std::vector<domain::Case>, domain::Customer,
                 std::vector<domain::SalesOrder>, std::vector<domain::Invoice>, ContractCoverage>;

struct PartResult
{
    Part part = Part::Header;
    bool ok = false;
    domain::Timestamp readAt; // when the reply arrived
    Error error;              // when !ok
    PartData data;            // when ok
};

struct AccountRef
{
    std::string id;            // CRM account id
    std::string accountNumber; // ERP customer number; when empty the ERP parts wait for the header
};

struct Account360Limits
{
    int contacts = 50;
    int opportunities = 50;
    int activities = 25;
    int conversations = 10;
    int cases = 25;
    int openOrders = 25;
    int recentInvoices = 10;
};

// Shared ownership: reads in flight keep the composition and its connectors alive.
class Account360 : public std::enable_shared_from_this<Account360>
{
public:
    using OnPart = std::function<void(PartResult)>;

    Account360(std::shared_ptr<CrmConnector> crm, std::shared_ptr<ErpConnector> erp,
               Account360Limits limits = {});

    // Starts every part at once. onPart runs once per part, on an I/O thread. Cancel the token to drop
    // the reads (parts then report ErrorKind::Cancelled).
    void open(const AccountRef &account, CancelToken cancel, OnPart onPart) const;
    // Reads one part again (the panel's Retry).
    void read(Part part, const AccountRef &account, CancelToken cancel, OnPart onPart) const;

    // The date contract coverage is computed for; today unless set (tests).
    void setToday(domain::Date today) { m_today = today; }

private:
    void readErp(Part part, const std::string &customerNumber, CancelToken cancel, OnPart onPart) const;

    std::shared_ptr<CrmConnector> m_crm;
    std::shared_ptr<ErpConnector> m_erp;
    Account360Limits m_limits;
    domain::Date m_today;
};

} // namespace lakeshore::sources
