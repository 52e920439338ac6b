// Scripted runs of the real app, for screenshots, end-to-end tests and benchmarks:
// open an account (by number or the first of a territory), wait until every panel has settled (or ask the
// assistant a question and wait until its answer, chart included, is shown), grab the window to PNG,
// write the panels' state as JSON, report readiness, cycle through accounts, then quit.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QQuickWindow;
class AccountListModel;
class Account360Controller;
class AssistantController;
class SharingController;
class WorklistsController;

struct ScenarioOptions
{
    QString openAccountNumber;
    QString openTerritory;    // open the first account of this territory
    QString screenshotPath;   // grab the window here once done
    QString statePath;        // write the panels' state here (JSON)
    bool reportReady = false; // print "ready <ms>" when the account list first shows rows
    int cycleAccounts = 0;    // open this many accounts one after another, printing "rss <n> <kB>" after each
    int timeoutMs = 60000;
    int page = 0;            // the page shown: 0 accounts, 1 settings, 2 assistant, 3 sharing
    int settingsSection = 0; // with page 1: 0 connections, 1 lakehouse
    int sharingTab = 0;      // with page 3: 0 shares, 1 recipients, 2 audit; the shot waits for its lists
    QString askQuestion;     // show the Assistant (page 2), ask this, wait until the answer is shown
    bool showChart = false;  // with askQuestion: the answer opens on its chart, and the shot waits for it
    QString worklistId;      // show Worklists (page 4), open this one, wait until it is read and joined
    QString worklistGroupBy; // with worklistId: "owner" or "territory"

    [[nodiscard]] bool active() const
    {
        return !openAccountNumber.isEmpty() || !openTerritory.isEmpty() || !screenshotPath.isEmpty() ||
               !statePath.isEmpty() || reportReady || cycleAccounts > 0 || page != 0 ||
               !askQuestion.isEmpty() || !worklistId.isEmpty();
    }
    // Whether the app quits once the scenario is done (everything but --report-ready alone).
    [[nodiscard]] bool quits() const
    {
        return !openAccountNumber.isEmpty() || !openTerritory.isEmpty() || !screenshotPath.isEmpty() ||
               !statePath.isEmpty() || cycleAccounts > 0 || !askQuestion.isEmpty() || !worklistId.isEmpty();
    }
};

class Scenario : public QObject
{
    Q_OBJECT

public:
    Scenario(ScenarioOptions options, QQuickWindow *window, QObject *parent = nullptr);

    void start();

private:
    void poll();
    void listLoaded();
    void openNext();
    void settled();
    void finish(int exitCode, const QString &problem = {});
    [[nodiscard]] bool allPanelsSettled() const;
    void writeState(const QString &problem) const;

    void startAsking();
    void pollAnswer();

    [[nodiscard]] bool sharingSettled() const;
    void pollWorklist();

    enum class Step { WaitList, WaitFilter, WaitAccount, WaitAnswer, WaitSharing, WaitWorklist, Done };

    ScenarioOptions m_options;
    QPointer<QQuickWindow> m_window;
    QPointer<AccountListModel> m_list;
    QPointer<Account360Controller> m_account360;
    QPointer<AssistantController> m_assistant;
    QPointer<QObject> m_assistantPage;
    QPointer<SharingController> m_sharing;
    QPointer<WorklistsController> m_worklists;
    bool m_worklistOpened = false;
    Step m_step = Step::WaitList;
    bool m_readyReported = false;
    int m_opened = 0;
    QElapsedTimer m_clock;
};
