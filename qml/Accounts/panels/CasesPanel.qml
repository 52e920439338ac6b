pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No cases.")

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: qsTr("%1 %2").arg(modelData.number).arg(modelData.title)
            strong: modelData.status === "Active"
            detail: qsTr("%1 · %2 priority · opened %3").arg(modelData.status === "Active" ? qsTr("Active") : qsTr("Resolved")).arg(modelData.priority === "High" ? qsTr("High") : modelData.priority === "Low" ? qsTr("Low") : qsTr("Normal")).arg(modelData.createdOn)
        }
    }
}
