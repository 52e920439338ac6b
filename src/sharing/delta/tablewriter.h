// Writes a Delta table as a whole: each overwrite() writes the rows as new Parquet files and publishes
// one commit that adds them and removes every file live before, so readers see the old version or the
// new one, never a mix. A writer that loses the race for a version re-reads the log and tries the next
// one, keeping the files it already wrote. vacuum() deletes data files no version newer than the
// retention window needs.
#pragma once

#include "core/result.h"
#include "sharing/parquet/column.h"
#include "sharing/parquet/parquetschema.h"
#include "sharing/parquet/parquetwriter.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lakeshore::sharing::delta {

struct TableContent
{
    std::string name;        // metaData.name, e.g. "accounts"
    std::string description; // metaData.description
    parquet::Schema schema;
    const std::vector<parquet::Column> *columns = nullptr; // one per schema column
};

struct OverwriteOptions
{
    parquet::WriterOptions parquet;
    std::size_t rowsPerFile = 1'000'000;
    int maxAttempts = 10;
    std::string engineInfo = "lakeshore";
    std::function<std::int64_t()> nowMillis; // empty: the system clock
};

struct OverwriteResult
{
    std::int64_t version = 0;
    std::int64_t rows = 0;
    std::int64_t bytes = 0; // of the new data files
    int filesAdded = 0;
    int filesRemoved = 0;
};

// Creates tableDir and its log when missing (version 0 then carries protocol and metaData). A changed
// schema, name or description writes a new metaData with the same table id.
[[nodiscard]] Result<OverwriteResult> overwrite(const std::string &tableDir, const TableContent &content,
                                                const OverwriteOptions &options = {});

struct VacuumResult
{
    int filesDeleted = 0;
    std::int64_t bytesDeleted = 0;
};

// Deletes data files not live in the latest version that were removed (or, never committed, last
// modified) more than retentionMillis before nowMillis, and stray commit temp files as old. Versions
// whose files are gone can no longer be read; the latest always can.
[[nodiscard]] Result<VacuumResult> vacuum(const std::string &tableDir, std::int64_t retentionMillis,
                                          std::int64_t nowMillis);

[[nodiscard]] std::int64_t systemMillis();

} // namespace lakeshore::sharing::delta
