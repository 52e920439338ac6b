#include "worklistscontroller.h"

#include "assistant/assistant.h"
#include "assistantfactory.h"
#include "currentuser.h"
#include "errortext.h"
#include "guithread.h"
#include "resulttablemodel.h"
#include "session.h"
#include "sources/crmconnector.h"
#include "store/settingsstore.h"
#include "worklists/crmjoin.h"
#include "worklists/offcontract.h"
#include "worklists/runner.h"
#include "worklists/worklistcsv.h"

#include <fstream>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QPointer>
#include <QThreadPool>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

// Rows joined per CRM round after the first screenful.
constexpr std::size_t kJoinChunk = 500;
// Lines joined when a result arrives, before the view reports what it shows.
constexpr int kFirstScreen = 80;

QString localTime(const std::string &iso)
{
    const QDateTime at = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString nowLocal()
{
    return QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat);
}

} // namespace

WorklistsController::WorklistsController(QObject *parent)
    : QObject(parent), m_list(new WorklistListModel(this)), m_table(new WorklistTableModel(this)),
      m_detail(new ResultTableModel(this))
{
    if (Session *session = Session::instance()) {
        connect(session, &Session::readyChanged, this, &WorklistsController::reload);
        connect(session, &Session::worklistsChanged, this, &WorklistsController::reload);
        connect(session, &Session::lakehouseChanged, this, [this] { m_lakehouse.reset(); });
        connect(session, &Session::connectorsChanged, this, [this] {
            m_lakehouse.reset();
            m_join.reset();
        });
    }
    reload();
}

WorklistsController::~WorklistsController()
{
    m_runCancel.cancel();
    m_joinCancel.cancel();
    m_detailCancel.cancel();
}

QString WorklistsController::currentName() const
{
    if (m_definition.id.empty())
        return {};
    return m_definition.builtIn() ? QCoreApplication::translate("BuiltInWorklists", m_definition.name.c_str())
                                  : QString::fromStdString(m_definition.name);
}

QString WorklistsController::currentDescription() const
{
    return m_definition.builtIn()
               ? QCoreApplication::translate("BuiltInWorklists", m_definition.description.c_str())
               : QString::fromStdString(m_definition.description);
}

bool WorklistsController::usesPeriod() const
{
    return worklists::usesPeriod(m_definition.sql);
}

bool WorklistsController::canRemove() const
{
    return !m_definition.id.empty() && !m_definition.builtIn() && m_definition.owner == ui::currentUser();
}

void WorklistsController::reload()
{
    Session *session = Session::instance();
    if (!session || !session->ready()) {
        loaded(worklists::builtInDefinitions(), {});
        return;
    }
    m_listLoading = true;
    Q_EMIT listChanged();
    QPointer<WorklistsController> self(this);
    const std::string user = ui::currentUser();
    session->withStore([self, user](store::SettingsStore *store) {
        std::vector<worklists::Definition> definitions = worklists::builtInDefinitions();
        QString problem;
        if (!store) {
            problem = WorklistsController::tr("Saved worklists cannot be read: the settings store is not open.");
        } else if (auto saved = store->worklistDefinitions(user); !saved) {
            problem = WorklistsController::tr("Saved worklists could not be read: %1")
                          .arg(QString::fromStdString(saved.error().message));
        } else {
            for (auto &definition : saved.value().definitions)
                definitions.push_back(std::move(definition));
            if (!saved.value().unreadable.empty())
                problem = WorklistsController::tr("%n saved worklist(s) could not be read and are not listed.",
                                                  nullptr, static_cast<int>(saved.value().unreadable.size()));
        }
        postToGui(self, [definitions = std::move(definitions), problem](WorklistsController *controller) mutable {
            controller->loaded(std::move(definitions), problem);
        });
    });
}

void WorklistsController::loaded(std::vector<worklists::Definition> definitions, QString error)
{
    m_list->setDefinitions(std::move(definitions), QString::fromStdString(ui::currentUser()));
    m_listLoading = false;
    m_listError = std::move(error);
    Q_EMIT listChanged();
    if (!m_definition.id.empty()) {
        if (const auto *current = m_list->find(QString::fromStdString(m_definition.id)))
            m_definition = *current;
        Q_EMIT currentChanged();
    }
}

void WorklistsController::open(const QString &id)
{
    const auto *definition = m_list->find(id);
    if (!definition)
        return;
    closeDrillDown();
    m_definition = *definition;
    m_table->clear();
    m_taskSummary.clear();
    m_exportMessage.clear();
    Q_EMIT tasksChanged();
    Q_EMIT exportChanged();
    m_hasResult = false;
    m_period = QString::fromLatin1(worklists::periodName(
        m_definition.defaultPeriod == worklists::PeriodKind::None ? worklists::PeriodKind::Last12Months
                                                                  : m_definition.defaultPeriod));
    if (m_period == QLatin1String("custom"))
        m_period = QStringLiteral("last-12-months");
    Q_EMIT currentChanged();
    Q_EMIT periodChanged();
    run();
}

void WorklistsController::refresh()
{
    if (!m_definition.id.empty())
        run();
}

void WorklistsController::cancel()
{
    if (!m_loading)
        return;
    m_runCancel.cancel();
    ++m_runId;
    m_loading = false;
    m_progress.clear();
    m_error = tr("Cancelled. Refresh to read the worklist again.");
    Q_EMIT runChanged();
}

std::string WorklistsController::today() const
{
    if (m_lakehouse && !m_lakehouse->setup().today.empty())
        return m_lakehouse->setup().today;
    return domain::Date::today().iso();
}

bool WorklistsController::setPeriod(const QString &kind, const QString &from, const QString &to)
{
    auto parsedKind = worklists::parsePeriod(kind.toStdString());
    if (!parsedKind || parsedKind.value() == worklists::PeriodKind::None) {
        setRunError(tr("Choose a period."));
        return false;
    }
    if (parsedKind.value() == worklists::PeriodKind::Custom) {
        const auto start = domain::Date::parse(from.trimmed().toStdString());
        const auto end = domain::Date::parse(to.trimmed().toStdString());
        if (!start || !end) {
            setRunError(tr("Enter the period's dates as YYYY-MM-DD."));
            return false;
        }
        auto period = worklists::resolvePeriod(worklists::PeriodKind::Custom, domain::Date::today(), *start, *end);
        if (!period) {
            setRunError(tr("That is not a period: %1").arg(QString::fromStdString(period.error().message)));
            return false;
        }
        m_periodFrom = QString::fromStdString(start->iso());
        m_periodTo = QString::fromStdString(end->iso());
    }
    m_period = kind;
    Q_EMIT periodChanged();
    refresh();
    return true;
}

void WorklistsController::setRunError(const QString &text)
{
    m_error = text;
    Q_EMIT runChanged();
}

void WorklistsController::lakehouseFor(
    const worklists::Definition &definition,
    std::function<void(std::shared_ptr<assistant::Assistant>, QString)> done)
{
    Session *session = Session::instance();
    if (!session || !session->ready())
        return done(nullptr, tr("Lakeshore is not connected yet."));
    const void *crm = session->crm().get();
    if (m_lakehouse && m_lakehouseFor == definition.connectionId && m_lakehouseCrm == crm)
        return done(m_lakehouse, {});
    const std::string chosenId = session->chosenLakehouse() ? session->chosenLakehouse()->connection.id : std::string();
    if (definition.connectionId.empty() || definition.connectionId == chosenId) {
        auto made = ui::makeSessionAssistant(*session);
        if (!made)
            return done(nullptr, made.error().kind == ErrorKind::NotFound
                                     ? tr("No lakehouse is connected; connect one in Settings → Lakehouse.")
                                     : tr("The lakehouse cannot be used: %1")
                                           .arg(QString::fromStdString(made.error().message)));
        m_lakehouse = std::shared_ptr<assistant::Assistant>(std::move(made.value()));
        m_lakehouseFor = definition.connectionId;
        m_lakehouseCrm = crm;
        return done(m_lakehouse, {});
    }
    // A definition saved on another lakehouse connection than the one chosen now: read that one.
    QPointer<WorklistsController> self(this);
    const std::string id = definition.connectionId;
    session->withStore([self, id, done = std::move(done)](store::SettingsStore *store) mutable {
        std::optional<store::ChosenLakehouse> chosen;
        QString problem;
        if (!store) {
            problem = WorklistsController::tr("the settings store is not open");
        } else if (auto read = store->lakehouseWithServer(id); !read) {
            problem = QString::fromStdString(read.error().message);
        } else if (!read.value()) {
            problem = WorklistsController::tr("its lakehouse connection was removed");
        } else {
            chosen = std::move(*read.value());
        }
        postToGui(self, [chosen, problem, id, done = std::move(done)](WorklistsController *controller) {
            Session *session = Session::instance();
            if (!chosen || !session)
                return done(nullptr, WorklistsController::tr("This worklist's lakehouse cannot be used: %1").arg(problem));
            auto made = ui::makeConnectionAssistant(*chosen, {}, session->http(), session->crm());
            if (!made)
                return done(nullptr, WorklistsController::tr("This worklist's lakehouse cannot be used: %1")
                                         .arg(QString::fromStdString(made.error().message)));
            controller->m_lakehouse = std::shared_ptr<assistant::Assistant>(std::move(made.value()));
            controller->m_lakehouseFor = id;
            controller->m_lakehouseCrm = session->crm().get();
            done(controller->m_lakehouse, {});
        });
    });
}

void WorklistsController::run()
{
    m_runCancel.cancel();
    m_joinCancel.cancel();
    m_runCancel = CancelToken();
    m_joinCancel = CancelToken();
    m_joinsRunning = 0;
    m_joining = false;
    m_join.reset(); // a refresh reads the CRM's owner and territory names again too
    const std::uint64_t runId = ++m_runId;
    m_loading = true;
    m_error.clear();
    m_progress = tr("Connecting to the lakehouse…");
    Q_EMIT runChanged();
    QPointer<WorklistsController> self(this);
    lakehouseFor(m_definition, [self, runId](std::shared_ptr<assistant::Assistant> lakehouse, QString problem) {
        if (!self || runId != self->m_runId)
            return;
        if (!lakehouse) {
            self->m_loading = false;
            self->m_error = problem;
            Q_EMIT self->runChanged();
            return;
        }
        // One runner per lakehouse: replacing it would wait, on this thread, for a large decode it still holds.
        if (self->m_runnerFor != lakehouse.get()) {
            self->m_runner = std::make_unique<worklists::Runner>(lakehouse);
            self->m_runnerFor = lakehouse.get();
        }
        worklists::SqlValues values;
        if (self->usesPeriod()) {
            const auto kind = worklists::parsePeriod(self->m_period.toStdString());
            const auto today = domain::Date::parse(self->today()).value_or(domain::Date::today());
            auto period = worklists::resolvePeriod(
                kind ? kind.value() : worklists::PeriodKind::Last12Months, today,
                domain::Date::parse(self->m_periodFrom.toStdString()).value_or(domain::Date{}),
                domain::Date::parse(self->m_periodTo.toStdString()).value_or(domain::Date{}));
            if (!period) {
                self->m_loading = false;
                self->m_error = QString::fromStdString(period.error().message);
                Q_EMIT self->runChanged();
                return;
            }
            values.period = period.value();
            self->m_periodFrom = QString::fromStdString(period.value().from.iso());
            self->m_periodTo = QString::fromStdString(period.value().to.iso());
            Q_EMIT self->periodChanged();
        }
        self->m_runner->run(
            self->m_definition, values, self->m_runCancel,
            [self, runId](const std::string &step) {
                postToGui(self, [runId, step = QString::fromStdString(step)](WorklistsController *controller) {
                    if (runId != controller->m_runId || !controller->m_loading)
                        return;
                    controller->m_progress = step;
                    Q_EMIT controller->runChanged();
                });
            },
            [self, runId](Result<worklists::LakehouseRows> rows) {
                postToGui(self, [runId, rows = std::move(rows)](WorklistsController *controller) mutable {
                    if (runId != controller->m_runId)
                        return;
                    controller->m_loading = false;
                    controller->m_progress.clear();
                    if (!rows) {
                        // The rows of the last good read stay on screen; the message says they are old.
                        controller->m_error = ui::errorText(rows.error(), tr("lakehouse"));
                        Q_EMIT controller->runChanged();
                        return;
                    }
                    auto &read = rows.value();
                    controller->m_sql = QString::fromStdString(read.sql);
                    controller->m_server = QString::fromStdString(read.server);
                    controller->m_readAt = localTime(read.readAt);
                    controller->m_elapsedMs = read.elapsedMs;
                    controller->m_hasResult = true;
                    controller->m_joinError.clear();
                    controller->m_joinedAt.clear();
                    controller->m_table->setTable(worklists::WorklistTable(
                        std::move(read.rows), read.accountColumn, controller->m_definition.columns));
                    Q_EMIT controller->runChanged();
                    controller->joinLines(0, kFirstScreen);
                });
            });
    });
}

void WorklistsController::joinLines(int first, int last)
{
    if (!m_hasResult || !m_joinError.isEmpty()) // after a failure only Retry reads the CRM again
        return;
    startJoin(m_table->rowsOnLines(first, last), true);
}

void WorklistsController::retryJoin()
{
    m_joinError.clear();
    Q_EMIT joinChanged();
    joinLines(0, kFirstScreen);
}

void WorklistsController::startJoin(std::vector<std::uint32_t> rows, bool visibleFirst)
{
    Session *session = Session::instance();
    if (!session || !session->ready() || !session->crm())
        return;
    const void *crm = session->crm().get();
    if (!m_join || m_joinCrm != crm) {
        m_join = std::make_unique<worklists::CrmJoin>(session->crm());
        m_joinCrm = crm;
    }
    auto keys = m_table->keysToJoin(rows);
    if (keys.empty()) {
        if (visibleFirst && m_joinsRunning == 0)
            joinRemaining();
        return;
    }
    ++m_joinsRunning;
    m_joining = true;
    Q_EMIT joinChanged();
    const auto kind = m_table->table().keyKind();
    QPointer<WorklistsController> self(this);
    const std::uint64_t runId = m_runId;
    m_join->join(keys, kind, m_joinCancel, [self, runId, keys, visibleFirst](Result<worklists::CrmFactsByKey> facts) {
        postToGui(self, [runId, keys, visibleFirst, facts = std::move(facts)](WorklistsController *controller) {
            controller->m_joinsRunning = std::max(0, controller->m_joinsRunning - 1);
            controller->m_joining = controller->m_joinsRunning > 0;
            if (runId != controller->m_runId) {
                Q_EMIT controller->joinChanged();
                return;
            }
            if (!facts) {
                if (facts.error().kind != ErrorKind::Cancelled) {
                    controller->m_table->failJoin(keys);
                    controller->m_joinError = ui::errorText(facts.error(), tr("CRM"));
                }
                Q_EMIT controller->joinChanged();
                return;
            }
            controller->m_table->applyJoin(keys, facts.value());
            controller->m_joinedAt = nowLocal();
            Q_EMIT controller->joinChanged();
            if (visibleFirst || controller->m_joinsRunning == 0)
                controller->joinRemaining();
        });
    });
}

void WorklistsController::joinRemaining()
{
    if (!m_joinError.isEmpty() || m_joinsRunning > 0)
        return;
    // The rest in chunks, one at a time, so grouping and filtering by owner see every row.
    const auto &table = m_table->table();
    std::vector<std::uint32_t> pending;
    for (std::size_t row = 0; row < table.rowCount() && pending.size() < kJoinChunk; ++row)
        if (table.joinState(row) == worklists::JoinState::Pending)
            pending.push_back(static_cast<std::uint32_t>(row));
    if (!pending.empty())
        startJoin(std::move(pending), false);
}

void WorklistsController::drillDown(int line)
{
    if (!hasDrillDown() || m_table->lineKind(line) != 1 || !m_runner)
        return;
    const QString key = m_table->accountKeyAt(line);
    if (key.isEmpty())
        return;
    m_detailCancel.cancel();
    m_detailCancel = CancelToken();
    const std::uint64_t detailId = ++m_detailId;
    const QString name = m_table->accountNameAt(line);
    m_detailTitle = name.isEmpty() ? key : tr("%1 (%2)").arg(name, key);
    m_detailOpen = true;
    m_detailLoading = true;
    m_detailError.clear();
    m_detailSql.clear();
    m_detail->setResult({}, {}, {}, {});
    Q_EMIT detailChanged();
    worklists::SqlValues values;
    if (!m_periodFrom.isEmpty() && usesPeriod())
        values.period = worklists::Period{worklists::PeriodKind::Custom,
                                          domain::Date::parse(m_periodFrom.toStdString()).value_or(domain::Date{}),
                                          domain::Date::parse(m_periodTo.toStdString()).value_or(domain::Date{})};
    QPointer<WorklistsController> self(this);
    m_runner->drillDown(m_definition, key.toStdString(), values, m_detailCancel, {},
                        [self, detailId](Result<worklists::LakehouseRows> rows) {
                            postToGui(self, [detailId, rows = std::move(rows)](WorklistsController *controller) mutable {
                                if (detailId != controller->m_detailId)
                                    return;
                                controller->m_detailLoading = false;
                                if (!rows) {
                                    controller->m_detailError = ui::errorText(rows.error(), tr("lakehouse"));
                                } else {
                                    std::map<std::string, assistant::MetricFormat> formats;
                                    std::map<std::string, QString> labels;
                                    const auto &definition = controller->m_definition;
                                    for (const auto &hint : definition.detailColumns) {
                                        const auto column = worklists::findColumn(rows.value().rows, hint.column);
                                        if (!column)
                                            continue;
                                        const std::string &name = rows.value().rows.columns()[*column].name;
                                        if (auto format = WorklistTableModel::metricFormat(hint.format))
                                            formats[name] = *format;
                                        if (!hint.label.empty())
                                            labels[name] = definition.builtIn()
                                                               ? QCoreApplication::translate("BuiltInWorklists", hint.label.c_str())
                                                               : QString::fromStdString(hint.label);
                                    }
                                    controller->m_detail->setColumnLabels(std::move(labels));
                                    controller->m_detailSql = QString::fromStdString(rows.value().sql);
                                    controller->m_detail->setResult(std::move(rows.value().rows), formats, {}, {});
                                }
                                Q_EMIT controller->detailChanged();
                            });
                        });
}

void WorklistsController::closeDrillDown()
{
    m_detailCancel.cancel();
    ++m_detailId;
    const bool was = m_detailOpen;
    m_detailOpen = false;
    m_detailLoading = false;
    if (was)
        Q_EMIT detailChanged();
}

QString WorklistsController::rowSummary(std::uint32_t row) const
{
    const auto &table = m_table->table();
    QStringList parts;
    for (auto c : m_table->visibleColumns()) {
        const auto &column = table.columns()[c];
        if (column.crmField || c == 0 || column.format == worklists::ColumnFormat::Text)
            continue;
        const QString value = m_table->cellText(row, c);
        if (!value.isEmpty())
            parts.append(m_table->labelOf(c) + QStringLiteral(": ") + value);
    }
    return parts.join(QLatin1Char('\n'));
}

QString WorklistsController::defaultSubject() const
{
    return tr("Follow up: %1").arg(currentName());
}

QString WorklistsController::defaultDueDate() const
{
    const auto today = domain::Date::parse(this->today()).value_or(domain::Date::today());
    return QString::fromStdString(today.addDays(7).iso());
}

void WorklistsController::createFollowUps(const QString &subject, const QString &notes, const QString &dueDate)
{
    Session *session = Session::instance();
    const auto rows = m_table->selectedRows();
    if (!session || !session->crm() || rows.empty() || m_tasksRunning > 0)
        return;
    const auto due = domain::Date::parse(dueDate.trimmed().toStdString());
    if (!dueDate.trimmed().isEmpty() && !due) {
        m_taskSummary = tr("Enter the due date as YYYY-MM-DD.");
        m_taskSummaryIsError = true;
        Q_EMIT tasksChanged();
        return;
    }
    m_tasksCreated = 0;
    m_tasksFailed = 0;
    m_taskSummary.clear();
    const QString period = usesPeriod() ? tr("Period: %1 to %2").arg(m_periodFrom, m_periodTo) : QString();
    QPointer<WorklistsController> self(this);
    for (auto row : rows) {
        const auto *facts = m_table->table().facts(row);
        if (!facts || facts->ownerId.empty()) {
            m_table->setTaskState(row, WorklistTableModel::TaskFailed,
                                  tr("Not written: the account's owner is not known (the CRM has not been read for it)."));
            ++m_tasksFailed;
            continue;
        }
        sources::NewTask task;
        task.accountId = facts->crmId;
        task.ownerId = facts->ownerId;
        task.subject = subject.trimmed().toStdString();
        QString description = notes.trimmed();
        const QString figures = rowSummary(row);
        description += (description.isEmpty() ? QString() : QStringLiteral("\n\n")) + currentName() +
                       (period.isEmpty() ? QString() : QStringLiteral(" · ") + period) + QLatin1Char('\n') + figures;
        task.description = description.toStdString();
        if (due)
            task.dueDate = domain::Timestamp::at(*due, 17, 0);
        m_table->setTaskState(row, WorklistTableModel::TaskWriting, tr("Writing the task…"));
        ++m_tasksRunning;
        session->crm()->createTask(task, CancelToken(), [self, row](Result<domain::Activity> created) {
            postToGui(self, [row, created = std::move(created)](WorklistsController *controller) {
                --controller->m_tasksRunning;
                if (created) {
                    ++controller->m_tasksCreated;
                    controller->m_table->setTaskState(row, WorklistTableModel::TaskCreated, tr("Task created"));
                } else {
                    ++controller->m_tasksFailed;
                    controller->m_table->setTaskState(row, WorklistTableModel::TaskFailed,
                                                      tr("Not created: %1").arg(ui::errorText(created.error(), tr("CRM"))));
                }
                if (controller->m_tasksRunning == 0) {
                    controller->m_taskSummaryIsError = controller->m_tasksFailed > 0;
                    controller->m_taskSummary =
                        controller->m_tasksFailed == 0
                            ? tr("%n follow-up task(s) created in the CRM.", nullptr, controller->m_tasksCreated)
                            : tr("%1 created, %2 not created; the rows say why. Select them and try again.")
                                  .arg(controller->m_tasksCreated)
                                  .arg(controller->m_tasksFailed);
                }
                Q_EMIT controller->tasksChanged();
            });
        });
    }
    if (m_tasksRunning == 0) {
        m_taskSummaryIsError = true;
        m_taskSummary = tr("No task was written: the owners of the selected accounts are not known. Retry the "
                           "CRM read first.");
    }
    Q_EMIT tasksChanged();
}

void WorklistsController::dismissTaskSummary()
{
    m_taskSummary.clear();
    Q_EMIT tasksChanged();
}

void WorklistsController::exportCsv(const QUrl &file)
{
    if (!m_hasResult || m_exporting)
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return;
    // The export runs on a worker with its own copy of the table and view (the screen may change meanwhile).
    auto table = std::make_shared<worklists::WorklistTable>(m_table->table());
    auto view = std::make_shared<worklists::View>(m_table->view());
    std::vector<std::size_t> columns = m_table->visibleColumns();
    std::vector<std::string> labels;
    for (auto c : columns)
        labels.push_back(m_table->labelOf(c).toStdString());
    m_exporting = true;
    m_exportMessage.clear();
    Q_EMIT exportChanged();
    QPointer<WorklistsController> self(this);
    QThreadPool::globalInstance()->start([self, table, view, columns, labels, path] {
        std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
        Status written = out ? worklists::writeCsv(out, *table, *view, columns, labels)
                             : Status(makeError(ErrorKind::Storage, "the file could not be opened for writing"));
        const int rows = static_cast<int>(view->rows.size());
        postToGui(self, [written, path, rows](WorklistsController *controller) {
            controller->m_exporting = false;
            controller->m_exportMessage =
                written ? tr("%n row(s) exported to %1.", nullptr, rows).arg(path)
                        : tr("The export failed: %1 (%2).").arg(QString::fromStdString(written.error().message), path);
            Q_EMIT controller->exportChanged();
        });
    });
}

void WorklistsController::openAccount(int line)
{
    const QString id = m_table->accountIdAt(line);
    const QString key = m_table->accountKeyAt(line);
    if (!id.isEmpty()) {
        Q_EMIT accountRequested(id, m_table->table().keyKind() == worklists::AccountKey::Number ? key : QString());
        return;
    }
    if (key.isEmpty())
        return;
    if (m_table->table().keyKind() == worklists::AccountKey::CrmId) {
        Q_EMIT accountRequested(key, {});
        return;
    }
    // Not joined yet (or the CRM failed): read this one account now.
    Session *session = Session::instance();
    if (!session || !session->crm())
        return;
    QPointer<WorklistsController> self(this);
    session->crm()->accountsByNumber({key.toStdString()}, CancelToken(),
                                     [self, key](Result<std::vector<domain::Account>> found) {
                                         postToGui(self, [key, found = std::move(found)](WorklistsController *controller) {
                                             if (!found)
                                                 Q_EMIT controller->notice(
                                                     ui::errorText(found.error(), tr("CRM")));
                                             else if (found.value().empty())
                                                 Q_EMIT controller->notice(tr("The CRM has no account %1.").arg(key));
                                             else
                                                 Q_EMIT controller->accountRequested(
                                                     QString::fromStdString(found.value().front().id), key);
                                         });
                                     });
}

void WorklistsController::removeCurrent()
{
    Session *session = Session::instance();
    if (!canRemove() || !session)
        return;
    const std::string id = m_definition.id;
    const std::string user = ui::currentUser();
    QPointer<WorklistsController> self(this);
    session->withStore([self, id, user](store::SettingsStore *store) {
        Status removed = store ? store->removeWorklistDefinition(id, user)
                               : Status(makeError(ErrorKind::Storage, "the settings store is not open"));
        postToGui(self, [removed](WorklistsController *controller) {
            if (!removed) {
                Q_EMIT controller->notice(tr("The worklist could not be removed: %1")
                                              .arg(QString::fromStdString(removed.error().message)));
                return;
            }
            controller->m_runCancel.cancel();
            controller->m_definition = {};
            controller->m_table->clear();
            controller->m_hasResult = false;
            Q_EMIT controller->currentChanged();
            Q_EMIT controller->runChanged();
            if (Session *session = Session::instance())
                session->notifyWorklistsChanged();
        });
    });
}

QVariantMap WorklistsController::currentForEditing() const
{
    const bool mine = canRemove();
    return {{QStringLiteral("id"), mine ? QString::fromStdString(m_definition.id) : QString()},
            {QStringLiteral("name"), mine ? currentName() : tr("Copy of %1").arg(currentName())},
            {QStringLiteral("description"), currentDescription()},
            {QStringLiteral("sql"), QString::fromStdString(m_definition.sql)},
            {QStringLiteral("accountColumn"), QString::fromStdString(m_definition.accountColumn)},
            {QStringLiteral("shared"), m_definition.visibility == worklists::Visibility::Shared && mine},
            {QStringLiteral("mine"), mine}};
}

void WorklistsController::saveDefinition(const QString &id, const QString &name, const QString &description,
                                         const QString &sql, const QString &accountColumn, bool shared,
                                         bool fromCurrent)
{
    Session *session = Session::instance();
    if (!session) {
        Q_EMIT definitionNotSaved(tr("Lakeshore is not connected yet."));
        return;
    }
    // A change of the open one (the user's own), a copy of it (keeping its column hints, drill-down,
    // period and lakehouse), or a new one on the lakehouse chosen now.
    worklists::Definition definition;
    const bool replacing = !id.isEmpty() && id.toStdString() == m_definition.id && canRemove();
    if (replacing || fromCurrent) {
        definition = m_definition;
        if (!replacing)
            definition.id.clear();
    } else {
        const auto &chosen = session->chosenLakehouse();
        definition.connectionId = chosen ? chosen->connection.id : std::string();
    }
    definition.name = name.trimmed().toStdString();
    definition.description = description.trimmed().toStdString();
    definition.sql = sql.trimmed().toStdString();
    definition.accountColumn = accountColumn.trimmed().toStdString();
    definition.visibility = shared ? worklists::Visibility::Shared : worklists::Visibility::Private;
    if (!worklists::usesPeriod(definition.sql))
        definition.defaultPeriod = worklists::PeriodKind::None;
    else if (definition.defaultPeriod == worklists::PeriodKind::None)
        definition.defaultPeriod = worklists::PeriodKind::Last12Months;
    if (auto valid = worklists::validate(definition); !valid) {
        Q_EMIT definitionNotSaved(QString::fromStdString(valid.error().message));
        return;
    }
    // The guard it will meet on every run: with a sample period and account written in.
    const auto dialect = m_lakehouse ? m_lakehouse->setup().dialect : assistant::SqlDialect::Generic;
    worklists::SqlValues sample{worklists::resolvePeriod(worklists::PeriodKind::Last90Days, domain::Date::today()).value(),
                                std::string("C10000")};
    if (auto rendered = worklists::renderSql(definition.sql, sample, dialect); !rendered) {
        Q_EMIT definitionNotSaved(QString::fromStdString(rendered.error().message));
        return;
    }
    QPointer<WorklistsController> self(this);
    const std::string user = ui::currentUser();
    session->withStore([self, definition, user](store::SettingsStore *store) {
        Result<std::string> saved = store ? store->saveWorklistDefinition(definition, user)
                                          : Result<std::string>(makeError(ErrorKind::Storage, "the settings store is not open"));
        postToGui(self, [saved](WorklistsController *controller) {
            if (!saved) {
                Q_EMIT controller->definitionNotSaved(QString::fromStdString(saved.error().message));
                return;
            }
            const QString id = QString::fromStdString(saved.value());
            // Open it once the list has it.
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(controller, &WorklistsController::listChanged, controller, [controller, id, connection] {
                if (controller->listLoading())
                    return;
                QObject::disconnect(*connection);
                controller->open(id);
            });
            if (Session *session = Session::instance())
                session->notifyWorklistsChanged();
            Q_EMIT controller->definitionSaved(id);
        });
    });
}
