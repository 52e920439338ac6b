#include "issuedprofile.h"

#include "guithread.h"
#include "profilefile.h"
#include "sharingtime.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QThreadPool>

using lakeshore::ui::postToGui;

namespace {

// Overwrites the characters before letting go, so the token does not linger in freed memory.
void wipe(QString &text)
{
    if (!text.isDetached())
        text.detach(); // the shared copy is not ours to wipe
    text.fill(QChar(u'\0'));
    text.clear();
}

} // namespace

IssuedProfile::IssuedProfile(QObject *parent) : QObject(parent) {}

IssuedProfile::~IssuedProfile()
{
    wipe(m_text);
}

void IssuedProfile::set(QString text, QString recipientName, QString endpoint, qint64 expiresAt,
                        qint64 oldTokensEndAt)
{
    wipe(m_text);
    m_text = std::move(text);
    m_recipientName = std::move(recipientName);
    m_endpoint = std::move(endpoint);
    m_expiresAt = expiresAt;
    m_oldTokensEndAt = oldTokensEndAt;
    Q_EMIT changed();
}

void IssuedProfile::forget()
{
    if (m_text.isEmpty() && m_recipientName.isEmpty())
        return;
    wipe(m_text);
    m_recipientName.clear();
    m_endpoint.clear();
    m_expiresAt = 0;
    m_oldTokensEndAt = -1;
    Q_EMIT changed();
}

QString IssuedProfile::expiresText() const
{
    return m_expiresAt > 0 ? lakeshore::ui::sharingDateTime(m_expiresAt) : QString();
}

QString IssuedProfile::rotationText() const
{
    if (m_oldTokensEndAt < 0)
        return {};
    if (m_oldTokensEndAt == 0)
        return tr("The previous token stopped working.");
    return tr("The previous token works until %1 at the latest.")
        .arg(lakeshore::ui::sharingDateTime(m_oldTokensEndAt));
}

QString IssuedProfile::suggestedFileName() const
{
    QString base = m_recipientName.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^[-.]+|-+$")));
    return (base.isEmpty() ? QStringLiteral("config") : base) + QStringLiteral(".share");
}

void IssuedProfile::copyToClipboard()
{
    if (m_text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_text);
    Q_EMIT copied();
}

void IssuedProfile::saveAs(const QUrl &url)
{
    if (m_text.isEmpty() || m_saving)
        return;
    if (!url.isLocalFile()) {
        Q_EMIT saved(false, tr("Only files on this computer can be written: %1").arg(url.toDisplayString()));
        return;
    }
    const QString path = url.toLocalFile();
    m_saving = true;
    Q_EMIT savingChanged();
    QPointer<IssuedProfile> self(this);
    QThreadPool::globalInstance()->start([self, path, bytes = m_text.toUtf8()]() mutable {
        const lakeshore::Status written = lakeshore::ui::writeProfileFile(path, bytes);
        bytes.fill('\0');
        const QString reason = written ? QString() : QString::fromStdString(written.error().message);
        postToGui(self, [path, reason, ok = written.ok()](IssuedProfile *profile) {
            profile->m_saving = false;
            Q_EMIT profile->savingChanged();
            if (ok)
                Q_EMIT profile->saved(true, tr("Saved to %1 (readable by you only).").arg(path));
            else
                Q_EMIT profile->saved(false, tr("Could not save %1: %2.").arg(path, reason));
        });
    });
}
