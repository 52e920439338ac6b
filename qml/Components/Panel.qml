pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// A titled card for one Account 360 part: loading → content, or an inline error with Retry.
// Says where and when its data was read ("CRM · read 10:42:03").
Frame {
    id: root

    required property Account360Panel panel
    property string emptyText: qsTr("Nothing to show.")
    property bool empty: panel.rows.length === 0
    property int count: panel.rows.length
    // Long lists show their first rows until "Show all".
    property int visibleLimit: 6
    property bool expanded: false
    readonly property var visibleRows: expanded ? panel.rows : panel.rows.slice(0, visibleLimit)
    default property alias content: body.data

    signal retryRequested

    padding: 12
    Layout.fillWidth: true
    Layout.preferredWidth: 1
    Layout.alignment: Qt.AlignTop

    background: Rectangle {
        radius: 6
        color: root.palette.base
        border.color: root.panel.state === Account360Panel.Failed ? "#e6a19b" : root.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 6

            Label {
                text: root.panel.title
                font.bold: true
                font.pixelSize: 15
                Layout.fillWidth: true
                elide: Text.ElideRight
            }

            Label {
                visible: root.panel.state === Account360Panel.Loaded && root.count > 0
                text: root.count
                font.pixelSize: 11
                padding: 2
                leftPadding: 6
                rightPadding: 6
                background: Rectangle {
                    radius: 8
                    color: root.palette.alternateBase
                    border.color: root.palette.mid
                }
            }
        }

        Label {
            objectName: "statusLine"
            text: root.panel.statusText
            font.pixelSize: 11
            opacity: 0.65
        }

        RowLayout {
            visible: root.panel.state === Account360Panel.Loading
            spacing: 8

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Reading…")
                opacity: 0.7
            }
        }

        ColumnLayout {
            visible: root.panel.state === Account360Panel.Failed
            Layout.fillWidth: true
            spacing: 6

            Label {
                objectName: "errorText"
                text: root.panel.errorText
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Button {
                objectName: "retryButton"
                text: qsTr("Retry")
                onClicked: root.retryRequested()
            }
        }

        Label {
            visible: root.panel.state === Account360Panel.Loaded && root.empty
            text: root.emptyText
            opacity: 0.6
        }

        ColumnLayout {
            id: body

            visible: root.panel.state === Account360Panel.Loaded && !root.empty
            Layout.fillWidth: true
            spacing: 6
        }

        Button {
            visible: root.panel.state === Account360Panel.Loaded && root.count > root.visibleLimit
            flat: true
            text: root.expanded ? qsTr("Show fewer") : qsTr("Show all %1").arg(root.count)
            onClicked: root.expanded = !root.expanded
        }
    }
}
