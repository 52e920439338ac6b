pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No invoices.")

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: modelData.number
            value: Format.format(modelData.total)
            detail: modelData.remaining > 0
                ? qsTr("%1 · due %2 · %3 open").arg(modelData.date).arg(modelData.dueDate).arg(Format.format(modelData.remaining))
                : qsTr("%1 · paid").arg(modelData.date)
        }
    }
}
