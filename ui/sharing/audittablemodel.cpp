#include "audittablemodel.h"

#include "guithread.h"
#include "session.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

using namespace lakeshore;
using lakeshore::ui::postToGui;

namespace {

constexpr std::int64_t kHourMillis = 3600LL * 1000;

std::optional<std::int64_t> rangeStart(AuditTableModel::Range range, std::int64_t now)
{
    switch (range) {
    case AuditTableModel::LastHour:
        return now - kHourMillis;
    case AuditTableModel::LastDay:
        return now - 24 * kHourMillis;
    case AuditTableModel::LastWeek:
        return now - 7 * 24 * kHourMillis;
    case AuditTableModel::AllTime:
        return std::nullopt;
    }
    return std::nullopt;
}

bool numericColumn(int column)
{
    return column == AuditTableModel::VersionColumn || column == AuditTableModel::FilesColumn ||
           column == AuditTableModel::BytesColumn || column == AuditTableModel::StatusColumn;
}

} // namespace

AuditTableModel::AuditTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::cellText(const store::AuditEvent &event, int column) const
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        // Audit times to the second, in one format whatever the locale, so rows line up.
        return QDateTime::fromMSecsSinceEpoch(event.at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case RecipientColumn:
        return event.recipientName.empty() ? tr("(no valid token)")
                                           : QString::fromStdString(event.recipientName);
    case AddressColumn:
        return QString::fromStdString(event.remoteAddress);
    case EndpointColumn:
        return QString::fromStdString(event.endpoint);
    case ObjectColumn: {
        QStringList parts;
        for (const std::string *part : {&event.share, &event.schema, &event.table})
            if (!part->empty())
                parts << QString::fromStdString(*part);
        return parts.join(QLatin1Char('.'));
    }
    case VersionColumn:
        return event.version ? locale.toString(static_cast<qlonglong>(*event.version)) : QString();
    case FilesColumn:
        return event.files > 0 ? locale.toString(static_cast<qlonglong>(event.files)) : QString();
    case BytesColumn:
        return event.bytes > 0 ? locale.formattedDataSize(event.bytes) : QString();
    case StatusColumn:
        return QString::number(event.status);
    default:
        return {};
    }
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::AuditEvent &event = m_events[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(event, index.column());
    case Qt::ToolTipRole:
        return QStringLiteral("%1 · %2").arg(QString::fromStdString(event.method),
                                             QString::fromStdString(event.userAgent));
    case FailedRole:
        return event.status >= 400;
    case NumericRole:
        return numericColumn(index.column());
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == NumericRole)
        return numericColumn(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case RecipientColumn:
        return tr("Recipient");
    case AddressColumn:
        return tr("Address");
    case EndpointColumn:
        return tr("Request");
    case ObjectColumn:
        return tr("Share.schema.table");
    case VersionColumn:
        return tr("Version");
    case FilesColumn:
        return tr("Files");
    case BytesColumn:
        return tr("Bytes");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(FailedRole, "failed");
    names.insert(NumericRole, "numeric");
    return names;
}

void AuditTableModel::setTenant(const QString &tenant)
{
    if (tenant == m_tenant)
        return;
    m_tenant = tenant;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void AuditTableModel::setRecipientId(const QString &id)
{
    if (id == m_recipientId)
        return;
    m_recipientId = id;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void AuditTableModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void AuditTableModel::setFailuresOnly(bool on)
{
    if (on == m_failuresOnly)
        return;
    m_failuresOnly = on;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void AuditTableModel::setRange(Range range)
{
    if (range == m_range)
        return;
    m_range = range;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void AuditTableModel::scheduleRefresh()
{
    // Several filters set in one go make one read.
    if (!m_loading) {
        m_loading = true;
        Q_EMIT stateChanged();
    }
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &AuditTableModel::refresh);
}

void AuditTableModel::refresh()
{
    m_scheduled = false;
    Session *session = Session::instance();
    if (!session || m_tenant.isEmpty()) {
        // Nothing to read yet: the tenant is known once the session has connected.
        apply({}, QString());
        return;
    }
    store::AuditFilter filter;
    filter.tenant = m_tenant.toStdString();
    filter.recipientId = m_recipientId.toStdString();
    filter.text = m_text.trimmed().toStdString();
    filter.failuresOnly = m_failuresOnly;
    filter.since = rangeStart(m_range, QDateTime::currentMSecsSinceEpoch());
    filter.limit = kLimit + 1; // one more tells whether the list is cut
    const quint64 generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT stateChanged();
    }
    QPointer<AuditTableModel> self(this);
    session->withStore([self, filter, generation](store::SettingsStore *settings) {
        Result<std::vector<store::AuditEvent>> read =
            settings ? store::SharingStore(*settings).audit(filter)
                     : Result<std::vector<store::AuditEvent>>(
                           makeError(ErrorKind::Storage, "the settings store is not open"));
        postToGui(self, [generation, read = std::move(read)](AuditTableModel *model) mutable {
            if (generation != model->m_generation)
                return; // a newer read is under way
            if (read)
                model->apply(std::move(read).value(), QString());
            else
                model->apply({}, tr("The audit trail could not be read: %1")
                                     .arg(QString::fromStdString(read.error().message)));
        });
    });
}

void AuditTableModel::apply(std::vector<store::AuditEvent> events, QString error)
{
    m_truncated = events.size() > static_cast<std::size_t>(kLimit);
    if (m_truncated)
        events.resize(kLimit);
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
    m_error = std::move(error);
    m_loading = m_scheduled;
    Q_EMIT stateChanged();
    if (!m_loading)
        Q_EMIT refreshed();
}

QVariantMap AuditTableModel::get(int row) const
{
    if (row < 0 || row >= count())
        return {};
    const store::AuditEvent &event = m_events[static_cast<std::size_t>(row)];
    return {{QStringLiteral("at"), static_cast<qint64>(event.at)},
            {QStringLiteral("recipientId"), QString::fromStdString(event.recipientId)},
            {QStringLiteral("recipientName"), QString::fromStdString(event.recipientName)},
            {QStringLiteral("remoteAddress"), QString::fromStdString(event.remoteAddress)},
            {QStringLiteral("method"), QString::fromStdString(event.method)},
            {QStringLiteral("endpoint"), QString::fromStdString(event.endpoint)},
            {QStringLiteral("share"), QString::fromStdString(event.share)},
            {QStringLiteral("schema"), QString::fromStdString(event.schema)},
            {QStringLiteral("table"), QString::fromStdString(event.table)},
            {QStringLiteral("version"),
             event.version ? QVariant(static_cast<qint64>(*event.version)) : QVariant()},
            {QStringLiteral("files"), static_cast<qint64>(event.files)},
            {QStringLiteral("bytes"), static_cast<qint64>(event.bytes)},
            {QStringLiteral("status"), event.status},
            {QStringLiteral("userAgent"), QString::fromStdString(event.userAgent)}};
}
