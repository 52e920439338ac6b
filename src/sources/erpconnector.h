// The ERP connector: reads a Business Central-like OData v4 ERP and maps it to domain types.
// Entity sets: customers, items, contractPrices, salesInvoices, salesInvoiceLines, salesOrders.
// Callbacks run on the HTTP I/O thread.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "domain/erp.h"
#include "sources/connectionsettings.h"
#include "sources/done.h"
#include "sources/probe.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lakeshore::http {
class HttpClient;
}

namespace lakeshore::sources {

class ErpConnector
{
public:
    ErpConnector(http::HttpClient &http, ConnectionSettings settings);
    ~ErpConnector();

    // NotFound when the ERP has no customer with that number.
    void customer(const std::string &number, CancelToken cancel, Done<domain::Customer> done);
    void openOrders(const std::string &customerNumber, int limit, CancelToken cancel,
                    Done<std::vector<domain::SalesOrder>> done);
    void recentInvoices(const std::string &customerNumber, int limit, CancelToken cancel,
                        Done<std::vector<domain::Invoice>> done);
    void contractPrices(const std::string &customerNumber, CancelToken cancel,
                        Done<std::vector<domain::ContractPrice>> done);
    // Invoice lines billed on or after `since`, without their invoice header.
    void invoiceLinesSince(const std::string &customerNumber, domain::Date since, CancelToken cancel,
                           Done<std::vector<domain::InvoiceLine>> done);

    void probe(CancelToken cancel, Done<ServiceProbe> done);

    [[nodiscard]] const ConnectionSettings &settings() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace lakeshore::sources
