pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No contacts.")

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: modelData.primary ? qsTr("%1 (primary)").arg(modelData.name) : modelData.name
            strong: modelData.primary
            detail: [modelData.title, modelData.email, modelData.phone].filter(s => s !== "").join(" · ")
        }
    }
}
