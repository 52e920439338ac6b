pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One MCP server in Settings → Lakehouse: name, transport, what it runs (values masked), who uses it,
// or why its stored row cannot be read.
Frame {
    id: root

    required property string serverId
    required property string name
    required property string transport
    required property string summary
    required property bool serverEnabled
    required property string usedBy
    required property string problem

    signal editRequested(string id)
    signal removeRequested(string id, string name)

    padding: 8

    RowLayout {
        anchors.fill: parent
        spacing: 12

        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true

            RowLayout {
                spacing: 8

                Label {
                    text: root.name
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.maximumWidth: 420
                }

                Label {
                    visible: root.transport !== ""
                    text: root.transport === "http" ? qsTr("Streamable HTTP") : qsTr("local program")
                    font.pixelSize: 11
                    padding: 2
                    leftPadding: 6
                    rightPadding: 6
                    background: Rectangle {
                        radius: 3
                        color: root.transport === "http" ? "#dbeafe" : "#e0e7ff"
                    }
                }

                Label {
                    visible: !root.serverEnabled && root.problem === ""
                    text: qsTr("off")
                    font.pixelSize: 11
                    opacity: 0.7
                }
            }

            Label {
                visible: root.problem === ""
                text: root.summary
                font.family: "monospace"
                font.pixelSize: 12
                elide: Text.ElideMiddle
                Layout.fillWidth: true
                ToolTip.visible: hover.hovered && truncated
                ToolTip.text: root.summary

                HoverHandler {
                    id: hover
                }
            }

            Label {
                visible: root.usedBy !== ""
                text: qsTr("Used by: %1").arg(root.usedBy)
                opacity: 0.75
                elide: Text.ElideRight
                Layout.fillWidth: true
            }

            Label {
                visible: root.problem !== ""
                text: qsTr("Cannot be read: %1").arg(root.problem)
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        Button {
            text: qsTr("Edit…")
            enabled: root.problem === ""
            onClicked: root.editRequested(root.serverId)
        }

        Button {
            text: qsTr("Remove")
            onClicked: root.removeRequested(root.serverId, root.name)
        }
    }
}
