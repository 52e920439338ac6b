pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

ApplicationWindow {
    id: root

    property alias accountsPage: accountsPage
    property alias assistantPage: assistantPage
    property alias sharingPage: sharingPage
    property alias worklistsPage: worklistsPage
    property alias currentPage: pages.currentIndex

    function showPage(index: int) {
        pages.currentIndex = index;
    }

    width: 1440
    height: 900
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: Session.demo ? qsTr("Lakeshore — demo tenant") : qsTr("Lakeshore")

    Shortcut {
        sequence: "Ctrl+1"
        onActivated: root.showPage(0)
    }

    Shortcut {
        sequence: "Ctrl+2"
        onActivated: root.showPage(1)
    }

    Shortcut {
        sequence: "Ctrl+3"
        onActivated: root.showPage(2)
    }

    Shortcut {
        sequence: "Ctrl+4"
        onActivated: root.showPage(3)
    }

    Shortcut {
        sequence: "Ctrl+5"
        onActivated: root.showPage(4)
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12

            Image {
                source: "qrc:/qt/qml/Lakeshore/icons/lakeshore.svg"
                sourceSize: Qt.size(24, 24)
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Lakeshore")
                font.bold: true
                font.pixelSize: 16
            }

            Label {
                visible: Session.demo
                text: qsTr("Demo tenant")
                color: "white"
                padding: 4
                leftPadding: 8
                rightPadding: 8
                background: Rectangle {
                    radius: 4
                    color: "#0f766e"
                }
            }

            Item {
                Layout.fillWidth: true
            }

            BusyIndicator {
                running: !Session.ready && Session.startupError === ""
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }

            Label {
                text: Session.ready ? qsTr("Live: CRM and ERP") : (Session.startupError === "" ? qsTr("Connecting…") : qsTr("Not connected"))
                opacity: 0.75
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorBanner {
            text: Session.startupError
            Layout.fillWidth: true
        }

        ErrorBanner {
            text: Session.settingsError
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            Pane {
                Layout.fillHeight: true
                padding: 6

                ColumnLayout {
                    spacing: 4

                    ButtonGroup {
                        id: navigation
                    }

                    Repeater {
                        model: [qsTr("Accounts"), qsTr("Settings"), qsTr("Assistant"), qsTr("Sharing"), qsTr("Worklists")]

                        delegate: ToolButton {
                            required property int index
                            required property string modelData

                            text: modelData
                            checkable: true
                            checked: pages.currentIndex === index
                            ButtonGroup.group: navigation
                            Layout.fillWidth: true
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("%1 (Ctrl+%2)").arg(modelData).arg(index + 1)
                            onClicked: root.showPage(index)
                        }
                    }
                }
            }

            StackLayout {
                id: pages

                Layout.fillWidth: true
                Layout.fillHeight: true

                AccountsPage {
                    id: accountsPage
                }

                SettingsPage {
                    id: settingsPage
                }

                AssistantPage {
                    id: assistantPage

                    contextAccountId: accountsPage.account360.accountId
                    contextAccountNumber: accountsPage.account360.accountNumber
                    contextAccountName: accountsPage.account360.header.summary.name ?? ""
                    onAccountRequested: (accountId, accountNumber) => {
                        accountsPage.account360.open(accountId, accountNumber);
                        root.showPage(0);
                    }
                    onSettingsRequested: {
                        settingsPage.section = 1;
                        root.showPage(1);
                    }
                }

                SharingPage {
                    id: sharingPage
                }

                WorklistsPage {
                    id: worklistsPage

                    onAccountRequested: (accountId, accountNumber) => {
                        accountsPage.account360.open(accountId, accountNumber);
                        root.showPage(0);
                    }
                }
            }
        }
    }
}
