// When a token being issued or rotated ends: a preset number of days from now (30, 90, 365; 90 unless
// chosen otherwise) or the end of a day the user types. Made by the token dialog, one per dialog.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>

class TokenExpiry : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int days READ days WRITE setDays NOTIFY changed) // 0 = the custom date
    Q_PROPERTY(QString customDate READ customDate WRITE setCustomDate NOTIFY changed)
    // Epoch ms (a double, as QML numbers are); 0 while the date is not valid.
    Q_PROPERTY(double expiresAt READ expiresAtMillis NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed) // "Ends on 3 March 2027, 23:59"
    Q_PROPERTY(QString dateFormatHint READ dateFormatHint CONSTANT)

public:
    static constexpr int kDefaultDays = 90;

    explicit TokenExpiry(QObject *parent = nullptr);

    [[nodiscard]] int days() const { return m_days; }
    void setDays(int days);
    [[nodiscard]] QString customDate() const { return m_customDate; }
    void setCustomDate(const QString &text);
    [[nodiscard]] qint64 expiresAt() const { return expiresAtFrom(QDateTime::currentDateTime()); }
    [[nodiscard]] double expiresAtMillis() const { return static_cast<double>(expiresAt()); }
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString dateFormatHint() const;

    // Back to the default (90 days, no custom date).
    Q_INVOKABLE void reset();

    [[nodiscard]] qint64 expiresAtFrom(const QDateTime &now) const;

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] QDate parsedDate() const; // invalid when the text is no date

    int m_days = kDefaultDays;
    QString m_customDate;
};
