pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No open orders.")

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: modelData.number
            value: Format.format(modelData.total)
            detail: qsTr("%1 · ordered %2 · wanted %3 · %n line(s)", "", modelData.lines).arg(modelData.status).arg(modelData.orderDate).arg(modelData.deliveryDate)
        }
    }
}
