import QtQuick
import QtQuick.Controls

// One button of a view switch (Table | Chart): the view that is on is filled with the highlight colour,
// so which one shows is never in doubt (Fusion's tabs only shade the other one).
TabButton {
    id: control

    width: implicitWidth
    leftPadding: 14
    rightPadding: 14

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.checked ? control.palette.highlightedText : control.palette.buttonText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    background: Rectangle {
        implicitHeight: 26
        color: control.checked ? control.palette.highlight : control.hovered ? Qt.lighter(control.palette.button, 1.04) : control.palette.button
        border.color: control.visualFocus ? control.palette.highlight : control.palette.mid
        border.width: control.visualFocus ? 2 : 1
    }
}
