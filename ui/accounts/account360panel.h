// One panel of Account 360: its state (loading, loaded, failed), where and when it was read, and its rows.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

class Account360Panel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Panels belong to an Account360Controller")

    Q_PROPERTY(QString key READ key CONSTANT)
    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(QString source READ source CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QDateTime readAt READ readAt NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)

public:
    enum State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)

    Account360Panel(QString key, QString title, QString source, QObject *parent);

    [[nodiscard]] QString key() const { return m_key; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString source() const { return m_source; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QDateTime readAt() const { return m_readAt; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QVariantList rows() const { return m_rows; }
    [[nodiscard]] QVariantMap summary() const { return m_summary; }

    void setLoading();
    void setLoaded(QDateTime readAt, QVariantList rows, QVariantMap summary);
    void setFailed(QDateTime readAt, QString errorText);
    void clear();
    // Rewrites rows and summary in place (names resolved later), keeping state and read time.
    void updateContent(QVariantList rows, QVariantMap summary);

Q_SIGNALS:
    void changed();

private:
    QString m_key;
    QString m_title;
    QString m_source;
    State m_state = Idle;
    QDateTime m_readAt;
    QString m_errorText;
    QVariantList m_rows;
    QVariantMap m_summary;
};
