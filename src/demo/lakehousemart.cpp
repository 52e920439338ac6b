#include "demo/lakehousemart.h"

#include "demo/lakehousefacts.h"
#include "demo/martsqlite.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <future>
#include <map>
#include <thread>

namespace lakeshore::demo {

namespace {

// Each table's one-line description sits inside its CREATE text, so it survives in sqlite_schema for
// whoever explores the mart (the assistant included). Indices come after the load: faster than
// maintaining them row by row.
constexpr const char *kSchema = R"sql(
CREATE TABLE mart_info( -- how the mart was generated: seed, size, today, built_at
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dim_account( -- one row per ERP customer; no territory or owner (those live in the CRM)
    account_number TEXT PRIMARY KEY, account_name TEXT NOT NULL, industry TEXT, city TEXT, state TEXT,
    annual_revenue REAL, employees INTEGER, active INTEGER NOT NULL,
    first_order_date TEXT, last_order_date TEXT);
CREATE TABLE dim_item( -- one row per ERP item, with its standard cost and list price
    item_number TEXT PRIMARY KEY, description TEXT, category TEXT, unit_of_measure TEXT,
    unit_cost REAL, list_price REAL);
CREATE TABLE contract_price( -- customer x item contract prices, valid from/to inclusive (ISO dates)
    contract_id TEXT NOT NULL, account_number TEXT NOT NULL, item_number TEXT NOT NULL,
    unit_price REAL NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL);
CREATE TABLE fact_invoice_line( -- one row per invoice line; gross_margin = amount - extended_cost - freight_cost
    invoice_number TEXT NOT NULL, line_number INTEGER NOT NULL, account_number TEXT NOT NULL,
    invoice_date TEXT NOT NULL, item_number TEXT NOT NULL, quantity REAL NOT NULL, unit_price REAL NOT NULL,
    amount REAL NOT NULL, unit_cost REAL NOT NULL, extended_cost REAL NOT NULL, freight_cost REAL NOT NULL,
    gross_margin REAL NOT NULL,
    contract_price REAL,              -- the lowest contract price valid on invoice_date; NULL when none
    off_contract INTEGER NOT NULL,    -- 1 when no contract price was valid on invoice_date
    price_variance REAL);             -- (unit_price - contract_price) * quantity; NULL when off contract
CREATE TABLE agg_account_month( -- fact_invoice_line summed per account and calendar month ('YYYY-MM')
    account_number TEXT NOT NULL, month TEXT NOT NULL, revenue REAL NOT NULL, gross_margin REAL NOT NULL,
    freight_cost REAL NOT NULL, off_contract_amount REAL NOT NULL, invoice_count INTEGER NOT NULL,
    line_count INTEGER NOT NULL, PRIMARY KEY (account_number, month));
CREATE TABLE account_propensity( -- churn and growth scores in [0,1] from the last 12 vs the prior 12 months
    account_number TEXT PRIMARY KEY, churn_score REAL NOT NULL, growth_score REAL NOT NULL,
    scored_on TEXT NOT NULL);
)sql";

constexpr const char *kIndices = R"sql(
CREATE INDEX fact_invoice_line_account ON fact_invoice_line(account_number);
CREATE INDEX fact_invoice_line_date ON fact_invoice_line(invoice_date);
CREATE INDEX contract_price_account ON contract_price(account_number, item_number);
CREATE INDEX agg_account_month_month ON agg_account_month(month);
)sql";

constexpr std::size_t kChunk = 64; // accounts generated ahead while the previous chunk is written

double round2(double value)
{
    return std::round(value * 100) / 100;
}

double round4(double value)
{
    return std::round(value * 10000) / 10000;
}

// Everything the mart holds about one account, generated off the writing thread.
struct AccountBatch
{
    std::vector<InvoiceLineFact> facts;
    std::vector<domain::ContractPrice> contracts;
};

AccountBatch makeBatch(const World &world, std::size_t index)
{
    AccountBatch batch;
    batch.contracts = world.detail(index).contractPrices;
    forEachInvoiceLineFact(world, index, [&](const InvoiceLineFact &fact) { batch.facts.push_back(fact); });
    return batch;
}

std::vector<AccountBatch> generateChunk(const World &world, std::size_t begin, std::size_t end)
{
    std::vector<AccountBatch> batches(end - begin);
    const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::exception_ptr> failures(workers);
    auto work = [&](unsigned w) {
        try {
            for (std::size_t i = begin + w; i < end; i += workers)
                batches[i - begin] = makeBatch(world, i);
        } catch (...) {
            failures[w] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> threads;
        for (unsigned w = 1; w < workers; ++w)
            threads.emplace_back(work, w);
        work(0);
    }
    for (const auto &failure : failures)
        if (failure)
            std::rethrow_exception(failure);
    return batches;
}

struct MonthTotals
{
    double revenue = 0;
    double grossMargin = 0;
    double freight = 0;
    double offContract = 0;
    std::int64_t invoices = 0;
    std::int64_t lines = 0;
};

struct Propensity
{
    double churn = 0;
    double growth = 0;
};

// trend = (recent - earlier) / (recent + earlier) in [-1, 1], with recent the revenue of the 12 months up
// to today and earlier that of the 12 months before (-1 when both are zero: nothing bought in two years);
// recency = min(1, days since the last order / 365), 1 with no order at all.
// churn = 0.7 * (1 - trend) / 2 + 0.3 * recency; growth = (1 + trend) / 2 * (1 - recency).
Propensity score(double recent, double earlier, std::optional<std::int64_t> daysSinceLastOrder)
{
    const double total = recent + earlier;
    const double trend = total > 0 ? (recent - earlier) / total : -1.0;
    const double recency =
        daysSinceLastOrder ? std::clamp(static_cast<double>(*daysSinceLastOrder) / 365.0, 0.0, 1.0) : 1.0;
    return {std::clamp(round4(0.7 * (1 - trend) / 2 + 0.3 * recency), 0.0, 1.0),
            std::clamp(round4((1 + trend) / 2 * (1 - recency)), 0.0, 1.0)};
}

class MartWriter
{
public:
    MartWriter(const World &world, martsql::Statement account, martsql::Statement contract,
               martsql::Statement fact, martsql::Statement month, martsql::Statement propensity)
        : m_world(world), m_account(std::move(account)), m_contract(std::move(contract)),
          m_fact(std::move(fact)), m_month(std::move(month)), m_propensity(std::move(propensity)),
          m_recentFrom(world.options().today.addMonths(-12)),
          m_earlierFrom(world.options().today.addMonths(-24))
    {
    }

    Status write(std::size_t index, const AccountBatch &batch, MartSummary &summary)
    {
        const domain::Account &account = m_world.accounts()[index];
        for (const auto &contract : batch.contracts)
            if (Status s = writeContract(account, contract); !s)
                return s;
        summary.contractPrices += batch.contracts.size();

        std::map<std::string, MonthTotals> months;
        std::string lastInvoice;
        double recent = 0, earlier = 0;
        for (const auto &fact : batch.facts) {
            const double extendedCost = round2(fact.quantity * fact.unitCost);
            const double margin = round2(fact.amount - extendedCost - fact.freightCost);
            if (Status s = writeFact(fact, extendedCost, margin); !s)
                return s;
            MonthTotals &totals = months[fact.invoiceDate.iso().substr(0, 7)];
            totals.revenue += fact.amount;
            totals.grossMargin += margin;
            totals.freight += fact.freightCost;
            totals.offContract += fact.contractPrice ? 0.0 : fact.amount;
            totals.lines += 1;
            if (fact.invoiceNumber != lastInvoice) {
                totals.invoices += 1;
                lastInvoice = fact.invoiceNumber;
            }
            if (fact.invoiceDate > m_recentFrom)
                recent += fact.amount;
            else if (fact.invoiceDate > m_earlierFrom)
                earlier += fact.amount;
        }
        summary.invoiceLines += batch.facts.size();

        for (const auto &[month, totals] : months)
            if (Status s = writeMonth(account, month, totals); !s)
                return s;
        summary.monthlyRows += months.size();

        std::optional<domain::Date> first, last;
        if (!batch.facts.empty()) {
            const auto [lo, hi] = std::minmax_element(batch.facts.begin(), batch.facts.end(),
                                                      [](const InvoiceLineFact &a, const InvoiceLineFact &b) {
                                                          return a.invoiceDate < b.invoiceDate;
                                                      });
            first = lo->invoiceDate;
            last = hi->invoiceDate;
        }
        if (Status s = writeAccount(account, first, last); !s)
            return s;
        ++summary.accounts;

        const domain::Date today = m_world.options().today;
        const Propensity p = score(
            recent, earlier, last ? std::optional<std::int64_t>(today.days() - last->days()) : std::nullopt);
        m_propensity.bind(1, account.accountNumber);
        m_propensity.bind(2, p.churn);
        m_propensity.bind(3, p.growth);
        m_propensity.bind(4, today.iso());
        return m_propensity.run();
    }

private:
    Status writeContract(const domain::Account &account, const domain::ContractPrice &contract)
    {
        m_contract.bind(1, contract.contractId);
        m_contract.bind(2, contract.customerNumber.empty() ? account.accountNumber : contract.customerNumber);
        m_contract.bind(3, contract.itemNumber);
        m_contract.bind(4, contract.unitPrice);
        m_contract.bind(5, contract.validFrom.iso());
        m_contract.bind(6, contract.validTo.iso());
        return m_contract.run();
    }

    Status writeFact(const InvoiceLineFact &fact, double extendedCost, double margin)
    {
        m_fact.bind(1, fact.invoiceNumber);
        m_fact.bind(2, std::int64_t{fact.lineNumber});
        m_fact.bind(3, fact.accountNumber);
        m_fact.bind(4, fact.invoiceDate.iso());
        m_fact.bind(5, fact.itemNumber);
        m_fact.bind(6, fact.quantity);
        m_fact.bind(7, fact.unitPrice);
        m_fact.bind(8, fact.amount);
        m_fact.bind(9, fact.unitCost);
        m_fact.bind(10, extendedCost);
        m_fact.bind(11, fact.freightCost);
        m_fact.bind(12, margin);
        m_fact.bind(13, fact.contractPrice);
        m_fact.bind(14, std::int64_t{fact.contractPrice ? 0 : 1});
        m_fact.bind(15, fact.contractPrice ? std::optional<double>(round2(
                                                 (fact.unitPrice - *fact.contractPrice) * fact.quantity))
                                           : std::nullopt);
        return m_fact.run();
    }

    Status writeMonth(const domain::Account &account, const std::string &month, const MonthTotals &totals)
    {
        m_month.bind(1, account.accountNumber);
        m_month.bind(2, month);
        m_month.bind(3, round2(totals.revenue));
        m_month.bind(4, round2(totals.grossMargin));
        m_month.bind(5, round2(totals.freight));
        m_month.bind(6, round2(totals.offContract));
        m_month.bind(7, totals.invoices);
        m_month.bind(8, totals.lines);
        return m_month.run();
    }

    Status writeAccount(const domain::Account &account, std::optional<domain::Date> first,
                        std::optional<domain::Date> last)
    {
        m_account.bind(1, account.accountNumber);
        m_account.bind(2, account.name);
        m_account.bind(3, account.industry);
        m_account.bind(4, account.city);
        m_account.bind(5, account.state);
        m_account.bind(6, account.annualRevenue);
        m_account.bind(7, std::int64_t{account.employees});
        m_account.bind(8, std::int64_t{account.active ? 1 : 0});
        if (first)
            m_account.bind(9, first->iso());
        else
            m_account.bindNull(9);
        if (last)
            m_account.bind(10, last->iso());
        else
            m_account.bindNull(10);
        return m_account.run();
    }

    const World &m_world;
    martsql::Statement m_account, m_contract, m_fact, m_month, m_propensity;
    domain::Date m_recentFrom, m_earlierFrom;
};

Status writeInfo(martsql::Connection &db, const World &world)
{
    auto insert = db.prepare("INSERT INTO mart_info(key, value) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    const WorldOptions &options = world.options();
    const std::pair<const char *, std::string> rows[] = {
        {"seed", std::to_string(options.seed)},
        {"size", std::string(worldSizeName(options.size))},
        {"today", options.today.iso()},
        {"built_at", domain::Timestamp::now().iso()},
    };
    for (const auto &[key, value] : rows) {
        insert.value().bind(1, std::string_view(key));
        insert.value().bind(2, value);
        if (Status s = insert.value().run(); !s)
            return s;
    }
    return okStatus();
}

Status writeItems(martsql::Connection &db, const World &world, MartSummary &summary)
{
    auto insert = db.prepare("INSERT INTO dim_item(item_number, description, category, unit_of_measure, "
                             "unit_cost, list_price) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    martsql::Statement &s = insert.value();
    for (const auto &item : world.items()) {
        s.bind(1, item.number);
        s.bind(2, item.description);
        s.bind(3, item.category);
        s.bind(4, item.unitOfMeasure);
        s.bind(5, item.unitCost);
        s.bind(6, item.listPrice);
        if (Status done = s.run(); !done)
            return done;
        ++summary.items;
    }
    return okStatus();
}

Result<MartWriter> prepareWriter(martsql::Connection &db, const World &world)
{
    auto account = db.prepare("INSERT INTO dim_account VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    auto contract = db.prepare("INSERT INTO contract_price VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto fact = db.prepare("INSERT INTO fact_invoice_line VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    auto month = db.prepare("INSERT INTO agg_account_month VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    auto propensity = db.prepare("INSERT INTO account_propensity VALUES (?1, ?2, ?3, ?4)");
    for (const auto *prepared : {&account, &contract, &fact, &month, &propensity})
        if (!*prepared)
            return prepared->error();
    return MartWriter(world, std::move(account).value(), std::move(contract).value(), std::move(fact).value(),
                      std::move(month).value(), std::move(propensity).value());
}

Status writeMart(martsql::Connection &db, const World &world, MartSummary &summary)
{
    // A fresh file we delete on any failure: no rollback journal or fsync is worth paying for.
    if (Status s = db.exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA page_size=8192;"); !s)
        return s;
    if (Status s = db.exec(kSchema); !s)
        return s;
    if (Status s = db.exec("BEGIN"); !s)
        return s;
    if (Status s = writeInfo(db, world); !s)
        return s;
    if (Status s = writeItems(db, world, summary); !s)
        return s;
    auto writer = prepareWriter(db, world);
    if (!writer)
        return writer.error();

    const std::size_t count = world.accounts().size();
    std::future<std::vector<AccountBatch>> next;
    if (count > 0)
        next = std::async(std::launch::async, generateChunk, std::cref(world), 0, std::min(kChunk, count));
    for (std::size_t begin = 0; begin < count; begin += kChunk) {
        std::vector<AccountBatch> batches = next.get();
        const std::size_t after = begin + kChunk;
        if (after < count)
            next = std::async(std::launch::async, generateChunk, std::cref(world), after,
                              std::min(after + kChunk, count));
        for (std::size_t i = 0; i < batches.size(); ++i)
            if (Status s = writer.value().write(begin + i, batches[i], summary); !s) {
                if (next.valid())
                    next.wait();
                return s;
            }
    }
    if (Status s = db.exec(kIndices); !s)
        return s;
    return db.exec("COMMIT");
}

// Creates the file only if nothing is at path, so an existing file is never touched.
Status createExclusively(const std::string &path)
{
    if (path.empty())
        return makeError(ErrorKind::Invalid, "lakehouse mart: no file path given");
    std::FILE *file = std::fopen(path.c_str(), "wx");
    if (!file) {
        const int err = errno;
        std::error_code ec;
        if (err == EEXIST || std::filesystem::exists(path, ec))
            return makeError(ErrorKind::Invalid,
                             "lakehouse mart " + path + ": a file already exists there; it was not changed");
        return makeError(ErrorKind::Storage,
                         "lakehouse mart " + path + ": cannot create the file: " + std::strerror(err));
    }
    std::fclose(file);
    return okStatus();
}

void removeMart(const std::string &path)
{
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
}

} // namespace

Result<MartSummary> buildLakehouseMart(const World &world, const std::string &path)
{
    const auto started = std::chrono::steady_clock::now();
    if (Status created = createExclusively(path); !created)
        return created.error();

    MartSummary summary;
    Status written = okStatus();
    try {
        auto db = martsql::Connection::open(path);
        if (!db)
            written = db.error();
        else
            written = writeMart(db.value(), world, summary);
    } catch (const std::exception &e) {
        written = makeError(ErrorKind::Storage, "lakehouse mart " + path + ": " + e.what());
    }
    if (!written) {
        removeMart(path);
        return written.error();
    }
    summary.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace lakeshore::demo
