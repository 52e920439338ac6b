pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The Shares tab: each share with the CRM tables it publishes, New share…, and the empty state.
ScrollView {
    id: root

    required property var page
    readonly property SharingController controller: page.controller

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: Math.min(root.availableWidth, 1100)
        spacing: 12

        Label {
            text: qsTr("A share publishes CRM tables as Delta tables. Recipients read them with any Delta Sharing client — Spark, pandas, Databricks, Power BI — using the profile file you hand them. Nothing is copied into their lakehouse until they read it.")
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.topMargin: 12
        }

        Button {
            objectName: "newShareButton"
            text: qsTr("New share…")
            enabled: root.controller.canSave
            Layout.leftMargin: 16
            ToolTip.visible: hovered
            ToolTip.text: qsTr("New share (%1)").arg(Qt.platform.os === "osx" ? "⌘N" : "Ctrl+N")
            onClicked: root.page.newShare()
        }

        RowLayout {
            visible: root.controller.loading && !root.controller.loaded
            spacing: 8
            Layout.leftMargin: 16

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Reading the shares…")
                opacity: 0.7
            }
        }

        Frame {
            objectName: "noShares"
            visible: root.controller.loaded && root.controller.shares.count === 0
            padding: 16
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16

            Label {
                width: parent.width
                text: qsTr("No shares yet — create one to publish CRM tables.")
                wrapMode: Text.WordWrap
                opacity: 0.75
            }
        }

        Repeater {
            model: root.controller.shares

            delegate: ShareCard {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                enabled: root.controller.canSave
                tableStates: root.page.server.tables
                onEditRequested: shareId => root.page.editShare(shareId)
                onRemoveRequested: (shareId, shareName) => root.page.confirm(qsTr("Delete the share?"), qsTr("“%1” will be deleted. Recipients granted it lose access at once.").arg(shareName), qsTr("Delete share"), () => root.controller.removeShare(shareId))
            }
        }

        Item {
            Layout.preferredHeight: 8
        }
    }
}
