pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

import Lakeshore

// Worklists: saved lakehouse queries whose rows are accounts, read live for a period and joined live with
// the CRM's owner, territory and status; filter, sort, group with totals, select rows and create follow-up
// tasks in the CRM, drill down to an account's lines, export what is shown.
// Keys: F5 refresh, Esc cancel, Ctrl+F filter, Ctrl+E export, Ctrl+T follow-ups, Ctrl+D drill down,
// Enter open the account.
Item {
    id: root

    property alias controller: controller
    property alias followUpDialog: followUpDialog
    property alias worklistTable: worklistTable

    signal accountRequested(string accountId, string accountNumber)

    function openWorklist(id: string) {
        const row = controller.worklists.indexOf(id);
        if (row >= 0)
            list.currentIndex = row;
        controller.open(id);
    }

    objectName: "worklistsPage"

    WorklistsController {
        id: controller

        objectName: "worklists"

        onAccountRequested: (accountId, accountNumber) => root.accountRequested(accountId, accountNumber)
        onNotice: text => notice.text = text
    }

    FileDialog {
        id: exportDialog

        title: qsTr("Export the worklist as CSV")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        defaultSuffix: "csv"
        onAccepted: controller.exportCsv(selectedFile)
    }

    FollowUpDialog {
        id: followUpDialog

        controller: controller
    }

    Dialog {
        id: removeConfirm

        title: qsTr("Remove the worklist?")
        modal: true
        width: 460
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Cancel | Dialog.Ok

        contentItem: Label {
            text: qsTr("“%1” is removed for everyone who sees it. Its rows were never stored; nothing else is lost.").arg(controller.currentName)
            wrapMode: Text.Wrap
        }

        onAccepted: controller.removeCurrent()
    }

    EditWorklistDialog {
        id: editDialog

        controller: controller
    }

    Shortcut {
        sequence: "F5"
        enabled: root.visible && controller.currentId !== ""
        onActivated: controller.refresh()
    }

    Shortcut {
        sequence: "Esc"
        enabled: root.visible && controller.loading
        onActivated: controller.cancel()
    }

    Shortcut {
        sequence: "Ctrl+F"
        enabled: root.visible && controller.hasResult
        onActivated: filterBar.valueField.forceActiveFocus()
    }

    Shortcut {
        sequence: "Ctrl+E"
        enabled: root.visible && controller.hasResult && !controller.exporting
        onActivated: exportDialog.open()
    }

    Shortcut {
        sequence: "Ctrl+T"
        enabled: root.visible && controller.table.selectedCount > 0 && !controller.writingTasks
        onActivated: {
            followUpDialog.prepare();
            followUpDialog.open();
        }
    }

    Shortcut {
        sequence: "Ctrl+D"
        enabled: root.visible && controller.hasDrillDown && controller.hasResult
        onActivated: controller.drillDown(worklistTable.currentLine)
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        // The worklists the user can see.
        ColumnLayout {
            // The list keeps its width whatever the open worklist's rows and buttons ask for.
            Layout.preferredWidth: 260
            Layout.minimumWidth: 260
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 6

            Label {
                text: qsTr("Worklists")
                font.bold: true
                font.pixelSize: 18
            }

            Label {
                visible: controller.listError !== ""
                text: controller.listError
                color: "#b3261e"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            ListView {
                id: list

                objectName: "worklistList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: controller.worklists
                currentIndex: -1
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Keys.onReturnPressed: controller.open(controller.worklists.idAt(list.currentIndex))

                delegate: ItemDelegate {
                    id: entry

                    required property int index
                    required property string worklistId
                    required property string name
                    required property string description
                    required property bool builtIn
                    required property bool shared
                    required property string owner

                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    onClicked: {
                        list.currentIndex = entry.index;
                        controller.open(entry.worklistId);
                    }

                    contentItem: ColumnLayout {
                        spacing: 2

                        Label {
                            text: entry.name
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }

                        Label {
                            text: entry.builtIn ? qsTr("Built in · shared") : entry.shared ? qsTr("Shared · by %1").arg(entry.owner) : qsTr("Private")
                            opacity: 0.7
                            font.pixelSize: 12
                        }
                    }
                }
            }

            Button {
                objectName: "newWorklistButton"
                text: qsTr("New worklist…")
                Layout.fillWidth: true
                ToolTip.visible: hovered
                ToolTip.text: qsTr("A lakehouse query whose rows are accounts; an assistant answer can become one too (Save as worklist…)")
                onClicked: editDialog.openNew()
            }
        }

        ToolSeparator {
            Layout.fillHeight: true
        }

        // The open worklist.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Label {
                visible: controller.currentId === ""
                text: qsTr("Choose a worklist on the left. Its rows are read live from the lakehouse and joined with the CRM; nothing is stored.")
                wrapMode: Text.Wrap
                opacity: 0.7
                Layout.fillWidth: true
                Layout.topMargin: 40
            }

            Item {
                visible: controller.currentId === ""
                Layout.fillHeight: true
            }

            RowLayout {
                visible: controller.currentId !== ""
                spacing: 10
                Layout.fillWidth: true

                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true

                    Label {
                        objectName: "worklistTitle"
                        text: controller.currentName
                        font.bold: true
                        font.pixelSize: 20
                    }

                    Label {
                        text: controller.currentDescription
                        wrapMode: Text.Wrap
                        opacity: 0.75
                        Layout.fillWidth: true
                    }
                }

                Button {
                    objectName: "editButton"
                    text: controller.canRemove ? qsTr("Edit…") : qsTr("Save a copy…")
                    ToolTip.visible: hovered
                    ToolTip.text: controller.canRemove ? qsTr("Change the name, SQL, account column or sharing")
                                                       : qsTr("Keep your own copy to change")
                    onClicked: editDialog.openCurrent()
                }

                Button {
                    objectName: "removeButton"
                    text: qsTr("Remove")
                    visible: controller.canRemove
                    onClicked: removeConfirm.open()
                }
            }

            RowLayout {
                visible: controller.currentId !== ""
                spacing: 8
                Layout.fillWidth: true

                Label {
                    visible: controller.usesPeriod
                    text: qsTr("Period")
                }

                ComboBox {
                    id: periodBox

                    objectName: "periodBox"
                    visible: controller.usesPeriod
                    Layout.preferredWidth: 170
                    textRole: "label"
                    valueRole: "kind"
                    model: [{ kind: "last-90-days", label: qsTr("Last 90 days") },
                            { kind: "last-12-months", label: qsTr("Last 12 months") },
                            { kind: "custom", label: qsTr("Custom…") }]
                    currentIndex: controller.period === "last-90-days" ? 0 : controller.period === "custom" ? 2 : 1
                    onActivated: index => {
                        if (index < 2)
                            controller.setPeriod(currentValue);
                    }
                }

                TextField {
                    id: fromField

                    objectName: "periodFrom"
                    visible: controller.usesPeriod && periodBox.currentIndex === 2
                    text: controller.periodFrom
                    placeholderText: qsTr("From YYYY-MM-DD")
                    Layout.preferredWidth: 120
                    onAccepted: controller.setPeriod("custom", fromField.text, toField.text)
                }

                TextField {
                    id: toField

                    objectName: "periodTo"
                    visible: controller.usesPeriod && periodBox.currentIndex === 2
                    text: controller.periodTo
                    placeholderText: qsTr("To YYYY-MM-DD")
                    Layout.preferredWidth: 120
                    onAccepted: controller.setPeriod("custom", fromField.text, toField.text)
                }

                Button {
                    objectName: "applyPeriod"
                    visible: controller.usesPeriod && periodBox.currentIndex === 2
                    text: qsTr("Apply")
                    onClicked: controller.setPeriod("custom", fromField.text, toField.text)
                }

                Label {
                    objectName: "periodRange"
                    visible: controller.usesPeriod && periodBox.currentIndex !== 2 && controller.periodFrom !== ""
                    text: qsTr("%1 to %2").arg(controller.periodFrom).arg(controller.periodTo)
                    opacity: 0.7
                }

                Item {
                    Layout.fillWidth: true
                }

                Label {
                    text: qsTr("Group by")
                }

                ComboBox {
                    objectName: "groupBox"
                    textRole: "label"
                    valueRole: "field"
                    model: [{ field: "", label: qsTr("Nothing") }, { field: "owner", label: qsTr("Owner") }, { field: "territory", label: qsTr("Territory") }]
                    currentIndex: controller.table.groupBy === "owner" ? 1 : controller.table.groupBy === "territory" ? 2 : 0
                    onActivated: controller.table.groupBy = currentValue
                }

                Button {
                    objectName: "refreshButton"
                    text: controller.loading ? qsTr("Cancel") : qsTr("Refresh")
                    ToolTip.visible: hovered
                    ToolTip.text: controller.loading ? qsTr("Stop reading (Esc)") : qsTr("Read the lakehouse and the CRM again (F5)")
                    onClicked: controller.loading ? controller.cancel() : controller.refresh()
                }
            }

            ErrorBanner {
                objectName: "runError"
                visible: controller.error !== ""
                text: controller.error
                Layout.fillWidth: true
            }

            RowLayout {
                visible: controller.joinError !== ""
                Layout.fillWidth: true

                ErrorBanner {
                    objectName: "joinError"
                    text: qsTr("The CRM could not be read, so owners and territories are unknown: %1").arg(controller.joinError)
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "retryJoin"
                    text: qsTr("Retry")
                    onClicked: controller.retryJoin()
                }
            }

            RowLayout {
                visible: controller.loading
                spacing: 8

                BusyIndicator {
                    objectName: "busyIndicator"
                    running: controller.loading
                    Layout.preferredHeight: 28
                    Layout.preferredWidth: 28
                }

                Label {
                    objectName: "runProgress"
                    text: controller.progress
                }
            }

            FilterBar {
                id: filterBar

                visible: controller.hasResult
                table: controller.table
                Layout.fillWidth: true
            }

            RowLayout {
                visible: controller.hasResult
                spacing: 8
                Layout.fillWidth: true

                Label {
                    objectName: "rowCount"
                    text: controller.table.shownRows === controller.table.totalRows
                          ? qsTr("%n account(s)", "", controller.table.totalRows)
                          : qsTr("%1 of %n account(s)", "", controller.table.totalRows).arg(controller.table.shownRows)
                    font.bold: true
                }

                Label {
                    objectName: "selectedCount"
                    text: controller.table.selectedCount > 0 ? qsTr("· %n selected", "", controller.table.selectedCount) : ""
                }

                Label {
                    objectName: "readAt"
                    text: qsTr("· read from %1 at %2").arg(controller.server).arg(controller.readAt)
                          + (controller.joining ? qsTr(" · reading owners from the CRM…")
                             : controller.joinedAt !== "" ? qsTr(" · CRM read at %1").arg(controller.joinedAt) : "")
                    opacity: 0.7
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }

            // The actions on their own line: the provenance above is not cut short by them.
            RowLayout {
                visible: controller.hasResult
                spacing: 8
                Layout.fillWidth: true

                Button {
                    objectName: "selectAllButton"
                    text: qsTr("Select all")
                    flat: true
                    onClicked: controller.table.selectedCount === controller.table.shownRows ? controller.table.clearSelection() : controller.table.selectAllShown()
                }

                Button {
                    objectName: "followUpButton"
                    text: qsTr("Create follow-ups…")
                    enabled: controller.table.selectedCount > 0 && !controller.writingTasks
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("One CRM task per selected account, for its owner (Ctrl+T)")
                    onClicked: {
                        followUpDialog.prepare();
                        followUpDialog.open();
                    }
                }

                Button {
                    objectName: "openAccountButton"
                    text: qsTr("Open account")
                    enabled: worklistTable.currentKind === 1
                    onClicked: controller.openAccount(worklistTable.currentLine)
                }

                Button {
                    objectName: "drillDownButton"
                    visible: controller.hasDrillDown
                    text: qsTr("Drill down")
                    enabled: worklistTable.currentKind === 1
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("The account's lines by item (Ctrl+D)")
                    onClicked: controller.drillDown(worklistTable.currentLine)
                }

                Button {
                    objectName: "exportButton"
                    text: qsTr("Export CSV…")
                    enabled: !controller.exporting
                    onClicked: exportDialog.open()
                }

                Item {
                    Layout.fillWidth: true
                }
            }

            RowLayout {
                visible: controller.taskSummary !== "" || controller.writingTasks
                Layout.fillWidth: true

                Label {
                    objectName: "taskSummary"
                    text: controller.writingTasks ? qsTr("Writing follow-up tasks to the CRM…") : controller.taskSummary
                    color: controller.taskSummaryIsError ? "#b3261e" : "#2e7d32"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                ToolButton {
                    objectName: "dismissTaskSummary"
                    visible: !controller.writingTasks
                    text: "✕"
                    Accessible.name: qsTr("Dismiss")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Dismiss")
                    onClicked: controller.dismissTaskSummary()
                }
            }

            Label {
                id: notice

                visible: text !== "" || controller.exportMessage !== ""
                text: controller.exportMessage
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }

            WorklistTable {
                id: worklistTable

                visible: controller.hasResult
                table: controller.table
                Layout.fillWidth: true
                Layout.fillHeight: true
                onRowActivated: line => controller.openAccount(line)
                onLinesShown: (first, last) => controller.joinLines(first, last)
            }

            Item {
                visible: !controller.hasResult && controller.currentId !== ""
                Layout.fillHeight: true
            }

            DrillDownPane {
                objectName: "drillDownPane"
                visible: controller.detailOpen
                controller: controller
                Layout.fillWidth: true
                Layout.preferredHeight: 280
            }
        }
    }
}
