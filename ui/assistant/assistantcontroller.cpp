#include "assistantcontroller.h"

#include "assistant/assistant.h"
#include "assistant/queryguard.h"
#include "assistantfactory.h"
#include "conversationmodel.h"
#include "currentuser.h"
#include "errortext.h"
#include "guithread.h"
#include "resulttablemodel.h"
#include "session.h"
#include "store/settingsstore.h"
#include "worklists/definition.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPointer>

using namespace lakeshore;
using lakeshore::ui::postToGui;

struct AssistantController::Request
{
    QString question;
    std::string editedSql;                         // set: run this SQL (guarded) instead of asking
    std::shared_ptr<const assistant::Answer> base; // the answer whose SQL was edited
    std::uint64_t run = 0;                         // which run of this entry a callback belongs to
};

AssistantController::AssistantController(QObject *parent)
    : QObject(parent), m_conversation(new ConversationModel(this))
{
    if (Session *session = Session::instance()) {
        connect(session, &Session::readyChanged, this, &AssistantController::updateAvailability);
        connect(session, &Session::connectorsChanged, this, &AssistantController::updateAvailability);
        connect(session, &Session::startupErrorChanged, this, &AssistantController::updateAvailability);
        connect(session, &Session::lakehouseChanged, this, [this] {
            m_lakehouseChanged = true;
            updateAvailability();
        });
    }
    updateAvailability();
}

AssistantController::~AssistantController()
{
    m_cancel.cancel();
    m_lookupCancel.cancel();
}

void AssistantController::updateAvailability()
{
    Session *session = Session::instance();
    const bool connecting = session && !session->ready() && session->startupError().isEmpty();
    const void *crm = session && session->ready() ? session->crm().get() : nullptr;
    if (m_assistant && crm == m_builtFor && connecting == m_connecting && !m_lakehouseChanged)
        return; // the same connections: keep the assistant (and its MCP session)
    m_lakehouseChanged = false;
    if (m_running >= 0)
        cancel(); // the connectors it used are gone
    m_assistant.reset();
    m_builtFor = crm;
    m_problem.clear();
    if (session && session->ready()) {
        auto made = ui::makeSessionAssistant(*session);
        if (made)
            m_assistant = std::move(made.value());
        else if (made.error().kind == ErrorKind::NotFound)
            m_problem = tr("No lakehouse is connected. The assistant answers questions from a lakehouse "
                           "over MCP; connect one in Settings → Lakehouse.");
        else
            m_problem = tr("The assistant could not start: %1. Check the connection in Settings → Lakehouse.")
                            .arg(QString::fromStdString(made.error().message));
    } else if (!connecting) {
        m_problem = tr("Lakeshore is not connected, so the assistant cannot answer questions.");
    }
    m_examples.clear();
    if (m_assistant && m_assistant->setup().model)
        for (const auto &example : m_assistant->setup().model->examples)
            m_examples.append(QString::fromStdString(example));
    m_connecting = connecting;
    Q_EMIT availabilityChanged();
}

QString AssistantController::lakehouseName() const
{
    return m_assistant ? QString::fromStdString(m_assistant->setup().label) : QString();
}

void AssistantController::setContextAccountId(const QString &id)
{
    if (id == m_contextId)
        return;
    m_contextId = id;
    Q_EMIT contextChanged();
}

void AssistantController::setContextAccountNumber(const QString &number)
{
    if (number == m_contextNumber)
        return;
    m_contextNumber = number;
    Q_EMIT contextChanged();
}

void AssistantController::setContextAccountName(const QString &name)
{
    if (name == m_contextName)
        return;
    m_contextName = name;
    Q_EMIT contextChanged();
}

void AssistantController::ask(const QString &question)
{
    const QString trimmed = question.simplified();
    if (trimmed.isEmpty())
        return;
    const int index = m_conversation->append(trimmed);
    auto request = std::make_shared<Request>();
    request->question = trimmed;
    m_requests.push_back(request);
    watchTable(index);
    start(index);
}

void AssistantController::rerun(int index, const QString &editedSql)
{
    auto base = m_conversation->answer(index);
    if (!base || editedSql.trimmed().isEmpty())
        return;
    const int entry = m_conversation->append(m_conversation->question(index));
    auto request = std::make_shared<Request>();
    request->question = m_conversation->question(index);
    request->editedSql = editedSql.trimmed().toStdString();
    request->base = std::move(base);
    m_requests.push_back(request);
    m_conversation->setEditedSql(entry, editedSql.trimmed());
    watchTable(entry);
    start(entry);
}

void AssistantController::retry(int index)
{
    if (index < 0 || index >= static_cast<int>(m_requests.size()) || index == m_running)
        return;
    const auto state = m_conversation->state(index);
    if (state != ConversationModel::Failed && state != ConversationModel::Cancelled)
        return;
    start(index);
}

void AssistantController::start(int index)
{
    if (m_running >= 0 && m_running != index)
        cancel();
    m_conversation->setRunning(index);
    if (!m_assistant) {
        m_conversation->setFailed(index, makeError(ErrorKind::Invalid, m_problem.toStdString()));
        Q_EMIT answered(index);
        return;
    }
    const std::shared_ptr<Request> request = m_requests[static_cast<std::size_t>(index)];
    const std::uint64_t run = ++request->run;
    m_cancel = CancelToken();
    m_running = index;
    Q_EMIT busyChanged();

    QPointer<AssistantController> self(this);
    auto onProgress = [self, request, run, index](const assistant::AskProgress &progress) {
        postToGui(self, [request, run, index, progress](AssistantController *controller) {
            if (request->run == run && controller->m_running == index)
                controller->m_conversation->setProgress(index, ConversationModel::stageText(progress.stage),
                                                        QString::fromStdString(progress.detail));
        });
    };
    auto done = [self, request, run, index](Result<assistant::Answer> answer) {
        postToGui(self, [request, run, index, answer = std::move(answer)](AssistantController *controller) {
            if (request->run != run || controller->m_running != index)
                return; // cancelled, or run again since
            if (answer)
                controller->m_conversation->setAnswer(index, answer.value(), !request->editedSql.empty());
            else
                controller->m_conversation->setFailed(index, answer.error());
            controller->finished(index);
        });
    };
    if (!request->editedSql.empty()) {
        m_assistant->runSql(request->editedSql, *request->base, m_cancel, onProgress, done);
        return;
    }
    std::optional<assistant::CurrentAccount> current;
    if (!m_contextId.isEmpty())
        current = assistant::CurrentAccount{m_contextNumber.toStdString(), m_contextName.toStdString(),
                                            m_contextId.toStdString()};
    m_assistant->ask(request->question.toStdString(), current, m_cancel, onProgress, done);
}

void AssistantController::finished(int index)
{
    if (m_running == index) {
        m_running = -1;
        Q_EMIT busyChanged();
    }
    Q_EMIT answered(index);
}

void AssistantController::cancel()
{
    if (m_running < 0)
        return;
    const int index = m_running;
    m_cancel.cancel();
    m_requests[static_cast<std::size_t>(index)]->run++; // whatever still arrives for it is dropped
    m_conversation->setCancelled(index);
    finished(index);
}

void AssistantController::watchTable(int index)
{
    QPointer<ConversationModel> conversation(m_conversation);
    connect(m_conversation->table(index), &ResultTableModel::exportFinished, this,
            [conversation, index](bool, const QString &message) {
                if (conversation)
                    conversation->setNotice(index, message);
            });
}

void AssistantController::exportCsv(int index, const QUrl &url)
{
    if (ResultTableModel *table = m_conversation->table(index)) {
        m_conversation->setNotice(index, tr("Saving %1…").arg(url.toDisplayString(QUrl::PreferLocalFile)));
        table->exportCsv(url);
    }
}

void AssistantController::copySql(int index) const
{
    const QString sql = m_conversation->get(index).value(QStringLiteral("sql")).toString();
    if (!sql.isEmpty())
        QGuiApplication::clipboard()->setText(sql);
}

void AssistantController::openRow(int index, int row)
{
    ResultTableModel *table = m_conversation->table(index);
    if (!table || !table->hasAccounts())
        return;
    const QString number = table->accountNumber(row);
    if (number.isEmpty()) {
        m_conversation->setNotice(index, tr("This row names no account."));
        return;
    }
    const QString id = table->accountId(row);
    if (!id.isEmpty()) {
        m_conversation->setNotice(index, {});
        Q_EMIT accountRequested(id, number);
        return;
    }
    if (!m_assistant)
        return;
    m_lookupCancel.cancel();
    m_lookupCancel = CancelToken();
    m_conversation->setNotice(index, tr("Looking up account %1 in the CRM…").arg(number));
    QPointer<AssistantController> self(this);
    QPointer<ResultTableModel> guardedTable(table);
    const CancelToken token = m_lookupCancel;
    m_assistant->findAccount(
        number.toStdString(), token,
        [self, guardedTable, index, number, token](Result<assistant::AccountRef> found) {
            postToGui(self, [guardedTable, index, number, token,
                             found = std::move(found)](AssistantController *controller) {
                if (token.cancelled() || !guardedTable)
                    return;
                if (!found) {
                    controller->m_conversation->setNotice(
                        index, tr("Could not open account %1: %2")
                                   .arg(number, ui::errorText(found.error(), tr("CRM"))));
                    return;
                }
                guardedTable->addAccount(number.toStdString(), found.value());
                controller->m_conversation->setNotice(index, {});
                Q_EMIT controller->accountRequested(QString::fromStdString(found.value().crmId), number);
            });
        });
}

void AssistantController::clear()
{
    cancel();
    m_lookupCancel.cancel();
    m_requests.clear();
    m_conversation->clear();
}

bool AssistantController::canSaveAsWorklist(int index) const
{
    const auto answer = m_conversation->answer(index);
    return answer && !answer->sql.empty() && !answer->accountColumn.empty() && answer->rows.hasTable();
}

namespace {

// An answer's number formats as worklist column hints: money and counts get footer sums.
std::vector<worklists::ColumnHint> hintsOf(const assistant::Answer &answer)
{
    std::vector<worklists::ColumnHint> hints;
    for (const auto &[column, format] : answer.formats) {
        worklists::ColumnHint hint;
        hint.column = column;
        switch (format) {
        case assistant::MetricFormat::Currency:
            hint.format = worklists::ColumnFormat::Money;
            hint.aggregate = worklists::Aggregate::Sum;
            break;
        case assistant::MetricFormat::Count:
            hint.format = worklists::ColumnFormat::Integer;
            hint.aggregate = worklists::Aggregate::Sum;
            break;
        case assistant::MetricFormat::Percent:
            hint.format = worklists::ColumnFormat::Percent;
            break;
        case assistant::MetricFormat::Score:
        case assistant::MetricFormat::Number:
            hint.format = worklists::ColumnFormat::Number;
            break;
        }
        hints.push_back(std::move(hint));
    }
    return hints;
}

} // namespace

void AssistantController::saveAsWorklist(int index, const QString &name, const QString &description, bool shared)
{
    Session *session = Session::instance();
    const auto answer = m_conversation->answer(index);
    if (!session || !m_assistant || !canSaveAsWorklist(index)) {
        Q_EMIT worklistNotSaved(index, tr("This answer has no rows of accounts to keep as a worklist."));
        return;
    }
    worklists::Definition definition;
    definition.name = name.trimmed().toStdString();
    definition.description = description.trimmed().toStdString();
    definition.visibility = shared ? worklists::Visibility::Shared : worklists::Visibility::Private;
    definition.connectionId = session->chosenLakehouse() ? session->chosenLakehouse()->connection.id : std::string();
    definition.sql = answer->sql;
    definition.accountColumn = answer->accountColumn;
    definition.columns = hintsOf(*answer);
    if (auto valid = worklists::validate(definition); !valid) {
        Q_EMIT worklistNotSaved(index, QString::fromStdString(valid.error().message));
        return;
    }
    // The same guard it will meet whenever it runs: refuse now rather than save something that cannot.
    const auto verdict = assistant::checkReadOnlySelect(definition.sql, m_assistant->setup().dialect);
    if (!verdict.admitted) {
        Q_EMIT worklistNotSaved(index, tr("The query guard refused the SQL: %1").arg(QString::fromStdString(verdict.reason)));
        return;
    }
    QPointer<AssistantController> self(this);
    const std::string user = ui::currentUser();
    session->withStore([self, index, definition, user](store::SettingsStore *store) {
        Result<std::string> saved = store ? store->saveWorklistDefinition(definition, user)
                                          : Result<std::string>(makeError(ErrorKind::Storage, "the settings store is not open"));
        postToGui(self, [index, saved, name = QString::fromStdString(definition.name)](AssistantController *controller) {
            if (!saved) {
                Q_EMIT controller->worklistNotSaved(index, QString::fromStdString(saved.error().message));
                return;
            }
            if (Session *session = Session::instance())
                session->notifyWorklistsChanged();
            Q_EMIT controller->worklistSaved(index, QString::fromStdString(saved.value()), name);
        });
    });
}
