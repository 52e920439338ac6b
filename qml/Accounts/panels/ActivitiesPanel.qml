pragma ComponentBehavior: Bound

import QtQuick

import Lakeshore

Panel {
    id: root

    emptyText: qsTr("No activities.")

    function typeName(type: string): string {
        switch (type) {
        case "Call": return qsTr("Call");
        case "Email": return qsTr("Email");
        case "Meeting": return qsTr("Meeting");
        case "Task": return qsTr("Task");
        }
        return type;
    }

    Repeater {
        model: root.visibleRows

        delegate: TwoLineRow {
            required property var modelData

            title: qsTr("%1: %2").arg(root.typeName(modelData.type)).arg(modelData.subject)
            detail: [modelData.when, modelData.status === "Open" ? qsTr("open") : qsTr("done"), modelData.owner].filter(s => s !== "").join(" · ")
            strong: modelData.status === "Open"
        }
    }
}
