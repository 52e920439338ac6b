pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Add or edit a lakehouse connection: the MCP server, how questions become SQL (route), the SQL tool and
// dialect, per-call _meta, the row cap, and for the LLM route the model endpoint (API key write-only).
Dialog {
    id: root

    required property McpServersController controller
    readonly property LakehouseForm form: controller.lakehouseForm

    function save() {
        root.controller.saveConnection();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 720)
    height: Math.min(parent.height - 64, 720)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: form.connectionId === "" ? qsTr("Add lakehouse connection") : qsTr("Edit lakehouse connection")
    onOpened: nameField.forceActiveFocus()
    onClosed: root.controller.cancelTest()

    Connections {
        function onConnectionSaved() {
            root.close();
        }

        target: root.controller
    }

    ScrollView {
        id: scroll

        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        GridLayout {
            width: scroll.availableWidth
            columns: 2
            columnSpacing: 12
            rowSpacing: 8

            Label {
                text: qsTr("Name")
            }
            TextField {
                id: nameField

                objectName: "connectionName"
                text: root.form.name
                placeholderText: qsTr("e.g. Sales lakehouse")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.name = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("MCP server")
            }
            ComboBox {
                objectName: "connectionServer"
                model: root.controller.servers
                textRole: "name"
                valueRole: "serverId"
                currentIndex: root.controller.servers.indexOf(root.form.serverId)
                displayText: currentIndex < 0 ? qsTr("Choose a server") : currentText
                Layout.fillWidth: true
                onActivated: root.form.serverId = currentValue
            }

            Label {
                text: qsTr("SQL is written by")
            }
            ComboBox {
                objectName: "connectionRoute"
                model: [qsTr("Lakeshore's semantic model (offline)"), qsTr("An LLM (OpenAI-compatible API)"), qsTr("The server's own natural-language tool (Genie, Cortex Analyst)")]
                currentIndex: root.form.route
                Layout.fillWidth: true
                onActivated: index => root.form.route = index
            }

            Item {
                visible: root.form.route === 0
                implicitWidth: 1
            }
            Label {
                objectName: "semanticRouteHint"
                visible: root.form.route === 0
                text: qsTr("Plans with the semantic model shipped for the demo mart, so the server must serve that mart's tables.")
                wrapMode: Text.WordWrap
                opacity: 0.75
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("SQL tool")
            }
            TextField {
                text: root.form.sqlTool
                placeholderText: qsTr("detect (e.g. execute_sql)")
                font.family: "monospace"
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.sqlTool = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("SQL argument")
            }
            TextField {
                text: root.form.sqlArgument
                placeholderText: qsTr("detect (e.g. sql, statement, query)")
                font.family: "monospace"
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.sqlArgument = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("SQL dialect")
            }
            ComboBox {
                model: ["Databricks", "Snowflake", "PostgreSQL", "SQLite", qsTr("Generic")]
                currentIndex: root.form.dialect
                Layout.fillWidth: true
                onActivated: index => root.form.dialect = index
            }

            Label {
                text: qsTr("_meta")
                Layout.alignment: Qt.AlignTop
            }
            TextArea {
                objectName: "connectionMeta"
                background: Rectangle {
                    color: root.palette.base
                    border.color: parent.activeFocus ? root.palette.highlight : root.palette.mid
                    radius: 2
                }
                text: root.form.meta
                placeholderText: qsTr("optional JSON object sent with each call, e.g. {\"warehouse_id\": \"…\"}")
                font.family: "monospace"
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                Layout.fillWidth: true
                Layout.minimumHeight: 56
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: maxRows
                onTextChanged: {
                    if (text !== root.form.meta)
                        root.form.meta = text;
                }
            }

            Label {
                text: qsTr("Max rows")
            }
            SpinBox {
                id: maxRows

                from: 1
                to: 1000000
                stepSize: 1000
                value: root.form.maxRows
                editable: true
                onValueModified: root.form.maxRows = value
            }

            Label {
                visible: root.form.route === LakehouseForm.Llm
                text: qsTr("LLM base URL")
            }
            TextField {
                objectName: "llmBaseUrl"
                visible: root.form.route === LakehouseForm.Llm
                text: root.form.llmBaseUrl
                placeholderText: qsTr("https://api.openai.com/v1 or http://localhost:11434/v1")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.llmBaseUrl = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.route === LakehouseForm.Llm
                text: qsTr("Model")
            }
            TextField {
                objectName: "llmModel"
                visible: root.form.route === LakehouseForm.Llm
                text: root.form.llmModel
                placeholderText: qsTr("e.g. gpt-4.1")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.llmModel = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.route === LakehouseForm.Llm
                text: qsTr("API key")
            }
            TextField {
                objectName: "llmApiKey"
                visible: root.form.route === LakehouseForm.Llm
                text: root.form.llmApiKeyInput
                echoMode: TextInput.Password
                placeholderText: root.form.hasStoredApiKey ? qsTr("•••••••• stored encrypted; type to replace") : qsTr("optional for a local model")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.llmApiKeyInput = text
                onAccepted: root.save()
            }

            Button {
                objectName: "testConnectionButton"
                text: root.form.testing ? qsTr("Cancel test") : qsTr("Test")
                onClicked: root.form.testing ? root.controller.cancelTest() : root.controller.testConnection()
            }
            Label {
                objectName: "connectionTestResult"
                text: root.form.testResult
                color: root.form.testOk ? "#15803d" : (root.form.testing ? root.palette.windowText : "#9f1c1c")
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Label {
                visible: text !== ""
                text: root.controller.dialogError
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.columnSpan: 2
                Layout.fillWidth: true
            }
        }
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                objectName: "saveConnectionButton"
                text: qsTr("Save")
                highlighted: true
                enabled: root.controller.canSave
                onClicked: root.save()
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
