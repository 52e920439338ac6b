pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// One share: name, comment, who may read it, and its tables as rows (the name recipients see, and the
// CRM entity it comes from, and the version published of it).
Frame {
    id: root

    required property string shareId
    required property string name
    required property string comment
    required property var tables
    required property string recipients
    property real tableColumnWidth: 260
    property real entityColumnWidth: 160
    property TableStateModel tableStates: null // published versions, from the share server controller

    signal editRequested(string shareId)
    signal removeRequested(string shareId, string shareName)

    padding: 12

    background: Rectangle {
        radius: 6
        color: root.palette.base
        border.color: root.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true

                Label {
                    objectName: "shareName"
                    text: root.name
                    font.bold: true
                    font.pixelSize: 15
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }

                Label {
                    visible: root.comment !== ""
                    text: root.comment
                    wrapMode: Text.WordWrap
                    opacity: 0.75
                    Layout.fillWidth: true
                }
            }

            Button {
                objectName: "editShareButton"
                text: qsTr("Edit…")
                onClicked: root.editRequested(root.shareId)
            }

            Button {
                objectName: "deleteShareButton"
                text: qsTr("Delete…")
                onClicked: root.removeRequested(root.shareId, root.name)
            }
        }

        Label {
            text: root.recipients !== "" ? qsTr("Readable by: %1").arg(root.recipients) : qsTr("No recipient may read it yet: grant it in Recipients.")
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
        }

        Label {
            visible: root.tables.length === 0
            text: qsTr("No tables: recipients see an empty share.")
            opacity: 0.75
        }

        // The tables, one row each under a header; a column is a header label plus a cell of the same
        // width in the row.
        ColumnLayout {
            objectName: "shareTables"
            visible: root.tables.length > 0
            spacing: 4
            Layout.fillWidth: true

            RowLayout {
                spacing: 16

                SectionLabel {
                    text: qsTr("Table")
                    font.pixelSize: 11
                    topPadding: 0
                    Layout.preferredWidth: root.tableColumnWidth
                }

                SectionLabel {
                    text: qsTr("From CRM")
                    font.pixelSize: 11
                    topPadding: 0
                    Layout.preferredWidth: root.entityColumnWidth
                }

                SectionLabel {
                    visible: root.tableStates !== null
                    text: qsTr("Published")
                    font.pixelSize: 11
                    topPadding: 0
                    Layout.fillWidth: true
                }
            }

            Repeater {
                model: root.tables

                delegate: RowLayout {
                    id: tableRow

                    required property var modelData

                    spacing: 16

                    Label {
                        text: tableRow.modelData.schema + "." + tableRow.modelData.name
                        font.family: "monospace"
                        elide: Text.ElideRight
                        Layout.preferredWidth: root.tableColumnWidth
                    }

                    Label {
                        text: tableRow.modelData.label
                        elide: Text.ElideRight
                        Layout.preferredWidth: root.entityColumnWidth
                    }

                    Label {
                        objectName: "publishedLabel"
                        visible: root.tableStates !== null
                        text: root.tableStates ? (root.tableStates.revision, root.tableStates.summary(tableRow.modelData.entity)) : ""
                        opacity: 0.75
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
