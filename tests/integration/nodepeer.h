// A test peer from tests/peers (an npm package driven by a small Node script) run as a real child process:
// started with node from PATH, its URL read from the one "listening <url>" line it prints, and stopped
// (stdin closed, then SIGTERM, then kill) when the NodePeer goes away. A missing node or package is a
// failure with the install command, never a skip.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <string>

namespace lakeshore::testing {

class NodePeer
{
public:
    NodePeer() = default;
    ~NodePeer();
    NodePeer(const NodePeer &) = delete;
    NodePeer &operator=(const NodePeer &) = delete;

    // script is relative to LAKESHORE_PEERS_DIR; requiredPackage ("@sap-ux/fe-mockserver-core") must be in
    // its node_modules; the peer's stderr goes to stderrFile. Empty on success, else why, in one line.
    [[nodiscard]] QString start(const QString &script, const QStringList &arguments,
                                const QString &requiredPackage, const QString &stderrFile,
                                int timeoutMs = 15000);
    void stop();

    [[nodiscard]] const std::string &url() const
    {
        return m_url;
    } // as printed, e.g. "http://127.0.0.1:40123/x/"

private:
    QProcess m_process;
    std::string m_url;
};

// Runs a script from tests/peers to its end (a reader or checker, not a server) and puts its stdout in
// output. Empty on success (exit code 0), else why, in one line with the script's stderr.
[[nodiscard]] QString runPeerScript(const QString &script, const QStringList &arguments,
                                    const QString &requiredPackage, QByteArray &output,
                                    int timeoutMs = 120000);

} // namespace lakeshore::testing
