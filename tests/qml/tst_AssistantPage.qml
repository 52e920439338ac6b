import QtQuick
import QtTest

import Lakeshore
import LakeshoreTest

// The Assistant page on the demo tenant: the question binds Cleveland through the demo CRM and runs on the
// demo lakehouse's MCP server. Asking renders the rows; a header click sorts; edited SQL the query guard
// refuses shows its error; Escape leaves the SQL editor; Cancel stops a running question (kept running by
// a demo CRM latency fault).
Item {
    id: root

    width: 1280
    height: 900

    AssistantPage {
        id: page

        anchors.fill: parent
    }

    SignalSpy {
        id: copied

        signalName: "copied"
    }

    TestCase {
        name: "AssistantPage"
        when: windowShown

        readonly property string cleveland: "what is the lifetime gross margin by account in the Cleveland territory"

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            tryCompare(page.controller, "available", true, 10000);
        }

        function cleanup() {
            DemoControl.setFaults("crm", []);
            page.controller.clear();
        }

        function askByTyping(question) {
            page.questionField.forceActiveFocus();
            page.questionField.text = question;
            keyClick(Qt.Key_Return);
        }

        function settledCard(index) {
            tryCompare(page.controller, "busy", false, 120000);
            tryVerify(() => page.card(index) !== null, 5000);
            const card = page.card(index);
            tryVerify(() => card.answerState !== ConversationModel.Running, 5000);
            return card;
        }

        function test_examplesShowWhileTheConversationIsEmpty() {
            const examples = findChild(page, "examples");
            verify(examples.visible);
            verify(page.controller.examples.length > 0);
            verify(!findChild(page, "unavailable").visible);
        }

        function test_askingRendersTheAnswerWithRows() {
            askByTyping(cleveland);
            compare(page.questionField.text, "");
            verify(page.controller.busy);
            const card = settledCard(0);
            compare(card.answerState, ConversationModel.Done);
            verify(!findChild(page, "examples").visible);
            verify(findChild(card, "title").text.indexOf("Cleveland") >= 0, findChild(card, "title").text);
            verify(findChild(card, "sqlText").text.length > 0);
            verify(findChild(card, "provenance").text.indexOf("execute_sql") >= 0, findChild(card, "provenance").text);
            const view = card.resultTable.view;
            verify(card.resultTable.visible);
            verify(card.table.rows > 0);
            tryVerify(() => view.rows === card.table.rows && view.columns === card.table.columns, 5000);
            const first = view.itemAtCell(Qt.point(0, 0));
            verify(first !== null);
            verify(first.display.length > 0);
            const header = card.resultTable.headerView.itemAtCell(Qt.point(0, 0));
            verify(header !== null);
            verify(header.display.length > 0);

            // A click selects a cell; arrow keys move; Ctrl+C copies the selection.
            copied.target = card.resultTable;
            mouseClick(first);
            compare(view.currentRow, 0);
            compare(view.currentColumn, 0);
            verify(view.activeFocus);
            keyClick(Qt.Key_Down);
            compare(view.currentRow, 1);
            keyClick(Qt.Key_Right);
            compare(view.currentColumn, 1);
            keySequence(StandardKey.Copy);
            compare(copied.count, 1);
            compare(copied.signalArguments[0][0], 1);
        }

        function test_headerClickSorts() {
            page.ask(cleveland);
            const card = settledCard(0);
            const table = card.table;
            let money = -1;
            for (let column = 0; column < table.columns && money < 0; ++column)
                if (table.headerData(column, Qt.Horizontal, ResultTableModel.NumericRole))
                    money = column;
            verify(money >= 0);
            verify(table.rows > 1);
            const headerView = card.resultTable.headerView;
            tryVerify(() => headerView.itemAtCell(Qt.point(money, 0)) !== null, 5000);
            mouseClick(headerView.itemAtCell(Qt.point(money, 0)));
            compare(table.sortColumn, money);
            compare(table.sortOrder, Qt.AscendingOrder);
            const value = row => Number(table.data(table.index(row, money), ResultTableModel.RawRole));
            for (let row = 1; row < table.rows; ++row)
                verify(value(row - 1) <= value(row), "row " + row);
            mouseClick(headerView.itemAtCell(Qt.point(money, 0)));
            compare(table.sortOrder, Qt.DescendingOrder);
            verify(value(0) >= value(table.rows - 1));
            tryVerify(() => headerView.itemAtCell(Qt.point(money, 0)).display !== "", 5000);
        }

        function test_refusedEditedSqlShowsTheError() {
            page.ask(cleveland);
            const card = settledCard(0);
            const block = card.sqlBlock;
            mouseClick(findChild(block, "editSqlButton"));
            verify(block.editing);
            // Escape leaves the editor without running anything.
            keyClick(Qt.Key_Escape);
            verify(!block.editing);
            compare(page.controller.conversation.count, 1);

            mouseClick(findChild(block, "editSqlButton"));
            const editor = findChild(block, "sqlEditor");
            editor.text = "DELETE FROM dim_account";
            const run = findChild(block, "runSqlButton");
            // The button row lays out again once Edit swapped its buttons: Run moves to the right.
            tryVerify(() => run.x > 0, 5000);
            mouseClick(run);
            compare(page.controller.conversation.count, 2);
            const refused = settledCard(1);
            compare(refused.answerState, ConversationModel.Failed);
            const error = findChild(refused, "errorText");
            verify(error.visible);
            verify(error.text.indexOf("read-only SELECT") >= 0, error.text);
            verify(findChild(refused, "errorDetail").text.indexOf("guard") >= 0);
            verify(findChild(refused, "retryButton").visible);
            compare(refused.sql, "DELETE FROM dim_account");
            verify(refused.sqlBlock.visible);
            // The first answer is untouched.
            compare(card.answerState, ConversationModel.Done);
        }

        function test_cancelStopsARunningQuestion() {
            // A slow CRM keeps the question running (binding Cleveland reads it) while the button is found.
            compare(DemoControl.setFaults("crm", ["*:latency=3000"]), "");
            page.ask(cleveland);
            tryVerify(() => page.card(0) !== null, 5000);
            const card = page.card(0);
            compare(card.answerState, ConversationModel.Running);
            const cancel = findChild(card, "cancelButton");
            verify(cancel.visible);
            mouseClick(cancel);
            compare(card.answerState, ConversationModel.Cancelled);
            verify(!page.controller.busy);
            verify(findChild(card, "errorText").text.indexOf("cancelled") >= 0);
            // Asking again works, and the cancelled entry stays cancelled.
            DemoControl.setFaults("crm", []);
            page.ask(cleveland);
            const second = settledCard(1);
            compare(second.answerState, ConversationModel.Done);
            compare(card.answerState, ConversationModel.Cancelled);
            // Retry asks the cancelled question again.
            mouseClick(findChild(card, "retryButton"));
            tryCompare(card, "answerState", ConversationModel.Done, 120000);
        }
    }
}
