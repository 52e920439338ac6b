pragma ComponentBehavior: Bound

import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

import Lakeshore

// Import… MCP servers from another client's JSON (a file, or pasted): shows what would be added, each
// warning and refusal, and the exact command each server runs; nothing is saved until the user agrees.
Dialog {
    id: root

    required property McpServersController controller
    readonly property McpImport importer: controller.importer
    property alias fileDialog: fileDialog

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 860)
    height: Math.min(parent.height - 64, 780)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Import MCP servers")
    onAboutToShow: {
        root.controller.beginImport();
        pasted.clear();
    }
    onOpened: chooseButton.forceActiveFocus()

    Connections {
        function onImportSaved() {
            root.close();
        }

        target: root.controller
    }

    FileDialog {
        id: fileDialog

        // A FileDialog inside a popup has no window of its own to belong to.
        parentWindow: root.parent ? root.parent.Window.window : null
        title: qsTr("Choose an MCP configuration file")
        currentFolder: StandardPaths.standardLocations(StandardPaths.HomeLocation)[0]
        nameFilters: [qsTr("JSON files (*.json *.jsonc)"), qsTr("All files (*)")]
        onAccepted: root.importer.previewFile(selectedFile)
    }

    ScrollView {
        id: scroll

        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 10

            Label {
                text: qsTr("Reads the \"mcpServers\" of Claude Desktop, Claude Code or Cursor, or the \"servers\" of VS Code's mcp.json. ${VAR} references are filled in from the environment. Nothing is started until you test or use a server.")
                wrapMode: Text.WordWrap
                opacity: 0.75
                Layout.fillWidth: true
            }

            RowLayout {
                spacing: 8

                Button {
                    id: chooseButton

                    objectName: "chooseFileButton"
                    text: qsTr("Choose file…")
                    onClicked: fileDialog.open()
                }

                Label {
                    text: qsTr("or paste the JSON below")
                    opacity: 0.75
                }
            }

            TextArea {
                id: pasted

                objectName: "pastedJson"
                background: Rectangle {
                    color: root.palette.base
                    border.color: parent.activeFocus ? root.palette.highlight : root.palette.mid
                    radius: 2
                }
                placeholderText: "{\n  \"mcpServers\": {\n    \"lakehouse\": {\"command\": \"npx\", \"args\": [\"-y\", \"@bytebase/dbhub\"]}\n  }\n}"
                font.family: "monospace"
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                Layout.fillWidth: true
                Layout.minimumHeight: 96
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: previewButton
            }

            Button {
                id: previewButton

                objectName: "previewButton"
                text: qsTr("Preview")
                enabled: pasted.text.trim() !== ""
                onClicked: root.importer.previewText(pasted.text)
            }

            BusyIndicator {
                visible: root.importer.busy
                running: visible
            }

            Label {
                objectName: "importError"
                visible: text !== ""
                text: root.importer.error === "" ? "" : qsTr("%1 cannot be imported: %2").arg(root.importer.source).arg(root.importer.error)
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Label {
                visible: root.importer.rows.length > 0
                text: qsTr("From %1: %n server(s) to add.", "", root.importer.acceptedCount).arg(root.importer.source)
                font.bold: true
            }

            Repeater {
                model: root.importer.notes

                delegate: Label {
                    required property string modelData

                    text: modelData
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            Repeater {
                model: root.importer.rows

                delegate: Frame {
                    id: entry

                    required property var modelData

                    padding: 8
                    Layout.fillWidth: true

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 4

                        Label {
                            text: entry.modelData.accepted ? qsTr("%1 — will be added").arg(entry.modelData.name) : qsTr("%1 — not added").arg(entry.modelData.name)
                            font.bold: true
                            color: entry.modelData.accepted ? root.palette.windowText : "#9f1c1c"
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }

                        Label {
                            visible: entry.modelData.accepted
                            text: entry.modelData.transport === "stdio" ? qsTr("Will run: %1").arg(entry.modelData.summary) : qsTr("Connects to: %1").arg(entry.modelData.summary)
                            font.family: "monospace"
                            wrapMode: Text.WrapAnywhere
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                        }

                        Repeater {
                            model: entry.modelData.issues

                            delegate: Label {
                                required property string modelData

                                text: modelData
                                wrapMode: Text.WordWrap
                                textFormat: Text.PlainText
                                opacity: 0.85
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            CheckBox {
                objectName: "consent"
                visible: root.importer.acceptedCount > 0
                checked: root.importer.consent
                text: root.importer.commandCount > 0 ? qsTr("I have read the commands above and trust them to run on this computer as me.") : qsTr("I trust these servers with the questions the assistant sends them.")
                onToggled: root.importer.consent = checked
            }

            Label {
                visible: text !== ""
                text: root.controller.dialogError
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
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
                objectName: "confirmImportButton"
                text: root.importer.acceptedCount > 0 ? qsTr("Add %n server(s)", "", root.importer.acceptedCount) : qsTr("Add servers")
                highlighted: true
                enabled: root.importer.canConfirm && root.controller.canSave
                onClicked: root.controller.confirmImport()
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
