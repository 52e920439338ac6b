// lakeshore: the desktop CRM. Starts on the embedded demo tenant when nothing is configured (or --demo).
#include "scenario.h"
#include "worklists/offcontract.h"
#include "session.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QTranslator>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(LakeshorePlugin)

namespace {

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &item : list)
        out.push_back(item.toStdString());
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    // Chromium (the assistant's chart pane) refuses to run as root with its sandbox on; as root there is
    // nothing left for the sandbox to protect from, so turn it off unless the user chose otherwise.
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QtWebEngineQuick::initialize(); // before the application object: it shares the OpenGL context
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Lakeshore"));
    QGuiApplication::setOrganizationName(QStringLiteral("Lakeshore"));
    QGuiApplication::setApplicationVersion(QStringLiteral(LAKESHORE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("lakeshore"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // Without a locale in the environment Qt uses "C": write money and dates the US way instead.
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("lakeshore"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    // Demo flags first; what is left goes to the app's own parser.
    auto demoArguments = lakeshore::demo::parseDemoArguments(toStd(app.arguments().mid(1)));
    if (!demoArguments) {
        std::fprintf(stderr, "lakeshore: %s\n", demoArguments.error().message.c_str());
        return 2;
    }
    QStringList rest{app.arguments().value(0)};
    for (const auto &argument : demoArguments.value().rest)
        rest.append(QString::fromStdString(argument));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Lakehouse-native desktop CRM.\n\n%1")
            .arg(QString::fromStdString(lakeshore::demo::demoUsage())));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Run on the embedded demo tenant."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Folder of the settings database."),
                                     QStringLiteral("folder"));
    const QCommandLineOption openAccount(QStringLiteral("open-account"),
                                         QCoreApplication::translate("main", "Open this account number."),
                                         QStringLiteral("number"));
    const QCommandLineOption openTerritory(
        QStringLiteral("open-territory"),
        QCoreApplication::translate("main", "Open the first account of this territory."),
        QStringLiteral("name"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as PNG once everything has loaded, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption stateOut(
        QStringLiteral("state-out"),
        QCoreApplication::translate("main", "Write the panels' state as JSON, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption reportReady(
        QStringLiteral("report-ready"),
        QCoreApplication::translate("main", "Print \"ready <ms>\" when the account list first shows rows."));
    const QCommandLineOption cycle(
        QStringLiteral("cycle-accounts"),
        QCoreApplication::translate("main",
                                    "Open this many accounts in turn, printing resident memory, then quit."),
        QStringLiteral("count"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QCoreApplication::translate("main", "Show this page first: accounts, settings, lakehouse (Settings → "
                                            "Lakehouse), assistant, sharing or worklists."),
        QStringLiteral("name"));
    const QCommandLineOption sharingTab(
        QStringLiteral("sharing-tab"),
        QCoreApplication::translate("main",
                                    "With --page sharing: show this tab: shares, recipients or audit."),
        QStringLiteral("tab"));
    const QCommandLineOption worklist(
        QStringLiteral("worklist"),
        QCoreApplication::translate("main", "Show Worklists and open this worklist (an id; \"off-contract\" for the "
                                            "shipped Off-contract purchases); with --screenshot the shot is taken once "
                                            "it is read and joined with the CRM."),
        QStringLiteral("id"));
    const QCommandLineOption groupBy(
        QStringLiteral("group-by"),
        QCoreApplication::translate("main", "With --worklist: group it by owner or territory."), QStringLiteral("field"));
    const QCommandLineOption ask(
        QStringLiteral("ask"),
        QCoreApplication::translate("main", "Show the Assistant and ask this question (with --screenshot: "
                                            "the shot is taken once the answer is shown)."),
        QStringLiteral("question"));
    const QCommandLineOption chart(
        QStringLiteral("chart"),
        QCoreApplication::translate("main", "With --ask: show the answer as a chart."));
    parser.addOptions({demo, dataDir, openAccount, openTerritory, screenshot, stateOut, reportReady, cycle,
                       page, sharingTab, worklist, groupBy, ask, chart});
    parser.process(rest);

    Session::Options options;
    options.forceDemo = parser.isSet(demo);
    options.demo = demoArguments.value().options;
    options.dataDirectory = parser.value(dataDir);
    Session session(options);
    Session::setInstance(&session);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // not a default import path on Qt 6.4
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Lakeshore/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    session.start();

    ScenarioOptions scenarioOptions;
    scenarioOptions.openAccountNumber = parser.value(openAccount);
    scenarioOptions.openTerritory = parser.value(openTerritory);
    scenarioOptions.screenshotPath = parser.value(screenshot);
    scenarioOptions.statePath = parser.value(stateOut);
    scenarioOptions.reportReady = parser.isSet(reportReady);
    scenarioOptions.cycleAccounts = parser.value(cycle).toInt();
    scenarioOptions.askQuestion = parser.value(ask);
    scenarioOptions.showChart = parser.isSet(chart);
    if (parser.value(page) == QLatin1String("settings"))
        scenarioOptions.page = 1;
    else if (parser.value(page) == QLatin1String("lakehouse")) {
        scenarioOptions.page = 1;
        scenarioOptions.settingsSection = 1;
    } else if (parser.value(page) == QLatin1String("assistant")) {
        scenarioOptions.page = 2;
    } else if (parser.value(page) == QLatin1String("sharing")) {
        scenarioOptions.page = 3;
    } else if (parser.value(page) == QLatin1String("worklists")) {
        scenarioOptions.page = 4;
    } else if (parser.isSet(page) && parser.value(page) != QLatin1String("accounts")) {
        std::fprintf(stderr,
                     "lakeshore: --page must be accounts, settings, lakehouse, assistant, sharing or worklists\n");
        return 2;
    }
    if (parser.isSet(worklist)) {
        scenarioOptions.page = 4;
        scenarioOptions.worklistId = parser.value(worklist) == QLatin1String("off-contract")
                                         ? QString::fromLatin1(lakeshore::worklists::kOffContractId)
                                         : parser.value(worklist);
    }
    if (parser.isSet(groupBy)) {
        scenarioOptions.worklistGroupBy = parser.value(groupBy);
        if (!parser.isSet(worklist) || (scenarioOptions.worklistGroupBy != QLatin1String("owner") &&
                                        scenarioOptions.worklistGroupBy != QLatin1String("territory"))) {
            std::fprintf(stderr, "lakeshore: --group-by must be owner or territory, with --worklist\n");
            return 2;
        }
    }
    const QStringList sharingTabs{QStringLiteral("shares"), QStringLiteral("recipients"),
                                  QStringLiteral("audit")};
    if (parser.isSet(sharingTab)) {
        scenarioOptions.sharingTab = static_cast<int>(sharingTabs.indexOf(parser.value(sharingTab)));
        if (scenarioOptions.sharingTab < 0 || scenarioOptions.page != 3) {
            std::fprintf(
                stderr,
                "lakeshore: --sharing-tab must be shares, recipients or audit, with --page sharing\n");
            return 2;
        }
    }
    if (scenarioOptions.active()) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        auto *scenario = new Scenario(scenarioOptions, window, &app);
        scenario->start();
    }
    const int code = QGuiApplication::exec();
    Session::setInstance(nullptr);
    return code;
}
