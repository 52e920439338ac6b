#include "conversationmodel.h"

#include "assistant/resultcharts.h"
#include "assistanterror.h"
#include "columnlabel.h"
#include "guithread.h"
#include "resulttablemodel.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>

using namespace lakeshore;

struct ConversationModel::Entry
{
    QString question;
    State state = Running;
    QString progress;
    QString progressDetail;
    QString title;
    QString text;
    QString sql;
    bool edited = false;
    QString error;
    QString errorDetail;
    ResultTableModel *table = nullptr; // a child of the conversation model
    QString note;
    QString chartSpec;
    QString provenance;
    QStringList steps;
    QString notice;
    std::shared_ptr<const assistant::Answer> answer;
    bool readingRows = false;
    std::uint64_t answerRun = 0; // which answer of this entry a decode's progress belongs to
};

namespace {

// The chart page formats "percent" as a fraction (Intl percent style) while the planner's ratios are
// already scaled to 0..100: hand the page fractions. Series get the table's column labels.
QString chartSpecText(const assistant::Answer &answer)
{
    nlohmann::json spec = assistant::chartSpec(answer.rows, answer.chart, answer.formats);
    if (spec.is_null())
        return {};
    const bool percent = spec.value("format", "") == "percent";
    for (auto &series : spec["series"]) {
        series["name"] = ui::columnLabel(series.value("name", "")).toStdString();
        if (percent)
            for (auto &value : series["values"])
                if (value.is_number())
                    value = value.get<double>() / 100.0;
    }
    return QString::fromStdString(spec.dump());
}

// A tool's text answer as the card shows it: a long one is cut (a label of megabytes helps no one; the
// rows, when there are any, are in the table).
constexpr int kNoteChars = 4000;

QString shownNote(const std::string &note)
{
    QString text = QString::fromStdString(note);
    if (text.size() <= kNoteChars)
        return text;
    const int more = static_cast<int>(text.size()) - kNoteChars;
    text.truncate(kNoteChars);
    return text + QStringLiteral("…\n") +
           ConversationModel::tr("(%n more character(s) the lakehouse sent are not shown.)", nullptr, more);
}

} // namespace

ConversationModel::ConversationModel(QObject *parent) : QAbstractListModel(parent) {}

ConversationModel::~ConversationModel() = default;

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = *m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case QuestionRole:
        return entry.question;
    case StateRole:
        return entry.state;
    case ProgressRole:
        return entry.progress;
    case ProgressDetailRole:
        return entry.progressDetail;
    case TitleRole:
        return entry.title;
    case TextRole:
        return entry.text;
    case SqlRole:
        return entry.sql;
    case EditedRole:
        return entry.edited;
    case ErrorRole:
        return entry.error;
    case ErrorDetailRole:
        return entry.errorDetail;
    case TableRole:
        return QVariant::fromValue(entry.table);
    case HasTableRole:
        return entry.table->rows() > 0 || entry.table->columns() > 0;
    case NoteRole:
        return entry.note;
    case ChartSpecRole:
        return entry.chartSpec;
    case ProvenanceRole:
        return entry.provenance;
    case StepsRole:
        return entry.steps;
    case ReadingRowsRole:
        return entry.readingRows;
    case NoticeRole:
        return entry.notice;
    case RowCountRole:
        return entry.table->rows();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{QuestionRole, "question"},
            {StateRole, "answerState"},
            {ProgressRole, "progress"},
            {ProgressDetailRole, "progressDetail"},
            {TitleRole, "title"},
            {TextRole, "answerText"},
            {SqlRole, "sql"},
            {EditedRole, "edited"},
            {ErrorRole, "error"},
            {ErrorDetailRole, "errorDetail"},
            {TableRole, "table"},
            {HasTableRole, "hasTable"},
            {NoteRole, "note"},
            {ChartSpecRole, "chartSpec"},
            {ProvenanceRole, "provenance"},
            {StepsRole, "steps"},
            {NoticeRole, "notice"},
            {ReadingRowsRole, "readingRows"},
            {RowCountRole, "resultRows"}};
}

QVariantMap ConversationModel::get(int index) const
{
    QVariantMap map;
    if (index < 0 || index >= count())
        return map;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(this->index(index), it.key()));
    return map;
}

ResultTableModel *ConversationModel::table(int index) const
{
    return index >= 0 && index < count() ? m_entries[static_cast<std::size_t>(index)]->table : nullptr;
}

int ConversationModel::append(const QString &question)
{
    const int index = count();
    beginInsertRows({}, index, index);
    auto entry = std::make_unique<Entry>();
    entry->question = question;
    entry->progress = stageText("plan");
    entry->table = new ResultTableModel(this);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    Q_EMIT countChanged();
    return index;
}

void ConversationModel::changed(int index, const QList<int> &roles)
{
    const QModelIndex at = this->index(index);
    Q_EMIT dataChanged(at, at, roles);
}

void ConversationModel::setRunning(int index)
{
    if (index < 0 || index >= count())
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    entry.state = Running;
    entry.readingRows = false;
    ++entry.answerRun;
    entry.progress = stageText("plan");
    entry.progressDetail.clear();
    entry.error.clear();
    entry.errorDetail.clear();
    entry.notice.clear();
    changed(index);
}

void ConversationModel::setProgress(int index, const QString &stage, const QString &detail)
{
    if (index < 0 || index >= count() || m_entries[static_cast<std::size_t>(index)]->state != Running)
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    entry.progress = stage;
    entry.progressDetail = detail;
    changed(index, {ProgressRole, ProgressDetailRole});
}

void ConversationModel::setAnswer(int index, assistant::Answer answer, bool edited)
{
    if (index < 0 || index >= count())
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    entry.state = Done;
    entry.edited = edited;
    entry.title = QString::fromStdString(answer.title);
    entry.text = QString::fromStdString(answer.text);
    entry.sql = QString::fromStdString(answer.sql);
    entry.note = shownNote(answer.rows.note());
    // A large result: shown with its first rows; the rest join the table as the decode goes on (or at
    // once, when it finished while the answer was on its way here).
    entry.readingRows = answer.decoding != nullptr;
    ++entry.answerRun;
    // A chart of the first rows of a result still arriving would mislead.
    entry.chartSpec = entry.readingRows ? QString() : chartSpecText(answer);
    entry.provenance = provenanceLine(answer, answer.rows.hasTable() ? answer.rows.rowCount() : 0);
    entry.steps.clear();
    for (const auto &step : answer.steps)
        entry.steps.append(QString::fromStdString(step));
    entry.error.clear();
    entry.errorDetail.clear();
    entry.progress.clear();
    entry.progressDetail.clear();
    entry.table->setResult(answer.rows, answer.formats, answer.accountColumn, answer.accounts);
    entry.answer = std::make_shared<const assistant::Answer>(std::move(answer));
    changed(index);
    if (entry.readingRows)
        followDecoding(index);
}

void ConversationModel::followDecoding(int index)
{
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    QPointer<ConversationModel> self(this);
    const std::uint64_t run = entry.answerRun;
    // Runs on the decode's worker thread after each chunk: only a note to the GUI thread.
    entry.answer->decoding->watch([self, index, run] {
        ui::postToGui(self, [index, run](ConversationModel *model) { model->rowsArrived(index, run); });
    });
}

void ConversationModel::rowsArrived(int index, std::uint64_t run)
{
    if (index < 0 || index >= count())
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    if (entry.answerRun != run || !entry.readingRows || !entry.answer || !entry.answer->decoding)
        return; // asked again since, or already complete
    const auto &decoding = entry.answer->decoding;
    const bool finished = decoding->finished();
    const Status status = decoding->status();
    entry.table->growResult(decoding->snapshot());
    entry.provenance = provenanceLine(*entry.answer, static_cast<std::size_t>(entry.table->rows()));
    if (finished) {
        entry.readingRows = false;
        if (!status && status.error().kind != ErrorKind::Cancelled)
            entry.notice = tr("Only the first %n row(s) could be read: %1", nullptr, entry.table->rows())
                               .arg(QString::fromStdString(status.error().message));
    }
    changed(index, {RowCountRole, ReadingRowsRole, ProvenanceRole, NoticeRole});
}

void ConversationModel::setFailed(int index, const Error &error)
{
    if (index < 0 || index >= count())
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    const auto text = ui::assistantErrorText(error);
    entry.state = error.kind == ErrorKind::Cancelled ? Cancelled : Failed;
    entry.error = text.summary;
    entry.errorDetail = text.detail;
    entry.progress.clear();
    entry.progressDetail.clear();
    changed(index);
}

void ConversationModel::setCancelled(int index)
{
    if (index < 0 || index >= count() || m_entries[static_cast<std::size_t>(index)]->state != Running)
        return;
    setFailed(index, makeError(ErrorKind::Cancelled, "cancelled"));
}

void ConversationModel::setNotice(int index, const QString &notice)
{
    if (index < 0 || index >= count())
        return;
    m_entries[static_cast<std::size_t>(index)]->notice = notice;
    changed(index, {NoticeRole});
}

void ConversationModel::setEditedSql(int index, const QString &sql)
{
    if (index < 0 || index >= count())
        return;
    Entry &entry = *m_entries[static_cast<std::size_t>(index)];
    entry.sql = sql;
    entry.edited = true;
    changed(index, {SqlRole, EditedRole});
}

std::shared_ptr<const assistant::Answer> ConversationModel::answer(int index) const
{
    return index >= 0 && index < count() ? m_entries[static_cast<std::size_t>(index)]->answer : nullptr;
}

ConversationModel::State ConversationModel::state(int index) const
{
    return index >= 0 && index < count() ? m_entries[static_cast<std::size_t>(index)]->state : Failed;
}

QString ConversationModel::question(int index) const
{
    return index >= 0 && index < count() ? m_entries[static_cast<std::size_t>(index)]->question : QString();
}

void ConversationModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    std::vector<ResultTableModel *> tables;
    for (auto &entry : m_entries)
        tables.push_back(entry->table);
    m_entries.clear();
    endResetModel();
    // After the reset, so the views release the delegates that show these tables before they go.
    for (ResultTableModel *table : tables)
        table->deleteLater();
    Q_EMIT countChanged();
}

QString ConversationModel::provenanceLine(const assistant::Answer &answer, std::size_t rows)
{
    const QLocale locale;
    QStringList parts;
    if (!answer.provenance.server.empty())
        parts << QString::fromStdString(answer.provenance.server);
    if (!answer.provenance.tool.empty())
        parts << QString::fromStdString(answer.provenance.tool);
    parts << tr("%1 s").arg(locale.toString(answer.provenance.elapsedMs / 1000.0, 'f', 2));
    if (answer.rows.hasTable())
        parts << tr("%n row(s)", "", static_cast<int>(rows));
    const QDateTime finished =
        QDateTime::fromString(QString::fromStdString(answer.provenance.finishedAt), Qt::ISODate);
    if (finished.isValid())
        parts << finished.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    return parts.join(QStringLiteral(" · "));
}

QString ConversationModel::stageText(const std::string &stage)
{
    if (stage == "crm")
        return tr("Reading the accounts it needs from the CRM…");
    if (stage == "lakehouse")
        return tr("Running the query on the lakehouse…");
    if (stage == "model")
        return tr("Asking the language model…");
    if (stage == "server")
        return tr("Waiting for the lakehouse's assistant…");
    return tr("Reading the question…");
}
