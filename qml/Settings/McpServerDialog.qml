pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Add or edit one MCP server: a local program on stdio or a Streamable HTTP endpoint, its secrets
// (write-only), what will run, and Test. Enter in a field saves; Escape cancels.
Dialog {
    id: root

    required property McpServersController controller
    readonly property McpServerForm form: controller.serverForm

    function save() {
        root.controller.saveServer();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 760)
    height: Math.min(parent.height - 64, 760)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: form.serverId === "" ? qsTr("Add MCP server") : qsTr("Edit MCP server")
    onOpened: nameField.forceActiveFocus()
    onClosed: root.controller.cancelTest()

    Connections {
        function onServerSaved() {
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

                objectName: "serverName"
                text: root.form.name
                placeholderText: qsTr("e.g. Databricks SQL")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.name = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("Kind")
            }
            ComboBox {
                objectName: "serverTransport"
                model: [qsTr("Local program (stdio)"), qsTr("Remote endpoint (Streamable HTTP)")]
                currentIndex: root.form.transport
                Layout.fillWidth: true
                onActivated: index => root.form.transport = index
            }

            Label {
                visible: root.form.transport === McpServerForm.Stdio
                text: qsTr("Command")
            }
            TextField {
                objectName: "serverCommand"
                visible: root.form.transport === McpServerForm.Stdio
                text: root.form.command
                placeholderText: qsTr("npx, uvx, docker, or a full path")
                font.family: "monospace"
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.command = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.transport === McpServerForm.Stdio
                text: qsTr("Arguments")
                Layout.alignment: Qt.AlignTop
            }
            TextArea {
                objectName: "serverArgs"
                background: Rectangle {
                    color: root.palette.base
                    border.color: parent.activeFocus ? root.palette.highlight : root.palette.mid
                    radius: 2
                }
                visible: root.form.transport === McpServerForm.Stdio
                text: root.form.argsText
                placeholderText: qsTr("one per line, e.g.\n-y\n@bytebase/dbhub")
                font.family: "monospace"
                selectByMouse: true
                Layout.fillWidth: true
                Layout.minimumHeight: 72
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: cwdField
                onTextChanged: {
                    if (text !== root.form.argsText)
                        root.form.argsText = text;
                }
            }

            Label {
                visible: root.form.transport === McpServerForm.Stdio
                text: qsTr("Working folder")
            }
            TextField {
                id: cwdField

                visible: root.form.transport === McpServerForm.Stdio
                text: root.form.cwd
                placeholderText: qsTr("optional; an absolute path")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.cwd = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.transport === McpServerForm.Stdio
                text: qsTr("Environment")
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 8
            }
            SecretMapEditor {
                visible: root.form.transport === McpServerForm.Stdio
                entries: root.form.env
                namePlaceholder: qsTr("VARIABLE")
                addText: qsTr("Add variable")
                Layout.fillWidth: true
            }

            Label {
                visible: root.form.transport === McpServerForm.Http
                text: qsTr("URL")
            }
            TextField {
                objectName: "serverUrl"
                visible: root.form.transport === McpServerForm.Http
                text: root.form.url
                placeholderText: qsTr("https://<workspace>/api/2.0/mcp/sql")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.url = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.transport === McpServerForm.Http
                text: qsTr("Bearer token")
            }
            TextField {
                visible: root.form.transport === McpServerForm.Http
                text: root.form.bearerTokenInput
                echoMode: TextInput.Password
                placeholderText: root.form.hasStoredBearerToken ? qsTr("•••••••• stored encrypted; type to replace") : qsTr("optional")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.bearerTokenInput = text
                onAccepted: root.save()
            }

            Label {
                visible: root.form.transport === McpServerForm.Http
                text: qsTr("Headers")
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 8
            }
            SecretMapEditor {
                visible: root.form.transport === McpServerForm.Http
                entries: root.form.headers
                namePlaceholder: qsTr("Header-Name")
                addText: qsTr("Add header")
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Timeout")
            }
            SpinBox {
                from: 1
                to: 600
                value: root.form.timeoutSeconds
                editable: true
                textFromValue: (value, locale) => qsTr("%1 s").arg(value)
                valueFromText: (text, locale) => parseInt(text)
                onValueModified: root.form.timeoutSeconds = value
            }

            Item {
                implicitWidth: 1
            }
            CheckBox {
                text: qsTr("Enabled")
                checked: root.form.enabled
                onToggled: root.form.enabled = checked
            }

            Label {
                text: root.form.transport === McpServerForm.Stdio ? qsTr("Will run") : qsTr("Connects to")
                Layout.alignment: Qt.AlignTop
            }
            Label {
                objectName: "serverPreview"
                text: root.form.preview
                font.family: "monospace"
                wrapMode: Text.WrapAnywhere
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Button {
                objectName: "testServerButton"
                text: root.form.testing ? qsTr("Cancel test") : qsTr("Test")
                onClicked: root.form.testing ? root.controller.cancelTest() : root.controller.testServer()
            }
            Label {
                objectName: "testResult"
                text: root.form.testResult
                color: root.form.testOk ? "#15803d" : (root.form.testing ? root.palette.windowText : "#9f1c1c")
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Label {
                objectName: "dialogError"
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
                objectName: "saveServerButton"
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
