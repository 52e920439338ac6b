pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Sharing: the CRM's tables published over Delta Sharing. Shares (which tables), recipients (who, with
// which token, from where) and the share server's audit trail, for the tenant in use.
Page {
    id: root

    property alias controller: controller
    property alias server: server
    property alias previewDialog: previewDialog
    property alias tab: tabs.currentIndex // 0 shares, 1 recipients, 2 audit
    property alias sharesView: sharesView
    property alias recipientsView: recipientsView
    property alias auditView: auditView
    property alias shareDialog: shareDialog
    property alias recipientDialog: recipientDialog
    property alias tokenDialog: tokenDialog
    property alias profileDialog: profileDialog
    property alias confirmDialog: confirmDialog

    function newShare() {
        controller.newShare();
        shareDialog.open();
    }

    function editShare(shareId: string) {
        if (controller.editShare(shareId))
            shareDialog.open();
    }

    function newRecipient() {
        controller.newRecipient();
        recipientDialog.open();
    }

    function editRecipient(recipientId: string) {
        if (controller.editRecipient(recipientId))
            recipientDialog.open();
    }

    function issueToken(recipientId: string, name: string) {
        tokenDialog.start(recipientId, name, false);
    }

    function rotateToken(recipientId: string, name: string) {
        tokenDialog.start(recipientId, name, true);
    }

    function confirm(title: string, text: string, action: string, onYes) {
        confirmDialog.ask(title, text, action, onYes);
    }

    function reload() {
        controller.load();
        controller.audit.refresh();
        server.refreshTables();
    }

    function previewProfile(text: string, source: string) {
        server.previewProfile(text, source);
        previewDialog.open();
    }

    function previewFile(file) {
        server.previewFile(file);
        previewDialog.open();
    }

    objectName: "sharingPage"

    SharingController {
        id: controller

        objectName: "sharing"
        Component.onCompleted: load()
        onProfileIssued: profileDialog.open()
        onRecipientSaved: (recipientId, created) => {
            // A new recipient's next step: its token.
            if (created)
                root.issueToken(recipientId, controller.recipientForm.name);
        }
    }

    // The share server in this app, and the tables it publishes. While it runs, profiles point to it.
    ShareServerController {
        id: server

        objectName: "shareServer"
        onServerChanged: {
            if (server.running)
                controller.endpoint = server.endpoint;
            else
                controller.resetEndpoint();
        }
    }

    Shortcut {
        enabled: root.visible && root.tab < 2 && controller.canSave
        sequence: "Ctrl+N"
        onActivated: root.tab === 0 ? root.newShare() : root.newRecipient()
    }

    Shortcut {
        enabled: root.visible
        sequence: "F5"
        onActivated: root.reload()
    }

    header: ColumnLayout {
        spacing: 0

        // The page's header: whose tables are shared and where profiles point. The share server's
        // state belongs in this row.
        RowLayout {
            objectName: "sharingHeader"
            spacing: 12
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.bottomMargin: 8

            Label {
                text: qsTr("Sharing")
                font.pixelSize: 22
                font.bold: true
            }

            Label {
                objectName: "tenantLabel"
                visible: controller.tenant !== ""
                text: qsTr("Tenant %1").arg(controller.tenant)
                font.pixelSize: 12
                padding: 3
                leftPadding: 8
                rightPadding: 8
                background: Rectangle {
                    radius: 4
                    color: root.palette.alternateBase
                    border.color: root.palette.mid
                }
            }

            Item {
                Layout.fillWidth: true
            }

            Label {
                objectName: "endpointLabel"
                visible: controller.endpoint !== ""
                text: qsTr("Profiles point to %1").arg(controller.endpoint)
                opacity: 0.75
                elide: Text.ElideMiddle
                Layout.maximumWidth: 560
            }
        }

        // The share server: its state, start and stop, and the snapshots of the CRM tables it serves.
        RowLayout {
            objectName: "serverRow"
            spacing: 10
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 8

            Rectangle {
                implicitWidth: 10
                implicitHeight: 10
                radius: 5
                color: server.running ? "#15803d" : "#9ca3af"
            }

            Label {
                objectName: "serverState"
                text: server.busy ? (server.running ? qsTr("Stopping the share server…") : qsTr("Starting the share server…")) : server.running ? qsTr("Share server running on port %1").arg(server.port) : qsTr("Share server stopped")
            }

            Label {
                visible: !server.running
                text: qsTr("Port")
            }

            SpinBox {
                objectName: "portBox"
                visible: !server.running
                enabled: !server.busy
                from: 1
                to: 65535
                editable: true
                value: server.port
                textFromValue: (value, locale) => String(value)
                onValueModified: server.port = value
                Layout.preferredWidth: 110
            }

            Button {
                objectName: "serverButton"
                text: server.running ? qsTr("Stop server") : qsTr("Start server")
                enabled: !server.busy && controller.tenant !== ""
                onClicked: server.running ? server.stop() : server.start()
            }

            Button {
                objectName: "snapshotButton"
                text: qsTr("Snapshot now")
                enabled: !server.snapshotting && controller.tenant !== ""
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Read the CRM tables now and publish them as new versions (also every %1 minutes while the server runs).").arg(15)
                onClicked: server.snapshotNow()
            }

            BusyIndicator {
                running: server.snapshotting || server.busy
                visible: running
                Layout.preferredWidth: 22
                Layout.preferredHeight: 22
            }

            Label {
                objectName: "snapshotMessage"
                text: server.serverError !== "" ? server.serverError : server.snapshotMessage
                color: server.serverError !== "" || server.snapshotFailed ? "#9f1c1c" : root.palette.windowText
                opacity: server.serverError !== "" || server.snapshotFailed ? 1 : 0.75
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }

        TabBar {
            id: tabs

            Layout.fillWidth: true

            TabButton {
                objectName: "sharesTab"
                text: controller.loaded ? qsTr("Shares (%1)").arg(controller.shares.count) : qsTr("Shares")
                width: implicitWidth
                leftPadding: 16
                rightPadding: 16
            }

            TabButton {
                objectName: "recipientsTab"
                text: controller.loaded ? qsTr("Recipients (%1)").arg(controller.recipients.count) : qsTr("Recipients")
                width: implicitWidth
                leftPadding: 16
                rightPadding: 16
            }

            TabButton {
                objectName: "auditTab"
                text: qsTr("Audit")
                width: implicitWidth
                leftPadding: 16
                rightPadding: 16
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorBanner {
            objectName: "loadError"
            text: controller.loadError
            Layout.fillWidth: true
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            SharesView {
                id: sharesView

                page: root
            }

            RecipientsView {
                id: recipientsView

                page: root
            }

            AuditView {
                id: auditView

                controller: controller
            }
        }
    }

    footer: Pane {
        visible: controller.message !== "" && root.tab < 2
        padding: 8
        leftPadding: 16

        Label {
            objectName: "message"
            width: parent.width
            text: controller.message
            color: controller.messageIsError ? "#9f1c1c" : root.palette.windowText
            wrapMode: Text.WordWrap
        }
    }

    ShareDialog {
        id: shareDialog

        controller: controller
    }

    RecipientDialog {
        id: recipientDialog

        controller: controller
    }

    TokenDialog {
        id: tokenDialog

        controller: controller
    }

    ProfileDialog {
        id: profileDialog

        profile: controller.profile
        onPreviewRequested: root.previewProfile(controller.profile.text, controller.profile.recipientName)
    }

    PreviewDialog {
        id: previewDialog

        server: server
    }

    ConfirmDialog {
        id: confirmDialog
    }
}
