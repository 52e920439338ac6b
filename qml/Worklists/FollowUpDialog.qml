import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Create follow-up tasks for the selected rows: one task per account, assigned to its owner in the CRM.
Dialog {
    id: root

    required property WorklistsController controller

    function prepare() {
        subjectField.text = root.controller.defaultSubject();
        dueField.text = root.controller.defaultDueDate();
        notesArea.text = "";
    }

    objectName: "followUpDialog"
    title: qsTr("Create follow-up tasks")
    modal: true
    width: 520
    anchors.centerIn: Overlay.overlay
    onOpened: subjectField.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("One task per selected account (%n account(s)), assigned to the account's owner in the CRM. The account's figures from this worklist go into the task's description.", "", root.controller.table.selectedCount)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Subject")
        }

        TextField {
            id: subjectField

            objectName: "taskSubject"
            maximumLength: 200
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Due date")
        }

        TextField {
            id: dueField

            objectName: "taskDue"
            placeholderText: qsTr("YYYY-MM-DD")
            inputMask: ""
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Notes (optional)")
        }

        TextArea {
            id: notesArea

            objectName: "taskNotes"
            background: Rectangle {
                color: root.palette.base
                border.color: notesArea.activeFocus ? root.palette.highlight : root.palette.mid
                radius: 2
            }
            wrapMode: TextArea.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: 90
        }
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                objectName: "createTasks"
                text: qsTr("Create %n task(s)", "", root.controller.table.selectedCount)
                highlighted: true
                enabled: subjectField.text.trim() !== "" && root.controller.table.selectedCount > 0
                onClicked: root.accept()
            }

            Button {
                objectName: "cancelTasks"
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }

    onAccepted: root.controller.createFollowUps(subjectField.text, notesArea.text, dueField.text)
}
