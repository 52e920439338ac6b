// Settings → Lakehouse → Import…: reads an mcpServers JSON file (or pasted text) off the GUI thread and
// shows what would be added, each warning and refusal, and the exact command each server runs. Nothing
// is saved, and nothing runs, until the user has said yes (consent) and the controller saves pending().
#pragma once

#include "mcp/serverconfig.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>
#include <vector>

class McpImport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The import belongs to an McpServersController")

    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString source READ source NOTIFY changed) // the file name, or "pasted text"
    Q_PROPERTY(QString error READ error NOTIFY changed)   // the file as a whole could not be used
    Q_PROPERTY(
        QVariantList rows READ rows NOTIFY changed) // {name, entryName, accepted, transport, summary, issues}
    Q_PROPERTY(QStringList notes READ notes NOTIFY changed) // remarks about the whole file
    Q_PROPERTY(int acceptedCount READ acceptedCount NOTIFY changed)
    Q_PROPERTY(int commandCount READ commandCount NOTIFY changed) // accepted servers that start a program
    Q_PROPERTY(bool consent MEMBER m_consent NOTIFY consentChanged)
    Q_PROPERTY(bool canConfirm READ canConfirm NOTIFY consentChanged)

public:
    explicit McpImport(QObject *parent = nullptr);

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString source() const { return m_source; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QVariantList rows() const { return m_rows; }
    [[nodiscard]] QStringList notes() const { return m_notes; }
    [[nodiscard]] int acceptedCount() const { return static_cast<int>(m_pending.size()); }
    [[nodiscard]] int commandCount() const;
    [[nodiscard]] bool canConfirm() const { return m_consent && !m_busy && !m_pending.empty(); }

    // Names already in use, so that a clash is renamed in the preview.
    void setExistingNames(QStringList names) { m_existingNames = std::move(names); }
    Q_INVOKABLE void previewText(const QString &text);
    Q_INVOKABLE void previewFile(const QUrl &url);
    Q_INVOKABLE void clear();

    // The servers to save, with their secrets; only for the controller.
    [[nodiscard]] const std::vector<lakeshore::mcp::McpServerConfig> &pending() const { return m_pending; }

Q_SIGNALS:
    void changed();
    void consentChanged();

private:
    void start(QString source, std::function<std::string(QString &problem)> read);

    bool m_busy = false;
    QString m_source;
    QString m_error;
    QVariantList m_rows;
    QStringList m_notes;
    bool m_consent = false;
    QStringList m_existingNames;
    std::vector<lakeshore::mcp::McpServerConfig> m_pending;
    int m_generation = 0; // a newer preview replaces one still being read
};
