// Builds the app's Assistant: for the embedded demo tenant, its lakehouse MCP endpoint over Streamable
// HTTP on the semantic route (SQLite dialect), with the demo mart's semantic model shipped in the QML
// module's resources and the demo world's today.
#pragma once

#include "assistant/assistant.h"
#include "core/result.h"

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

// The Assistant for the session as it is now: the demo tenant's lakehouse, or ErrorKind::NotFound when
// the session is not on the demo tenant (or the demo runs without its lakehouse).
[[nodiscard]] Result<std::unique_ptr<assistant::Assistant>> makeSessionAssistant(Session &session);

} // namespace lakeshore::ui
