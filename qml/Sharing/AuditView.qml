pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The Audit tab: the share server's requests, newest first (at most 500), filtered by recipient, text,
// failures and time range. Refresh (F5) reads again.
Item {
    id: root

    required property SharingController controller
    readonly property AuditTableModel audit: controller.audit
    property alias table: tableView
    property alias searchField: searchField
    // Column widths; the share.schema.table column takes what the table's width leaves.
    readonly property var baseWidths: [160, 170, 130, 130, 240, 70, 60, 90, 64]
    readonly property var columnWidths: {
        const widths = root.baseWidths.slice();
        const rest = widths.reduce((sum, width) => sum + width, 0) - widths[AuditTableModel.ObjectColumn];
        widths[AuditTableModel.ObjectColumn] = Math.max(widths[AuditTableModel.ObjectColumn], tableView.width - rest);
        return widths;
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        anchors.topMargin: 12
        spacing: 10

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            ComboBox {
                id: recipientBox

                objectName: "recipientFilter"
                // "" = every recipient, then each recipient by name.
                model: {
                    const entries = [{
                            "recipientId": "",
                            "name": qsTr("All recipients")
                        }];
                    const list = root.controller.recipients;
                    for (let i = 0; i < list.count; ++i) {
                        const row = list.get(i);
                        entries.push({
                            "recipientId": row.recipientId,
                            "name": row.name
                        });
                    }
                    return entries;
                }
                textRole: "name"
                valueRole: "recipientId"
                Layout.preferredWidth: 220
                onActivated: root.audit.recipientId = currentValue
                Accessible.name: qsTr("Recipient")
            }

            TextField {
                id: searchField

                objectName: "auditSearch"
                placeholderText: qsTr("Filter by share, table, request or address")
                selectByMouse: true
                Layout.fillWidth: true
                Layout.maximumWidth: 360
                onTextEdited: searchDelay.restart()
                onAccepted: {
                    searchDelay.stop();
                    root.audit.text = text;
                }
                Keys.onEscapePressed: {
                    text = "";
                    root.audit.text = "";
                }
            }

            Timer {
                id: searchDelay

                interval: 300
                onTriggered: root.audit.text = searchField.text
            }

            CheckBox {
                objectName: "failuresOnly"
                text: qsTr("Failures only")
                checked: root.audit.failuresOnly
                onToggled: root.audit.failuresOnly = checked
            }

            ComboBox {
                objectName: "rangeFilter"
                model: [qsTr("Last hour"), qsTr("Last 24 hours"), qsTr("Last 7 days"), qsTr("All time")]
                currentIndex: root.audit.range
                Layout.preferredWidth: 150
                onActivated: index => root.audit.range = index
                Accessible.name: qsTr("Time range")
            }

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "refreshAuditButton"
                text: qsTr("Refresh")
                enabled: !root.audit.loading
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Read the audit trail again (F5)")
                onClicked: root.audit.refresh()
            }
        }

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            BusyIndicator {
                visible: root.audit.loading
                running: visible
                Layout.preferredWidth: 20
                Layout.preferredHeight: 20
            }

            Label {
                objectName: "auditStatus"
                text: {
                    if (root.audit.error !== "")
                        return root.audit.error;
                    if (root.audit.loading && root.audit.count === 0)
                        return qsTr("Reading the audit trail…");
                    if (root.audit.truncated)
                        return qsTr("Showing the newest %1 requests; more match. Narrow the filters or the time range to see older ones.").arg(root.audit.limit);
                    return qsTr("%n request(s), newest first.", "", root.audit.count);
                }
                color: root.audit.error !== "" ? "#9f1c1c" : root.palette.windowText
                opacity: root.audit.error !== "" ? 1 : 0.75
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        Frame {
            padding: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            background: Rectangle {
                color: root.palette.base
                border.color: root.palette.mid
            }

            HorizontalHeaderView {
                id: header

                objectName: "auditHeader"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                syncView: tableView
                clip: true

                delegate: Rectangle {
                    id: headerCell

                    required property int column
                    required property string display

                    implicitHeight: 28
                    implicitWidth: root.columnWidths[column]
                    color: root.palette.button

                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 1
                        color: root.palette.mid
                    }

                    Label {
                        anchors.fill: parent
                        leftPadding: 8
                        rightPadding: 8
                        verticalAlignment: Text.AlignVCenter
                        horizontalAlignment: root.audit.headerData(headerCell.column, Qt.Horizontal, AuditTableModel.NumericRole) ? Text.AlignRight : Text.AlignLeft
                        elide: Text.ElideRight
                        font.bold: true
                        text: headerCell.display
                    }
                }
            }

            TableView {
                id: tableView

                objectName: "auditTable"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: header.bottom
                anchors.bottom: parent.bottom
                clip: true
                model: root.audit
                boundsBehavior: Flickable.StopAtBounds
                columnWidthProvider: column => root.columnWidths[column]
                onWidthChanged: forceLayout()
                rowHeightProvider: () => 26
                ScrollBar.vertical: ScrollBar {}
                ScrollBar.horizontal: ScrollBar {}

                delegate: Rectangle {
                    id: cell

                    required property int row
                    required property string display
                    required property bool failed
                    required property bool numeric
                    required property string toolTip

                    color: cell.failed ? "#fdecea" : (cell.row % 2 ? root.palette.alternateBase : root.palette.base)

                    Label {
                        anchors.fill: parent
                        leftPadding: 8
                        rightPadding: 8
                        verticalAlignment: Text.AlignVCenter
                        horizontalAlignment: cell.numeric ? Text.AlignRight : Text.AlignLeft
                        elide: Text.ElideRight
                        text: cell.display
                        color: cell.failed ? "#7f1d1d" : root.palette.text
                    }

                    HoverHandler {
                        id: hover
                    }

                    ToolTip.visible: hover.hovered && cell.toolTip !== ""
                    ToolTip.delay: 600
                    ToolTip.text: cell.toolTip
                }
            }

            Label {
                objectName: "noAudit"
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 520)
                visible: !root.audit.loading && root.audit.error === "" && root.audit.count === 0
                text: root.audit.text !== "" || root.audit.failuresOnly || root.audit.recipientId !== "" || root.audit.range !== AuditTableModel.AllTime ? qsTr("No requests match these filters.") : qsTr("No requests yet. Each request a recipient makes to the share server is listed here.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                opacity: 0.7
            }
        }
    }
}
