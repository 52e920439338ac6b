pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQml.Models

import Lakeshore

// One answer's rows in a virtualized table: a header that sorts on click, arrow keys to move, Ctrl+C to
// copy the selection (or the current cell) as tab-separated text, Enter or a double-click to open the
// row's account.
Item {
    id: root

    required property ResultTableModel table
    property int visibleRows: 12
    readonly property int rowHeight: 26
    readonly property alias view: tableView
    readonly property alias headerView: header
    readonly property alias selection: selection

    signal rowActivated(int row)
    signal copied(int cells)

    function columnWidth(column: int): real {
        const header = String(root.table.headerData(column, Qt.Horizontal, Qt.DisplayRole));
        // Digits are wider than the average character: money columns must not be cut.
        const headerWidth = header.length * Math.max(boldMetrics.averageCharacterWidth, boldMetrics.advanceWidth("0")) + 40; // padding and sort mark
        const cellWidth = root.table.columnTextLength(column) * Math.max(metrics.averageCharacterWidth, metrics.advanceWidth("0")) + 24;
        return Math.min(420, Math.max(72, headerWidth, cellWidth));
    }

    function copySelection() {
        let indexes = selection.selectedIndexes;
        if (indexes.length === 0 && tableView.currentRow >= 0 && tableView.currentColumn >= 0)
            indexes = [root.table.index(tableView.currentRow, tableView.currentColumn)];
        root.copied(root.table.copySelection(indexes));
    }

    function selectCell(row: int, column: int, toggle: bool) {
        const index = root.table.index(row, column);
        const command = toggle ? ItemSelectionModel.Toggle : ItemSelectionModel.ClearAndSelect;
        selection.setCurrentIndex(index, command);
        tableView.forceActiveFocus();
    }

    // Every column's width (known before the view loads them), so the table is no wider than its content.
    readonly property real columnsWidth: {
        if (root.table.columns > 60)
            return 100000;
        let width = 0;
        for (let column = 0; column < root.table.columns; ++column)
            width += root.columnWidth(column);
        return width;
    }

    implicitWidth: root.columnsWidth + 14 // room for the vertical scroll bar
    implicitHeight: header.height + Math.min(Math.max(root.table.rows, 1), root.visibleRows) * root.rowHeight + 14
    clip: true

    // The fonts the cells and the header use, for column widths.
    Label {
        id: sample

        visible: false
    }

    FontMetrics {
        id: metrics

        font: sample.font
    }

    FontMetrics {
        id: boldMetrics

        font.family: sample.font.family
        font.pixelSize: sample.font.pixelSize
        font.bold: true
    }

    HorizontalHeaderView {
        id: header

        objectName: "resultHeader"
        anchors.left: tableView.left
        anchors.right: parent.right
        anchors.top: parent.top
        syncView: tableView
        clip: true

        delegate: Rectangle {
            id: headerCell

            required property int column
            required property string display

            readonly property bool sorted: root.table.sortColumn === headerCell.column

            implicitHeight: 28
            implicitWidth: headerLabel.implicitWidth
            color: root.palette.button
            border.color: root.palette.mid
            border.width: 0

            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: root.palette.mid
            }

            Label {
                id: headerLabel

                anchors.fill: parent
                leftPadding: 8
                rightPadding: 8
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: root.table.headerData(headerCell.column, Qt.Horizontal, ResultTableModel.NumericRole) ? Text.AlignRight : Text.AlignLeft
                elide: Text.ElideRight
                font.bold: true
                text: headerCell.display + (headerCell.sorted ? (root.table.sortOrder === Qt.AscendingOrder ? " ▲" : " ▼") : "")
            }

            TapHandler {
                onTapped: root.table.toggleSort(headerCell.column)
            }

            HoverHandler {
                cursorShape: Qt.PointingHandCursor
            }
        }
    }

    TableView {
        id: tableView

        objectName: "resultTable"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        clip: true
        model: root.table
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: true
        pointerNavigationEnabled: false // our own handler selects and opens
        columnWidthProvider: column => root.columnWidth(column)
        rowHeightProvider: () => root.rowHeight
        activeFocusOnTab: true

        selectionModel: ItemSelectionModel {
            id: selection

            model: root.table
        }

        ScrollBar.vertical: ScrollBar {
            policy: tableView.contentHeight > tableView.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        }

        ScrollBar.horizontal: ScrollBar {}

        Keys.onPressed: event => {
            if (event.matches(StandardKey.Copy)) {
                root.copySelection();
                event.accepted = true;
            } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && tableView.currentRow >= 0) {
                root.rowActivated(tableView.currentRow);
                event.accepted = true;
            }
        }

        delegate: Rectangle {
            id: cell

            required property string display
            required property bool numeric
            required property bool isNull
            required property int row
            required property int column
            required property bool selected
            required property bool current

            implicitHeight: root.rowHeight
            color: cell.selected ? root.palette.highlight : (cell.row % 2 ? root.palette.alternateBase : root.palette.base)
            border.color: root.palette.highlight
            border.width: cell.current && tableView.activeFocus ? 1 : 0

            Label {
                anchors.fill: parent
                leftPadding: 8
                rightPadding: 8
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: cell.numeric ? Text.AlignRight : Text.AlignLeft
                elide: Text.ElideRight
                textFormat: Text.PlainText
                text: cell.display
                opacity: cell.isNull ? 0.45 : 1
                color: cell.selected ? root.palette.highlightedText : root.palette.text
            }

            MouseArea {
                anchors.fill: parent
                onClicked: mouse => root.selectCell(cell.row, cell.column, (mouse.modifiers & Qt.ControlModifier) !== 0)
                onDoubleClicked: root.rowActivated(cell.row)
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: tableView
        running: root.table.sorting
        visible: running
    }
}
