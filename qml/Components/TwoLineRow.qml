import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A row in a panel list: a main line with a value on the right, and a muted detail line.
ColumnLayout {
    id: root

    property string title
    property string detail
    property string value
    property bool strong: false

    spacing: 1
    Layout.fillWidth: true

    RowLayout {
        Layout.fillWidth: true

        Label {
            text: root.title
            font.bold: root.strong
            elide: Text.ElideRight
            Layout.fillWidth: true
        }

        Label {
            visible: root.value !== ""
            text: root.value
        }
    }

    Label {
        visible: root.detail !== ""
        text: root.detail
        font.pixelSize: 12
        opacity: 0.65
        elide: Text.ElideRight
        Layout.fillWidth: true
    }
}
