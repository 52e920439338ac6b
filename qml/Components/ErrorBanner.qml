import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A full-width message that stays until its cause is gone; hidden when text is empty.
Rectangle {
    id: root

    property alias text: message.text

    visible: text !== ""
    color: "#fdecea"
    border.color: "#f5c2c0"
    implicitHeight: visible ? message.implicitHeight + 20 : 0

    Label {
        id: message

        anchors.fill: parent
        anchors.margins: 10
        wrapMode: Text.WordWrap
        color: "#7f1d1d"
    }
}
