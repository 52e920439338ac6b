pragma ComponentBehavior: Bound

import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

import Lakeshore

// The config.share profile of a token just issued or rotated, shown this once: Copy to clipboard, or
// Save as… a file only its owner can read. Closing forgets it; closing before either asks first.
Dialog {
    id: root

    required property IssuedProfile profile
    property bool handedOver: false
    property string statusText
    property bool statusIsError: false
    property alias fileDialog: fileDialog
    property alias leaveDialog: leaveDialog

    signal previewRequested

    function finish() {
        if (root.handedOver)
            root.close();
        else
            leaveDialog.open();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 64, 680)
    modal: true
    focus: true
    closePolicy: Popup.NoAutoClose // Escape goes through finish()
    title: qsTr("Profile for “%1”").arg(profile.recipientName)
    onOpened: copyButton.forceActiveFocus()
    onClosed: {
        root.profile.forget();
        root.handedOver = false;
        root.statusText = "";
    }

    Shortcut {
        enabled: root.opened && !leaveDialog.visible && !fileDialog.visible
        sequence: "Escape"
        onActivated: root.finish()
    }

    Connections {
        function onCopied() {
            root.handedOver = true;
            root.statusIsError = false;
            root.statusText = qsTr("Copied to the clipboard.");
        }

        function onSaved(ok: bool, message: string) {
            root.handedOver = root.handedOver || ok;
            root.statusIsError = !ok;
            root.statusText = message;
        }

        target: root.profile
    }

    FileDialog {
        id: fileDialog

        // A FileDialog inside a popup has no window of its own to belong to.
        parentWindow: root.parent ? root.parent.Window.window : null
        title: qsTr("Save the profile")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "share"
        nameFilters: [qsTr("Delta Sharing profiles (*.share)"), qsTr("All files (*)")]
        onAccepted: root.profile.saveAs(selectedFile)
    }

    ColumnLayout {
        width: root.availableWidth
        spacing: 10

        Rectangle {
            objectName: "onceWarning"
            color: "#fef3c7"
            border.color: "#f59e0b"
            radius: 4
            implicitHeight: warning.implicitHeight + 20
            Layout.fillWidth: true

            Label {
                id: warning

                anchors.fill: parent
                anchors.margins: 10
                text: qsTr("This is the only time the token is shown. Copy the profile or save it as a file now, and hand it to the recipient over a safe channel. Lakeshore keeps only the token's hash.")
                color: "#78350f"
                wrapMode: Text.WordWrap
            }
        }

        Label {
            objectName: "profileExpiry"
            text: qsTr("The token works until %1.").arg(root.profile.expiresText) + (root.profile.rotationText !== "" ? "\n" + root.profile.rotationText : "")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        TextArea {
            objectName: "profileText"
            text: root.profile.text
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            wrapMode: TextEdit.WrapAnywhere
            background: Rectangle {
                color: root.palette.alternateBase
                border.color: root.palette.mid
                radius: 2
            }
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            Button {
                id: copyButton

                objectName: "copyProfileButton"
                text: qsTr("Copy to clipboard")
                highlighted: !root.handedOver
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: root.profile.copyToClipboard()
            }

            Button {
                objectName: "saveProfileButton"
                text: qsTr("Save as…")
                enabled: !root.profile.saving
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: {
                    fileDialog.currentFolder = StandardPaths.standardLocations(StandardPaths.DocumentsLocation)[0];
                    fileDialog.currentFile = fileDialog.currentFolder + "/" + root.profile.suggestedFileName;
                    fileDialog.open();
                }
            }

            Button {
                objectName: "previewProfileButton"
                text: qsTr("Preview as recipient")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Read the shares with this profile through the share server, as the recipient will.")
                onClicked: root.previewRequested()
            }

            Label {
                objectName: "profileStatus"
                text: root.statusText
                color: root.statusIsError ? "#9f1c1c" : "#15803d"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right

            Button {
                objectName: "doneButton"
                text: qsTr("Done")
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: root.finish()
            }
        }
    }

    Dialog {
        id: leaveDialog

        parent: Overlay.overlay
        anchors.centerIn: parent
        contentWidth: 440
        modal: true
        closePolicy: Popup.CloseOnEscape
        title: qsTr("Close without keeping the profile?")
        onOpened: backButton.forceActiveFocus()

        Label {
            width: leaveDialog.contentWidth
            text: qsTr("The token cannot be shown again. Without the profile the recipient cannot use it, and you would have to rotate the token.")
            wrapMode: Text.WordWrap
        }

        footer: Pane {
            background: null

            RowLayout {
                anchors.right: parent.right
                spacing: 8

                Button {
                    objectName: "closeAnywayButton"
                    text: qsTr("Close anyway")
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                    onClicked: {
                        leaveDialog.close();
                        root.close();
                    }
                }

                Button {
                    id: backButton

                    objectName: "backButton"
                    text: qsTr("Go back")
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                    onClicked: leaveDialog.close()
                }
            }
        }
    }
}
