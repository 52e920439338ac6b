// End to end: the real `lakeshore` executable, offscreen, on its embedded demo tenant. Opens a Cleveland
// account, waits until every panel has settled, grabs the window to PNG (kept under test-artifacts/) and
// checks the panels' state the app wrote as JSON.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class AppEndToEndTest : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QJsonObject state;
        QString output;
    };

    Run runApp(const QStringList &extra, const QString &screenshot)
    {
        QProcess app;
        app.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments{QStringLiteral("--demo"),
                              QStringLiteral("--demo-size"),
                              QStringLiteral("small"),
                              QStringLiteral("--demo-today"),
                              QStringLiteral("2026-11-21"),
                              QStringLiteral("--data-dir"),
                              m_data.path(),
                              QStringLiteral("--open-territory"),
                              QStringLiteral("Cleveland"),
                              QStringLiteral("--state-out"),
                              m_data.filePath(QStringLiteral("state.json"))};
        if (!screenshot.isEmpty())
            arguments << QStringLiteral("--screenshot") << screenshot;
        arguments << extra;
        QFile::remove(m_data.filePath(QStringLiteral("state.json")));
        app.start(QStringLiteral(LAKESHORE_APP_PATH), arguments);
        Run run;
        if (!app.waitForFinished(60000)) {
            app.kill();
            app.waitForFinished();
            run.output = QString::fromUtf8(app.readAll());
            return run;
        }
        run.exitCode = app.exitCode();
        run.output = QString::fromUtf8(app.readAll());
        QFile file(m_data.filePath(QStringLiteral("state.json")));
        if (file.open(QIODevice::ReadOnly))
            run.state = QJsonDocument::fromJson(file.readAll()).object();
        return run;
    }

    static QJsonObject panel(const QJsonObject &state, const QString &key)
    {
        for (const auto &value : state.value(QStringLiteral("panels")).toArray())
            if (value.toObject().value(QStringLiteral("key")).toString() == key)
                return value.toObject();
        return {};
    }

    static QString artifact(const QString &name)
    {
        const QString directory = QStringLiteral(LAKESHORE_ARTIFACTS_DIR);
        QDir().mkpath(directory);
        return directory + QLatin1Char('/') + name;
    }

    QTemporaryDir m_data;

private slots:
    void clevelandAccountLoadsEveryPanel()
    {
        const QString png = artifact(QStringLiteral("e2e-cleveland.png"));
        QFile::remove(png);
        const Run run = runApp({}, png);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QJsonArray panels = run.state.value(QStringLiteral("panels")).toArray();
        QCOMPARE(panels.size(), 10);
        for (const auto &value : panels) {
            const QJsonObject p = value.toObject();
            QVERIFY2(p.value(QStringLiteral("state")).toString() == QLatin1String("loaded"),
                     qPrintable(p.value(QStringLiteral("key")).toString() + QStringLiteral(": ") +
                                p.value(QStringLiteral("error")).toString()));
            QVERIFY(p.value(QStringLiteral("status")).toString().contains(QStringLiteral(" · read ")));
        }
        const QJsonObject header =
            panel(run.state, QStringLiteral("header")).value(QStringLiteral("summary")).toObject();
        QCOMPARE(header.value(QStringLiteral("territory")).toString(), QStringLiteral("Cleveland"));
        QCOMPARE(header.value(QStringLiteral("number")).toString(),
                 run.state.value(QStringLiteral("accountNumber")).toString());
        QVERIFY(run.state.value(QStringLiteral("demo")).toBool());

        const QImage image(png);
        QVERIFY2(!image.isNull(), "the window was grabbed to PNG");
        QVERIFY(image.width() >= 960 && image.height() >= 600);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the picture shows more than a blank window");
    }

    void failingPartsShowTheirErrorWhileTheRestLoads()
    {
        const Run run = runApp({QStringLiteral("--erp-fault"), QStringLiteral("salesOrders:status=500"),
                                QStringLiteral("--crm-fault"), QStringLiteral("incidents:body=malformed")},
                               artifact(QStringLiteral("e2e-faults.png")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QJsonObject orders = panel(run.state, QStringLiteral("openOrders"));
        QCOMPARE(orders.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(orders.value(QStringLiteral("error")).toString().contains(QStringLiteral("500")),
                 qPrintable(orders.value(QStringLiteral("error")).toString()));
        QCOMPARE(panel(run.state, QStringLiteral("cases")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("failed"));
        for (const QString &key :
             {QStringLiteral("header"), QStringLiteral("contacts"), QStringLiteral("credit"),
              QStringLiteral("recentInvoices"), QStringLiteral("contractCoverage")})
            QCOMPARE(panel(run.state, key).value(QStringLiteral("state")).toString(),
                     QStringLiteral("loaded"));
    }

    void corruptSettingsAreReportedAndLeftAlone()
    {
        QTemporaryDir data;
        const QByteArray garbage = QByteArray("this is not a database").repeated(200);
        const QString database = data.filePath(QStringLiteral("settings.sqlite3"));
        {
            QFile file(database);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        QProcess app;
        app.setProcessChannelMode(QProcess::MergedChannels);
        const QString state = data.filePath(QStringLiteral("state.json"));
        app.start(QStringLiteral(LAKESHORE_APP_PATH),
                  {QStringLiteral("--demo-size"), QStringLiteral("small"), QStringLiteral("--data-dir"),
                   data.path(), QStringLiteral("--open-territory"), QStringLiteral("Cleveland"),
                   QStringLiteral("--state-out"), state});
        QVERIFY(app.waitForFinished(60000));
        QVERIFY2(app.exitCode() == 0, app.readAll().constData());
        QFile stateFile(state);
        QVERIFY(stateFile.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(stateFile.readAll()).object();
        const QString error = json.value(QStringLiteral("settingsError")).toString();
        QVERIFY2(error.contains(database), qPrintable(error));
        QVERIFY2(json.value(QStringLiteral("demo")).toBool(), "the app still runs, on the demo tenant");
        QFile file(database);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    void badCommandLineIsAClearError()
    {
        QProcess app;
        app.start(QStringLiteral(LAKESHORE_APP_PATH),
                  {QStringLiteral("--crm-fault"), QStringLiteral("accounts:status=abc")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(!app.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(AppEndToEndTest)
#include "tst_app_e2e.moc"
