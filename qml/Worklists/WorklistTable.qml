pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

import Lakeshore

// A worklist's lines in a virtualized table: a header that sorts on click, a check box per row (Space),
// group lines that fold (Space or a click) with their totals, the overall totals in a footer under the
// header's columns. Enter opens the row's account; the lines on screen are reported for the CRM join.
Item {
    id: root

    required property WorklistTableModel table
    readonly property int rowHeight: 28
    readonly property int checkWidth: 30
    readonly property alias view: tableView
    property int currentLine: 0
    // The current line's kind (-1 none, 0 group, 1 row, 2 total), read again whenever the lines change.
    readonly property int currentKind: root.linesRevision >= 0 ? root.table.lineKind(root.currentLine) : -1
    property int linesRevision: 0

    signal rowActivated(int line)
    signal linesShown(int first, int last)

    function columnWidth(column: int): real {
        const header = String(root.table.headerData(column, Qt.Horizontal, Qt.DisplayRole));
        const digit = Math.max(metrics.averageCharacterWidth, metrics.advanceWidth("0"));
        const headerWidth = header.length * digit + 40;
        const cellWidth = Math.max(root.table.columnTextLength(column), root.table.footer(column).length) * digit + 24;
        return Math.min(360, Math.max(80, headerWidth, cellWidth)) + (column === 0 ? root.checkWidth : 0);
    }

    function moveTo(line: int) {
        if (root.table.rowCount() === 0)
            return;
        root.currentLine = Math.max(0, Math.min(line, root.table.rowCount() - 1));
        tableView.positionViewAtRow(root.currentLine, TableView.Contain);
    }

    function reportShown() {
        const first = Math.floor(tableView.contentY / root.rowHeight);
        const last = first + Math.ceil(tableView.height / root.rowHeight);
        root.linesShown(first, last);
    }

    clip: true
    activeFocusOnTab: true
    Keys.forwardTo: [tableView]

    Label {
        id: sample

        visible: false
    }

    FontMetrics {
        id: metrics

        font: sample.font
    }

    // Lines change by a model reset (a new result, a filter, a sort, a group folding).
    Connections {
        target: root.table

        function onModelReset() {
            root.currentLine = Math.max(0, Math.min(root.currentLine, root.table.rowCount() - 1));
            ++root.linesRevision;
        }

        // The CRM's names arriving (not a selection or a task outcome) may need wider columns.
        function onDataChanged(topLeft, bottomRight, roles) {
            if (roles.length === 0 || roles.indexOf(Qt.DisplayRole) >= 0)
                Qt.callLater(tableView.forceLayout);
        }
    }

    Timer {
        id: shownLater

        interval: 150
        onTriggered: root.reportShown()
    }

    HorizontalHeaderView {
        id: header

        objectName: "worklistHeader"
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

            implicitHeight: 30
            implicitWidth: headerLabel.implicitWidth
            color: root.palette.button

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
                horizontalAlignment: root.table.isNumericColumn(headerCell.column) ? Text.AlignRight : Text.AlignLeft
                elide: Text.ElideRight
                font.bold: true
                text: headerCell.display + (headerCell.sorted ? (root.table.descending ? " ▼" : " ▲") : "")
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

        objectName: "worklistTable"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: footer.top
        clip: true
        model: root.table
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: column => root.columnWidth(column)
        rowHeightProvider: () => root.rowHeight
        focus: true
        onContentYChanged: shownLater.restart()
        onHeightChanged: shownLater.restart()

        ScrollBar.vertical: ScrollBar {
            policy: tableView.contentHeight > tableView.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        }

        ScrollBar.horizontal: ScrollBar {}

        Keys.onPressed: event => {
            const page = Math.max(1, Math.floor(tableView.height / root.rowHeight) - 1);
            if (event.key === Qt.Key_Down) {
                root.moveTo(root.currentLine + 1);
            } else if (event.key === Qt.Key_Up) {
                root.moveTo(root.currentLine - 1);
            } else if (event.key === Qt.Key_PageDown) {
                root.moveTo(root.currentLine + page);
            } else if (event.key === Qt.Key_PageUp) {
                root.moveTo(root.currentLine - page);
            } else if (event.key === Qt.Key_Home) {
                root.moveTo(0);
            } else if (event.key === Qt.Key_End) {
                root.moveTo(root.table.rowCount() - 1);
            } else if (event.key === Qt.Key_Space) {
                if (root.table.lineKind(root.currentLine) === 0 && (event.modifiers & Qt.ShiftModifier) === 0)
                    root.table.toggleGroup(root.currentLine);
                else
                    root.table.toggleSelected(root.currentLine);
            } else if ((event.key === Qt.Key_Left || event.key === Qt.Key_Right) && root.table.lineKind(root.currentLine) === 0) {
                // Left folds, Right unfolds (as in a tree); pressed again they leave the group as it is.
                const collapsed = root.table.data(root.table.index(root.currentLine, 0), WorklistTableModel.CollapsedRole);
                if (collapsed === (event.key === Qt.Key_Right))
                    root.table.toggleGroup(root.currentLine);
            } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                root.rowActivated(root.currentLine);
            } else if (event.key === Qt.Key_A && (event.modifiers & Qt.ControlModifier)) {
                root.table.selectAllShown();
            } else {
                return;
            }
            event.accepted = true;
        }

        delegate: Rectangle {
            id: cell

            required property string display
            required property bool numeric
            required property int lineKind
            required property bool selected
            required property int joinState
            required property int taskState
            required property string taskMessage
            required property bool collapsed
            required property int row
            required property int column

            readonly property bool current: cell.row === root.currentLine

            implicitHeight: root.rowHeight
            color: cell.lineKind !== 1 ? root.palette.button
                 : cell.selected ? Qt.tint(root.palette.base, "#332f6fd6")
                 : (cell.row % 2 ? root.palette.alternateBase : root.palette.base)

            // The current line: a band across the whole row (top and bottom edges), not a box per cell.
            Rectangle {
                visible: cell.current && tableView.activeFocus
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                height: 2
                color: root.palette.highlight
            }

            Rectangle {
                visible: cell.current && tableView.activeFocus
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: 2
                color: root.palette.highlight
            }

            CheckBox {
                id: check

                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                visible: cell.column === 0 && cell.lineKind !== 2
                checked: cell.selected
                focusPolicy: Qt.NoFocus
                padding: 2
                onClicked: root.table.toggleSelected(cell.row)
                ToolTip.visible: hovered && cell.taskState > 0
                ToolTip.text: cell.taskMessage
            }

            Rectangle {
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: 3
                height: parent.height - 4
                visible: cell.column === 0 && cell.taskState > 0
                color: cell.taskState === 2 ? "#2e7d32" : cell.taskState === 3 ? "#b3261e" : root.palette.mid
            }

            Label {
                anchors.fill: parent
                leftPadding: cell.column === 0 ? root.checkWidth : 8
                rightPadding: 8
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: cell.numeric && cell.lineKind !== 0 ? Text.AlignRight : Text.AlignLeft
                elide: Text.ElideRight
                textFormat: Text.PlainText
                font.bold: cell.lineKind !== 1
                text: (cell.lineKind === 0 && cell.column === 0 ? (cell.collapsed ? "▸ " : "▾ ") : "") + cell.display
                opacity: cell.lineKind === 1 && cell.display === "…" ? 0.5 : 1
            }

            TapHandler {
                onTapped: {
                    root.currentLine = cell.row;
                    tableView.forceActiveFocus();
                    if (cell.lineKind === 0)
                        root.table.toggleGroup(cell.row);
                }
                onDoubleTapped: {
                    if (cell.lineKind === 1)
                        root.rowActivated(cell.row);
                }
            }
        }
    }

    // Totals over every shown row, under their columns: a second header synced to the table, so it has
    // the table's column widths and positions (also for columns laid out while scrolling far to the right).
    Rectangle {
        id: footer

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: root.rowHeight + 2
        color: root.palette.button

        HorizontalHeaderView {
            objectName: "worklistFooter"
            anchors.fill: parent
            anchors.topMargin: 1
            syncView: tableView
            interactive: false
            clip: true

            delegate: Item {
                id: total

                required property int column

                implicitHeight: root.rowHeight

                Label {
                    objectName: "footerCell" + total.column
                    anchors.fill: parent
                    leftPadding: 8
                    rightPadding: 8
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: root.table.isNumericColumn(total.column) ? Text.AlignRight : Text.AlignLeft
                    elide: Text.ElideRight
                    font.bold: true
                    // linesRevision: the totals change with the lines (footer() alone is not watched).
                    text: root.linesRevision < 0 ? "" : total.column === 0 && root.table.footer(0) === "" ? qsTr("Total") : root.table.footer(total.column)
                }
            }
        }

        Rectangle {
            width: parent.width
            height: 1
            color: root.palette.mid
        }
    }
}
