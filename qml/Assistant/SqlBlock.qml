pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The SQL an answer ran, in monospace: Copy, and Edit → an editable text → Run (re-run through the
// query guard) or Cancel (Escape).
Frame {
    id: root

    property string sql
    property bool edited: false
    property bool canRun: true
    property bool expanded: false // long SQL (a long account list) shows its first lines until expanded
    readonly property bool editing: editor.visible
    readonly property alias text: editor.text

    signal copyRequested
    signal runRequested(string sql)

    function startEdit() {
        editor.text = root.sql;
        editor.visible = true;
        editor.forceActiveFocus();
    }

    function cancelEdit() {
        editor.visible = false;
    }

    padding: 8
    Layout.fillWidth: true

    background: Rectangle {
        radius: 4
        color: root.palette.alternateBase
        border.color: root.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 6

            Label {
                text: root.edited ? qsTr("SQL (edited)") : qsTr("SQL")
                font.bold: true
                font.pixelSize: 12
                Layout.fillWidth: true
            }

            Button {
                objectName: "expandSqlButton"
                visible: !root.editing && (sqlText.truncated || root.expanded)
                flat: true
                text: root.expanded ? qsTr("Show less") : qsTr("Show all")
                onClicked: root.expanded = !root.expanded
            }

            Button {
                objectName: "copySqlButton"
                visible: !root.editing
                flat: true
                text: qsTr("Copy")
                onClicked: root.copyRequested()
            }

            Button {
                objectName: "editSqlButton"
                visible: !root.editing && root.canRun
                flat: true
                text: qsTr("Edit")
                onClicked: root.startEdit()
            }

            Button {
                objectName: "runSqlButton"
                visible: root.editing
                highlighted: true
                enabled: editor.text.trim() !== ""
                text: qsTr("Run")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Run this SQL on the lakehouse (Ctrl+Enter)")
                onClicked: {
                    root.cancelEdit();
                    root.runRequested(editor.text);
                }
            }

            Button {
                visible: root.editing
                flat: true
                text: qsTr("Cancel")
                onClicked: root.cancelEdit()
            }
        }

        Label {
            id: sqlText

            objectName: "sqlText"
            visible: !root.editing
            maximumLineCount: root.expanded ? 100000 : 6
            elide: Text.ElideRight
            text: root.sql
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 12
            wrapMode: Text.WrapAnywhere
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }

        TextArea {
            id: editor

            objectName: "sqlEditor"
            visible: false
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 12
            wrapMode: TextEdit.WrapAnywhere
            selectByMouse: true
            Layout.fillWidth: true
            Keys.onEscapePressed: root.cancelEdit()
            Keys.onPressed: event => {
                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && (event.modifiers & Qt.ControlModifier)) {
                    event.accepted = true;
                    root.cancelEdit();
                    root.runRequested(editor.text);
                }
            }
        }
    }
}
