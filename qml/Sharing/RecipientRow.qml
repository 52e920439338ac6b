pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One recipient: name and token status, when the token ends (and the previous one during a rotation),
// the shares it may read, the addresses it may read from, and its actions.
Frame {
    id: root

    required property string recipientId
    required property string name
    required property string comment
    required property string status
    required property string statusText
    required property string tokenText
    required property string olderToken
    required property bool hasUsableToken
    required property var allowList
    required property string shares

    signal editRequested
    signal issueRequested
    signal rotateRequested
    signal revokeRequested
    signal removeRequested

    padding: 12

    background: Rectangle {
        radius: 6
        color: root.palette.base
        border.color: root.palette.mid
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        ColumnLayout {
            spacing: 3
            Layout.fillWidth: true

            RowLayout {
                spacing: 8

                Label {
                    objectName: "recipientName"
                    text: root.name
                    font.bold: true
                    font.pixelSize: 15
                    elide: Text.ElideRight
                    Layout.maximumWidth: 420
                }

                StatusBadge {
                    objectName: "statusBadge"
                    status: root.status
                    text: root.statusText
                }
            }

            Label {
                objectName: "tokenText"
                text: root.tokenText
            }

            Label {
                visible: root.olderToken !== ""
                text: root.olderToken
                opacity: 0.75
            }

            Label {
                text: root.shares !== "" ? qsTr("Shares: %1").arg(root.shares) : qsTr("No shares granted: the recipient sees nothing.")
                wrapMode: Text.WordWrap
                opacity: 0.75
                Layout.fillWidth: true
            }

            Label {
                text: root.allowList.length > 0 ? qsTr("From: %1").arg(root.allowList.join(", ")) : qsTr("From any address")
                wrapMode: Text.WordWrap
                opacity: 0.75
                Layout.fillWidth: true
            }

            Label {
                visible: root.comment !== ""
                text: root.comment
                wrapMode: Text.WordWrap
                font.italic: true
                opacity: 0.75
                Layout.fillWidth: true
            }
        }

        Button {
            objectName: "issueButton"
            visible: !root.hasUsableToken
            text: qsTr("Issue token…")
            highlighted: root.status === "none"
            onClicked: root.issueRequested()
        }

        Button {
            objectName: "rotateButton"
            visible: root.hasUsableToken
            text: qsTr("Rotate…")
            onClicked: root.rotateRequested()
        }

        Button {
            objectName: "revokeButton"
            visible: root.hasUsableToken
            text: qsTr("Revoke…")
            onClicked: root.revokeRequested()
        }

        Button {
            objectName: "editRecipientButton"
            text: qsTr("Edit…")
            onClicked: root.editRequested()
        }

        Button {
            objectName: "removeRecipientButton"
            text: qsTr("Remove…")
            onClicked: root.removeRequested()
        }
    }
}
