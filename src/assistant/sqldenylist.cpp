#include "assistant/sqldenylist.h"

#include <algorithm>
#include <iterator>

namespace lakeshore::assistant {

namespace {

constexpr std::string_view kKeywords[] = {
    // DML and DDL
    "insert", "update", "delete", "merge", "upsert", "replace", "create", "alter", "drop", "truncate",
    "undrop", "grant", "revoke",
    // data movement and external code
    "copy", "call", "exec", "execute", "load", "unload", "put", "get", "remove", "import", "do",
    // session and configuration
    "pragma", "attach", "detach", "set", "reset", "use", "discard", "prepare", "deallocate", "declare",
    // transactions and locks
    "begin", "commit", "rollback", "savepoint", "release", "abort", "lock",
    // maintenance
    "vacuum", "analyze", "analyse", "reindex", "optimize", "refresh", "checkpoint", "cluster", "msck",
    // notifications
    "notify", "listen", "unlisten",
    // SELECT ... INTO creates a table
    "into",
    // names built from strings cannot be checked
    "identifier",
    // sequences advance when read this way (Snowflake seq.nextval)
    "nextval", "setval"};

constexpr std::string_view kFunctionLike[] = {"replace", "truncate", "get"};

constexpr std::string_view kFunctions[] = {
    // PostgreSQL
    "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_terminate_backend", "pg_cancel_backend",
    "pg_reload_conf", "pg_rotate_logfile", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file",
    "lo_import", "lo_export", "lo_unlink", "dblink", "dblink_exec", "set_config", "nextval", "setval",
    "pg_notify", "pg_switch_wal", "pg_promote", "query_to_xml", "query_to_xmlschema",
    "query_to_xml_and_xmlschema", "cursor_to_xml", "ts_stat", "pg_log_backend_memory_contexts",
    "pg_replication_slot_advance",
    // SQLite (core and the shell's extensions)
    "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "fsdir", "zipfile",
    // Databricks
    "reflect", "try_reflect", "java_method", "http_request", "secret", "try_secret"};

constexpr std::string_view kFunctionPrefixes[] = {
    "pg_advisory_", "pg_try_advisory_", "pg_stat_reset", "pg_replication_origin_",
    "pg_create_",   "pg_drop_",         "pg_ls_",        "pg_read_",
    "pg_file_",     "pg_wal_replay_",   "pg_logical_",   "pg_backup_",
    "lo_",          "dblink",           "system$"};

template <std::size_t N> bool contains(const std::string_view (&list)[N], std::string_view word)
{
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

} // namespace

bool isForbiddenKeyword(std::string_view lowerWord)
{
    return contains(kKeywords, lowerWord);
}

bool isAllowedAsFunctionCall(std::string_view lowerWord)
{
    return contains(kFunctionLike, lowerWord);
}

bool isSideEffectFunction(std::string_view lowerWord)
{
    // Snowflake's SYSTEM$ functions control the account (SYSTEM$WAIT, SYSTEM$CANCEL_QUERY, ...).
    return contains(kFunctions, lowerWord) || lowerWord.starts_with("system$");
}

bool hasSideEffectPrefix(std::string_view lowerWord)
{
    return std::any_of(std::begin(kFunctionPrefixes), std::end(kFunctionPrefixes),
                       [&](std::string_view prefix) { return lowerWord.starts_with(prefix); });
}

} // namespace lakeshore::assistant
