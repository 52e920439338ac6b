// A Delta writer meant to be killed: overwrites two tables in turn, forever, with a different number of
// rows (and files) each time, so that tst_deltatables can SIGKILL it at random points and check that
// every table stays readable at a complete version. Usage: deltacrashwriter ROOT_DIR SEED
#include "sharing/delta/tablewriter.h"

#include <cstdio>
#include <random>
#include <string>

using namespace lakeshore::sharing;

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: deltacrashwriter ROOT_DIR SEED\n");
        return 2;
    }
    const std::string root = argv[1];
    std::mt19937 random(static_cast<unsigned>(std::stoul(argv[2])));
    const parquet::Schema schema = {{"id", parquet::ColumnType::String, false},
                                    {"n", parquet::ColumnType::Int64},
                                    {"at", parquet::ColumnType::Timestamp},
                                    {"amount", parquet::ColumnType::Decimal, true, 18, 2}};
    for (long run = 0;; ++run) {
        const int rows = static_cast<int>(random() % 3000);
        std::vector<parquet::Column> columns;
        for (const auto &spec : schema)
            columns.emplace_back(spec.type);
        for (int i = 0; i < rows; ++i) {
            columns[0].appendString("row-" + std::to_string(run) + "-" + std::to_string(i));
            columns[1].appendInteger(run * 100000 + i);
            columns[2].appendInteger(1700000000000000 + run * 1000 + i);
            if (i % 5 == 0)
                columns[3].appendNull();
            else
                columns[3].appendInteger(i * 99);
        }
        delta::OverwriteOptions options;
        options.rowsPerFile = 1 + random() % 1500;
        const std::string table = root + (run % 2 ? "/contacts" : "/accounts");
        auto result =
            delta::overwrite(table, {run % 2 ? "contacts" : "accounts", "", schema, &columns}, options);
        if (!result) {
            std::fprintf(stderr, "overwrite failed: %s\n", result.error().message.c_str());
            return 1;
        }
    }
}
