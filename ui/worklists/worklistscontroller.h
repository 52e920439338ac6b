// The Worklists screen's controller: the worklists the user can see (shipped and saved, read from the
// settings store on its disk thread), running one on its lakehouse for a period (cancel, refresh), the live
// CRM join of owner, territory and status (the rows on screen first, then the rest; retry after a CRM
// failure), a drill-down per account, follow-up tasks written to the CRM for selected rows with each row's
// outcome, and CSV export to a file the user picked. Rows live in memory only.
#pragma once

#include "core/canceltoken.h"
#include "worklistlistmodel.h"
#include "worklisttablemodel.h"
#include "worklists/definition.h"

#include <memory>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>

class ResultTableModel;
namespace lakeshore::assistant {
class Assistant;
}
namespace lakeshore::worklists {
class Runner;
class CrmJoin;
} // namespace lakeshore::worklists

class WorklistsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(WorklistListModel *worklists READ worklists CONSTANT)
    Q_PROPERTY(WorklistTableModel *table READ table CONSTANT)
    Q_PROPERTY(ResultTableModel *detail READ detail CONSTANT)
    Q_PROPERTY(bool listLoading READ listLoading NOTIFY listChanged)
    Q_PROPERTY(QString listError READ listError NOTIFY listChanged)
    Q_PROPERTY(QString currentId READ currentId NOTIFY currentChanged)
    Q_PROPERTY(QString currentName READ currentName NOTIFY currentChanged)
    Q_PROPERTY(QString currentDescription READ currentDescription NOTIFY currentChanged)
    Q_PROPERTY(bool usesPeriod READ usesPeriod NOTIFY currentChanged)
    Q_PROPERTY(bool hasDrillDown READ hasDrillDown NOTIFY currentChanged)
    Q_PROPERTY(bool canRemove READ canRemove NOTIFY currentChanged)
    // "last-90-days", "last-12-months" or "custom"; the dates as ISO text.
    Q_PROPERTY(QString period READ period NOTIFY periodChanged)
    Q_PROPERTY(QString periodFrom READ periodFrom NOTIFY periodChanged)
    Q_PROPERTY(QString periodTo READ periodTo NOTIFY periodChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY runChanged)
    Q_PROPERTY(QString progress READ progress NOTIFY runChanged)
    Q_PROPERTY(QString error READ error NOTIFY runChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY runChanged)
    Q_PROPERTY(QString readAt READ readAt NOTIFY runChanged) // local time the lakehouse answered
    Q_PROPERTY(QString server READ server NOTIFY runChanged)
    Q_PROPERTY(QString sql READ sql NOTIFY runChanged)
    Q_PROPERTY(double elapsedMs READ elapsedMs NOTIFY runChanged)
    Q_PROPERTY(bool joining READ joining NOTIFY joinChanged)
    Q_PROPERTY(QString joinError READ joinError NOTIFY joinChanged)
    Q_PROPERTY(QString joinedAt READ joinedAt NOTIFY joinChanged)
    Q_PROPERTY(bool detailLoading READ detailLoading NOTIFY detailChanged)
    Q_PROPERTY(QString detailError READ detailError NOTIFY detailChanged)
    Q_PROPERTY(QString detailTitle READ detailTitle NOTIFY detailChanged)
    Q_PROPERTY(QString detailSql READ detailSql NOTIFY detailChanged)
    Q_PROPERTY(bool detailOpen READ detailOpen NOTIFY detailChanged)
    Q_PROPERTY(bool writingTasks READ writingTasks NOTIFY tasksChanged)
    Q_PROPERTY(QString taskSummary READ taskSummary NOTIFY tasksChanged)
    Q_PROPERTY(bool taskSummaryIsError READ taskSummaryIsError NOTIFY tasksChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportChanged)

public:
    explicit WorklistsController(QObject *parent = nullptr);
    ~WorklistsController() override;

    [[nodiscard]] WorklistListModel *worklists() const { return m_list; }
    [[nodiscard]] WorklistTableModel *table() const { return m_table; }
    [[nodiscard]] ResultTableModel *detail() const { return m_detail; }
    [[nodiscard]] bool listLoading() const { return m_listLoading; }
    [[nodiscard]] QString listError() const { return m_listError; }
    [[nodiscard]] QString currentId() const { return QString::fromStdString(m_definition.id); }
    [[nodiscard]] QString currentName() const;
    [[nodiscard]] QString currentDescription() const;
    [[nodiscard]] bool usesPeriod() const;
    [[nodiscard]] bool hasDrillDown() const { return !m_definition.detailSql.empty(); }
    [[nodiscard]] bool canRemove() const;
    [[nodiscard]] QString period() const { return m_period; }
    [[nodiscard]] QString periodFrom() const { return m_periodFrom; }
    [[nodiscard]] QString periodTo() const { return m_periodTo; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QString progress() const { return m_progress; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool hasResult() const { return m_hasResult; }
    [[nodiscard]] QString readAt() const { return m_readAt; }
    [[nodiscard]] QString server() const { return m_server; }
    [[nodiscard]] QString sql() const { return m_sql; }
    [[nodiscard]] double elapsedMs() const { return m_elapsedMs; }
    [[nodiscard]] bool joining() const { return m_joining; }
    [[nodiscard]] QString joinError() const { return m_joinError; }
    [[nodiscard]] QString joinedAt() const { return m_joinedAt; }
    [[nodiscard]] bool detailLoading() const { return m_detailLoading; }
    [[nodiscard]] QString detailError() const { return m_detailError; }
    [[nodiscard]] QString detailTitle() const { return m_detailTitle; }
    [[nodiscard]] QString detailSql() const { return m_detailSql; }
    [[nodiscard]] bool detailOpen() const { return m_detailOpen; }
    [[nodiscard]] bool writingTasks() const { return m_tasksRunning > 0; }
    [[nodiscard]] QString taskSummary() const { return m_taskSummary; }
    [[nodiscard]] bool taskSummaryIsError() const { return m_taskSummaryIsError; }
    [[nodiscard]] bool exporting() const { return m_exporting; }
    [[nodiscard]] QString exportMessage() const { return m_exportMessage; }

    Q_INVOKABLE void reload();                 // the list of worklists
    Q_INVOKABLE void open(const QString &id);  // shows it and runs it
    Q_INVOKABLE void refresh();                // runs the open worklist again
    Q_INVOKABLE void cancel();                 // the lakehouse read under way
    // "last-90-days" | "last-12-months" | "custom" (with from/to as YYYY-MM-DD); runs again. False (and
    // error set) for dates that are not a period.
    Q_INVOKABLE bool setPeriod(const QString &kind, const QString &from = {}, const QString &to = {});
    // The CRM join for the table lines first..last (what is on screen); the rest follows.
    Q_INVOKABLE void joinLines(int first, int last);
    Q_INVOKABLE void retryJoin();
    Q_INVOKABLE void drillDown(int line);
    Q_INVOKABLE void closeDrillDown();
    // One task per selected row, assigned to the row's owner, due on dueDate (YYYY-MM-DD); the notes and
    // the row's figures make its description. Rows with no known owner fail without a write.
    Q_INVOKABLE void createFollowUps(const QString &subject, const QString &notes, const QString &dueDate);
    Q_INVOKABLE void dismissTaskSummary();
    Q_INVOKABLE void exportCsv(const QUrl &file);
    // accountRequested for the row's CRM account (read from the CRM when the join has not reached it).
    Q_INVOKABLE void openAccount(int line);
    Q_INVOKABLE void removeCurrent();
    // The open worklist's editable parts, for the editor: {name, description, sql, accountColumn, shared,
    // mine}. A built-in one or another user's reads as a copy to save under a new name.
    Q_INVOKABLE QVariantMap currentForEditing() const;
    // Saves a worklist: the open one changed (id = its id, the user's own), a copy of it (fromCurrent:
    // keeps its column hints, drill-down, period and lakehouse), or a new one. Checked (name, SQL through
    // the query guard, account column) before anything is written; then definitionSaved(id) and it opens,
    // or definitionNotSaved(reason).
    Q_INVOKABLE void saveDefinition(const QString &id, const QString &name, const QString &description,
                                    const QString &sql, const QString &accountColumn, bool shared,
                                    bool fromCurrent = false);
    // A default task subject for the open worklist.
    Q_INVOKABLE QString defaultSubject() const;
    Q_INVOKABLE QString defaultDueDate() const; // a week from today

Q_SIGNALS:
    void listChanged();
    void currentChanged();
    void periodChanged();
    void runChanged();
    void joinChanged();
    void detailChanged();
    void tasksChanged();
    void exportChanged();
    void accountRequested(const QString &accountId, const QString &accountNumber);
    void notice(const QString &text); // a one-line message for the status area
    void definitionSaved(const QString &id);
    void definitionNotSaved(const QString &reason);

private:
    void loaded(std::vector<lakeshore::worklists::Definition> definitions, QString error);
    void run();
    void lakehouseFor(const lakeshore::worklists::Definition &definition,
                      std::function<void(std::shared_ptr<lakeshore::assistant::Assistant>, QString)> done);
    void startJoin(std::vector<std::uint32_t> rows, bool visibleFirst);
    void joinRemaining();
    [[nodiscard]] std::string today() const;
    [[nodiscard]] QString rowSummary(std::uint32_t row) const;
    void setRunError(const QString &text);

    WorklistListModel *m_list;
    WorklistTableModel *m_table;
    ResultTableModel *m_detail;
    lakeshore::worklists::Definition m_definition;
    std::shared_ptr<lakeshore::assistant::Assistant> m_lakehouse; // for the open definition
    std::string m_lakehouseFor;                                   // the connection id it was made for
    const void *m_lakehouseCrm = nullptr;                         // the CRM connector it was made with
    std::unique_ptr<lakeshore::worklists::Runner> m_runner;
    const void *m_runnerFor = nullptr; // the lakehouse the runner runs on
    std::unique_ptr<lakeshore::worklists::CrmJoin> m_join;
    const void *m_joinCrm = nullptr;
    bool m_listLoading = false;
    QString m_listError;
    QString m_period = QStringLiteral("last-12-months");
    QString m_periodFrom;
    QString m_periodTo;
    bool m_loading = false;
    QString m_progress;
    QString m_error;
    bool m_hasResult = false;
    QString m_readAt;
    QString m_server;
    QString m_sql;
    double m_elapsedMs = 0;
    std::uint64_t m_runId = 0;
    lakeshore::CancelToken m_runCancel;
    bool m_joining = false;
    int m_joinsRunning = 0;
    QString m_joinError;
    QString m_joinedAt;
    lakeshore::CancelToken m_joinCancel;
    bool m_detailLoading = false;
    bool m_detailOpen = false;
    QString m_detailError;
    QString m_detailTitle;
    QString m_detailSql;
    lakeshore::CancelToken m_detailCancel;
    std::uint64_t m_detailId = 0;
    int m_tasksRunning = 0;
    int m_tasksCreated = 0;
    int m_tasksFailed = 0;
    QString m_taskSummary;
    bool m_taskSummaryIsError = false;
    bool m_exporting = false;
    QString m_exportMessage;
};
