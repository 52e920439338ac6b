// The config.share profile of a token just issued or rotated: the only time the token exists outside
// the recipient's hands. The dialog shows it once; Copy puts it on the clipboard, Save as… writes it
// (off the GUI thread, mode 0600), and forget() drops it when the dialog closes.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

class IssuedProfile : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The profile belongs to a SharingController")

    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(QString recipientName READ recipientName NOTIFY changed)
    Q_PROPERTY(QString endpoint READ endpoint NOTIFY changed)
    Q_PROPERTY(qint64 expiresAt READ expiresAt NOTIFY changed)
    Q_PROPERTY(QString expiresText READ expiresText NOTIFY changed)
    // After a rotation: when the older tokens stop working (0: at once); -1 for a first token.
    Q_PROPERTY(qint64 oldTokensEndAt READ oldTokensEndAt NOTIFY changed)
    Q_PROPERTY(QString rotationText READ rotationText NOTIFY changed) // what became of them; empty if none
    Q_PROPERTY(QString suggestedFileName READ suggestedFileName NOTIFY changed)
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

public:
    explicit IssuedProfile(QObject *parent = nullptr);
    ~IssuedProfile() override;

    [[nodiscard]] bool available() const { return !m_text.isEmpty(); }
    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString recipientName() const { return m_recipientName; }
    [[nodiscard]] QString endpoint() const { return m_endpoint; }
    [[nodiscard]] qint64 expiresAt() const { return m_expiresAt; }
    [[nodiscard]] QString expiresText() const;
    [[nodiscard]] qint64 oldTokensEndAt() const { return m_oldTokensEndAt; }
    [[nodiscard]] QString rotationText() const;
    [[nodiscard]] QString suggestedFileName() const;
    [[nodiscard]] bool saving() const { return m_saving; }

    void set(QString text, QString recipientName, QString endpoint, qint64 expiresAt, qint64 oldTokensEndAt);

    Q_INVOKABLE void copyToClipboard();       // copied() when done
    Q_INVOKABLE void saveAs(const QUrl &url); // saved(ok, message) when done
    Q_INVOKABLE void forget();

Q_SIGNALS:
    void changed();
    void savingChanged();
    void copied();
    void saved(bool ok, const QString &message);

private:
    QString m_text;
    QString m_recipientName;
    QString m_endpoint;
    qint64 m_expiresAt = 0;
    qint64 m_oldTokensEndAt = -1;
    bool m_saving = false;
};
