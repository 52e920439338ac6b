import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Keep an answer's query as a worklist: a name, an optional description, private or shared. The SQL,
// the account column and the number formats come from the answer.
Dialog {
    id: root

    required property AssistantController controller
    property int answerIndex: -1
    property string problem: ""
    property bool saving: false

    function openFor(index: int, question: string) {
        root.answerIndex = index;
        root.problem = "";
        root.saving = false;
        nameField.text = question.length > 80 ? question.substring(0, 80) : question;
        descriptionField.text = question;
        sharedBox.checked = false;
        root.open();
    }

    objectName: "saveWorklistDialog"
    title: qsTr("Save as worklist")
    modal: true
    width: 480
    anchors.centerIn: Overlay.overlay
    closePolicy: Popup.CloseOnEscape
    onOpened: nameField.forceActiveFocus()

    Connections {
        target: root.controller

        function onWorklistSaved(index: int, id: string, name: string) {
            if (index !== root.answerIndex)
                return;
            root.saving = false;
            root.close();
        }

        function onWorklistNotSaved(index: int, reason: string) {
            if (index !== root.answerIndex)
                return;
            root.saving = false;
            root.problem = reason;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Name")
        }

        TextField {
            id: nameField

            objectName: "worklistName"
            maximumLength: 120
            Layout.fillWidth: true
            onAccepted: {
                if (saveButton.enabled) // a blank name or a save under way: Enter does nothing, like the button
                    saveButton.clicked();
            }
        }

        Label {
            text: qsTr("Description (optional)")
        }

        TextField {
            id: descriptionField

            objectName: "worklistDescription"
            Layout.fillWidth: true
        }

        CheckBox {
            id: sharedBox

            objectName: "worklistShared"
            text: qsTr("Shared: everyone using this Lakeshore settings store sees it")
        }

        Label {
            text: qsTr("The worklist keeps the query, not its rows: it is read live from the lakehouse each time it is opened.")
            wrapMode: Text.Wrap
            opacity: 0.7
            Layout.fillWidth: true
        }

        Label {
            objectName: "saveProblem"
            visible: root.problem !== ""
            text: root.problem
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                id: saveButton

                objectName: "saveWorklist"
                highlighted: true
                text: qsTr("Save")
                enabled: nameField.text.trim() !== "" && !root.saving
                onClicked: {
                    root.saving = true;
                    root.problem = "";
                    root.controller.saveAsWorklist(root.answerIndex, nameField.text, descriptionField.text, sharedBox.checked);
                }
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
