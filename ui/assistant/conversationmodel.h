// The assistant's conversation: one entry per question with its state (running, done, failed, cancelled),
// progress, the answer's title, text and SQL, its rows as a table model, the chart spec, a provenance
// line and the steps taken, or the error. Held in memory only; it dies with the window.
#pragma once

#include "assistant/answer.h"
#include "core/error.h"
#include "resulttablemodel.h"

#include <memory>
#include <QAbstractListModel>
#include <QQmlEngine>
#include <QStringList>
#include <vector>

class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The AssistantController owns the conversation")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum State { Running, Done, Failed, Cancelled };
    Q_ENUM(State)

    enum Role {
        QuestionRole = Qt::UserRole + 1,
        StateRole,
        ProgressRole,       // what is happening now, translated ("Running the query on the lakehouse")
        ProgressDetailRole, // the core's own words for it
        TitleRole,
        TextRole,
        SqlRole,
        EditedRole, // the SQL shown was edited by the rep and run again
        ErrorRole,  // translated summary
        ErrorDetailRole,
        TableRole, // ResultTableModel*
        HasTableRole,
        NoteRole,      // the tool's text when it sent no table, or its remark on the table
        ChartSpecRole, // JSON text for the chart page; empty when the rows make no chart
        ProvenanceRole,
        StepsRole,
        NoticeRole, // a line about the last action on the answer (opening a row's account, an export)
        RowCountRole,
        ReadingRowsRole, // a large result is still being decoded: more rows are on their way
    };

    explicit ConversationModel(QObject *parent = nullptr);
    ~ConversationModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }

    // Every role of one entry by name, for QML and tests.
    Q_INVOKABLE QVariantMap get(int index) const;
    Q_INVOKABLE ResultTableModel *table(int index) const;

    // Adds a running entry; returns its index.
    int append(const QString &question);
    void setRunning(int index);
    void setProgress(int index, const QString &stage, const QString &detail);
    void setAnswer(int index, lakeshore::assistant::Answer answer, bool edited);
    void setFailed(int index, const lakeshore::Error &error);
    void setCancelled(int index);
    void setNotice(int index, const QString &notice);
    // The SQL a rep edited, shown on its entry while it runs and if it fails.
    void setEditedSql(int index, const QString &sql);
    // The answer behind a done entry (its SQL, accounts and formats for a rerun); null otherwise.
    [[nodiscard]] std::shared_ptr<const lakeshore::assistant::Answer> answer(int index) const;
    [[nodiscard]] State state(int index) const;
    [[nodiscard]] QString question(int index) const;
    void clear();

    // The parts of an entry as the pane shows them, for the controller and tests.
    // rows: how many the table holds now (a large result grows after the answer is shown).
    [[nodiscard]] static QString provenanceLine(const lakeshore::assistant::Answer &answer, std::size_t rows);
    [[nodiscard]] static QString stageText(const std::string &stage);

Q_SIGNALS:
    void countChanged();

private:
    struct Entry;
    void changed(int index, const QList<int> &roles = {});
    // Follows a large result's decode: its rows join the table as they are decoded.
    void followDecoding(int index);
    void rowsArrived(int index, std::uint64_t run);

    std::vector<std::unique_ptr<Entry>> m_entries;
};
