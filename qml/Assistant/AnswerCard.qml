pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// One question of the conversation and its answer: progress with Cancel while it runs; then the title,
// how the question was read, the SQL (copy, edit and run again), the rows as a table or a chart, where
// they came from; or the error with Retry.
Frame {
    id: root

    required property int index
    required property string question
    required property int answerState
    required property string progress
    required property string progressDetail
    required property string title
    required property string answerText
    required property string sql
    required property bool edited
    required property string error
    required property string errorDetail
    required property ResultTableModel table
    required property bool hasTable
    required property string note
    required property string chartSpec
    required property string provenance
    required property string notice
    required property int resultRows
    required property bool readingRows

    required property AssistantController controller
    property bool preferChart: false
    readonly property bool showingChart: root.chartSpec !== "" && viewTabs.currentIndex === 1
    readonly property alias resultTable: resultTable
    readonly property alias sqlBlock: sqlBlock
    readonly property bool chartRendered: chartLoader.item !== null && chartLoader.item.rendered
    readonly property var chartInfo: root.chartSpec !== "" ? JSON.parse(root.chartSpec) : null

    signal exportRequested(int index)
    signal saveWorklistRequested(int index)
    signal chartRenderFinished(bool ok)

    padding: 14

    background: Rectangle {
        radius: 6
        color: root.palette.base
        border.color: root.answerState === ConversationModel.Failed ? "#e6a19b" : root.palette.mid
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            objectName: "question"
            text: root.question
            font.pixelSize: 14
            font.italic: true
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }

        RowLayout {
            visible: root.answerState === ConversationModel.Running
            spacing: 8
            Layout.fillWidth: true

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                objectName: "progress"
                text: root.progress
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                ToolTip.visible: progressHover.hovered && root.progressDetail !== ""
                ToolTip.text: root.progressDetail

                HoverHandler {
                    id: progressHover
                }
            }

            Button {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                onClicked: root.controller.cancel()
            }
        }

        ColumnLayout {
            visible: root.answerState === ConversationModel.Failed || root.answerState === ConversationModel.Cancelled
            spacing: 6
            Layout.fillWidth: true

            Label {
                objectName: "errorText"
                text: root.error
                color: root.answerState === ConversationModel.Failed ? "#9f1c1c" : root.palette.text
                font.bold: root.answerState === ConversationModel.Failed
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label {
                objectName: "errorDetail"
                visible: text !== ""
                text: root.errorDetail
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Button {
                objectName: "retryButton"
                text: qsTr("Retry")
                onClicked: root.controller.retry(root.index)
            }
        }

        Label {
            objectName: "title"
            visible: root.answerState === ConversationModel.Done && text !== ""
            text: root.title
            font.bold: true
            font.pixelSize: 17
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Label {
            objectName: "answerText"
            visible: root.answerState === ConversationModel.Done && text !== ""
            text: root.answerText
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }

        SqlBlock {
            id: sqlBlock

            visible: root.sql !== "" && root.answerState !== ConversationModel.Running
            sql: root.sql
            edited: root.edited
            canRun: root.answerState === ConversationModel.Done || root.edited
            onCopyRequested: root.controller.copySql(root.index)
            onRunRequested: text => root.controller.rerun(root.index, text)
        }

        Label {
            objectName: "note"
            visible: root.answerState === ConversationModel.Done && text !== ""
            text: root.note
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            opacity: 0.8
            Layout.fillWidth: true
        }

        RowLayout {
            visible: root.answerState === ConversationModel.Done && root.hasTable
            spacing: 8
            Layout.fillWidth: true

            TabBar {
                id: viewTabs

                visible: root.chartSpec !== ""
                currentIndex: root.preferChart && root.chartSpec !== "" ? 1 : 0

                ViewSwitchButton {
                    objectName: "tableTab"
                    text: qsTr("Table")
                }

                ViewSwitchButton {
                    objectName: "chartTab"
                    text: qsTr("Chart")
                }
            }

            Label {
                objectName: "rowCount"
                text: root.readingRows ? qsTr("%n row(s) so far, reading the rest…", "", root.resultRows) : qsTr("%n row(s)", "", root.resultRows)
                opacity: 0.7
            }

            Item {
                Layout.fillWidth: true
            }

            Label {
                visible: root.table.hasAccounts && !root.showingChart
                text: qsTr("Double-click a row to open its account")
                font.pixelSize: 11
                opacity: 0.6
            }

            Button {
                objectName: "saveWorklistButton"
                visible: root.table.hasAccounts && root.sql !== ""
                text: qsTr("Save as worklist…")
                enabled: !root.readingRows
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Keep this query as a worklist of accounts, read live whenever it is opened")
                onClicked: root.saveWorklistRequested(root.index)
            }

            Button {
                objectName: "exportButton"
                text: qsTr("Export CSV…")
                enabled: !root.table.exporting && !root.readingRows
                onClicked: root.exportRequested(root.index)
            }
        }

        ResultTable {
            id: resultTable

            visible: root.answerState === ConversationModel.Done && root.hasTable && !root.showingChart
            table: root.table
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.preferredHeight: implicitHeight
            onRowActivated: row => {
                if (root.table.hasAccounts)
                    root.controller.openRow(root.index, row);
            }
        }

        Loader {
            id: chartLoader

            // Chromium starts only when a chart is first shown; it stays loaded afterwards.
            property bool wanted: false

            visible: root.showingChart
            active: wanted
            source: "ResultChart.qml"
            Layout.fillWidth: true
            // Horizontal bars (many categories) get room for every label.
            Layout.preferredHeight: root.chartInfo && root.chartInfo.horizontal ? Math.max(340, root.chartInfo.shown * 16 + 60) : 340
            onLoaded: {
                item.spec = Qt.binding(() => root.chartSpec);
                item.textColor = root.palette.text;
                item.gridColor = root.palette.mid;
                item.renderFinished.connect(ok => root.chartRenderFinished(ok));
            }
            Connections {
                target: root

                function onShowingChartChanged() {
                    if (root.showingChart)
                        chartLoader.wanted = true;
                }
            }
            Component.onCompleted: wanted = root.showingChart
        }

        Label {
            objectName: "chartCaption"
            visible: root.showingChart && root.chartInfo !== null && root.chartInfo.shown < root.chartInfo.of
            text: root.chartInfo ? qsTr("The chart shows the first %1 of %2 rows, in the table's order.").arg(root.chartInfo.shown).arg(root.chartInfo.of) : ""
            font.pixelSize: 11
            opacity: 0.65
        }

        RowLayout {
            visible: root.answerState === ConversationModel.Done
            spacing: 8
            Layout.fillWidth: true

            Label {
                objectName: "provenance"
                text: root.provenance
                font.pixelSize: 11
                opacity: 0.65
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }

        Label {
            objectName: "notice"
            visible: text !== ""
            text: root.notice
            wrapMode: Text.Wrap
            font.pixelSize: 12
            Layout.fillWidth: true
        }
    }
}
