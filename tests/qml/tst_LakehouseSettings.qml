import QtQuick
import QtQuick.Controls
import QtTest

import Lakeshore

// Settings → Lakehouse: the MCP server dialog (Enter saves, Escape cancels, fields per kind, secrets
// write-only), Test reporting an unreachable server, Import… of pasted JSON with consent, the lakehouse
// connection dialog (LLM fields only for the LLM route), removal with confirmation.
Item {
    id: root

    width: 1100
    height: 900

    SettingsPage {
        id: page

        anchors.fill: parent
        section: 1
    }

    TestCase {
        id: test

        function findNamed(item, name) {
            if (!item)
                return null;
            if (item.objectName === name)
                return item;
            const children = item.children || [];
            for (let i = 0; i < children.length; ++i) {
                const found = findNamed(children[i], name);
                if (found)
                    return found;
            }
            // Popups keep their content outside the children list.
            if (item.contentItem && item.contentItem !== item) {
                const found = findNamed(item.contentItem, name);
                if (found)
                    return found;
            }
            if (item.footer) {
                const found = findNamed(item.footer, name);
                if (found)
                    return found;
            }
            return null;
        }

        function lakehouse() {
            return page.lakehouse;
        }

        function settingsView() {
            return page.lakehouseView;
        }

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i]);
        }

        function addServerWithDialog(name, command) {
            const view = test.settingsView();
            const dialog = view.serverDialog;
            mouseClick(findNamed(view, "addServerButton"));
            tryCompare(dialog, "opened", true);
            const nameField = findNamed(dialog, "serverName");
            tryCompare(nameField, "activeFocus", true);
            keyClick(Qt.Key_A, Qt.ControlModifier);
            typeText(name);
            findNamed(dialog, "serverCommand").forceActiveFocus();
            typeText(command);
            keyClick(Qt.Key_Return);
            tryCompare(dialog, "visible", false, 10000);
        }

        name: "LakehouseSettings"
        when: windowShown

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            tryCompare(lakehouse(), "busy", false, 10000);
            compare(lakehouse().servers.count, 0);
        }

        function test_1_escapeCancelsAndEnterSaves() {
            const view = test.settingsView();
            const dialog = view.serverDialog;
            mouseClick(findNamed(view, "addServerButton"));
            tryCompare(dialog, "opened", true);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
            compare(lakehouse().servers.count, 0);

            // Enter with no command: the dialog stays open and says what is missing.
            mouseClick(findNamed(view, "addServerButton"));
            tryCompare(dialog, "opened", true);
            tryCompare(findNamed(dialog, "serverName"), "activeFocus", true);
            typeText("Local lake");
            keyClick(Qt.Key_Return);
            verify(dialog.visible);
            verify(lakehouse().dialogError.indexOf("command is empty") >= 0, lakehouse().dialogError);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);

            addServerWithDialog("Local lake", "npx");
            tryCompare(lakehouse().servers, "count", 1, 10000);
            compare(lakehouse().servers.get(0).summary, "npx");
        }

        function test_2_fieldsFollowTheKindAndSecretsStayHidden() {
            const c = lakehouse();
            c.newServer();
            const view = test.settingsView();
            const dialog = view.serverDialog;
            dialog.open();
            tryCompare(dialog, "opened", true);
            const form = c.serverForm;
            verify(findNamed(dialog, "serverCommand").visible);
            verify(!findNamed(dialog, "serverUrl").visible);
            form.transport = McpServerForm.Http;
            verify(!findNamed(dialog, "serverCommand").visible);
            verify(findNamed(dialog, "serverUrl").visible);
            form.name = "Warehouse";
            form.url = "http://127.0.0.1:9/mcp"; // nothing listens on the discard port
            form.bearerTokenInput = "TOKEN-NEVER-SHOWN";
            verify(findNamed(dialog, "serverPreview").text.indexOf("Authorization=***") >= 0);
            verify(findNamed(dialog, "serverPreview").text.indexOf("TOKEN-NEVER-SHOWN") < 0);

            c.testServer();
            tryCompare(form, "testing", false, 20000);
            verify(!form.testOk);
            verify(findNamed(dialog, "testResult").text.length > 0);

            mouseClick(findNamed(dialog, "saveServerButton"));
            tryCompare(dialog, "visible", false, 10000);
            tryCompare(c.servers, "count", 2, 10000);
            verify(JSON.stringify(c.servers.get(0)).indexOf("TOKEN-NEVER-SHOWN") < 0);
            verify(JSON.stringify(c.servers.get(1)).indexOf("TOKEN-NEVER-SHOWN") < 0);

            // Reopened: the token is stored, not shown.
            const warehouse = c.servers.get(c.servers.names().indexOf("Warehouse")).serverId;
            verify(c.editServer(warehouse));
            compare(form.bearerTokenInput, "");
            verify(form.hasStoredBearerToken);
        }

        function test_3_importAsksForConsent() {
            const view = test.settingsView();
            const dialog = view.importDialog;
            const c = lakehouse();
            mouseClick(findNamed(view, "importButton"));
            tryCompare(dialog, "opened", true);
            const pasted = findNamed(dialog, "pastedJson");
            pasted.text = '{"mcpServers": {"Local lake": {"command": "uvx", "args": ["mcp-server-sqlite", "--db-path", "/srv/lake.db"]}, "legacy": {"type": "sse", "url": "https://old.example.com/sse"}}}';
            mouseClick(findNamed(dialog, "previewButton"));
            tryCompare(c.importer, "busy", false, 10000);
            compare(c.importer.rows.length, 2);
            compare(c.importer.acceptedCount, 1);
            compare(c.importer.rows[0].name, "Local lake (2)"); // the name is taken
            compare(c.importer.rows[0].summary, "uvx mcp-server-sqlite --db-path /srv/lake.db");
            verify(!c.importer.rows[1].accepted);
            const confirm = findNamed(dialog, "confirmImportButton");
            verify(!confirm.enabled);
            const consent = findNamed(dialog, "consent");
            verify(consent.visible);
            verify(!consent.checked);
            c.importer.consent = true; // the box may be scrolled out of view; its binding follows
            verify(consent.checked);
            tryCompare(confirm, "enabled", true);
            mouseClick(confirm);
            tryCompare(dialog, "visible", false, 10000);
            tryCompare(c.servers, "count", 3, 10000);
        }

        function test_3b_chooseFileOpensTheFileDialog() {
            // A missing QML module behind the non-native dialog (Qt.labs.folderlistmodel) only warns.
            failOnWarning(/FileDialog/);
            const view = test.settingsView();
            const dialog = view.importDialog;
            dialog.open();
            tryCompare(dialog, "opened", true);
            mouseClick(findNamed(dialog, "chooseFileButton"));
            tryCompare(dialog.fileDialog, "visible", true);
            dialog.fileDialog.reject();
            tryCompare(dialog.fileDialog, "visible", false);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
        }

        function test_4_importShowsBadJson() {
            const view = test.settingsView();
            const dialog = view.importDialog;
            const c = lakehouse();
            dialog.open();
            tryCompare(dialog, "opened", true);
            findNamed(dialog, "pastedJson").text = '{"mcpServers": {\n  "a": {"command": "x",}\n}}';
            mouseClick(findNamed(dialog, "previewButton"));
            tryCompare(c.importer, "busy", false, 10000);
            const error = findNamed(dialog, "importError");
            verify(error.visible);
            verify(error.text.indexOf("line 2") >= 0, error.text);
            verify(!findNamed(dialog, "confirmImportButton").enabled);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false);
        }

        function test_5_connectionDialogShowsLlmFieldsForTheLlmRouteOnly() {
            const view = test.settingsView();
            const dialog = view.connectionDialog;
            const c = lakehouse();
            mouseClick(findNamed(view, "addConnectionButton"));
            tryCompare(dialog, "opened", true);
            const form = c.lakehouseForm;
            verify(form.serverId !== "");
            verify(!findNamed(dialog, "llmBaseUrl").visible);
            form.route = LakehouseForm.Llm;
            verify(findNamed(dialog, "llmBaseUrl").visible);
            verify(findNamed(dialog, "llmApiKey").visible);
            form.route = LakehouseForm.ServerNl;
            verify(!findNamed(dialog, "llmApiKey").visible);

            tryCompare(findNamed(dialog, "connectionName"), "activeFocus", true);
            typeText("Sales");
            findNamed(dialog, "connectionMeta").text = "[1]";
            mouseClick(findNamed(dialog, "saveConnectionButton"));
            verify(dialog.visible);
            verify(c.dialogError.indexOf("_meta is an array") >= 0, c.dialogError);
            findNamed(dialog, "connectionMeta").text = '{"warehouse_id": "wh-1"}';
            mouseClick(findNamed(dialog, "saveConnectionButton"));
            tryCompare(dialog, "visible", false, 10000);
            tryCompare(c.connections, "length", 1, 10000);
            compare(c.activeConnectionId, c.connections[0].connectionId);
        }

        function test_6_serverInUseIsNotRemoved() {
            const c = lakehouse();
            const used = c.connections[0].serverId;
            c.removeServer(used);
            tryCompare(c, "busy", false, 10000);
            verify(c.messageIsError);
            verify(c.message.indexOf("'Sales'") >= 0, c.message);
            c.removeConnection(c.connections[0].connectionId);
            tryCompare(c.connections, "length", 0, 10000);
            compare(c.activeConnectionId, "");
            const count = c.servers.count;
            c.removeServer(used);
            tryCompare(c.servers, "count", count - 1, 10000);
        }
    }
}
