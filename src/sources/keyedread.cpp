#include "sources/keyedread.h"

#include "http/url.h"

#include <mutex>
#include <unordered_set>

namespace lakeshore::sources {
namespace {

struct Batch
{
    std::shared_ptr<odata::Client> client;
    std::vector<odata::Query> queries;
    CancelToken cancel; // ours: cancelled by the caller's token, or by the first failure
    Done<std::vector<nlohmann::json>> done;

    std::mutex mutex;
    std::size_t next = 0;
    std::size_t finished = 0;
    bool answered = false;
    std::vector<nlohmann::json> rows;

    Batch(std::shared_ptr<odata::Client> c, std::vector<odata::Query> q, Done<std::vector<nlohmann::json>> d)
        : client(std::move(c)), queries(std::move(q)), done(std::move(d))
    {
    }
};

void startNext(const std::shared_ptr<Batch> &batch);

void chunkDone(const std::shared_ptr<Batch> &batch, Result<odata::Collection> result)
{
    std::unique_lock lock(batch->mutex);
    ++batch->finished;
    if (batch->answered)
        return;
    if (!result) {
        batch->answered = true;
        lock.unlock();
        batch->cancel.cancel(); // the chunks still running are of no use now
        batch->done(result.error());
        return;
    }
    for (auto &row : result.value().rows)
        batch->rows.push_back(std::move(row));
    if (batch->finished == batch->queries.size()) {
        batch->answered = true;
        auto rows = std::move(batch->rows);
        lock.unlock();
        batch->done(std::move(rows));
        return;
    }
    lock.unlock();
    startNext(batch);
}

void startNext(const std::shared_ptr<Batch> &batch)
{
    std::size_t index = 0;
    {
        std::lock_guard lock(batch->mutex);
        if (batch->answered || batch->next == batch->queries.size())
            return;
        index = batch->next++;
    }
    batch->client->all(batch->queries[index], batch->cancel,
                       [batch](Result<odata::Collection> result) { chunkDone(batch, std::move(result)); });
}

} // namespace

std::vector<std::string> distinctKeys(const std::vector<std::string> &keys)
{
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto &key : keys)
        if (seen.insert(key).second)
            out.push_back(key);
    return out;
}

std::vector<std::vector<std::string>> chunkKeys(const std::vector<std::string> &literals)
{
    std::vector<std::vector<std::string>> chunks;
    std::size_t chars = 0;
    for (const auto &literal : literals) {
        const std::size_t size = http::percentEncode(literal).size() + 3; // and an encoded comma
        if (chunks.empty() || chunks.back().size() >= kMaxKeysPerRequest ||
            chars + size > kMaxKeyCharsPerRequest) {
            chunks.emplace_back();
            chars = 0;
        }
        chunks.back().push_back(literal);
        chars += size;
    }
    return chunks;
}

void readByKeys(std::shared_ptr<odata::Client> client, const odata::Query &base, const std::string &property,
                const std::vector<std::string> &literals, CancelToken cancel,
                Done<std::vector<nlohmann::json>> done)
{
    std::vector<odata::Query> queries;
    for (const auto &chunk : chunkKeys(literals)) {
        odata::Query query = base;
        query.filter = property + " in (";
        for (std::size_t i = 0; i < chunk.size(); ++i)
            query.filter += (i ? "," : "") + chunk[i];
        query.filter += ")";
        queries.push_back(std::move(query));
    }
    if (queries.empty()) {
        done(std::vector<nlohmann::json>());
        return;
    }
    auto batch = std::make_shared<Batch>(std::move(client), std::move(queries), std::move(done));
    cancel.onCancel([inner = batch->cancel] { inner.cancel(); });
    for (int i = 0; i < kMaxParallelRequests; ++i)
        startNext(batch);
}

} // namespace lakeshore::sources
