#include "demo/odatarows.h"

#include <algorithm>
#include <exception>

namespace lakeshore::demo::odata {
namespace {

// The scan contract has no way to say "enough"; unwinding out of it is the only early stop.
struct StopScan
{
};

struct Ranked
{
    std::vector<Value> keys;
    std::size_t sequence = 0;
    nlohmann::json row;
};

std::vector<Value> sortKeys(const nlohmann::json &row, const std::vector<OrderItem> &orderby)
{
    std::vector<Value> keys;
    keys.reserve(orderby.size());
    for (const auto &item : orderby)
        keys.push_back(propertyValue(row, item.property, item.type));
    return keys;
}

struct RankLess
{
    const std::vector<OrderItem> *orderby;
    bool operator()(const Ranked &a, const Ranked &b) const
    {
        for (std::size_t i = 0; i < orderby->size(); ++i) {
            int c = orderValues(a.keys[i], b.keys[i]);
            if ((*orderby)[i].descending)
                c = -c;
            if (c != 0)
                return c < 0;
        }
        return a.sequence < b.sequence; // deterministic ties keep paging stable
    }
};

} // namespace

namespace {

// The rows a scan (or an index lookup) emits, through sink until it says stop.
Status runRows(const EntitySetDef &set, const std::function<void(const RowSink &)> &produce,
               const std::function<bool(nlohmann::json &&row)> &sink)
{
    bool stopped = false;
    try {
        produce([&](nlohmann::json &&row) {
            if (stopped) // a scan that swallowed StopScan gets its remaining rows ignored
                return;
            if (!sink(std::move(row))) {
                stopped = true;
                throw StopScan{};
            }
        });
    } catch (const StopScan &) {
    } catch (const std::exception &e) {
        return makeError(ErrorKind::Invalid, "reading " + set.name + " failed: " + e.what(), 500,
                         "InternalServerError");
    } catch (...) {
        return makeError(ErrorKind::Invalid, "reading " + set.name + " failed", 500, "InternalServerError");
    }
    return okStatus();
}

} // namespace

Status runScan(const EntitySetDef &set, const std::optional<std::string> &partition,
               const std::function<bool(nlohmann::json &&row)> &sink)
{
    if (!set.scan)
        return okStatus();
    return runRows(set, [&](const RowSink &emit) { set.scan(partition, emit); }, sink);
}

// The filter's rows through an index when the filter names one, else a (partitioned) scan.
Status runFiltered(const EntitySetDef &set, const Filter *filter,
                   const std::function<bool(nlohmann::json &&row)> &sink)
{
    if (filter) {
        for (const auto &lookup : set.lookups)
            if (auto values = filter->memberLiterals(lookup.property))
                return runRows(set, [&](const RowSink &emit) { lookup.rows(*values, emit); }, sink);
    }
    std::optional<std::string> partition;
    if (filter && !set.partitionProperty.empty())
        partition = filter->equalityLiteral(set.partitionProperty);
    return runScan(set, partition, sink);
}

Result<RowSelection> selectRows(const EntitySetDef &set, const RowQuery &query)
{
    const Filter *filter = query.filter;
    RowSelection out;
    const bool ordered = query.orderby && !query.orderby->empty();
    if (query.keep && *query.keep == 0 && !query.countAll)
        return out;

    if (!ordered) {
        Status status = runFiltered(set, filter, [&](nlohmann::json &&row) {
            if (query.filter && !query.filter->matches(row))
                return true;
            ++out.total;
            if (!query.keep || out.rows.size() < *query.keep)
                out.rows.push_back(std::move(row));
            return query.countAll || !query.keep || out.rows.size() < *query.keep;
        });
        if (!status.ok())
            return status.error();
        return out;
    }

    // Keep the best `keep` rows in a max-heap so memory stays bounded by what the page needs.
    const RankLess less{query.orderby};
    std::vector<Ranked> heap;
    std::size_t sequence = 0;
    Status status = runFiltered(set, filter, [&](nlohmann::json &&row) {
        if (query.filter && !query.filter->matches(row))
            return true;
        ++out.total;
        Ranked ranked{sortKeys(row, *query.orderby), sequence++, {}};
        if (query.keep && heap.size() >= *query.keep) {
            if (*query.keep == 0 || !less(ranked, heap.front()))
                return true;
            std::pop_heap(heap.begin(), heap.end(), less);
            heap.pop_back();
        }
        ranked.row = std::move(row);
        heap.push_back(std::move(ranked));
        std::push_heap(heap.begin(), heap.end(), less);
        return true;
    });
    if (!status.ok())
        return status.error();
    std::sort_heap(heap.begin(), heap.end(), less);
    out.rows.reserve(heap.size());
    for (auto &ranked : heap)
        out.rows.push_back(std::move(ranked.row));
    return out;
}

void sortRows(std::vector<nlohmann::json> &rows, const std::vector<OrderItem> &orderby)
{
    if (orderby.empty() || rows.size() < 2)
        return;
    std::vector<Ranked> ranked;
    ranked.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        ranked.push_back(Ranked{sortKeys(rows[i], orderby), i, std::move(rows[i])});
    std::sort(ranked.begin(), ranked.end(), RankLess{&orderby});
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = std::move(ranked[i].row);
}

} // namespace lakeshore::demo::odata
