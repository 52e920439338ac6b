#include "account360panel.h"

#include <QLocale>

Account360Panel::Account360Panel(QString key, QString title, QString source, QObject *parent)
    : QObject(parent), m_key(std::move(key)), m_title(std::move(title)), m_source(std::move(source))
{
}

QString Account360Panel::statusText() const
{
    const QString time = QLocale().toString(m_readAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    switch (m_state) {
    case Idle:
        return {};
    case Loading:
        return tr("%1 · loading…").arg(m_source);
    case Loaded:
        return tr("%1 · read %2").arg(m_source, time);
    case Failed:
        return tr("%1 · failed %2").arg(m_source, time);
    }
    return {};
}

void Account360Panel::setLoading()
{
    m_state = Loading;
    m_errorText.clear();
    Q_EMIT changed();
}

void Account360Panel::setLoaded(QDateTime readAt, QVariantList rows, QVariantMap summary)
{
    m_state = Loaded;
    m_readAt = std::move(readAt);
    m_rows = std::move(rows);
    m_summary = std::move(summary);
    m_errorText.clear();
    Q_EMIT changed();
}

void Account360Panel::setFailed(QDateTime readAt, QString errorText)
{
    m_state = Failed;
    m_readAt = std::move(readAt);
    m_errorText = std::move(errorText);
    m_rows.clear();
    m_summary.clear();
    Q_EMIT changed();
}

void Account360Panel::clear()
{
    m_state = Idle;
    m_rows.clear();
    m_summary.clear();
    m_errorText.clear();
    Q_EMIT changed();
}

void Account360Panel::updateContent(QVariantList rows, QVariantMap summary)
{
    m_rows = std::move(rows);
    m_summary = std::move(summary);
    Q_EMIT changed();
}
