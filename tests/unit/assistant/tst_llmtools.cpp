// What the LLM planner offers a model, from real tool lists as MCP servers send them (dbhub, mcp-sqlite,
// database-server, server-postgres, Databricks SQL): which tool runs SQL and under which argument, which
// tools are left out (writes, other SQL tools, unknown purposes), safe names, and tool results shortened
// for the model (long lists, huge texts, deep or broken JSON, cut UTF-8).
#include "assistant/llmtools.h"

#include <QTest>
#include <set>

using namespace lakeshore;
using namespace lakeshore::assistant;
using Json = nlohmann::json;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString dumped(const Json &value)
{
    return qs(value.dump());
}

mcp::Tool tool(const Json &listed)
{
    auto parsed = mcp::parseTool(listed);
    if (!parsed)
        qFatal("bad tool: %s", parsed.error().message.c_str());
    return parsed.value();
}

Json sqlSchema(const char *argument)
{
    return Json{
        {"type", "object"}, {"properties", {{argument, {{"type", "string"}}}}}, {"required", {argument}}};
}

Json annotated(Json listed, bool readOnly, bool destructive)
{
    listed["annotations"] = {{"readOnlyHint", readOnly}, {"destructiveHint", destructive}};
    return listed;
}

std::vector<mcp::Tool> tools(std::initializer_list<Json> listed)
{
    std::vector<mcp::Tool> out;
    for (const auto &item : listed)
        out.push_back(tool(item));
    return out;
}

std::set<std::string> names(const std::vector<OfferedTool> &offered)
{
    std::set<std::string> out;
    for (const auto &item : offered)
        out.insert(item.spec.name);
    return out;
}

const OfferedTool *named(const std::vector<OfferedTool> &offered, const std::string &name)
{
    for (const auto &item : offered)
        if (item.spec.name == name)
            return &item;
    return nullptr;
}

} // namespace

class LlmToolsTest : public QObject
{
    Q_OBJECT

private slots:
    void findsTheSqlTool()
    {
        // dbhub 1.4.0, as listed.
        auto dbhub = tools(
            {annotated({{"name", "execute_sql"}, {"inputSchema", sqlSchema("sql")}}, false, true),
             annotated({{"name", "search_objects"},
                        {"inputSchema",
                         {{"type", "object"}, {"properties", {{"object_type", {{"type", "string"}}}}}}}},
                       true, false)});
        auto found = findSqlTool(dbhub);
        QVERIFY(found);
        QCOMPARE(qs(found->toolName), QStringLiteral("execute_sql"));
        QCOMPARE(qs(found->argumentName), QStringLiteral("sql"));

        // Databricks SQL: the read-only variant wins wherever it is listed.
        auto databricks =
            tools({{{"name", "execute_sql"}, {"inputSchema", sqlSchema("statement")}},
                   {{"name", "poll_sql_result"}, {"inputSchema", {{"type", "object"}}}},
                   {{"name", "execute_sql_read_only"}, {"inputSchema", sqlSchema("statement")}}});
        found = findSqlTool(databricks);
        QVERIFY(found);
        QCOMPARE(qs(found->toolName), QStringLiteral("execute_sql_read_only"));
        QCOMPARE(qs(found->argumentName),
                 QStringLiteral("sql")); // the documented default when the schema names neither

        // database-server: read_query takes "query"; write_query is never chosen.
        auto server = tools({{{"name", "write_query"}, {"inputSchema", sqlSchema("query")}},
                             {{"name", "read_query"}, {"inputSchema", sqlSchema("query")}}});
        found = findSqlTool(server);
        QVERIFY(found);
        QCOMPARE(qs(found->toolName), QStringLiteral("read_query"));
        QCOMPARE(qs(found->argumentName), QStringLiteral("query"));

        // server-postgres and mcp-sqlite: query{sql}; a schema naming "query" instead is followed.
        found = findSqlTool(tools({{{"name", "query"}, {"inputSchema", sqlSchema("sql")}}}));
        QVERIFY(found);
        QCOMPARE(qs(found->argumentName), QStringLiteral("sql"));
        found = findSqlTool(tools({{{"name", "execute_sql"}, {"inputSchema", sqlSchema("query")}}}));
        QCOMPARE(qs(found->argumentName), QStringLiteral("query"));

        QVERIFY(!findSqlTool(tools({{{"name", "echo"}}, {{"name", "run_sql_write"}}})));
        QVERIFY(!findSqlTool({}));
    }

    void recognisesWriteNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("write");
        for (const char *name :
             {"write_query", "create_record", "update_records", "delete_records", "drop_table", "alter_table",
              "append_insight", "deleteRecords", "Create-Table", "db.insert", "truncateTable", "MERGE_INTO"})
            QTest::newRow(name) << name << true;
        for (const char *name :
             {"list_tables", "describe_table", "search_objects", "read_query", "get_table_schema", "db_info",
              "updated_rows_report", "dropdown_values", "", "___"})
            QTest::newRow(name[0] ? name : "empty") << name << false;
    }

    void recognisesWriteNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, write);
        QCOMPARE(looksLikeWrite(name.toStdString()), write);
    }

    void offersOnlySafeTools()
    {
        // A server with everything: mcp-sqlite's and database-server's tools, annotated and not.
        auto listed = tools({
            annotated(
                {{"name", "execute_sql"}, {"description", "Execute SQL"}, {"inputSchema", sqlSchema("sql")}},
                false, true),
            annotated({{"name", "search_objects"},
                       {"description", "Search objects"},
                       {"inputSchema",
                        {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                         {"type", "object"},
                         {"properties", {{"object_type", {{"type", "string"}}}}}}}},
                      true, false),
            {{"name", "list_tables"}, {"description", "List tables"}},           // unannotated, exploration
            {{"name", "describe_table"}, {"inputSchema", {{"type", "object"}}}}, // unannotated, exploration
            {{"name", "get_table_schema"}},
            {{"name", "write_query"}, {"inputSchema", sqlSchema("query")}},
            {{"name", "create_record"}},
            annotated({{"name", "delete_records"}}, true,
                      false), // a read-only hint does not save a write name
            {{"name", "drop_table"}},
            {{"name", "append_insight"}},
            {{"name", "read_query"}, {"inputSchema", sqlSchema("query")}}, // another SQL tool: past the guard
            annotated({{"name", "run_report"}, {"inputSchema", sqlSchema("statement")}}, true, false),
            {{"name", "export_query"}}, // unknown purpose, unannotated
            annotated({{"name", "row_count"}}, true, false),
            annotated({{"name", "list_tables_destructively"}, {"inputSchema", sqlSchema("sql")}}, false,
                      true),
            {{"name", "crm_territory_accounts"}, {"description", "the server's own"}},
            {{"name", "db.list/tables"}},
        });
        const SqlToolBinding sql{"execute_sql", "sql"};
        const auto offered = offerTools(listed, sql, "SQLite SQL");
        const std::set<std::string> expected{"execute_sql",    "search_objects",         "list_tables",
                                             "describe_table", "get_table_schema",       "row_count",
                                             "db_list_tables", "crm_territory_accounts", "crm_owner_accounts",
                                             "current_account"};
        QCOMPARE(names(offered), expected);
        QCOMPARE(offered.size(), expected.size()); // no duplicates

        // The SQL tool comes first, intercepted, with a schema that names its one argument.
        QCOMPARE(qs(offered.front().spec.name), QStringLiteral("execute_sql"));
        QCOMPARE(offered.front().kind, OfferedKind::Sql);
        QCOMPARE(qs(offered.front().target), QStringLiteral("execute_sql"));
        QCOMPARE(dumped(offered.front().spec.parameters["required"]), dumped(Json::array({"sql"})));
        QVERIFY(qs(offered.front().spec.description).contains("SQLite SQL"));
        QVERIFY(qs(offered.front().spec.description).contains("Execute SQL"));

        const auto *search = named(offered, "search_objects");
        QVERIFY(search);
        QCOMPARE(search->kind, OfferedKind::Mcp);
        QVERIFY(!search->spec.parameters.contains("$schema"));
        QVERIFY(search->spec.parameters["properties"].contains("object_type"));

        const auto *renamed = named(offered, "db_list_tables");
        QVERIFY(renamed);
        QCOMPARE(qs(renamed->target), QStringLiteral("db.list/tables")); // called by its own name

        const auto *crm = named(offered, "crm_territory_accounts");
        QVERIFY(crm);
        QCOMPARE(crm->kind, OfferedKind::Crm); // ours, not the server's
        QCOMPARE(dumped(crm->spec.parameters["required"]), dumped(Json::array({"territory"})));
        QCOMPARE(dumped(named(offered, "current_account")->spec.parameters["type"]), dumped(Json("object")));
    }

    void makesNamesSafeAndUnique()
    {
        auto listed = tools({{{"name", "list tables"}},
                             {{"name", "list/tables"}},
                             {{"name", "list_" + std::string(100, 'x')}}});
        const auto offered = offerTools(listed, {"query", "sql"}, "SQL");
        QVERIFY(named(offered, "list_tables"));
        QVERIFY(named(offered, "list_tables_2"));
        QCOMPARE(qs(named(offered, "list_tables_2")->target), QStringLiteral("list/tables"));
        for (const auto &item : offered) {
            QVERIFY(item.spec.name.size() <= 64);
            for (char c : item.spec.name)
                QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
        }
        // The SQL tool is offered even when the server did not list it (a binding given by hand).
        QCOMPARE(qs(offered.front().spec.name), QStringLiteral("query"));
    }

    void shortensLongRowLists()
    {
        Json rows = Json::array();
        for (int i = 0; i < 120; ++i)
            rows.push_back({{"account_number", "C" + std::to_string(10000 + i)}, {"margin", i * 1.5}});
        const Json result{{"success", true}, {"data", {{"statements", {{{"rows", rows}, {"count", 120}}}}}}};
        const std::string text = shortenForModel(result.dump(2), {});
        const Json back = Json::parse(text);
        const Json &kept = back["data"]["statements"][0]["rows"];
        QCOMPARE(kept.size(), std::size_t(51));
        QCOMPARE(dumped(kept[49]["account_number"]), dumped(Json("C10049")));
        QCOMPARE(dumped(kept[50]), dumped(Json("… 70 more not shown")));
        QCOMPARE(dumped(back["data"]["statements"][0]["count"]), dumped(Json(120)));
    }

    void shortensHugeTextAtACharacterBoundary()
    {
        std::string text;
        while (text.size() < 100000)
            text += "Grüße ";
        FeedbackLimits limits;
        limits.maxBytes = 1003; // inside the two-byte ü of the 126th word
        const std::string shortened = shortenForModel(text, limits);
        QVERIFY(shortened.size() < 1100);
        QVERIFY(shortened.find("(shortened; " + std::to_string(text.size()) + " bytes in all)") !=
                std::string::npos);
        QVERIFY(QString::fromUtf8(shortened.data(), qsizetype(shortened.size())).toUtf8().toStdString() ==
                shortened);
    }

    void shortensPlainTextLines()
    {
        std::string csv = "account_number,margin\n";
        for (int i = 0; i < 80; ++i)
            csv += "C" + std::to_string(i) + "," + std::to_string(i) + "\n";
        const std::string shortened = shortenForModel(csv, {});
        QVERIFY(shortened.find("C49,49\n") != std::string::npos);
        QVERIFY(shortened.find("C50,") == std::string::npos);
        QVERIFY(shortened.find("… 30 more lines not shown") != std::string::npos);
        QCOMPARE(qs(shortenForModel("one line", {})), QStringLiteral("one line"));
        QCOMPARE(qs(shortenForModel("", {})), QString());
    }

    void survivesHostileResults()
    {
        // Deep nesting falls back to plain text without recursing through it.
        const std::string deep = std::string(200000, '[') + std::string(200000, ']');
        const std::string shortened = shortenForModel(deep, {});
        QVERIFY(shortened.size() < 8300);
        // Invalid UTF-8 inside JSON text and outside it.
        const std::string bad = "{\"rows\": [\"\xff\xfe\"]}";
        QVERIFY(!shortenForModel(bad, {}).empty());
        Json structured{{"rows", Json::array({std::string("\xc3")})}};
        mcp::ToolResult result;
        result.structuredContent = structured;
        QVERIFY(!feedbackText(result, {}).empty());
    }

    void feedbackPrefersTextThenStructuredContent()
    {
        auto parsed = mcp::parseToolResult(
            Json{{"content", Json::array()}, {"structuredContent", {{"rows", {{1}, {2}}}}}});
        QVERIFY(parsed);
        QCOMPARE(qs(feedbackText(parsed.value(), {})), QStringLiteral(R"({"rows":[[1],[2]]})"));
        parsed = mcp::parseToolResult(Json{{"content", {{{"type", "text"}, {"text", "3 rows"}}}},
                                           {"structuredContent", {{"rows", {{1}}}}}});
        QCOMPARE(qs(feedbackText(parsed.value(), {})), QStringLiteral("3 rows"));
        parsed = mcp::parseToolResult(Json{{"content", {{{"type", "image"}, {"data", "AAAA"}}}}});
        QCOMPARE(qs(feedbackText(parsed.value(), {})), QStringLiteral("(the tool returned no text)"));
    }
};

QTEST_GUILESS_MAIN(LlmToolsTest)
#include "tst_llmtools.moc"
