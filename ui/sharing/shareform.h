// The editor of one share: its name and comment (checked as Delta Sharing allows names, while typing)
// and which of the CRM tables it publishes, each under a table name of its own in one schema.
#pragma once

#include "store/sharingsettings.h"

#include <optional>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <vector>

class ShareForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Forms belong to a SharingController")

    Q_PROPERTY(QString shareId READ shareId NOTIFY loaded)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY edited)
    Q_PROPERTY(QString comment MEMBER m_comment NOTIFY edited)
    Q_PROPERTY(QString schema READ schema NOTIFY loaded)
    // {entity, label, included, name, problem}, one per shareable CRM entity, in kShareableEntities order
    Q_PROPERTY(QVariantList tables READ tables NOTIFY edited)
    Q_PROPERTY(QString nameProblem READ nameProblem NOTIFY edited) // empty while the name is empty
    Q_PROPERTY(int includedCount READ includedCount NOTIFY edited)
    Q_PROPERTY(bool valid READ valid NOTIFY edited)

public:
    explicit ShareForm(QObject *parent = nullptr);

    [[nodiscard]] QString shareId() const { return m_shareId; }
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString schema() const { return m_schema; }
    [[nodiscard]] QVariantList tables() const;
    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] int includedCount() const;
    [[nodiscard]] bool valid() const { return validate().isEmpty(); }

    Q_INVOKABLE void setIncluded(int row, bool included);
    Q_INVOKABLE void setTableName(int row, const QString &name);

    // nullopt = a new share (every table ticked, named after its entity).
    void load(const std::optional<lakeshore::store::Share> &share);
    // Why the form cannot be saved as it is (translated), or empty.
    [[nodiscard]] QString validate() const;
    [[nodiscard]] lakeshore::store::Share toShare(const QString &tenant) const;

Q_SIGNALS:
    void edited();
    void loaded();

private:
    struct TableChoice
    {
        QString entity;
        bool included = true;
        QString name;
    };
    [[nodiscard]] QString tableProblem(std::size_t row) const;

    QString m_shareId;
    QString m_name;
    QString m_comment;
    QString m_schema;
    std::int64_t m_createdAt = 0;
    std::vector<TableChoice> m_tables;
};
