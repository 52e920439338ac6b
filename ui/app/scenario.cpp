#include "scenario.h"

#include "account360controller.h"
#include "accountlistmodel.h"
#include "assistantcontroller.h"
#include "conversationmodel.h"
#include "session.h"
#include "sharingcontroller.h"
#include "worklistscontroller.h"

#include <cstdio>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QTimer>

namespace {

long residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

const char *stateName(Account360Panel::State state)
{
    switch (state) {
    case Account360Panel::Idle:
        return "idle";
    case Account360Panel::Loading:
        return "loading";
    case Account360Panel::Loaded:
        return "loaded";
    case Account360Panel::Failed:
        return "failed";
    }
    return "unknown";
}

} // namespace

Scenario::Scenario(ScenarioOptions options, QQuickWindow *window, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_window(window)
{
}

void Scenario::start()
{
    m_clock.start();
    m_list = m_window->findChild<AccountListModel *>(QStringLiteral("accountList"));
    m_account360 = m_window->findChild<Account360Controller *>(QStringLiteral("account360"));
    if (!m_list || !m_account360) {
        finish(4, QStringLiteral("the window has no account list or Account 360"));
        return;
    }
    m_window->setProperty("currentPage", m_options.page);
    if (QObject *settings = m_window->findChild<QObject *>(QStringLiteral("settingsPage")))
        settings->setProperty("section", m_options.settingsSection);
    if (QObject *sharing = m_window->findChild<QObject *>(QStringLiteral("sharingPage")))
        sharing->setProperty("tab", m_options.sharingTab);
    m_sharing = m_window->findChild<SharingController *>(QStringLiteral("sharing"));
    m_worklists = m_window->findChild<WorklistsController *>(QStringLiteral("worklists"));
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &Scenario::poll);
    timer->start(20);
}

void Scenario::poll()
{
    if (m_step == Step::Done)
        return;
    if (m_clock.elapsed() > m_options.timeoutMs) {
        finish(3, QStringLiteral("timed out after %1 ms").arg(m_options.timeoutMs));
        return;
    }
    const bool listReady = m_list->count() > 0 && !m_list->loading();
    switch (m_step) {
    case Step::WaitList:
        // Territory names come from the CRM directory, which may arrive after the first page.
        if (!listReady || (!m_options.openTerritory.isEmpty() && Session::instance()->directoryLoading()))
            return;
        listLoaded();
        return;
    case Step::WaitFilter:
        if (!listReady || Session::instance()->directoryLoading())
            return;
        openNext();
        return;
    case Step::WaitAccount:
        if (allPanelsSettled())
            settled();
        return;
    case Step::WaitAnswer:
        pollAnswer();
        return;
    case Step::WaitSharing:
        if (sharingSettled())
            settled();
        return;
    case Step::WaitWorklist:
        pollWorklist();
        return;
    case Step::Done:
        return;
    }
}

void Scenario::listLoaded()
{
    if (m_options.reportReady && !m_readyReported) {
        m_readyReported = true;
        // Report after the frame that shows the rows.
        connect(
            m_window, &QQuickWindow::frameSwapped, this,
            [this] {
                std::printf("ready %lld\n", static_cast<long long>(m_clock.elapsed()));
                std::fflush(stdout);
            },
            Qt::SingleShotConnection);
        m_window->update();
    }
    if (!m_options.quits())
        return;
    if (!m_options.askQuestion.isEmpty()) {
        startAsking();
        return;
    }
    if (!m_options.worklistId.isEmpty()) {
        m_step = Step::WaitWorklist;
        return;
    }
    if (!m_options.openTerritory.isEmpty()) {
        const QVariantList territories = Session::instance()->territories();
        for (const QVariant &territory : territories) {
            const QVariantMap map = territory.toMap();
            if (map.value(QStringLiteral("name"))
                    .toString()
                    .compare(m_options.openTerritory, Qt::CaseInsensitive) == 0) {
                m_list->setTerritoryId(map.value(QStringLiteral("id")).toString());
                m_step = Step::WaitFilter;
                m_list->refresh();
                return;
            }
        }
        finish(5, QStringLiteral("no territory named %1").arg(m_options.openTerritory));
        return;
    }
    if (!m_options.openAccountNumber.isEmpty()) {
        m_list->setSearch(m_options.openAccountNumber);
        m_step = Step::WaitFilter;
        m_list->refresh();
        return;
    }
    openNext();
}

void Scenario::openNext()
{
    if (m_options.cycleAccounts == 0 && m_options.openAccountNumber.isEmpty() &&
        m_options.openTerritory.isEmpty()) {
        if (m_options.page == 3) {
            m_step = Step::WaitSharing; // the Sharing page's lists first
            return;
        }
        settled(); // a screenshot of the list alone
        return;
    }
    int row = 0;
    if (!m_options.openAccountNumber.isEmpty()) {
        row = -1;
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->get(i).value(QStringLiteral("accountNumber")).toString() ==
                m_options.openAccountNumber)
                row = i;
        if (row < 0) {
            finish(5, QStringLiteral("the CRM has no account number %1").arg(m_options.openAccountNumber));
            return;
        }
    } else if (m_options.cycleAccounts > 0) {
        row = m_opened % m_list->count();
    }
    const QVariantMap account = m_list->get(row);
    m_account360->open(account.value(QStringLiteral("accountId")).toString(),
                       account.value(QStringLiteral("accountNumber")).toString());
    ++m_opened;
    m_step = Step::WaitAccount;
}

void Scenario::startAsking()
{
    m_assistant = m_window->findChild<AssistantController *>(QStringLiteral("assistant"));
    m_assistantPage = m_window->findChild<QObject *>(QStringLiteral("assistantPage"));
    if (!m_assistant || !m_assistantPage) {
        finish(4, QStringLiteral("the window has no Assistant page"));
        return;
    }
    if (!m_assistant->available()) {
        finish(8, QStringLiteral("the assistant is not available: %1").arg(m_assistant->problem()));
        return;
    }
    m_window->setProperty("currentPage", 2);
    m_assistantPage->setProperty("preferCharts", m_options.showChart);
    m_assistant->ask(m_options.askQuestion);
    m_step = Step::WaitAnswer;
}

void Scenario::pollAnswer()
{
    ConversationModel *conversation = m_assistant ? m_assistant->conversation() : nullptr;
    if (!conversation || m_assistant->busy() || conversation->count() == 0)
        return;
    const int last = conversation->count() - 1;
    const QVariantMap entry = conversation->get(last);
    const bool done = conversation->state(last) == ConversationModel::Done;
    // With --chart the shot waits until the chart page has drawn (or could not).
    if (done && m_options.showChart && !entry.value(QStringLiteral("chartSpec")).toString().isEmpty() &&
        m_assistantPage->property("chartsRendered").toInt() == 0 &&
        m_assistantPage->property("chartsFailed").toInt() == 0)
        return;
    m_step = Step::Done;
    QString problem;
    if (!done)
        problem = QStringLiteral("the assistant did not answer: %1 %2")
                      .arg(entry.value(QStringLiteral("error")).toString(),
                           entry.value(QStringLiteral("errorDetail")).toString());
    else if (m_options.showChart && m_assistantPage->property("chartsRendered").toInt() == 0)
        problem = QStringLiteral("the answer has no chart, or the chart page could not draw it");
    // Let the card lay out and paint (and Chromium composite) before the grab.
    QTimer::singleShot(m_options.showChart ? 1500 : 500, this,
                       [this, problem] { finish(problem.isEmpty() ? 0 : 7, problem); });
}

void Scenario::pollWorklist()
{
    if (!m_worklists) {
        finish(4, QStringLiteral("the window has no Worklists page"));
        return;
    }
    if (!m_worklistOpened) {
        if (m_worklists->listLoading() || m_worklists->worklists()->indexOf(m_options.worklistId) < 0) {
            if (!m_worklists->listLoading())
                finish(5, QStringLiteral("no worklist with id %1").arg(m_options.worklistId));
            return;
        }
        m_worklistOpened = true;
        if (QObject *page = m_window->findChild<QObject *>(QStringLiteral("worklistsPage")))
            QMetaObject::invokeMethod(page, "openWorklist", Q_ARG(QString, m_options.worklistId));
        if (!m_options.worklistGroupBy.isEmpty())
            m_worklists->table()->setGroupBy(m_options.worklistGroupBy);
        return;
    }
    if (m_worklists->loading() || m_worklists->joining() || (!m_worklists->hasResult() && m_worklists->error().isEmpty()))
        return;
    settled();
}

bool Scenario::sharingSettled() const
{
    if (!m_sharing)
        return true;
    return (m_sharing->loaded() || !m_sharing->loadError().isEmpty()) && !m_sharing->loading() &&
           !m_sharing->audit()->loading();
}

bool Scenario::allPanelsSettled() const
{
    auto panels = m_account360->findChildren<Account360Panel *>();
    for (const auto *panel : panels)
        if (panel->state() == Account360Panel::Loading || panel->state() == Account360Panel::Idle)
            return false;
    return !panels.isEmpty();
}

void Scenario::settled()
{
    if (m_options.cycleAccounts > 0) {
        std::printf("rss %d %ld\n", m_opened, residentKilobytes());
        std::fflush(stdout);
        if (m_opened < m_options.cycleAccounts) {
            openNext();
            return;
        }
    }
    m_step = Step::Done;
    // Let the panels lay out and paint before the grab.
    QTimer::singleShot(400, this, [this] { finish(0); });
}

void Scenario::writeState(const QString &problem) const
{
    if (m_options.statePath.isEmpty())
        return;
    QJsonArray panels;
    if (m_account360) {
        for (const auto *panel : m_account360->findChildren<Account360Panel *>()) {
            panels.append(
                QJsonObject{{QStringLiteral("key"), panel->key()},
                            {QStringLiteral("source"), panel->source()},
                            {QStringLiteral("state"), QString::fromLatin1(stateName(panel->state()))},
                            {QStringLiteral("status"), panel->statusText()},
                            {QStringLiteral("error"), panel->errorText()},
                            {QStringLiteral("rows"), static_cast<int>(panel->rows().size())},
                            {QStringLiteral("summary"), QJsonObject::fromVariantMap(panel->summary())}});
        }
    }
    const QJsonObject state{
        {QStringLiteral("accountId"), m_account360 ? m_account360->accountId() : QString()},
        {QStringLiteral("accountNumber"), m_account360 ? m_account360->accountNumber() : QString()},
        {QStringLiteral("listCount"), m_list ? m_list->count() : 0},
        {QStringLiteral("problem"), problem},
        {QStringLiteral("settingsError"),
         Session::instance() ? Session::instance()->settingsError() : QString()},
        {QStringLiteral("demo"), Session::instance() && Session::instance()->demo()},
        {QStringLiteral("elapsedMs"), static_cast<double>(m_clock.elapsed())},
        {QStringLiteral("panels"), panels}};
    QFile file(m_options.statePath);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(state).toJson());
}

void Scenario::finish(int exitCode, const QString &problem)
{
    m_step = Step::Done;
    if (!problem.isEmpty())
        std::fprintf(stderr, "lakeshore: %s\n", qPrintable(problem));
    if (!m_options.screenshotPath.isEmpty() && m_window) {
        if (!m_window->grabWindow().save(m_options.screenshotPath)) {
            std::fprintf(stderr, "lakeshore: could not write %s\n", qPrintable(m_options.screenshotPath));
            exitCode = exitCode ? exitCode : 6;
        }
    }
    writeState(problem);
    if (m_options.quits())
        QCoreApplication::exit(exitCode);
}
