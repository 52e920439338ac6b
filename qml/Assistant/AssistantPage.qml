pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

import Lakeshore

// The Assistant: questions about the accounts answered live from the lakehouse, each with its SQL, rows
// (table or chart) and provenance. The account open on the Accounts page is "this account".
Page {
    id: root

    property alias controller: controller
    property alias conversationView: conversationView
    property alias questionField: questionField
    property alias contextAccountId: controller.contextAccountId
    property alias contextAccountNumber: controller.contextAccountNumber
    property alias contextAccountName: controller.contextAccountName
    property bool preferCharts: false // new answers open on their chart
    property int chartsRendered: 0
    property int chartsFailed: 0

    signal accountRequested(string accountId, string accountNumber)
    signal settingsRequested

    function ask(question: string) {
        controller.ask(question);
        questionField.text = "";
    }

    // The card of one conversation entry, once the list has made it (null otherwise).
    function card(index) {
        return conversationView.itemAtIndex(index);
    }

    objectName: "assistantPage"

    AssistantController {
        id: controller

        objectName: "assistant"
        onAccountRequested: (accountId, accountNumber) => root.accountRequested(accountId, accountNumber)
        onAnswered: index => Qt.callLater(() => conversationView.positionViewAtIndex(index, ListView.Contain))
    }

    SaveWorklistDialog {
        id: saveWorklistDialog

        controller: controller
    }

    FileDialog {
        id: exportDialog

        property int answerIndex: -1

        title: qsTr("Export the rows as CSV")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        defaultSuffix: "csv"
        onAccepted: controller.exportCsv(answerIndex, selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10

        RowLayout {
            visible: controller.connecting
            spacing: 8

            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }

            Label {
                text: qsTr("Connecting…")
            }
        }

        Frame {
            objectName: "unavailable"
            visible: !controller.connecting && !controller.available
            padding: 16
            Layout.fillWidth: true

            ColumnLayout {
                anchors.fill: parent
                spacing: 10

                Label {
                    text: qsTr("The assistant needs a lakehouse")
                    font.bold: true
                    font.pixelSize: 16
                }

                Label {
                    objectName: "problem"
                    text: controller.problem
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "openSettingsButton"
                    text: qsTr("Open Settings")
                    onClicked: root.settingsRequested()
                }
            }
        }

        ColumnLayout {
            objectName: "examples"
            visible: controller.available && conversationView.count === 0
            spacing: 8
            Layout.fillWidth: true

            Label {
                objectName: "introText"
                text: qsTr("Ask about your accounts: revenue, margin, items, contract coverage. The answer is read live from the lakehouse “%1”; nothing is kept after you close the window.").arg(controller.lakehouseName)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("For example:")
                opacity: 0.7
            }

            Repeater {
                model: controller.examples

                delegate: Button {
                    required property string modelData

                    flat: true
                    text: modelData
                    onClicked: root.ask(modelData)
                }
            }
        }

        ListView {
            id: conversationView

            objectName: "conversation"
            visible: count > 0
            model: controller.conversation
            spacing: 12
            clip: true
            reuseItems: false
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollBar.vertical: ScrollBar {}

            delegate: AnswerCard {
                width: ListView.view.width - 12
                controller: root.controller
                preferChart: root.preferCharts
                onExportRequested: index => {
                    exportDialog.answerIndex = index;
                    exportDialog.open();
                }
                onSaveWorklistRequested: index => saveWorklistDialog.openFor(index, question)
                onChartRenderFinished: ok => {
                    if (ok)
                        root.chartsRendered += 1;
                    else
                        root.chartsFailed += 1;
                }
            }

            onCountChanged: Qt.callLater(() => conversationView.positionViewAtEnd())
        }

        Item {
            visible: !conversationView.visible
            Layout.fillHeight: true
        }

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            Label {
                objectName: "contextChip"
                visible: controller.contextAccountId !== ""
                text: qsTr("This account: %1").arg(controller.contextAccountName !== "" ? controller.contextAccountName : controller.contextAccountNumber)
                padding: 4
                leftPadding: 8
                rightPadding: 8
                elide: Text.ElideRight
                Layout.maximumWidth: 260
                ToolTip.visible: chipHover.hovered
                ToolTip.text: qsTr("Questions about “this account” mean the account open on the Accounts page.")

                background: Rectangle {
                    radius: 4
                    color: root.palette.alternateBase
                    border.color: root.palette.mid
                }

                HoverHandler {
                    id: chipHover
                }
            }

            TextField {
                id: questionField

                objectName: "questionField"
                enabled: controller.available
                placeholderText: qsTr("Ask a question, e.g. “top 10 accounts by revenue in Columbus”")
                selectByMouse: true
                Layout.fillWidth: true
                onAccepted: root.ask(text)
            }

            Button {
                objectName: "askButton"
                enabled: controller.available && questionField.text.trim() !== ""
                highlighted: true
                text: qsTr("Ask")
                onClicked: root.ask(questionField.text)
            }

            Button {
                objectName: "cancelQuestionButton"
                visible: controller.busy
                text: qsTr("Cancel")
                onClicked: controller.cancel()
            }
        }
    }
}
