// The Debian package: `cpack -G DEB` builds it; it carries the binaries, the .desktop entry, the icon and
// the AppStream metadata; unpacked into a fresh root, its lakeshore starts on the demo tenant.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class PackageTest : public QObject
{
    Q_OBJECT

private:
    static QString run(const QString &program, const QStringList &arguments, const QString &directory = {},
                       int *exitCode = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (!directory.isEmpty())
            process.setWorkingDirectory(directory);
        process.start(program, arguments);
        process.waitForFinished(180000);
        if (exitCode)
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return QString::fromUtf8(process.readAll());
    }

    QTemporaryDir m_out;
    QString m_deb;

private slots:
    void cpackBuildsTheDeb()
    {
        int code = -1;
        const QString output = run(QStringLiteral("cpack"),
                                   {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                                    QStringLiteral(LAKESHORE_BINARY_DIR "/CPackConfig.cmake"),
                                    QStringLiteral("-B"), m_out.path()},
                                   QStringLiteral(LAKESHORE_BINARY_DIR), &code);
        QVERIFY2(code == 0, qPrintable(output));
        const QStringList debs = QDir(m_out.path()).entryList({QStringLiteral("*.deb")});
        QCOMPARE(debs.size(), 1);
        m_deb = m_out.filePath(debs.first());
        QVERIFY(debs.first().startsWith(QStringLiteral("lakeshore_")));
    }

    void theDebCarriesTheDesktopIntegration()
    {
        QVERIFY(!m_deb.isEmpty());
        const QString contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        for (const char *path :
             {"./usr/bin/lakeshore", "./usr/bin/lakeshore-demo", "./usr/share/applications/lakeshore.desktop",
              "./usr/share/icons/hicolor/scalable/apps/lakeshore.svg",
              "./usr/share/metainfo/io.lakeshore.Lakeshore.metainfo.xml"})
            QVERIFY2(contents.contains(QLatin1String(path)), path);
        const QString depends =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
        QVERIFY2(depends.contains(QStringLiteral("qml6-module-qtquick-controls")), qPrintable(depends));
        QVERIFY2(depends.contains(QStringLiteral("libqt6quick6")), qPrintable(depends));
    }

    void theUnpackedAppStarts()
    {
        QVERIFY(!m_deb.isEmpty());
        QTemporaryDir root;
        int code = -1;
        QString output =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root.path()}, {}, &code);
        QVERIFY2(code == 0, qPrintable(output));
        QFile desktop(root.filePath(QStringLiteral("usr/share/applications/lakeshore.desktop")));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QByteArray entry = desktop.readAll();
        QVERIFY(entry.contains("Exec=lakeshore"));
        QVERIFY(entry.contains("Icon=lakeshore"));

        QTemporaryDir data;
        const QString state = data.filePath(QStringLiteral("state.json"));
        output = run(root.filePath(QStringLiteral("usr/bin/lakeshore")),
                     {QStringLiteral("--demo"), QStringLiteral("--demo-size"), QStringLiteral("small"),
                      QStringLiteral("--data-dir"), data.path(), QStringLiteral("--open-territory"),
                      QStringLiteral("Cleveland"), QStringLiteral("--state-out"), state},
                     {}, &code);
        QVERIFY2(code == 0, qPrintable(output));
        QFile stateFile(state);
        QVERIFY(stateFile.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(stateFile.readAll()).object();
        QVERIFY(!json.value(QStringLiteral("accountNumber")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(PackageTest)
#include "tst_package.moc"
