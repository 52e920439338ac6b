import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// A worklist's definition: its name, description, the SELECT that lists the accounts (placeholders
// {{period_start}} and {{period_end}} take the chosen period), the column holding the account number
// or CRM id, private or shared. Saved only once the query guard admits the SQL.
Dialog {
    id: root

    required property WorklistsController controller
    property string worklistId: ""
    property bool fromCurrent: false
    property string problem: ""
    property bool saving: false

    function openNew() {
        root.worklistId = "";
        root.fromCurrent = false;
        nameField.text = "";
        descriptionField.text = "";
        sqlArea.text = "";
        accountField.text = "account_number";
        sharedBox.checked = false;
        root.problem = "";
        root.saving = false;
        root.title = qsTr("New worklist");
        root.open();
    }

    function openCurrent() {
        const current = Object.assign({}, root.controller.currentForEditing());
        root.worklistId = current.id;
        root.fromCurrent = true;
        nameField.text = current.name;
        descriptionField.text = current.description;
        sqlArea.text = current.sql;
        accountField.text = current.accountColumn;
        sharedBox.checked = current.shared;
        root.problem = "";
        root.saving = false;
        root.title = current.mine ? qsTr("Edit worklist") : qsTr("Save a copy of the worklist");
        root.open();
    }

    modal: true
    width: Math.min(820, parent ? parent.width - 80 : 820)
    anchors.centerIn: Overlay.overlay
    closePolicy: Popup.CloseOnEscape
    onOpened: nameField.forceActiveFocus()

    Connections {
        target: root.controller

        function onDefinitionSaved(id: string) {
            root.saving = false;
            root.close();
        }

        function onDefinitionNotSaved(reason: string) {
            root.saving = false;
            root.problem = reason;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: qsTr("Name")
        }

        TextField {
            id: nameField

            objectName: "editName"
            maximumLength: 120
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Description (optional)")
        }

        TextField {
            id: descriptionField

            objectName: "editDescription"
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("SQL: one SELECT whose rows are accounts. {{period_start}} and {{period_end}} become the chosen period's dates.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 220

            TextArea {
                id: sqlArea

                objectName: "editSql"
                font.family: "monospace"
                wrapMode: TextArea.NoWrap
                selectByMouse: true
            }
        }

        RowLayout {
            spacing: 8

            Label {
                text: qsTr("Column holding the account number or CRM id")
            }

            TextField {
                id: accountField

                objectName: "editAccountColumn"
                Layout.preferredWidth: 220
            }
        }

        CheckBox {
            id: sharedBox

            objectName: "editShared"
            text: qsTr("Shared: everyone using this Lakeshore settings store sees it")
        }

        Label {
            objectName: "editProblem"
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
                objectName: "editSave"
                highlighted: true
                text: qsTr("Save")
                enabled: nameField.text.trim() !== "" && sqlArea.text.trim() !== "" && accountField.text.trim() !== "" && !root.saving
                onClicked: {
                    root.saving = true;
                    root.problem = "";
                    root.controller.saveDefinition(root.worklistId, nameField.text, descriptionField.text, sqlArea.text,
                                                   accountField.text, sharedBox.checked, root.fromCurrent);
                }
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
