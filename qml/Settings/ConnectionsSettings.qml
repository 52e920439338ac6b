pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Settings → Connections: the CRM and ERP the app reads, or the embedded demo tenant.
ScrollView {
    id: root

    property alias connections: controller

    contentWidth: availableWidth
    clip: true

    ConnectionsController {
        id: controller

        objectName: "connections"
        Component.onCompleted: load()
    }

    ColumnLayout {
        width: Math.min(root.availableWidth, 900)
        spacing: 12

        Label {
            text: qsTr("Connections")
            font.pixelSize: 22
            font.bold: true
            Layout.margins: 16
            Layout.bottomMargin: 0
        }

        Label {
            text: qsTr("Lakeshore reads accounts live from these services and keeps no copy of their data. Secrets are stored encrypted in %1.").arg(Session.settingsPath)
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
        }

        Switch {
            objectName: "useDemo"
            text: qsTr("Use the embedded demo tenant")
            checked: controller.useDemo
            onToggled: controller.useDemo = checked
            Layout.leftMargin: 16
        }

        Label {
            visible: controller.useDemo && Session.demo
            text: qsTr("Demo CRM: %1\nDemo ERP: %2").arg(Session.crmUrl).arg(Session.erpUrl)
            font.family: "monospace"
            opacity: 0.75
            Layout.leftMargin: 16
        }

        ConnectionEditor {
            form: controller.crm
            controller: controller
            enabled: !controller.useDemo
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
        }

        ConnectionEditor {
            form: controller.erp
            controller: controller
            enabled: !controller.useDemo
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
        }

        RowLayout {
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 16
            spacing: 12

            Button {
                objectName: "saveButton"
                text: qsTr("Save")
                highlighted: true
                enabled: controller.canSave
                onClicked: controller.save()
            }

            Button {
                text: qsTr("Revert")
                enabled: !controller.busy
                onClicked: controller.load()
            }

            Label {
                objectName: "message"
                text: controller.message
                color: controller.messageIsError ? "#9f1c1c" : root.palette.windowText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
