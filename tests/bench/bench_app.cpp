// Benchmark of the real `lakeshore` executable, offscreen on its embedded demo tenant (default size):
//  - cold start to the first rendered account list, over 10 launches (goal < 1500 ms);
//  - resident memory while opening 600 accounts one after another (goal: no growth after the first 20;
//    the issue asks about 200, the longer run shows where the curve settles).
#include <algorithm>
#include <cstdio>
#include <map>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <vector>

namespace {

QProcessEnvironment offscreen()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

double coldStartMs(const QString &app, const QString &dataDir)
{
    QProcess process;
    process.setProcessEnvironment(offscreen());
    QElapsedTimer clock;
    clock.start();
    process.start(app, {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir,
                        QStringLiteral("--report-ready")});
    double ready = -1;
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 30000) {
        process.waitForReadyRead(50);
        while (process.canReadLine()) {
            if (process.readLine().startsWith("ready")) {
                ready = static_cast<double>(clock.nsecsElapsed()) / 1e6;
                break;
            }
        }
        if (ready >= 0)
            break;
    }
    process.terminate();
    process.waitForFinished(5000);
    return ready;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QString app = QStringLiteral(LAKESHORE_APP_PATH);
    QTemporaryDir data;

    std::vector<double> starts;
    for (int i = 0; i < 10; ++i)
        starts.push_back(coldStartMs(app, data.path()));
    std::sort(starts.begin(), starts.end());
    std::printf(
        "cold start to first rendered account list: median %.0f ms, min %.0f ms, max %.0f ms over %zu "
        "launches; goal < 1500 ms (%.2f x goal)\n",
        starts[starts.size() / 2], starts.front(), starts.back(), starts.size(),
        starts[starts.size() / 2] / 1500);

    QProcess process;
    process.setProcessEnvironment(offscreen());
    process.start(app, {QStringLiteral("--demo"), QStringLiteral("--data-dir"), data.path(),
                        QStringLiteral("--cycle-accounts"), QStringLiteral("600")});
    process.waitForFinished(600000);
    std::map<int, long> rss;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "rss")
            rss[parts[1].toInt()] = parts[2].toLong();
    }
    if (rss.size() < 600) {
        std::printf("memory: the app reported %zu of 600 opens (exit %d)\n", rss.size(), process.exitCode());
        return 1;
    }
    const long at20 = rss[20];
    const long peak = std::max_element(rss.begin(), rss.end(), [](auto &a, auto &b) {
                          return a.second < b.second;
                      })->second;
    std::printf("resident memory: %ld kB after 1 open, %ld kB after 20, %ld kB after 200, %ld kB after 400, "
                "%ld kB after 600; 20 -> 200: %+ld kB (%.3f x), 200 -> 600: %+ld kB (%.3f x); peak %ld kB\n",
                rss[1], at20, rss[200], rss[400], rss[600], rss[200] - at20,
                static_cast<double>(rss[200]) / at20, rss[600] - rss[200],
                static_cast<double>(rss[600]) / rss[200], peak);
    return 0;
}
