pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Names with write-only values (environment variables, HTTP headers): a stored value is never shown;
// typing a value replaces it.
ColumnLayout {
    id: root

    required property SecretMapModel entries
    property string namePlaceholder: qsTr("NAME")
    property string addText: qsTr("Add")

    spacing: 4

    Repeater {
        model: root.entries

        delegate: RowLayout {
            id: entry

            required property int index
            required property string name
            required property string valueInput
            required property bool stored

            spacing: 4
            Layout.fillWidth: true

            TextField {
                text: entry.name
                placeholderText: root.namePlaceholder
                font.family: "monospace"
                selectByMouse: true
                Layout.preferredWidth: 220
                onTextEdited: root.entries.setName(entry.index, text)
            }

            TextField {
                text: entry.valueInput
                echoMode: TextInput.Password
                placeholderText: entry.stored ? qsTr("•••••••• stored encrypted; type to replace") : qsTr("value")
                selectByMouse: true
                Layout.fillWidth: true
                onTextEdited: root.entries.setValue(entry.index, text)
            }

            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Remove %1").arg(entry.name)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove")
                onClicked: root.entries.remove(entry.index)
            }
        }
    }

    Button {
        text: root.addText
        flat: true
        onClicked: root.entries.append()
    }
}
