pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Create or edit a share: its name (checked while typing), a comment, and which CRM tables it publishes
// under which table name. Enter in a field saves; Escape cancels.
Dialog {
    id: root

    required property SharingController controller
    readonly property ShareForm form: controller.shareForm

    function save() {
        root.controller.saveShare();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 640)
    height: Math.min(parent.height - 64, implicitHeight)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: form.shareId === "" ? qsTr("New share") : qsTr("Edit share")
    onOpened: nameField.forceActiveFocus()

    Connections {
        function onShareSaved() {
            root.close();
        }

        target: root.controller
    }

    ScrollView {
        id: scroll

        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        GridLayout {
            width: scroll.availableWidth
            columns: 2
            columnSpacing: 12
            rowSpacing: 8

            Label {
                text: qsTr("Name")
            }
            TextField {
                id: nameField

                objectName: "shareName"
                text: root.form.name
                placeholderText: qsTr("e.g. sales")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.name = text
                onAccepted: root.save()
            }

            Item {
                visible: nameProblem.visible
                implicitWidth: 1
            }
            Label {
                id: nameProblem

                objectName: "shareNameProblem"
                visible: text !== ""
                text: root.form.nameProblem
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Comment")
            }
            TextField {
                objectName: "shareComment"
                text: root.form.comment
                placeholderText: qsTr("optional, e.g. what the share is for")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.comment = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("Tables")
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 10
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true

                Label {
                    text: qsTr("Published in schema “%1” under the name you give each.").arg(root.form.schema)
                    wrapMode: Text.WordWrap
                    opacity: 0.75
                    Layout.fillWidth: true
                    Layout.topMargin: 10
                    Layout.bottomMargin: 4
                }

                Repeater {
                    // By count: the rows stay (and keep focus) while their values change.
                    model: root.form.tables.length

                    delegate: ColumnLayout {
                        id: tableChoice

                        required property int index
                        readonly property var modelData: root.form.tables[index]

                        spacing: 0
                        Layout.fillWidth: true

                        RowLayout {
                            spacing: 8
                            Layout.fillWidth: true

                            CheckBox {
                                objectName: "include_" + tableChoice.modelData.entity
                                text: tableChoice.modelData.label
                                checked: tableChoice.modelData.included
                                Layout.preferredWidth: 170
                                onToggled: root.form.setIncluded(tableChoice.index, checked)
                            }

                            TextField {
                                objectName: "tableName_" + tableChoice.modelData.entity
                                text: tableChoice.modelData.name
                                enabled: tableChoice.modelData.included
                                font.family: "monospace"
                                selectByMouse: true
                                Layout.fillWidth: true
                                Accessible.name: qsTr("Table name for %1").arg(tableChoice.modelData.label)
                                onTextEdited: root.form.setTableName(tableChoice.index, text)
                                onAccepted: root.save()
                            }
                        }

                        Label {
                            visible: text !== ""
                            text: tableChoice.modelData.problem
                            color: "#9f1c1c"
                            wrapMode: Text.WordWrap
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            Layout.leftMargin: 178
                        }
                    }
                }
            }

            Label {
                objectName: "dialogError"
                visible: text !== ""
                text: root.controller.dialogError
                color: "#9f1c1c"
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.columnSpan: 2
                Layout.fillWidth: true
            }
        }
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Label {
                text: qsTr("%n table(s)", "", root.form.includedCount)
                opacity: 0.75
                Layout.rightMargin: 8
            }

            Button {
                objectName: "saveShareButton"
                text: root.form.shareId === "" ? qsTr("Create") : qsTr("Save")
                highlighted: true
                enabled: root.controller.canSave && root.form.name !== "" && root.form.valid
                onClicked: root.save()
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
