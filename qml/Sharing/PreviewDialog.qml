pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Preview as recipient: what a config.share profile can read, asked of the share server through the
// Delta Sharing protocol like any recipient's client would: each table with its version, rows, files,
// size and columns, or why it could not be read.
Dialog {
    id: root

    required property ShareServerController server

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 860)
    height: Math.min(parent.height - 64, 560)
    modal: true
    focus: true
    title: root.server.previewSource !== "" ? qsTr("What “%1” sees").arg(root.server.previewSource) : qsTr("Preview as recipient")
    standardButtons: Dialog.Close
    onClosed: root.server.cancelPreview()

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            visible: root.server.previewing
            spacing: 8

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Reading the shares through the protocol…")
                opacity: 0.7
            }
        }

        ErrorBanner {
            objectName: "previewError"
            text: root.server.previewError
            Layout.fillWidth: true
        }

        Label {
            visible: !root.server.previewing && root.server.previewError === "" && root.server.preview.count === 0
            text: qsTr("This profile sees no tables: no share with tables is granted to its recipient.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: tables

            objectName: "previewTables"
            clip: true
            spacing: 6
            model: root.server.preview
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}

            delegate: Frame {
                id: table

                required property string share
                required property string schema
                required property string name
                required property var version
                required property string columns
                required property var files
                required property var rows
                required property var bytes
                required property string problem

                width: ListView.view.width - 12
                padding: 8

                ColumnLayout {
                    width: parent.width
                    spacing: 2

                    Label {
                        text: table.share + " / " + table.schema + "." + table.name
                        font.family: "monospace"
                        font.bold: true
                    }

                    Label {
                        visible: table.problem === ""
                        text: qsTr("version %1 · %Ln rows", "", Number(table.rows)).arg(table.version) + " · " + qsTr("%Ln files", "", Number(table.files)) + " · " + Format.bytes(Number(table.bytes))
                    }

                    Label {
                        visible: table.problem === ""
                        text: table.columns
                        opacity: 0.7
                        wrapMode: Text.WordWrap
                        font.pixelSize: 11
                        Layout.fillWidth: true
                    }

                    Label {
                        visible: table.problem !== ""
                        text: table.problem
                        color: "#9f1c1c"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
