pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Settings → Lakehouse: the MCP servers the assistant can run SQL through, and the lakehouse connection
// it uses (or the embedded demo lakehouse).
ScrollView {
    id: root

    property alias controller: controller
    property alias serverDialog: serverDialog
    property alias connectionDialog: connectionDialog
    property alias importDialog: importDialog

    function routeLabel(route: string): string {
        if (route === "llm")
            return qsTr("LLM writes the SQL");
        if (route === "server-nl")
            return qsTr("the server's own natural-language tool");
        return qsTr("semantic model writes the SQL");
    }

    // The dialect as the connection dialog lists it.
    function dialectLabel(dialect: string): string {
        const names = {
            "databricks": "Databricks",
            "snowflake": "Snowflake",
            "postgres": "PostgreSQL",
            "sqlite": "SQLite"
        };
        return names[dialect] !== undefined ? names[dialect] : qsTr("Generic");
    }

    function confirmRemoval(kind: string, id: string, name: string) {
        removeDialog.kind = kind;
        removeDialog.targetId = id;
        removeDialog.targetName = name;
        removeDialog.open();
    }

    contentWidth: availableWidth
    clip: true

    McpServersController {
        id: controller

        objectName: "lakehouse"
        Component.onCompleted: load()
    }

    ColumnLayout {
        width: Math.min(root.availableWidth, 980)
        spacing: 12

        Label {
            text: qsTr("Lakehouse")
            font.pixelSize: 22
            font.bold: true
            Layout.margins: 16
            Layout.bottomMargin: 0
        }

        Label {
            text: qsTr("The assistant answers questions by running read-only SQL on your lakehouse through an MCP server: Databricks, Snowflake, or any SQL MCP server. Nothing it reads is stored. Secrets are stored encrypted in %1 and are never shown again.").arg(Session.settingsPath)
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
        }

        GroupBox {
            title: qsTr("MCP servers")
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                Label {
                    visible: controller.servers.count === 0
                    text: qsTr("No MCP servers yet. Add one, or import the mcpServers JSON of Claude Desktop, Cursor or VS Code.")
                    wrapMode: Text.WordWrap
                    opacity: 0.75
                    Layout.fillWidth: true
                }

                Repeater {
                    model: controller.servers

                    delegate: McpServerRow {
                        Layout.fillWidth: true
                        onEditRequested: id => {
                            if (controller.editServer(id))
                                serverDialog.open();
                        }
                        onRemoveRequested: (id, name) => root.confirmRemoval("server", id, name)
                    }
                }

                RowLayout {
                    spacing: 8

                    Button {
                        objectName: "addServerButton"
                        text: qsTr("Add server…")
                        enabled: controller.canSave
                        onClicked: {
                            controller.newServer();
                            serverDialog.open();
                        }
                    }

                    Button {
                        objectName: "importButton"
                        text: qsTr("Import…")
                        enabled: controller.canSave
                        onClicked: importDialog.open()
                    }
                }
            }
        }

        GroupBox {
            title: qsTr("Lakehouse connection used by the assistant")
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                ButtonGroup {
                    id: activeGroup
                }

                RadioButton {
                    objectName: "demoLakehouse"
                    text: qsTr("The embedded demo lakehouse")
                    checked: controller.activeConnectionId === ""
                    enabled: controller.canSave
                    ButtonGroup.group: activeGroup
                    onClicked: controller.setActiveConnection("")
                }

                Repeater {
                    model: controller.connections

                    delegate: RowLayout {
                        id: connectionRow

                        required property var modelData

                        spacing: 8
                        Layout.fillWidth: true

                        RadioButton {
                            text: connectionRow.modelData.name
                            checked: connectionRow.modelData.active
                            enabled: controller.canSave && connectionRow.modelData.problem === ""
                            ButtonGroup.group: activeGroup
                            onClicked: controller.setActiveConnection(connectionRow.modelData.connectionId)
                        }

                        Label {
                            text: connectionRow.modelData.problem !== "" ? connectionRow.modelData.problem : qsTr("%1 · %2 · %3").arg(connectionRow.modelData.serverName).arg(root.routeLabel(connectionRow.modelData.route)).arg(root.dialectLabel(connectionRow.modelData.dialect))
                            color: connectionRow.modelData.problem !== "" ? "#9f1c1c" : root.palette.windowText
                            opacity: connectionRow.modelData.problem !== "" ? 1 : 0.75
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }

                        Button {
                            text: qsTr("Edit…")
                            enabled: controller.canSave && connectionRow.modelData.problem === ""
                            onClicked: {
                                if (controller.editConnection(connectionRow.modelData.connectionId))
                                    connectionDialog.open();
                            }
                        }

                        Button {
                            text: qsTr("Remove")
                            enabled: controller.canSave
                            onClicked: root.confirmRemoval("connection", connectionRow.modelData.connectionId, connectionRow.modelData.name)
                        }
                    }
                }

                Button {
                    objectName: "addConnectionButton"
                    text: qsTr("Add connection…")
                    enabled: controller.canSave && controller.servers.count > 0
                    onClicked: {
                        controller.newConnection();
                        connectionDialog.open();
                    }
                }
            }
        }

        Label {
            objectName: "message"
            text: controller.message
            color: controller.messageIsError ? "#9f1c1c" : root.palette.windowText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 16
        }
    }

    McpServerDialog {
        id: serverDialog

        controller: controller
    }

    LakehouseConnectionDialog {
        id: connectionDialog

        controller: controller
    }

    McpImportDialog {
        id: importDialog

        controller: controller
    }

    Dialog {
        id: removeDialog

        property string kind
        property string targetId
        property string targetName

        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: kind === "server" ? qsTr("Remove the MCP server?") : qsTr("Remove the lakehouse connection?")
        standardButtons: Dialog.Yes | Dialog.No
        onAccepted: {
            if (kind === "server")
                controller.removeServer(targetId);
            else
                controller.removeConnection(targetId);
        }

        Label {
            text: qsTr("“%1” will be removed with its stored secrets.").arg(removeDialog.targetName)
        }
    }
}
