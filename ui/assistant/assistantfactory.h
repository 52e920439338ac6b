// Builds the app's Assistant: on the lakehouse connection chosen in Settings → Lakehouse, or, when none
// is chosen, on the embedded demo tenant's lakehouse MCP endpoint (Streamable HTTP, semantic route,
// SQLite dialect). The semantic route uses the demo mart's semantic model shipped in the QML module's
// resources; on the demo tenant answers count from the demo world's today.
#pragma once

#include "assistant/assistant.h"
#include "core/result.h"
#include "store/mcpsettings.h"

#include <memory>
#include <string>

class Session;

namespace lakeshore::ui {

// The demo mart's semantic model from the module's resources (qrc:/qt/qml/Lakeshore/semantic/).
[[nodiscard]] Result<std::shared_ptr<const assistant::SemanticModel>> demoSemanticModel();

struct DemoLakehouse
{
    std::string mcpUrl;      // "http://127.0.0.1:40125/mcp"
    std::string today;       // ISO date of the demo world
    std::string bearerToken; // what the endpoint demands; empty = none
    std::string label;       // shown as the answer's server; empty = "Demo lakehouse" (translated)
};

[[nodiscard]] Result<std::unique_ptr<assistant::Assistant>>
makeDemoAssistant(const DemoLakehouse &lakehouse, http::HttpClient &http,
                  std::shared_ptr<sources::CrmConnector> crm);

// The Assistant on a saved lakehouse connection; Invalid naming the connection when it cannot be used.
[[nodiscard]] Result<std::unique_ptr<assistant::Assistant>>
makeConnectionAssistant(const store::ChosenLakehouse &chosen, const std::string &today,
                        http::HttpClient &http, std::shared_ptr<sources::CrmConnector> crm);

// The Assistant for the session as it is now: the chosen lakehouse connection, else the demo tenant's
// lakehouse; ErrorKind::NotFound when neither is there, Invalid when the chosen one cannot be used.
[[nodiscard]] Result<std::unique_ptr<assistant::Assistant>> makeSessionAssistant(Session &session);

} // namespace lakeshore::ui
