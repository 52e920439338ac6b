// Runs tests/peers/scripted-chat-server.js, a TEST DOUBLE standing in for an OpenAI-compatible chat server
// (no language model can run on the test machines), as a real node child process on a loopback port, and
// reads back what it received. A missing node is a failure, never a skip.
#pragma once

#include "asynctest.h"
#include "http/httpclient.h"

#include <nlohmann/json.hpp>
#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QThread>
#include <QUrl>
#include <string>

namespace lakeshore::testing {

class ChatStandIn
{
public:
    ~ChatStandIn() { stop(); }

    // Empty on success, else why.
    QString start()
    {
        const QString node = QStandardPaths::findExecutable("node");
        if (node.isEmpty())
            return "node is not on PATH; run the README's test command, which installs it";
        m_process.setProgram(node);
        m_process.setArguments({QStringLiteral(LAKESHORE_PEERS_DIR "/scripted-chat-server.js")});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return "could not start node: " + m_process.errorString();
        QByteArray output;
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
            output += m_process.readAllStandardOutput();
            const qsizetype at = output.indexOf("listening ");
            const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
            if (end > at) {
                m_baseUrl = output.mid(at + 10, end - at - 10).trimmed().toStdString();
                return {};
            }
        }
        stop();
        return "scripted-chat-server.js did not report \"listening\"; stdout: " + QString::fromUtf8(output);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel(); // the stand-in exits when stdin closes
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }

    // "http://127.0.0.1:<port>/v1"
    [[nodiscard]] const std::string &baseUrl() const { return m_baseUrl; }

    // What the stand-in received for this model name: [{authorization, body}], or null when it could not
    // be read.
    [[nodiscard]] nlohmann::json received(http::HttpClient &client, const std::string &model) const
    {
        http::Request request;
        request.url = m_baseUrl + "/_requests?model=" + percentEncoded(model);
        auto response =
            asynctest::await<http::Response>([&](auto done) { client.send(request, {}, std::move(done)); });
        if (!response || response.value().status != 200)
            return nullptr;
        return nlohmann::json::parse(response.value().body, nullptr, false);
    }

    // Waits until the stand-in received `count` requests for the model (a hung reply is then in flight).
    [[nodiscard]] bool waitForRequests(http::HttpClient &client, const std::string &model,
                                       std::size_t count) const
    {
        QDeadlineTimer deadline(asynctest::kTimeout.count());
        while (!deadline.hasExpired()) {
            const auto log = received(client, model);
            if (log.is_array() && log.size() >= count)
                return true;
            QThread::msleep(20);
        }
        return false;
    }

private:
    static std::string percentEncoded(const std::string &text)
    {
        return QUrl::toPercentEncoding(QString::fromStdString(text)).toStdString();
    }

    QProcess m_process;
    std::string m_baseUrl;
};

} // namespace lakeshore::testing
