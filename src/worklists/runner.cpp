#include "worklists/runner.h"

#include "assistant/assistant.h"
#include "assistant/resultdecoder.h"
#include "core/workqueue.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace lakeshore::worklists {
namespace {

using Clock = std::chrono::steady_clock;

bool sameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

std::string columnList(const assistant::ResultSet &rows)
{
    std::string names;
    for (const auto &column : rows.columns())
        names += (names.empty() ? "" : ", ") + column.name;
    return names.empty() ? std::string("none") : names;
}

} // namespace

std::optional<std::size_t> findColumn(const assistant::ResultSet &rows, std::string_view name)
{
    const auto &columns = rows.columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (sameName(columns[i].name, name))
            return i;
    return std::nullopt;
}

struct Runner::Impl : std::enable_shared_from_this<Impl>
{
    std::shared_ptr<assistant::Assistant> lakehouse;
    WorkQueue waits; // where a large result's decode is waited for, off the I/O thread

    using Finish = std::function<void(Result<LakehouseRows>)>;

    void start(const std::string &sql, const std::string &accountColumn, CancelToken cancel,
               const Progress &onProgress, Finish done)
    {
        const auto began = Clock::now();
        assistant::Answer earlier;
        std::weak_ptr<Impl> weak = shared_from_this();
        lakehouse->runSql(
            sql, earlier, cancel,
            [onProgress](const assistant::AskProgress &progress) {
                if (onProgress)
                    onProgress(progress.detail);
            },
            [weak, accountColumn, began, done = std::move(done)](Result<assistant::Answer> answer) mutable {
                if (!answer)
                    return done(answer.error());
                auto decoding = answer.value().decoding;
                if (!decoding || decoding->finished())
                    return done(finish(std::move(answer.value()),
                                       decoding ? decoding->wait() : Result(answer.value().rows), accountColumn,
                                       began));
                auto self = weak.lock();
                if (!self)
                    return; // the runner is gone, and whoever asked with it
                // The Answer arrived with its first rows; a worklist needs them all.
                self->waits.post(
                    [answer = std::move(answer.value()), accountColumn, began, done = std::move(done)]() mutable {
                        auto rows = answer.decoding->wait();
                        done(finish(std::move(answer), std::move(rows), accountColumn, began));
                    });
            });
    }

    static Result<LakehouseRows> finish(assistant::Answer answer, Result<assistant::ResultSet> rows,
                                        const std::string &accountColumn, Clock::time_point began)
    {
        if (!rows)
            return rows.error();
        LakehouseRows out;
        out.rows = std::move(rows.value());
        if (!out.rows.hasTable())
            return makeError(ErrorKind::Malformed,
                             "the lakehouse answered without a table" +
                                 (out.rows.note().empty() ? std::string() : ": " + out.rows.note().substr(0, 200)));
        if (!accountColumn.empty()) {
            auto column = findColumn(out.rows, accountColumn);
            if (!column)
                return makeError(ErrorKind::NotFound, "the result has no column \"" + accountColumn +
                                                          "\" holding the account (its columns: " +
                                                          columnList(out.rows) + ")");
            out.accountColumn = *column;
        }
        out.sql = std::move(answer.sql);
        out.server = std::move(answer.provenance.server);
        out.readAt = std::move(answer.provenance.finishedAt);
        out.elapsedMs = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
        return out;
    }
};

Runner::Runner(std::shared_ptr<assistant::Assistant> lakehouse) : m_impl(std::make_shared<Impl>())
{
    m_impl->lakehouse = std::move(lakehouse);
}

Runner::~Runner() = default;

void Runner::run(const Definition &definition, const SqlValues &values, CancelToken cancel, Progress onProgress,
                 std::function<void(Result<LakehouseRows>)> done)
{
    auto sql = renderSql(definition.sql, values, m_impl->lakehouse->setup().dialect);
    if (!sql)
        return done(sql.error());
    m_impl->start(sql.value(), definition.accountColumn, std::move(cancel), onProgress, std::move(done));
}

void Runner::drillDown(const Definition &definition, const std::string &account, const SqlValues &values,
                       CancelToken cancel, Progress onProgress, std::function<void(Result<LakehouseRows>)> done)
{
    if (definition.detailSql.empty())
        return done(makeError(ErrorKind::Invalid, "the worklist \"" + definition.name + "\" has no drill-down"));
    SqlValues withAccount = values;
    withAccount.account = account;
    auto sql = renderSql(definition.detailSql, withAccount, m_impl->lakehouse->setup().dialect);
    if (!sql)
        return done(sql.error());
    m_impl->start(sql.value(), {}, std::move(cancel), onProgress, std::move(done));
}

} // namespace lakeshore::worklists
