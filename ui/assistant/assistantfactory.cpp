#include "assistantfactory.h"

#include "assistant/connectionsetup.h"
#include "demo/demotenant.h"
#include "mcp/httptransport.h"
#include "session.h"

#include <QCoreApplication>
#include <QFile>

namespace lakeshore::ui {

Result<std::shared_ptr<const assistant::SemanticModel>> demoSemanticModel()
{
    QFile file(QStringLiteral(":/qt/qml/Lakeshore/semantic/demo-mart.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, "the demo semantic model is not among the app's resources");
    const QByteArray json = file.readAll();
    auto model = assistant::parseSemanticModel(std::string_view(json.constData(), json.size()));
    if (!model)
        return model.error();
    return std::make_shared<const assistant::SemanticModel>(std::move(model.value()));
}

Result<std::unique_ptr<assistant::Assistant>> makeDemoAssistant(const DemoLakehouse &lakehouse,
                                                                http::HttpClient &http,
                                                                std::shared_ptr<sources::CrmConnector> crm)
{
    if (lakehouse.mcpUrl.empty())
        return makeError(ErrorKind::NotFound, "the demo tenant runs without its lakehouse");
    auto model = demoSemanticModel();
    if (!model)
        return model.error();
    assistant::LakehouseSetup setup;
    setup.label = lakehouse.label.empty()
                      ? QCoreApplication::translate("AssistantFactory", "Demo lakehouse").toStdString()
                      : lakehouse.label;
    setup.transport = [url = lakehouse.mcpUrl, token = lakehouse.bearerToken] {
        mcp::HttpServerConfig config;
        config.url = url;
        config.bearerToken = token;
        return std::make_unique<mcp::HttpTransport>(config);
    };
    setup.route = assistant::Route::Semantic;
    setup.dialect = assistant::SqlDialect::SQLite;
    setup.model = std::move(model.value());
    setup.today = lakehouse.today;
    return std::make_unique<assistant::Assistant>(std::move(setup), http, std::move(crm));
}

Result<std::unique_ptr<assistant::Assistant>>
makeConnectionAssistant(const store::ChosenLakehouse &chosen, const std::string &today,
                        http::HttpClient &http, std::shared_ptr<sources::CrmConnector> crm)
{
    auto setup = assistant::setupForConnection(chosen.connection, chosen.server);
    if (!setup)
        return setup.error();
    if (setup.value().route == assistant::Route::Semantic) {
        auto model = demoSemanticModel();
        if (!model)
            return model.error();
        setup.value().model = std::move(model.value());
    }
    setup.value().today = today;
    return std::make_unique<assistant::Assistant>(std::move(setup.value()), http, std::move(crm));
}

Result<std::unique_ptr<assistant::Assistant>> makeSessionAssistant(Session &session)
{
    if (!session.crm())
        return makeError(ErrorKind::NotFound, "Lakeshore is not connected to a CRM");
    demo::DemoTenant *tenant = session.demo() ? session.demoTenant() : nullptr;
    const std::string today = tenant ? tenant->world().options().today.iso() : std::string();
    if (!session.lakehouseProblem().isEmpty())
        return makeError(ErrorKind::Invalid, session.lakehouseProblem().toStdString());
    if (const auto &chosen = session.chosenLakehouse())
        return makeConnectionAssistant(*chosen, today, session.http(), session.crm());
    if (!tenant)
        return makeError(ErrorKind::NotFound, "no lakehouse is configured");
    DemoLakehouse lakehouse;
    lakehouse.mcpUrl = tenant->lakehouseMcpUrl();
    lakehouse.today = today;
    lakehouse.bearerToken = session.demoOptions().lakehouseToken;
    return makeDemoAssistant(lakehouse, session.http(), session.crm());
}

} // namespace lakeshore::ui
