pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The worklist's filters as removable chips, "all"/"any" for how they combine, and a row to add one:
// column, comparison, value (Enter adds).
ColumnLayout {
    id: root

    required property WorklistTableModel table
    readonly property alias valueField: valueField

    function addCurrent() {
        if (root.table.addFilter(columnBox.currentIndex, opBox.currentValue ?? "", valueField.text))
            valueField.clear();
    }

    spacing: 6

    RowLayout {
        spacing: 6
        Layout.fillWidth: true

        Label {
            text: qsTr("Filter")
            font.bold: true
        }

        ComboBox {
            id: columnBox

            objectName: "filterColumn"
            model: root.table.columnLabels
            Layout.preferredWidth: 200
            Accessible.name: qsTr("Column to filter")
        }

        ComboBox {
            id: opBox

            objectName: "filterOperator"
            model: root.table.operatorsFor(columnBox.currentIndex)
            textRole: "label"
            valueRole: "op"
            Layout.preferredWidth: 150
            Accessible.name: qsTr("Comparison")
        }

        TextField {
            id: valueField

            objectName: "filterValue"
            enabled: opBox.currentValue !== "empty" && opBox.currentValue !== "not-empty"
            placeholderText: root.table.formatOf(columnBox.currentIndex) === "date" ? qsTr("YYYY-MM-DD") : qsTr("Value")
            Layout.preferredWidth: 160
            onAccepted: root.addCurrent()
        }

        Button {
            objectName: "addFilter"
            text: qsTr("Add filter")
            onClicked: root.addCurrent()
        }

        Item {
            Layout.fillWidth: true
        }
    }

    Label {
        objectName: "filterError"
        visible: root.table.filterError !== ""
        text: root.table.filterError
        color: "#b3261e"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Flow {
        visible: root.table.filters.length > 0
        spacing: 6
        Layout.fillWidth: true

        ComboBox {
            objectName: "matchMode"
            visible: root.table.filters.length > 1
            model: [qsTr("Match all (AND)"), qsTr("Match any (OR)")]
            currentIndex: root.table.matchAll ? 0 : 1
            onActivated: index => root.table.matchAll = index === 0
        }

        Repeater {
            model: root.table.filters

            delegate: Button {
                required property int index
                required property var modelData

                objectName: "filterChip" + index
                text: modelData.text + "  ✕"
                flat: false
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove this filter")
                onClicked: root.table.removeFilter(index)
            }
        }

        Button {
            text: qsTr("Clear filters")
            flat: true
            onClicked: root.table.clearFilters()
        }
    }
}
