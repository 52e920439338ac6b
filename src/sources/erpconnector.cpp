#include "sources/erpconnector.h"

#include "odata/odataclient.h"
#include "odata/odataquery.h"
#include "sources/erpmapping.h"
#include "sources/readlist.h"

namespace lakeshore::sources {
namespace {

// Whole-customer reads ask for big pages: one round trip where the service allows it.
constexpr int largePage = 2000;

std::string customerClause(const std::string &number)
{
    return "customerNumber eq " + odata::stringLiteral(number);
}

} // namespace

struct ErpConnector::State
{
    ConnectionSettings settings;
    odata::Client client;

    State(http::HttpClient &http, ConnectionSettings s)
        : settings(std::move(s)), client(http, {settings.baseUrl, settings.auth, settings.timeoutMs})
    {
    }
};

ErpConnector::ErpConnector(http::HttpClient &http, ConnectionSettings settings)
    : m_state(std::make_shared<State>(http, std::move(settings)))
{
}

ErpConnector::~ErpConnector() = default;

const ConnectionSettings &ErpConnector::settings() const
{
    return m_state->settings;
}

void ErpConnector::customer(const std::string &number, CancelToken cancel, Done<domain::Customer> done)
{
    odata::Query query;
    query.entitySet = "customers";
    query.filter = "number eq " + odata::stringLiteral(number);
    query.top = 1;
    readList<domain::Customer>(
        m_state->client, query, erp::customer, cancel,
        [number, done = std::move(done)](Result<std::vector<domain::Customer>> result) {
            if (!result) {
                done(result.error());
                return;
            }
            if (result.value().empty()) {
                done(makeError(ErrorKind::NotFound, "the ERP has no customer number " + number));
                return;
            }
            done(std::move(result.value().front()));
        });
}

void ErpConnector::openOrders(const std::string &customerNumber, int limit, CancelToken cancel,
                              Done<std::vector<domain::SalesOrder>> done)
{
    odata::Query query;
    query.entitySet = "salesOrders";
    query.filter = customerClause(customerNumber) + " and status ne 'Shipped'";
    query.orderBy = {"orderDate desc"};
    query.top = limit;
    readList<domain::SalesOrder>(m_state->client, query, erp::salesOrder, cancel, std::move(done),
                                 {10, static_cast<std::size_t>(limit)});
}

void ErpConnector::recentInvoices(const std::string &customerNumber, int limit, CancelToken cancel,
                                  Done<std::vector<domain::Invoice>> done)
{
    odata::Query query;
    query.entitySet = "salesInvoices";
    query.filter = customerClause(customerNumber);
    query.orderBy = {"invoiceDate desc", "number desc"};
    query.top = limit;
    readList<domain::Invoice>(m_state->client, query, erp::salesInvoice, cancel, std::move(done),
                              {10, static_cast<std::size_t>(limit)});
}

void ErpConnector::contractPrices(const std::string &customerNumber, CancelToken cancel,
                                  Done<std::vector<domain::ContractPrice>> done)
{
    odata::Query query;
    query.entitySet = "contractPrices";
    query.filter = customerClause(customerNumber);
    query.orderBy = {"itemNumber asc", "startingDate asc"};
    query.maxPageSize = largePage;
    readList<domain::ContractPrice>(m_state->client, query, erp::contractPrice, cancel, std::move(done));
}

void ErpConnector::invoiceLinesSince(const std::string &customerNumber, domain::Date since,
                                     CancelToken cancel, Done<std::vector<domain::InvoiceLine>> done)
{
    odata::Query query;
    query.entitySet = "salesInvoiceLines";
    query.filter = customerClause(customerNumber) + " and invoiceDate ge " + since.iso();
    query.select = {"documentNumber", "sequence",           "itemNumber", "quantity",
                    "unitPrice",      "amountExcludingTax", "invoiceDate"};
    query.maxPageSize = largePage;
    readList<domain::InvoiceLine>(m_state->client, query, erp::salesInvoiceLine, cancel, std::move(done));
}

void ErpConnector::probe(CancelToken cancel, Done<ServiceProbe> done)
{
    probeService(m_state->client, {"customers", "salesInvoices", "salesOrders"}, "ERP", cancel,
                 std::move(done));
}

} // namespace lakeshore::sources
