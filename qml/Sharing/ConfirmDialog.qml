import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Asks before something that cannot be undone (delete a share, revoke tokens). Escape or Cancel keeps
// things as they are; the action button has to be chosen (Enter on it, or a click).
Dialog {
    id: root

    property string text
    property string actionText
    property var onYes: null

    function ask(title: string, text: string, action: string, onYes) {
        root.title = title;
        root.text = text;
        root.actionText = action;
        root.onYes = onYes;
        open();
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    contentWidth: 460
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    onOpened: cancelButton.forceActiveFocus()
    onClosed: root.onYes = null

    Label {
        objectName: "confirmText"
        width: root.contentWidth
        text: root.text
        wrapMode: Text.WordWrap
    }

    footer: Pane {
        background: null

        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                objectName: "confirmButton"
                text: root.actionText
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: {
                    const action = root.onYes;
                    root.close();
                    if (action)
                        action();
                }
            }

            Button {
                id: cancelButton

                objectName: "cancelButton"
                text: qsTr("Cancel")
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: root.close()
            }
        }
    }
}
