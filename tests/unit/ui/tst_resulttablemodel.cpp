// ResultTableModel over real ResultSets (built with the core's ResultSetBuilder), watched by
// QAbstractItemModelTester: formatting in a locale, null marks, alignment, headers, sorting on and off the
// GUI thread (and a stale sort dropped), the account behind a row, copying a selection, and CSV export to
// real files, including the failures a user can meet (no such folder, a folder, permission denied, disk
// full) without losing an existing file.
#include "assistant/resultsetbuilder.h"
#include "cellformat.h"
#include "columnlabel.h"
#include "resulttablemodel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <unistd.h>

using namespace lakeshore;
using namespace lakeshore::assistant;

namespace {

const QString kDash = QStringLiteral("\u2014");

struct Row
{
    const char *number; // nullptr = null
    const char *name;
    std::optional<double> revenue;
    std::optional<double> marginPct;
    std::optional<std::int64_t> invoices;
};

// account_number, account_name, revenue (currency), gross_margin_pct (percent), invoice_count (count).
ResultSet accounts(const std::vector<Row> &rows)
{
    ResultSetBuilder builder(2, 3); // small chunks: sorting and reading cross chunk borders
    for (const char *name :
         {"account_number", "account_name", "revenue", "gross_margin_pct", "invoice_count"})
        builder.addColumn(name);
    for (const Row &row : rows) {
        row.number ? builder.column(0).appendText(row.number) : builder.column(0).appendNull();
        builder.column(1).appendText(row.name);
        row.revenue ? builder.column(2).appendReal(*row.revenue) : builder.column(2).appendNull();
        row.marginPct ? builder.column(3).appendReal(*row.marginPct) : builder.column(3).appendNull();
        row.invoices ? builder.column(4).appendInteger(*row.invoices) : builder.column(4).appendNull();
        builder.endRow();
    }
    return builder.finish();
}

const std::vector<Row> kRows = {
    {"C10003", "Cuyahoga Steel", 1234.5, 23.456, 12},
    {"C10001", "Akron Fasteners", 98765.25, std::nullopt, 140},
    {nullptr, "Walk-in customer", 15.0, 10.0, 1},
    {"C10002", "erie Pumps", std::nullopt, 31.0, std::nullopt},
    {"C10004", "Dayton Tooling", 500.0, -4.5, 3},
};

std::map<std::string, MetricFormat> formats()
{
    return {{"revenue", MetricFormat::Currency},
            {"gross_margin_pct", MetricFormat::Percent},
            {"invoice_count", MetricFormat::Count}};
}

std::map<std::string, AccountRef> bound()
{
    return {{"C10001", {"guid-1", "Akron Fasteners"}}, {"C10003", {"guid-3", "Cuyahoga Steel"}}};
}

QString cell(const ResultTableModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

QStringList column(const ResultTableModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << cell(model, row, column);
    return values;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class ResultTableModelTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsFormattedCellsNullsAndHeaders()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setResult(accounts(kRows), formats(), "account_number", bound());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 5);
        QVERIFY(model.hasAccounts());

        QCOMPARE(cell(model, 0, 0), QStringLiteral("C10003"));
        QCOMPARE(cell(model, 1, 2), QStringLiteral("$98,765.25"));
        QCOMPARE(cell(model, 0, 3), QStringLiteral("23.5%"));
        QCOMPARE(cell(model, 4, 3), QStringLiteral("-4.5%"));
        QCOMPARE(cell(model, 1, 4), QStringLiteral("140"));
        // Null: an em dash, flagged, raw value absent.
        QCOMPARE(cell(model, 1, 3), kDash);
        QVERIFY(model.data(model.index(1, 3), ResultTableModel::NullRole).toBool());
        QVERIFY(!model.data(model.index(1, 3), ResultTableModel::RawRole).isValid());
        QVERIFY(!model.data(model.index(0, 3), ResultTableModel::NullRole).toBool());
        QCOMPARE(cell(model, 0, 3, ResultTableModel::RawRole), QStringLiteral("23.456"));

        // Numbers right-aligned, text left.
        QVERIFY(model.data(model.index(0, 2), ResultTableModel::NumericRole).toBool());
        QVERIFY(!model.data(model.index(0, 1), ResultTableModel::NumericRole).toBool());
        QCOMPARE(model.data(model.index(0, 2), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.data(model.index(0, 1), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignLeft | Qt::AlignVCenter));

        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Account number"));
        QCOMPARE(model.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("gross_margin_pct"));
        QCOMPARE(model.headerData(2, Qt::Vertical, Qt::DisplayRole).toInt(), 3);
        QVERIFY(!model.headerData(9, Qt::Horizontal, Qt::DisplayRole).isValid());
        QVERIFY(model.roleNames().contains(ResultTableModel::NumericRole));
        QCOMPARE(model.columnTextLength(1), int(std::strlen("Walk-in customer")));
        QCOMPARE(model.columnTextLength(7), 0);
    }

    void formatsInTheUsersLocale()
    {
        const QLocale german(QLocale::German, QLocale::Germany);
        const ResultSet rows = accounts(kRows);
        QCOMPARE(ui::formatCell(rows, 1, 2, MetricFormat::Currency, german),
                 QStringLiteral("98.765,25\u00a0$"));
        QCOMPARE(ui::formatCell(rows, 0, 3, MetricFormat::Percent, german), QStringLiteral("23,5%"));
        QCOMPARE(ui::formatCell(rows, 1, 4, MetricFormat::Count, german), QStringLiteral("140"));
        // Integers of no known kind (years, ids) stay as written.
        QCOMPARE(ui::formatCell(rows, 1, 4, std::nullopt, german), QStringLiteral("140"));
        QCOMPARE(ui::columnLabel("ACCOUNT_NAME"), QStringLiteral("Account name"));
        QCOMPARE(ui::columnLabel("Gross margin"), QStringLiteral("Gross margin"));
        QCOMPARE(ui::columnLabel("revenue"), QStringLiteral("Revenue"));
        QCOMPARE(ui::columnLabel("REVENUE"), QStringLiteral("Revenue"));
        QCOMPARE(ui::columnLabel("accountName"), QStringLiteral("accountName"));
        QCOMPARE(ui::columnLabel("ACCOUNT NAME"), QStringLiteral("ACCOUNT NAME"));
        QCOMPARE(ui::columnLabel("_"), QString());
    }

    void mixedAndHugeValuesNeverBreakTheView()
    {
        ResultSetBuilder builder;
        builder.addColumn("value");
        builder.column(0).appendLiteral("123456789012345678901234567890", CellKind::Integer);
        builder.endRow();
        builder.column(0).appendText("n/a");
        builder.endRow();
        builder.column(0).appendBoolean(true);
        builder.endRow();
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(builder.finish(), {{"value", MetricFormat::Count}}, "not_a_column", {});
        QVERIFY(!model.hasAccounts());
        QCOMPARE(cell(model, 0, 0), QStringLiteral("123456789012345678901234567890"));
        QCOMPARE(cell(model, 1, 0), QStringLiteral("n/a"));
        QCOMPARE(cell(model, 2, 0), QStringLiteral("Yes"));
        QVERIFY(!model.data(model.index(0, 0), ResultTableModel::NumericRole).toBool()); // a mixed column
        QCOMPARE(model.accountNumber(0), QString());
        model.toggleSort(0);
        QCOMPARE(model.rowCount(), 3);

        // A tool that answered without a table: no rows, no columns, nothing to sort.
        model.setResult(ResultSetBuilder::noTable("3 rows affected", "text"), {}, {}, {});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        model.sort(0, Qt::AscendingOrder);
        QCOMPARE(model.sortColumn(), -1);
    }

    void sortsByAColumnWithNullsLast()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(accounts(kRows), formats(), "account_number", bound());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.toggleSort(2); // revenue, ascending
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.sortColumn(), 2);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QCOMPARE(column(model, 2),
                 (QStringList{QStringLiteral("$15.00"), QStringLiteral("$500.00"),
                              QStringLiteral("$1,234.50"), QStringLiteral("$98,765.25"), kDash}));
        model.toggleSort(2); // the other way; nulls still last
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(column(model, 2).first(), QStringLiteral("$98,765.25"));
        QCOMPARE(column(model, 2).last(), kDash);

        model.toggleSort(1); // text: case-insensitive
        QCOMPARE(column(model, 1),
                 (QStringList{QStringLiteral("Akron Fasteners"), QStringLiteral("Cuyahoga Steel"),
                              QStringLiteral("Dayton Tooling"), QStringLiteral("erie Pumps"),
                              QStringLiteral("Walk-in customer")}));
        // Rows keep their account after sorting.
        QCOMPARE(model.accountNumber(0), QStringLiteral("C10001"));
        QCOMPARE(model.accountId(0), QStringLiteral("guid-1"));
        QCOMPARE(model.accountNumber(3), QStringLiteral("C10002"));
        QCOMPARE(model.accountId(3), QString());     // not bound by the answer
        QCOMPARE(model.accountNumber(4), QString()); // null account number
        model.addAccount("C10002", {"guid-2", "erie Pumps"});
        QCOMPARE(model.accountId(3), QStringLiteral("guid-2"));
        QCOMPARE(model.accountNumber(-1), QString());
        QCOMPARE(model.accountNumber(99), QString());

        model.sort(-1); // back to the order the lakehouse sent
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(cell(model, 0, 0), QStringLiteral("C10003"));
        model.sort(42); // out of range: ignored
        QCOMPARE(model.sortColumn(), -1);
    }

    void largeResultsSortOffTheGuiThread()
    {
        std::vector<Row> many;
        std::vector<std::string> names;
        for (int i = 0; i < 3000; ++i)
            names.push_back("Account " + std::to_string(i));
        for (int i = 0; i < 3000; ++i)
            many.push_back({nullptr, names[i].c_str(), double((i * 7919) % 3000), std::nullopt, i});
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAsyncSortThreshold(1000);
        model.setResult(accounts(many), formats(), {}, {});
        QSignalSpy sorting(&model, &ResultTableModel::sortingChanged);

        model.sort(2, Qt::DescendingOrder);
        QVERIFY(model.sorting()); // handed to a worker; the view still shows the old order
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(cell(model, 0, 4), QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.sorting(), 20000);
        QCOMPARE(sorting.count(), 2);
        QCOMPARE(model.sortColumn(), 2);
        QCOMPARE(cell(model, 0, 2), QStringLiteral("$2,999.00"));
        QCOMPARE(cell(model, 2999, 2), QStringLiteral("$0.00"));

        // A sort overtaken by a newer one (or by new rows) is dropped when it arrives.
        model.sort(4, Qt::DescendingOrder);
        model.sort(-1);
        QVERIFY(!model.sorting());
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents(); // deliver the stale permutation
        QCoreApplication::processEvents();
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(cell(model, 0, 4), QStringLiteral("0"));

        model.sort(4, Qt::DescendingOrder);
        model.setResult(accounts(kRows), formats(), {}, {});
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.sortColumn(), -1);
        QVERIFY(!model.sorting());
    }

    void copiesTheSelectionAsTabSeparatedText()
    {
        ResultTableModel model;
        model.setResult(accounts(kRows), formats(), "account_number", bound());
        model.toggleSort(0); // copy follows the view's order
        const QModelIndexList selection{model.index(0, 0), model.index(0, 2), model.index(2, 2),
                                        model.index(1, 3)};
        // Rows 0..2 × columns 0, 2, 3 (row 1 is C10002, only its margin selected); cells not selected in
        // that grid are empty.
        QCOMPARE(model.selectionText(selection),
                 QStringLiteral("C10001\t$98,765.25\t\n\t\t31.0%\n\t$1,234.50\t\n"));
        QCOMPARE(model.copySelection(selection), 4);
        QCOMPARE(QGuiApplication::clipboard()->text(), model.selectionText(selection));

        // Null cells copy as empty; tabs and newlines inside a cell cannot break the grid.
        ResultSetBuilder builder;
        builder.addColumn("note");
        builder.column(0).appendText("two\tparts\nand lines");
        builder.endRow();
        builder.column(0).appendNull();
        builder.endRow();
        ResultTableModel notes;
        notes.setResult(builder.finish(), {}, {}, {});
        QCOMPARE(notes.selectionText({notes.index(0, 0), notes.index(1, 0)}),
                 QStringLiteral("two parts and lines\n\n"));
        // Indexes of another model or invalid ones are ignored.
        QCOMPARE(notes.selectionText({model.index(0, 0), QModelIndex()}), QString());
        QCOMPARE(notes.copySelection({}), 0);
    }

    void exportsTheSortedTableAsCsv()
    {
        QTemporaryDir dir;
        ResultTableModel model;
        model.setResult(accounts(kRows), formats(), "account_number", bound());
        model.toggleSort(2);
        model.toggleSort(2); // revenue descending
        QSignalSpy finished(&model, &ResultTableModel::exportFinished);
        const QString path = dir.filePath(QStringLiteral("rows.csv"));
        model.exportCsv(QUrl::fromLocalFile(path));
        QVERIFY(model.exporting());
        QVERIFY(finished.wait(20000));
        QVERIFY(!model.exporting());
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("5 row")),
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(readAll(path),
                 QByteArray("account_number,account_name,revenue,gross_margin_pct,invoice_count\r\n"
                            "C10001,Akron Fasteners,98765.25,,140\r\n"
                            "C10003,Cuyahoga Steel,1234.5,23.456,12\r\n"
                            "C10004,Dayton Tooling,500,-4.5,3\r\n"
                            ",Walk-in customer,15,10,1\r\n"
                            "C10002,erie Pumps,,31,\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("rows.csv")});
    }

    void exportFailuresAreClearAndLoseNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no such folder") << QStringLiteral("/nonexistent-lakeshore/rows.csv")
                                        << QStringLiteral("No such file or directory");
        QTest::newRow("a folder") << QStringLiteral("/tmp") << QStringLiteral("it is a folder");
        QTest::newRow("disk full") << QStringLiteral("/dev/full")
                                   << QStringLiteral("No space left on device");
        // /sys refuses new files even to root.
        QTest::newRow("permission denied")
            << QStringLiteral("/sys/lakeshore-rows.csv") << QStringLiteral("Permission denied");
    }

    void exportFailuresAreClearAndLoseNothing()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        ResultTableModel model;
        model.setResult(accounts(kRows), formats(), {}, {});
        QSignalSpy finished(&model, &ResultTableModel::exportFinished);
        model.exportCsv(QUrl::fromLocalFile(path));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(path) && message.contains(reason, Qt::CaseInsensitive),
                 qPrintable(message));
    }

    void aFailedExportKeepsTheOldFile()
    {
        if (geteuid() == 0)
            QSKIP("root writes into read-only folders; the /sys and /dev/full cases cover root");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rows.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old export\n");
        old.close();
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        ResultTableModel model;
        model.setResult(accounts(kRows), formats(), {}, {});
        QSignalSpy finished(&model, &ResultTableModel::exportFinished);
        model.exportCsv(QUrl::fromLocalFile(path));
        QVERIFY(finished.wait(20000));
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(readAll(path), QByteArray("the old export\n"));
    }

    void refusesWhatItCannotWrite()
    {
        ResultTableModel model;
        model.setResult(accounts(kRows), formats(), {}, {});
        QSignalSpy finished(&model, &ResultTableModel::exportFinished);
        model.exportCsv(QUrl(QStringLiteral("https://example.com/rows.csv")));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);

        // A table without rows (the tool sent text) has nothing to export; a file already there stays.
        model.setResult(ResultSetBuilder::noTable("done", "text"), {}, {}, {});
        QTemporaryDir dir;
        const QString kept = dir.filePath(QStringLiteral("kept.csv"));
        QFile old(kept);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old export\n");
        old.close();
        model.exportCsv(QUrl::fromLocalFile(kept));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(readAll(kept), QByteArray("the old export\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("kept.csv")});

        // One export at a time.
        model.setResult(accounts(kRows), formats(), {}, {});
        model.exportCsv(QUrl::fromLocalFile(dir.filePath(QStringLiteral("a.csv"))));
        model.exportCsv(QUrl::fromLocalFile(dir.filePath(QStringLiteral("b.csv"))));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("a.csv"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b.csv"))));
    }
};

QTEST_MAIN(ResultTableModelTest)

#include "tst_resulttablemodel.moc"
