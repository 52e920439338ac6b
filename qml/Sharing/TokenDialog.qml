pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Issue a recipient's token, or rotate it: when the new token ends (30, 90 or 365 days, or a chosen
// day; 90 days unless changed) and, when rotating, how long the current token keeps working. The profile
// follows in its own dialog. Enter issues; Escape cancels.
Dialog {
    id: root

    required property SharingController controller
    property string recipientId
    property string recipientName
    property bool rotating: false
    property alias expiry: expiry
    // Milliseconds the current token keeps working after a rotation, by the grace choice's index.
    readonly property var graceMillis: [0, 3600 * 1000, 24 * 3600 * 1000, 7 * 24 * 3600 * 1000]
    property alias graceIndex: graceBox.currentIndex

    function start(recipientId: string, name: string, rotating: bool) {
        root.recipientId = recipientId;
        root.recipientName = name;
        root.rotating = rotating;
        expiry.reset();
        graceBox.currentIndex = 2; // a day to switch over
        root.controller.clearDialogError();
        open();
    }

    function submit() {
        const until = expiry.expiresAt;
        if (until === 0)
            return;
        if (root.rotating)
            root.controller.rotateToken(root.recipientId, until, root.graceMillis[graceBox.currentIndex]);
        else
            root.controller.issueToken(root.recipientId, until);
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 560)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    title: rotating ? qsTr("Rotate the token of “%1”").arg(recipientName) : qsTr("Issue a token for “%1”").arg(recipientName)
    onOpened: presets.checkedButton.forceActiveFocus()

    Connections {
        function onProfileIssued() {
            root.close();
        }

        target: root.controller
    }

    TokenExpiry {
        id: expiry
    }

    ButtonGroup {
        id: presets
    }

    GridLayout {
        width: root.availableWidth
        columns: 2
        columnSpacing: 12
        rowSpacing: 8

        Label {
            text: qsTr("Works for")
        }
        RowLayout {
            spacing: 4

            Repeater {
                model: [30, 90, 365]

                delegate: RadioButton {
                    required property int modelData

                    objectName: "days" + modelData
                    text: qsTr("%n day(s)", "", modelData)
                    checked: expiry.days === modelData
                    ButtonGroup.group: presets
                    Keys.onReturnPressed: root.submit()
                    Keys.onEnterPressed: root.submit()
                    onClicked: expiry.days = modelData
                }
            }

            RadioButton {
                objectName: "customDate"
                text: qsTr("Until…")
                checked: expiry.days === 0
                ButtonGroup.group: presets
                onClicked: {
                    expiry.days = 0;
                    dateField.forceActiveFocus();
                }
            }
        }

        Label {
            visible: expiry.days === 0
            text: qsTr("Last day")
        }
        TextField {
            id: dateField

            objectName: "dateField"
            visible: expiry.days === 0
            text: expiry.customDate
            placeholderText: expiry.dateFormatHint
            inputMethodHints: Qt.ImhDate
            selectByMouse: true
            Layout.preferredWidth: 160
            onTextEdited: expiry.customDate = text
            onAccepted: root.submit()
        }

        Item {
            implicitWidth: 1
        }
        Label {
            objectName: "expirySummary"
            text: expiry.problem !== "" ? expiry.problem : expiry.summary
            color: expiry.problem !== "" ? "#9f1c1c" : root.palette.windowText
            opacity: expiry.problem !== "" ? 1 : 0.75
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Label {
            visible: root.rotating
            text: qsTr("Current token")
        }
        ComboBox {
            id: graceBox

            objectName: "graceBox"
            visible: root.rotating
            model: [qsTr("Stops working now"), qsTr("Works 1 more hour"), qsTr("Works 1 more day"), qsTr("Works 7 more days")]
            Layout.preferredWidth: 240
        }

        Item {
            visible: root.rotating
            implicitWidth: 1
        }
        Label {
            visible: root.rotating
            text: qsTr("The grace period lets the recipient switch to the new profile. It never makes the current token last longer than it would have.")
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
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

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                objectName: "issueTokenButton"
                text: root.rotating ? qsTr("Rotate") : qsTr("Issue token")
                highlighted: true
                enabled: root.controller.canSave && expiry.expiresAt !== 0
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: root.submit()
            }

            Button {
                text: qsTr("Cancel")
                onClicked: root.reject()
            }
        }
    }
}
