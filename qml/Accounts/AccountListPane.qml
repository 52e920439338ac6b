import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The account list, read live from the CRM: search, territory and owner filters, sort, and paging
// through the CRM's next-page links as the list scrolls. Arrow keys move, Enter opens.
Pane {
    id: root

    property alias model: accounts
    property alias list: list

    signal accountActivated(string accountId, string accountNumber)

    function activate(row: int) {
        const account = accounts.get(row);
        if (account.accountId !== undefined)
            root.accountActivated(account.accountId, account.accountNumber);
    }

    padding: 8

    AccountListModel {
        id: accounts

        objectName: "accountList"
    }

    // Selection follows the keyboard; a short pause before opening avoids reading every account passed over.
    Timer {
        id: openSelected

        interval: 200
        onTriggered: root.activate(list.currentIndex)
    }

    Shortcut {
        sequence: StandardKey.Find
        onActivated: search.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        TextField {
            id: search

            objectName: "searchField"
            placeholderText: qsTr("Search name, number or city")
            selectByMouse: true
            Layout.fillWidth: true
            onTextChanged: accounts.search = text
            Keys.onDownPressed: list.forceActiveFocus()
            Keys.onEscapePressed: text = ""
        }

        RowLayout {
            Layout.fillWidth: true

            ComboBox {
                id: territory

                objectName: "territoryFilter"
                model: [{ id: "", name: qsTr("All territories") }].concat(Session.territories)
                textRole: "name"
                valueRole: "id"
                Layout.fillWidth: true
                onActivated: accounts.territoryId = currentValue
                // The filter can also change from code (a scripted run, a link from elsewhere).
                Connections {
                    target: accounts
                    function onTerritoryIdChanged() {
                        territory.currentIndex = territory.indexOfValue(accounts.territoryId);
                    }
                }
            }

            ComboBox {
                id: owner

                objectName: "ownerFilter"
                model: [{ id: "", name: qsTr("All owners") }].concat(Session.owners)
                textRole: "name"
                valueRole: "id"
                Layout.fillWidth: true
                onActivated: accounts.ownerId = currentValue
                Connections {
                    target: accounts
                    function onOwnerIdChanged() {
                        owner.currentIndex = owner.indexOfValue(accounts.ownerId);
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true

            Label {
                text: qsTr("Sort by")
            }

            ComboBox {
                objectName: "sortKey"
                model: [qsTr("Name"), qsTr("Account number"), qsTr("City"), qsTr("Annual revenue"), qsTr("Last modified")]
                Layout.fillWidth: true
                onActivated: index => accounts.sortKey = index
            }

            ToolButton {
                objectName: "sortDirection"
                text: accounts.descending ? "↓" : "↑"
                ToolTip.visible: hovered
                ToolTip.text: accounts.descending ? qsTr("Descending") : qsTr("Ascending")
                onClicked: accounts.descending = !accounts.descending
            }
        }

        RowLayout {
            Layout.fillWidth: true

            Label {
                objectName: "countLabel"
                Layout.fillWidth: true
                opacity: 0.7
                text: accounts.loading ? qsTr("Reading accounts from the CRM…")
                    : accounts.totalCount >= 0 ? qsTr("%1 of %n account(s)", "", accounts.totalCount).arg(accounts.count)
                    : qsTr("%n account(s)", "", accounts.count)
            }

            BusyIndicator {
                running: accounts.loading || accounts.loadingMore
                visible: running
                Layout.preferredWidth: 20
                Layout.preferredHeight: 20
            }
        }

        ColumnLayout {
            visible: accounts.error !== ""
            Layout.fillWidth: true

            Label {
                text: accounts.error
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Button {
                text: qsTr("Retry")
                onClicked: accounts.count > 0 && accounts.canLoadMore ? accounts.loadMore() : accounts.refresh()
            }
        }

        ListView {
            id: list

            objectName: "accountListView"
            model: accounts
            clip: true
            focus: true
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            highlight: Rectangle {
                color: root.palette.highlight
                opacity: list.activeFocus ? 0.25 : 0.12
                radius: 4
            }
            onCurrentIndexChanged: if (currentIndex >= 0) openSelected.restart()
            onAtYEndChanged: if (atYEnd && accounts.canLoadMore) accounts.loadMore()
            Keys.onReturnPressed: {
                openSelected.stop();
                root.activate(currentIndex);
            }
            Keys.onEnterPressed: {
                openSelected.stop();
                root.activate(currentIndex);
            }

            delegate: AccountRow {
                width: ListView.view.width
                onClicked: {
                    list.currentIndex = index;
                    list.forceActiveFocus();
                }
            }

            footer: Item {
                width: ListView.view.width
                height: accounts.canLoadMore ? 40 : 0
                visible: accounts.canLoadMore

                Button {
                    anchors.centerIn: parent
                    text: qsTr("Load more")
                    onClicked: accounts.loadMore()
                }
            }

            Label {
                anchors.centerIn: parent
                visible: !accounts.loading && accounts.count === 0 && accounts.error === ""
                text: Session.ready ? qsTr("No accounts match.") : qsTr("Connecting to the CRM…")
                opacity: 0.6
            }
        }
    }
}
