import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A caption over a value, used in headers and summaries.
ColumnLayout {
    id: root

    property string caption
    property string value
    property color valueColor: palette.windowText

    spacing: 0

    Label {
        text: root.caption
        font.pixelSize: 11
        opacity: 0.6
    }

    Label {
        text: root.value === "" ? "—" : root.value
        color: root.valueColor
        font.pixelSize: 14
        elide: Text.ElideRight
        Layout.fillWidth: true
    }
}
