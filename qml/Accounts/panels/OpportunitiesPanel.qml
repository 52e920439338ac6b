pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No opportunities.")

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: modelData.name
            value: Format.compact(modelData.value)
            detail: modelData.status === "Open"
                ? qsTr("%1 · %2 % · closes %3").arg(modelData.stage).arg(modelData.probability).arg(modelData.closeDate)
                : qsTr("%1 · %2").arg(modelData.status === "Won" ? qsTr("Won") : qsTr("Lost")).arg(modelData.closeDate)
        }
    }
}
