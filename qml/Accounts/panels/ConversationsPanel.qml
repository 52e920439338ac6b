pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No conversations.")
    visibleLimit: 4

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: modelData.subject
            value: qsTr("%n message(s)", "", modelData.messages)
            detail: qsTr("%1 · %2 · “%3”").arg(modelData.channel).arg(modelData.lastAt).arg(modelData.lastMessage)
        }
    }
}
