#include "shareform.h"

#include "sharelistmodel.h"
#include "store/sharingstore.h"

#include <QVariantMap>

using namespace lakeshore;

namespace {

// The schema every table of a new share is published in.
const QString kDefaultSchema = QStringLiteral("crm");

QString nameRuleText(const QString &name, bool schemaOrTable)
{
    return QString::fromStdString(store::shareNameProblem(name.toStdString(), schemaOrTable));
}

} // namespace

ShareForm::ShareForm(QObject *parent) : QObject(parent)
{
    load(std::nullopt);
}

void ShareForm::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    Q_EMIT edited();
}

void ShareForm::load(const std::optional<store::Share> &share)
{
    m_shareId = share ? QString::fromStdString(share->id) : QString();
    m_name = share ? QString::fromStdString(share->name) : QString();
    m_comment = share ? QString::fromStdString(share->comment) : QString();
    m_createdAt = share ? share->createdAt : 0;
    m_schema = share && !share->tables.empty() ? QString::fromStdString(share->tables.front().schema)
                                               : kDefaultSchema;
    m_tables.clear();
    for (const std::string &entity : store::kShareableEntities) {
        TableChoice choice{QString::fromStdString(entity), !share, QString::fromStdString(entity)};
        if (share)
            for (const store::SharedTable &table : share->tables)
                if (table.entity == entity) {
                    choice.included = true;
                    choice.name = QString::fromStdString(table.name);
                }
        m_tables.push_back(choice);
    }
    Q_EMIT loaded();
    Q_EMIT edited();
}

void ShareForm::setIncluded(int row, bool included)
{
    if (row < 0 || row >= static_cast<int>(m_tables.size()))
        return;
    m_tables[static_cast<std::size_t>(row)].included = included;
    Q_EMIT edited();
}

void ShareForm::setTableName(int row, const QString &name)
{
    if (row < 0 || row >= static_cast<int>(m_tables.size()))
        return;
    m_tables[static_cast<std::size_t>(row)].name = name;
    Q_EMIT edited();
}

QString ShareForm::tableProblem(std::size_t row) const
{
    const TableChoice &choice = m_tables[row];
    if (!choice.included)
        return {};
    if (const QString rule = nameRuleText(choice.name, true); !rule.isEmpty())
        return tr("Table name: %1").arg(rule);
    for (std::size_t other = 0; other < row; ++other)
        if (m_tables[other].included && m_tables[other].name.compare(choice.name, Qt::CaseInsensitive) == 0)
            return tr("Another table of this share is named “%1”.").arg(choice.name);
    return {};
}

QVariantList ShareForm::tables() const
{
    QVariantList list;
    for (std::size_t row = 0; row < m_tables.size(); ++row)
        list.append(QVariantMap{{QStringLiteral("entity"), m_tables[row].entity},
                                {QStringLiteral("label"), ShareListModel::entityLabel(m_tables[row].entity)},
                                {QStringLiteral("included"), m_tables[row].included},
                                {QStringLiteral("name"), m_tables[row].name},
                                {QStringLiteral("problem"), tableProblem(row)}});
    return list;
}

QString ShareForm::nameProblem() const
{
    if (m_name.isEmpty())
        return {};
    const QString rule = nameRuleText(m_name, false);
    return rule.isEmpty() ? QString() : tr("Share name: %1").arg(rule);
}

int ShareForm::includedCount() const
{
    int count = 0;
    for (const TableChoice &choice : m_tables)
        count += choice.included ? 1 : 0;
    return count;
}

QString ShareForm::validate() const
{
    if (m_name.isEmpty())
        return tr("Give the share a name.");
    if (const QString problem = nameProblem(); !problem.isEmpty())
        return problem;
    for (std::size_t row = 0; row < m_tables.size(); ++row)
        if (const QString problem = tableProblem(row); !problem.isEmpty())
            return problem;
    return {};
}

store::Share ShareForm::toShare(const QString &tenant) const
{
    store::Share share;
    share.id = m_shareId.toStdString();
    share.tenant = tenant.toStdString();
    share.name = m_name.toStdString();
    share.comment = m_comment.toStdString();
    share.createdAt = m_createdAt;
    for (const TableChoice &choice : m_tables)
        if (choice.included)
            share.tables.push_back(
                {m_schema.toStdString(), choice.name.toStdString(), choice.entity.toStdString()});
    return share;
}
