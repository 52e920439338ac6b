pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

import Lakeshore

// The Recipients tab: who may read which shares, their token status and expiry, New recipient…, and the
// token actions (issue, rotate, revoke).
ScrollView {
    id: root

    required property var page
    readonly property SharingController controller: page.controller

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: Math.min(root.availableWidth, 1100)
        spacing: 12

        Label {
            text: qsTr("A recipient reads the shares granted to it with a bearer token, handed over once as a config.share profile. Lakeshore keeps only the token's hash: a lost token is rotated, not shown again.")
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.topMargin: 12
        }

        RowLayout {
            spacing: 8
            Layout.leftMargin: 16

            Button {
                objectName: "newRecipientButton"
                text: qsTr("New recipient…")
                enabled: root.controller.canSave
                ToolTip.visible: hovered
                ToolTip.text: qsTr("New recipient (%1)").arg(Qt.platform.os === "osx" ? "⌘N" : "Ctrl+N")
                onClicked: root.page.newRecipient()
            }

            Button {
                objectName: "previewFileButton"
                text: qsTr("Preview with a profile…")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open a config.share file and see what its recipient can read.")
                onClicked: profilePicker.open()
            }
        }

        FileDialog {
            id: profilePicker

            title: qsTr("Open a config.share profile")
            nameFilters: [qsTr("Delta Sharing profiles (*.share)"), qsTr("All files (*)")]
            onAccepted: root.page.previewFile(selectedFile)
        }

        RowLayout {
            visible: root.controller.loading && !root.controller.loaded
            spacing: 8
            Layout.leftMargin: 16

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Reading the recipients…")
                opacity: 0.7
            }
        }

        Frame {
            objectName: "noRecipients"
            visible: root.controller.loaded && root.controller.recipients.count === 0
            padding: 16
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16

            Label {
                width: parent.width
                text: root.controller.shares.count === 0 ? qsTr("No recipients yet. Create a share first, then add a recipient and issue its token.") : qsTr("No recipients yet — add one, grant it shares, then issue its token.")
                wrapMode: Text.WordWrap
                opacity: 0.75
            }
        }

        Repeater {
            model: root.controller.recipients

            delegate: RecipientRow {
                id: row

                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                enabled: root.controller.canSave
                onEditRequested: root.page.editRecipient(row.recipientId)
                onIssueRequested: root.page.issueToken(row.recipientId, row.name)
                onRotateRequested: root.page.rotateToken(row.recipientId, row.name)
                onRevokeRequested: root.page.confirm(qsTr("Revoke every token?"), qsTr("Every token of “%1” stops working now; clients using it get 401 on their next request. Issue a new token to let the recipient read again.").arg(row.name), qsTr("Revoke now"), () => root.controller.revokeRecipient(row.recipientId))
                onRemoveRequested: root.page.confirm(qsTr("Remove the recipient?"), qsTr("“%1” will be removed with its grants and tokens, which stop working at once. The audit trail keeps its requests.").arg(row.name), qsTr("Remove recipient"), () => root.controller.removeRecipient(row.recipientId))
            }
        }

        Item {
            Layout.preferredHeight: 8
        }
    }
}
