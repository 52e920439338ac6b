pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The account itself, read live from the CRM: name, number, status, place, territory, owner, size.
Frame {
    id: root

    required property Account360Controller controller
    readonly property Account360Panel panel: controller.header
    readonly property var account: panel.summary

    padding: 16

    background: Rectangle {
        radius: 6
        color: root.palette.base
        border.color: root.panel.state === Account360Panel.Failed ? "#e6a19b" : root.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true

            Label {
                objectName: "accountName"
                text: root.panel.state === Account360Panel.Loaded ? root.account.name : qsTr("Account %1").arg(root.controller.accountNumber)
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }

            Label {
                visible: root.panel.state === Account360Panel.Loaded
                text: root.account.active ? qsTr("Active") : qsTr("Inactive")
                color: "white"
                padding: 3
                leftPadding: 8
                rightPadding: 8
                background: Rectangle {
                    radius: 4
                    color: root.account.active ? "#15803d" : "#6b7280"
                }
            }
        }

        Label {
            text: root.panel.statusText
            font.pixelSize: 11
            opacity: 0.65
        }

        RowLayout {
            visible: root.panel.state === Account360Panel.Loading
            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            Label {
                text: qsTr("Reading the account…")
                opacity: 0.7
            }
        }

        RowLayout {
            visible: root.panel.state === Account360Panel.Failed
            Layout.fillWidth: true

            Label {
                text: root.panel.errorText
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Button {
                text: qsTr("Retry")
                onClicked: root.controller.retry(root.panel.key)
            }
        }

        GridLayout {
            visible: root.panel.state === Account360Panel.Loaded
            columns: 4
            columnSpacing: 24
            rowSpacing: 8
            Layout.fillWidth: true

            KeyValue {
                caption: qsTr("Account number")
                value: root.account.number ?? ""
            }
            KeyValue {
                caption: qsTr("Territory")
                value: root.account.territory ?? ""
            }
            KeyValue {
                caption: qsTr("Owner")
                value: root.account.owner ?? ""
            }
            KeyValue {
                caption: qsTr("Industry")
                value: root.account.industry ?? ""
            }
            KeyValue {
                caption: qsTr("Address")
                value: root.account.street ? qsTr("%1, %2, %3 %4").arg(root.account.street).arg(root.account.city).arg(root.account.state).arg(root.account.postalCode) : ""
                Layout.columnSpan: 2
                Layout.fillWidth: true
            }
            KeyValue {
                caption: qsTr("Phone")
                value: root.account.phone ?? ""
            }
            KeyValue {
                caption: qsTr("Website")
                value: root.account.website ?? ""
            }
            KeyValue {
                caption: qsTr("Annual revenue")
                value: root.account.revenue !== undefined ? Format.compact(root.account.revenue) : ""
            }
            KeyValue {
                caption: qsTr("Employees")
                value: root.account.employees !== undefined ? Number(root.account.employees).toLocaleString(Qt.locale(), "f", 0) : ""
            }
            KeyValue {
                caption: qsTr("Last modified in the CRM")
                value: root.account.modifiedOn ?? ""
                Layout.columnSpan: 2
            }
        }
    }
}
