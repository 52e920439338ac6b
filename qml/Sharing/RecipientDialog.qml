pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Create or edit a recipient: name, comment, the shares it may read, and the addresses it may read from
// (one per line, checked while typing). Creating one goes on to issuing its token. Enter in a one-line
// field saves; Escape cancels.
Dialog {
    id: root

    required property SharingController controller
    readonly property RecipientForm form: controller.recipientForm

    function save() {
        root.controller.saveRecipient();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 640)
    height: Math.min(parent.height - 64, implicitHeight)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: form.recipientId === "" ? qsTr("New recipient") : qsTr("Edit recipient")
    onOpened: nameField.forceActiveFocus()

    Connections {
        function onRecipientSaved() {
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

                objectName: "recipientName"
                text: root.form.name
                placeholderText: qsTr("e.g. Contoso analytics")
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
                objectName: "recipientComment"
                text: root.form.comment
                placeholderText: qsTr("optional, e.g. who to call about it")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.form.comment = text
                onAccepted: root.save()
            }

            Label {
                text: qsTr("Shares")
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 10
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true

                Label {
                    visible: root.form.grants.length === 0
                    text: qsTr("There are no shares yet; grant them later.")
                    opacity: 0.75
                    Layout.topMargin: 10
                }

                Repeater {
                    // By count: the boxes stay (and keep focus) while their values change.
                    model: root.form.grants.length

                    delegate: CheckBox {
                        required property int index
                        readonly property var grant: root.form.grants[index]

                        objectName: "grant_" + grant.name
                        text: grant.name
                        checked: grant.granted
                        onToggled: root.form.setGranted(index, checked)
                    }
                }
            }

            Label {
                text: qsTr("IP allow-list")
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 6
            }
            ColumnLayout {
                spacing: 4
                Layout.fillWidth: true

                TextArea {
                    id: allowList

                    objectName: "allowList"
                    background: Rectangle {
                        color: root.palette.base
                        border.color: root.form.allowListProblem !== "" ? "#dc2626" : (parent.activeFocus ? root.palette.highlight : root.palette.mid)
                        radius: 2
                    }
                    text: root.form.allowListText
                    placeholderText: qsTr("one address or CIDR range per line, e.g.\n203.0.113.0/24\n2001:db8::/32\nempty: any address")
                    font.family: "monospace"
                    selectByMouse: true
                    Layout.fillWidth: true
                    Layout.minimumHeight: 84
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: saveButton
                    onTextChanged: {
                        if (text !== root.form.allowListText)
                            root.form.allowListText = text;
                    }
                }

                Label {
                    objectName: "allowListProblem"
                    visible: text !== ""
                    text: root.form.allowListProblem
                    color: "#9f1c1c"
                    wrapMode: Text.WordWrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
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

            Button {
                id: saveButton

                objectName: "saveRecipientButton"
                text: root.form.recipientId === "" ? qsTr("Create and issue token…") : qsTr("Save")
                highlighted: true
                enabled: root.controller.canSave && root.form.name.trim() !== "" && root.form.valid
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: root.save()
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
