import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// One account's lines by item, read live from the lakehouse with the SQL that ran.
Pane {
    id: root

    required property WorklistsController controller

    padding: 8

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true

            Label {
                objectName: "detailTitle"
                text: qsTr("Lines of %1").arg(root.controller.detailTitle)
                font.bold: true
                Layout.fillWidth: true
            }

            BusyIndicator {
                running: root.controller.detailLoading
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }

            Button {
                objectName: "closeDrillDown"
                text: qsTr("Close")
                onClicked: root.controller.closeDrillDown()
            }
        }

        Label {
            visible: root.controller.detailError !== ""
            text: root.controller.detailError
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ResultTable {
            objectName: "detailTable"
            visible: !root.controller.detailLoading && root.controller.detailError === ""
            table: root.controller.detail
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
