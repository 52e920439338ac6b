// Reads every page of a query and maps each entity to a domain type.
#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "odata/odataclient.h"
#include "sources/done.h"

#include <functional>
#include <vector>

namespace lakeshore::sources {

template <class T, class Map>
void readList(odata::Client &client, const odata::Query &query, Map map, CancelToken cancel,
              Done<std::vector<T>> done, odata::PagingLimits limits = {})
{
    client.all(
        query, cancel,
        [map, done = std::move(done)](Result<odata::Collection> result) {
            if (!result) {
                done(result.error());
                return;
            }
            std::vector<T> out;
            out.reserve(result.value().rows.size());
            for (const auto &row : result.value().rows)
                out.push_back(map(row));
            done(std::move(out));
        },
        limits);
}

} // namespace lakeshore::sources
