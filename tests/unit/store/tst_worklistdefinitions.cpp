// Worklist definitions in the settings store, on real SQLite files: a full definition round trip through
// the file, private and shared definitions between two users (and who may change or remove them), the
// name rule, removal, built-in ids, validation, damaged rows written with raw SQL, and a schema-version-3
// file migrating to version 4 with its other data kept.
#include "domain/date.h"
#include "store/migrations.h"
#include "storetesthelpers.h"
#include "worklisthints.h"

#include <functional>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::worklists;
using namespace storetest;

namespace {

using namespace worklisthints;

const std::string kAlice = "alice";
const std::string kBob = "bob";

std::unique_ptr<store::SettingsStore> openOrDie(const Paths &paths)
{
    auto store = open(paths);
    if (!store.ok())
        qFatal("could not open the store: %s", store.error().describe().c_str());
    return std::move(store).value();
}

Definition simpleDefinition(const std::string &name, Visibility visibility = Visibility::Private)
{
    Definition definition;
    definition.name = name;
    definition.visibility = visibility;
    definition.sql = "SELECT account_number FROM dim_account";
    definition.accountColumn = "account_number";
    return definition;
}

// Every field set: all hint kinds, a ratio, a hidden column, a drill-down, a period, shared.
Definition fullDefinition()
{
    Definition definition;
    definition.name = "Off-contract billing";
    definition.description = "Invoice lines billed without a valid contract price.\nCall the buyer first.";
    definition.visibility = Visibility::Shared;
    definition.connectionId = "0123456789abcdef";
    definition.sql =
        "SELECT account_number, COUNT(*) AS lines, SUM(amount) AS billed, SUM(margin) AS margin, "
        "SUM(margin) / SUM(amount) AS margin_pct, AVG(unit_price) AS avg_price, "
        "MAX(invoice_date) AS last_invoice, MIN(line_id) AS internal_key FROM fact_invoice_line "
        "WHERE invoice_date BETWEEN {{period_start}} AND {{period_end}} GROUP BY account_number";
    definition.accountColumn = "account_number";
    definition.columns = {
        hint("account_number", ColumnFormat::Text, Aggregate::None, "Account"),
        hint("lines", ColumnFormat::Integer, Aggregate::Sum),
        hint("billed", ColumnFormat::Money, Aggregate::Sum, "Billed"),
        hint("margin", ColumnFormat::Money, Aggregate::Min),
        ratioHint("margin_pct", "Margin %", "margin", "billed"),
        hint("avg_price", ColumnFormat::Number, Aggregate::Max, "Avg. price"),
        hint("last_invoice", ColumnFormat::Date, Aggregate::None, "Last invoice"),
        hiddenHint("internal_key"),
    };
    definition.detailSql =
        "SELECT invoice_no, invoice_date, amount FROM fact_invoice_line WHERE account_number = "
        "{{account}} ORDER BY invoice_date DESC";
    definition.detailColumns = {
        hint("invoice_date", ColumnFormat::Date, Aggregate::Max, "Date"),
        hint("amount", ColumnFormat::Money, Aggregate::Sum),
    };
    definition.defaultPeriod = PeriodKind::Last90Days;
    return definition;
}

std::string saveOrDie(store::SettingsStore &store, const Definition &definition, const std::string &user)
{
    auto saved = store.saveWorklistDefinition(definition, user);
    if (!saved.ok())
        qFatal("could not save: %s", saved.error().describe().c_str());
    return saved.value();
}

store::WorklistDefinitionList listOrDie(store::SettingsStore &store, const std::string &user)
{
    auto list = store.worklistDefinitions(user);
    if (!list.ok())
        qFatal("could not list: %s", list.error().describe().c_str());
    return std::move(list).value();
}

QStringList names(const store::WorklistDefinitionList &list)
{
    QStringList out;
    for (const auto &definition : list.definitions)
        out << QString::fromStdString(definition.name);
    return out;
}

Definition readOrDie(store::SettingsStore &store, const std::string &id, const std::string &user)
{
    auto read = store.worklistDefinition(id, user);
    if (!read.ok() || !read.value())
        qFatal("could not read %s", id.c_str());
    return *read.value();
}

int rowCount(const Paths &paths)
{
    return rawQueryText(paths.database, "SELECT count(*) FROM worklist_definition").toInt();
}

bool contains(const Error &error, const char *text)
{
    return error.message.find(text) != std::string::npos;
}

} // namespace

class WorklistDefinitionsStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void fullDefinitionRoundTrip()
    {
        Paths paths;
        Definition given = fullDefinition();
        given.owner = "mallory";       // the store sets the owner ...
        given.createdAt = "yesterday"; // ... and the times
        std::string id;
        {
            auto store = openOrDie(paths);
            QVERIFY(listOrDie(*store, kAlice).definitions.empty());
            id = saveOrDie(*store, given, kAlice);
            QCOMPARE(int(id.size()), 16);
        }
        auto store = openOrDie(paths); // read back from the file, not from memory
        const store::WorklistDefinitionList list = listOrDie(*store, kAlice);
        QVERIFY(list.unreadable.empty());
        QCOMPARE(int(list.definitions.size()), 1);
        const Definition &read = list.definitions[0];

        QVERIFY(domain::Timestamp::parse(read.createdAt).has_value());
        QVERIFY(read.createdAt.ends_with("Z"));
        QCOMPARE(read.updatedAt, read.createdAt);
        Definition expected = fullDefinition();
        expected.id = id;
        expected.owner = kAlice;
        expected.createdAt = read.createdAt;
        expected.updatedAt = read.updatedAt;
        QVERIFY(read == expected);
        QVERIFY(readOrDie(*store, id, kAlice) == expected);
        QVERIFY(readOrDie(*store, id, kBob) == expected); // shared
        QCOMPARE(rawQueryText(paths.database,
                              "SELECT visibility || ' ' || default_period FROM worklist_definition"),
                 QStringLiteral("shared last-90-days"));

        auto none = store->worklistDefinition("no-such-id", kAlice);
        STORE_VERIFY_OK(none);
        QVERIFY(!none.value());
    }

    void renameKeepsIdOwnerAndCreation()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string id = saveOrDie(*store, fullDefinition(), kAlice);
        QVERIFY(rawExec(paths.database, "UPDATE worklist_definition SET created_at = '2020-01-02T03:04:05Z', "
                                        "updated_at = '2020-01-02T03:04:05Z'"));
        Definition renamed = readOrDie(*store, id, kAlice);
        renamed.name = "Billed off contract";
        renamed.visibility = Visibility::Private;
        renamed.defaultPeriod = PeriodKind::Custom;
        renamed.owner = kBob; // ignored: a stored row keeps its owner
        QCOMPARE(saveOrDie(*store, renamed, kAlice), id);

        const store::WorklistDefinitionList list = listOrDie(*store, kAlice);
        QCOMPARE(names(list), QStringList{QStringLiteral("Billed off contract")});
        const Definition &read = list.definitions[0];
        QCOMPARE(read.owner, kAlice);
        QCOMPARE(read.createdAt, std::string("2020-01-02T03:04:05Z"));
        QVERIFY(read.updatedAt > read.createdAt);
        QCOMPARE(read.defaultPeriod, PeriodKind::Custom);
        QVERIFY(listOrDie(*store, kBob).definitions.empty()); // private now
        QCOMPARE(rowCount(paths), 1);

        // Only the case of its own name changes: not a clash with itself.
        renamed = read;
        renamed.name = "BILLED OFF CONTRACT";
        QCOMPARE(saveOrDie(*store, renamed, kAlice), id);
        QCOMPARE(names(listOrDie(*store, kAlice)), QStringList{QStringLiteral("BILLED OFF CONTRACT")});
    }

    void privateAndSharedBetweenUsers()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string alicePrivate = saveOrDie(*store, simpleDefinition("Zebra accounts"), kAlice);
        const std::string aliceShared =
            saveOrDie(*store, simpleDefinition("at-risk renewals", Visibility::Shared), kAlice);
        const std::string bobPrivate = saveOrDie(*store, simpleDefinition("Bob's calls"), kBob);

        // By name, case ignored.
        QCOMPARE(names(listOrDie(*store, kAlice)),
                 (QStringList{QStringLiteral("at-risk renewals"), QStringLiteral("Zebra accounts")}));
        QCOMPARE(names(listOrDie(*store, kBob)),
                 (QStringList{QStringLiteral("at-risk renewals"), QStringLiteral("Bob's calls")}));
        QVERIFY(names(listOrDie(*store, "carol")) == QStringList{QStringLiteral("at-risk renewals")});

        auto hidden = store->worklistDefinition(alicePrivate, kBob);
        STORE_VERIFY_OK(hidden);
        QVERIFY(!hidden.value());
        QVERIFY(store->worklistDefinition(bobPrivate, kBob).value().has_value());

        // Bob sees Alice's shared definition but may neither change nor remove it.
        Definition changed = readOrDie(*store, aliceShared, kBob);
        changed.sql = "SELECT account_number FROM dim_account WHERE 0";
        auto refused = store->saveWorklistDefinition(changed, kBob);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Invalid);
        QVERIFY2(contains(refused.error(),
                          "only its owner 'alice' can change the shared worklist 'at-risk renewals'"),
                 refused.error().message.c_str());
        const Status notRemoved = store->removeWorklistDefinition(aliceShared, kBob);
        QVERIFY(!notRemoved.ok());
        QCOMPARE(notRemoved.error().kind, ErrorKind::Invalid);
        QVERIFY2(contains(notRemoved.error(), "only its owner 'alice' can remove"),
                 notRemoved.error().message.c_str());

        // Alice's private one is not there at all for Bob: the same answer as a removed one.
        Definition guessed = simpleDefinition("Mine now");
        guessed.id = alicePrivate;
        auto absent = store->saveWorklistDefinition(guessed, kBob);
        QVERIFY(!absent.ok());
        QCOMPARE(absent.error().kind, ErrorKind::NotFound);
        QCOMPARE(store->removeWorklistDefinition(alicePrivate, kBob).error().kind, ErrorKind::NotFound);

        // Nothing changed.
        QCOMPARE(readOrDie(*store, aliceShared, kAlice).sql,
                 std::string("SELECT account_number FROM dim_account"));
        QCOMPARE(readOrDie(*store, alicePrivate, kAlice).name, std::string("Zebra accounts"));
        QCOMPARE(rowCount(paths), 3);

        // Alice makes hers private: Bob no longer sees it; then she removes it.
        Definition unshared = readOrDie(*store, aliceShared, kAlice);
        unshared.visibility = Visibility::Private;
        saveOrDie(*store, unshared, kAlice);
        QCOMPARE(names(listOrDie(*store, kBob)), QStringList{QStringLiteral("Bob's calls")});
        STORE_VERIFY_OK(store->removeWorklistDefinition(aliceShared, kAlice));
        QCOMPARE(names(listOrDie(*store, kAlice)), QStringList{QStringLiteral("Zebra accounts")});
    }

    void namesAreUniqueInWhatOneUserSees()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string aliceOff = saveOrDie(*store, simpleDefinition("Off contract"), kAlice);
        saveOrDie(*store, simpleDefinition("Stale quotes", Visibility::Shared), kAlice);

        const auto refusedWith = [&](const Definition &definition, const std::string &user,
                                     const char *text) {
            auto saved = store->saveWorklistDefinition(definition, user);
            if (saved.ok()) {
                qWarning("saved, not refused: %s", definition.name.c_str());
                return false;
            }
            if (saved.error().kind != ErrorKind::Invalid || !contains(saved.error(), text)) {
                qWarning("%s", saved.error().describe().c_str());
                return false;
            }
            return true;
        };
        // Her own, case ignored; private or shared.
        QVERIFY(refusedWith(simpleDefinition("off CONTRACT"), kAlice,
                            "you have a worklist named 'off CONTRACT'"));
        QVERIFY(
            refusedWith(simpleDefinition("Off contract", Visibility::Shared), kAlice, "you have a worklist"));
        // Another user's private definitions do not clash with Bob's private one ...
        const std::string bobOff = saveOrDie(*store, simpleDefinition("OFF contract"), kBob);
        // ... but a shared one does, for everyone.
        QVERIFY(refusedWith(simpleDefinition("stale QUOTES"), kBob,
                            "a shared worklist named 'stale QUOTES' exists"));
        // And a shared name must not be another user's private one, who would then see it twice.
        QVERIFY(refusedWith(simpleDefinition("Off Contract", Visibility::Shared), "carol",
                            "another user has a private worklist named 'Off Contract'"));
        Definition share = readOrDie(*store, aliceOff, kAlice);
        share.visibility = Visibility::Shared;
        QVERIFY(refusedWith(share, kAlice, "another user has a private worklist named 'Off contract'"));
        // Renaming onto a taken name.
        Definition rename = readOrDie(*store, bobOff, kBob);
        rename.name = "Stale Quotes";
        QVERIFY(refusedWith(rename, kBob, "a shared worklist named 'Stale Quotes'"));

        QCOMPARE(rowCount(paths), 3);
        QCOMPARE(names(listOrDie(*store, kAlice)),
                 (QStringList{QStringLiteral("Off contract"), QStringLiteral("Stale quotes")}));
        QCOMPARE(names(listOrDie(*store, kBob)),
                 (QStringList{QStringLiteral("OFF contract"), QStringLiteral("Stale quotes")}));
    }

    void removedIsNotFound()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const std::string id = saveOrDie(*store, fullDefinition(), kAlice);
        const std::string other = saveOrDie(*store, simpleDefinition("Keep me"), kAlice);
        Definition stale = readOrDie(*store, id, kAlice);
        STORE_VERIFY_OK(store->removeWorklistDefinition(id, kAlice));
        QVERIFY(!store->worklistDefinition(id, kAlice).value());

        auto saved = store->saveWorklistDefinition(stale, kAlice);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, ErrorKind::NotFound);
        QVERIFY2(contains(saved.error(), "'Off-contract billing' is no longer stored"),
                 saved.error().message.c_str());
        const Status again = store->removeWorklistDefinition(id, kAlice);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::NotFound);

        QCOMPARE(rowCount(paths), 1);
        QVERIFY(readOrDie(*store, other, kAlice).name == "Keep me");
    }

    void builtInIdsAreNotStored()
    {
        Paths paths;
        auto store = openOrDie(paths);
        Definition builtIn = fullDefinition();
        builtIn.id = "builtin:off-contract";
        auto saved = store->saveWorklistDefinition(builtIn, kAlice);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, ErrorKind::Invalid);
        QVERIFY2(contains(saved.error(), "built-in worklist"), saved.error().message.c_str());
        QVERIFY2(contains(saved.error(), "save a copy"), saved.error().message.c_str());
        const Status removed = store->removeWorklistDefinition("builtin:off-contract", kAlice);
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().kind, ErrorKind::Invalid);
        QCOMPARE(rowCount(paths), 0);

        // A copy (no id) is stored as the user's own.
        builtIn.id.clear();
        const std::string id = saveOrDie(*store, builtIn, kAlice);
        QVERIFY(!id.starts_with("builtin:"));
    }

    void invalidDefinitionsAreNotStored()
    {
        Paths paths;
        auto store = openOrDie(paths);
        const struct
        {
            const char *tag;
            std::function<void(Definition &)> edit;
            const char *expected;
        } cases[] = {
            {"empty name", [](Definition &d) { d.name.clear(); }, "a worklist needs a name"},
            {"name of 121", [](Definition &d) { d.name = std::string(121, 'n'); },
             "longer than 120 characters"},
            {"SQL over 100 KB", [](Definition &d) { d.sql = "SELECT " + std::string(100 * 1024, '1'); },
             "longer than the query guard admits (100 KB)"},
            {"no account column", [](Definition &d) { d.accountColumn.clear(); },
             "which column holds the account"},
            {"ratio of unknown column", [](Definition &d) { d.columns[4].numerator = "profit"; },
             "the ratio of column \"margin_pct\" needs two other hinted columns"},
            {"two hints for one column", [](Definition &d) { d.columns.push_back(hint("Lines")); },
             "column \"Lines\" has two hints"},
        };
        for (const auto &one : cases) {
            Definition definition = fullDefinition();
            one.edit(definition);
            auto saved = store->saveWorklistDefinition(definition, kAlice);
            QVERIFY2(!saved.ok(), one.tag);
            QCOMPARE(saved.error().kind, ErrorKind::Invalid);
            QVERIFY2(contains(saved.error(), one.expected),
                     (std::string(one.tag) + ": " + saved.error().message).c_str());
        }
        auto noUser = store->saveWorklistDefinition(fullDefinition(), "");
        QVERIFY(!noUser.ok());
        QCOMPARE(noUser.error().kind, ErrorKind::Invalid);
        QCOMPARE(rowCount(paths), 0);
    }

    void damagedRowsAreListedAsUnreadable()
    {
        Paths paths;
        auto store = openOrDie(paths);
        saveOrDie(*store, fullDefinition(), kAlice);
        const std::string badHints = saveOrDie(*store, simpleDefinition("Bad hints"), kAlice);
        saveOrDie(*store, simpleDefinition("Bad detail hints"), kAlice);
        saveOrDie(*store, simpleDefinition("Bad visibility"), kAlice);
        saveOrDie(*store, simpleDefinition("Bad period", Visibility::Shared), kAlice);
        saveOrDie(*store, simpleDefinition("No SQL"), kAlice);
        saveOrDie(*store, simpleDefinition("Good too", Visibility::Shared), kBob);
        QVERIFY(rawExec(
            paths.database,
            "UPDATE worklist_definition SET columns = '[{\"column\":' WHERE name = 'Bad hints';"
            "UPDATE worklist_definition SET detail_columns = '[{\"column\":\"a\",\"format\":\"currency\"}]' "
            "WHERE name = 'Bad detail hints';"
            "UPDATE worklist_definition SET visibility = 'team' WHERE name = 'Bad visibility';"
            "UPDATE worklist_definition SET default_period = 'last-week' WHERE name = 'Bad period';"
            "UPDATE worklist_definition SET sql = '' WHERE name = 'No SQL';"));

        const store::WorklistDefinitionList list = listOrDie(*store, kAlice);
        QCOMPARE(names(list),
                 (QStringList{QStringLiteral("Good too"), QStringLiteral("Off-contract billing")}));
        QCOMPARE(int(list.unreadable.size()), 5);
        const std::pair<const char *, const char *> expected[] = {
            {"Bad detail hints",
             "stored worklist 'Bad detail hints': detail_columns cannot be read: column hint 1: "
             "unknown column format \"currency\""},
            {"Bad hints",
             "stored worklist 'Bad hints': columns cannot be read: column hints are not a JSON array"},
            {"Bad period", "stored worklist 'Bad period': default_period 'last-week' is not a period"},
            {"Bad visibility", "stored worklist 'Bad visibility': visibility 'team' is not a visibility"},
            {"No SQL", "stored worklist 'No SQL': the worklist has no SQL"},
        };
        for (std::size_t i = 0; i < std::size(expected); ++i) {
            const store::UnreadableRow &row = list.unreadable[i];
            QCOMPARE(row.name, std::string(expected[i].first));
            QCOMPARE(int(row.id.size()), 16);
            QCOMPARE(row.error.kind, ErrorKind::Invalid);
            QVERIFY2(contains(row.error, expected[i].second), row.error.message.c_str());
        }

        // Read one by one: an error, not a crash or a half definition.
        auto one = store->worklistDefinition(badHints, kAlice);
        QVERIFY(!one.ok());
        QVERIFY2(contains(one.error(), "columns cannot be read"), one.error().message.c_str());

        // An unknown visibility counts as private: Bob sees only the shared damaged row.
        const store::WorklistDefinitionList bobs = listOrDie(*store, kBob);
        QCOMPARE(names(bobs),
                 (QStringList{QStringLiteral("Good too"), QStringLiteral("Off-contract billing")}));
        QCOMPARE(int(bobs.unreadable.size()), 1);
        QCOMPARE(bobs.unreadable[0].name, std::string("Bad period"));

        // The owner can still remove a damaged row.
        STORE_VERIFY_OK(store->removeWorklistDefinition(badHints, kAlice));
        QCOMPARE(int(listOrDie(*store, kAlice).unreadable.size()), 4);
    }

    void version3DatabaseMigrates()
    {
        Paths paths;
        std::string serverId;
        {
            auto store = openOrDie(paths);
            STORE_VERIFY_OK(store->setValue("connections.mode", "custom"));
            mcp::McpServerConfig server;
            server.name = "Local lake";
            server.command = "npx";
            auto saved = store->saveMcpServer(server);
            STORE_VERIFY_OK(saved);
            serverId = saved.value();
        }
        // Back to what a version-3 Lakeshore left: the same file without the worklist table.
        QVERIFY(rawExec(paths.database, "DROP TABLE worklist_definition; PRAGMA user_version = 3;"));
        QCOMPARE(
            rawQueryText(paths.database, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'worklist%'"),
            QStringLiteral("0"));

        auto store = openOrDie(paths);
        QCOMPARE(store->schemaVersion(), store::latestSchemaVersion());
        QVERIFY(store->schemaVersion() >= 4);
        QCOMPARE(store->value("connections.mode").value().value_or(""), std::string("custom"));
        auto server = store->mcpServer(serverId);
        STORE_VERIFY_OK(server);
        QVERIFY(server.value().has_value());
        QCOMPARE(server.value()->name, std::string("Local lake"));
        QVERIFY(listOrDie(*store, kAlice).definitions.empty());
        saveOrDie(*store, fullDefinition(), kAlice);
        store.reset();
        QCOMPARE(rawQueryText(paths.database, "PRAGMA user_version"),
                 QString::number(store::latestSchemaVersion()));
        QCOMPARE(rowCount(paths), 1);
        QCOMPARE(
            rawQueryText(paths.database,
                         "SELECT count(*) FROM sqlite_schema WHERE name = 'worklist_definition_visibility'"),
            QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(WorklistDefinitionsStoreTest)
#include "tst_worklistdefinitions.moc"
