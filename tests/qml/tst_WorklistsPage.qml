import QtQuick
import QtQuick.Controls
import QtTest

import Lakeshore
import LakeshoreTest

// The Worklists screen on the demo tenant (lakehouse over MCP, CRM over OData, no mocks), driven with the
// mouse and the keyboard: "Off-contract purchases" opened from the list (Enter or a click) with its
// progress and Cancel, rows, read-at line and footer totals; grouping by owner with folding groups; rows
// selected with the keyboard and follow-up tasks written to the demo CRM (and read back from it); the
// filter bar's refusal, chips and "N of M"; periods (last 90 days, a bad custom date, Esc cancelling a
// read); the drill-down pane; the CRM failing during the join and Retry; and an Assistant answer saved
// as a worklist, which then opens on this screen.
Item {
    id: root

    width: 1400
    height: 900

    WorklistsPage {
        id: page

        anchors.fill: parent
    }

    AssistantPage {
        id: assistantPage

        anchors.fill: parent
        visible: false
    }

    TestCase {
        id: test

        readonly property string offContractId: "builtin:off-contract-purchases"
        readonly property string cleveland: "what is the lifetime gross margin by account in the Cleveland territory"
        readonly property int deadline: 60000
        property string savedName: "Cleveland margins (QML)"

        function controller() {
            return page.controller;
        }

        function table() {
            return page.controller.table;
        }

        function view() {
            return page.worklistTable.view;
        }

        // findChild, and where that misses (popups, dialog footers), a walk over data/contentItem/footer.
        function named(item, name) {
            const direct = findChild(item, name);
            return direct ? direct : walk(item, name, 0);
        }

        function walk(item, name, depth) {
            if (!item || depth > 60)
                return null;
            if (item.objectName === name)
                return item;
            const next = [];
            const kids = item.data !== undefined ? item.data : item.children;
            if (kids)
                for (let i = 0; i < kids.length; ++i)
                    next.push(kids[i]);
            for (const extra of [item.contentItem, item.footer, item.header])
                if (extra && extra !== item)
                    next.push(extra);
            for (const child of next) {
                const found = walk(child, name, depth + 1);
                if (found)
                    return found;
            }
            return null;
        }

        // Shown buttons under item (its visual children) whose text is `text`.
        function buttonsReading(item, text) {
            if (!item)
                return 0;
            let count = item.visible && item.text === text && item.clicked !== undefined ? 1 : 0;
            for (let i = 0; i < item.children.length; ++i)
                count += buttonsReading(item.children[i], text);
            return count;
        }

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i]);
        }

        function replaceText(field, text) {
            field.forceActiveFocus();
            keyClick(Qt.Key_A, Qt.ControlModifier);
            keyClick(Qt.Key_Delete);
            compare(field.text, "");
            typeText(text);
            compare(field.text, text);
        }

        // Picks entry `index` of a ComboBox through its popup, as a user does.
        function choose(combo, index) {
            verify(combo.visible && combo.enabled, combo.objectName);
            mouseClick(combo);
            tryCompare(combo.popup, "opened", true, 5000);
            const list = combo.popup.contentItem;
            list.positionViewAtIndex(index, ListView.Contain);
            tryVerify(() => list.itemAtIndex(index) !== null, 5000);
            mouseClick(list.itemAtIndex(index));
            tryCompare(combo.popup, "visible", false, 5000);
            compare(combo.currentIndex, index);
        }

        function cell(column, line) {
            tryVerify(() => view().itemAtCell(Qt.point(column, line)) !== null, 5000, "cell " + column + "," + line);
            return view().itemAtCell(Qt.point(column, line));
        }

        // The footer's cell for a column lines up with the column's header cell (both laid out by then).
        function footerUnderHeader(column) {
            const header = named(page, "worklistHeader");
            tryVerify(() => header.itemAtCell(Qt.point(column, 0)) !== null, 5000, "header cell " + column);
            const footer = named(page, "footerCell" + column);
            verify(footer !== null, "footer cell " + column);
            tryVerify(() => {
                const cell = header.itemAtCell(Qt.point(column, 0));
                return cell !== null && Math.abs(footer.mapToItem(page, 0, 0).x - cell.mapToItem(page, 0, 0).x) <= 1
                       && Math.abs(footer.width - cell.width) <= 1;
            }, 5000, "the footer under column " + column);
            return footer;
        }

        // Read from the lakehouse and joined with the CRM (or the join failed).
        function settled() {
            tryVerify(() => !controller().loading, deadline, "the lakehouse read");
            tryVerify(() => !controller().joining, deadline, "the CRM join");
            compare(controller().error, "");
        }

        function accountsText(shown, total) {
            const text = named(page, "rowCount").text;
            const pattern = shown === total ? new RegExp("^" + total + " accounts?(\\(s\\))?$")
                                            : new RegExp("^" + shown + " of " + total + " accounts?(\\(s\\))?$");
            verify(pattern.test(text), text);
        }

        // Every task the demo CRM holds, read over its OData API (following next links).
        function crmTasks() {
            const state = { rows: [], done: false, failure: "" };
            function get(url) {
                const request = new XMLHttpRequest();
                request.onreadystatechange = () => {
                    if (request.readyState !== XMLHttpRequest.DONE)
                        return;
                    if (request.status !== 200) {
                        state.failure = request.status + " " + request.responseText;
                        state.done = true;
                        return;
                    }
                    const body = JSON.parse(request.responseText);
                    for (const row of body.value)
                        state.rows.push(row);
                    if (body["@odata.nextLink"])
                        get(body["@odata.nextLink"]);
                    else
                        state.done = true;
                };
                request.open("GET", url);
                request.setRequestHeader("Accept", "application/json");
                request.send();
            }
            get(Session.crmUrl.replace(/\/+$/, "") + "/tasks");
            tryVerify(() => state.done, 30000, "reading the demo CRM's tasks");
            compare(state.failure, "");
            return state.rows;
        }

        name: "WorklistsPage"
        when: windowShown

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            tryCompare(controller(), "listLoading", false, 10000);
        }

        function cleanup() {
            DemoControl.setFaults("crm", []);
        }

        function test_1_openFromTheList() {
            const list = named(page, "worklistList");
            tryVerify(() => list.count > 0 && list.itemAtIndex(0) !== null, 10000);
            const entry = list.itemAtIndex(0);
            compare(entry.name, "Off-contract purchases");
            compare(entry.worklistId, offContractId);
            compare(controller().currentId, "");
            verify(!named(page, "refreshButton").visible);

            // Enter on the list opens the current entry; the read shows its progress and Cancel.
            list.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(list.currentIndex, 0);
            keyClick(Qt.Key_Return);
            compare(controller().currentId, offContractId);
            verify(controller().loading);
            compare(named(page, "worklistTitle").text, "Off-contract purchases");
            compare(named(page, "refreshButton").text, "Cancel");
            verify(named(page, "runProgress").visible);
            verify(named(page, "runProgress").text.length > 0);
            verify(named(page, "busyIndicator").running);
            settled();
            compare(named(page, "refreshButton").text, "Refresh");
            verify(!named(page, "runProgress").visible);

            // A click opens it too (and reads it again).
            mouseClick(entry);
            verify(controller().loading);
            compare(named(page, "refreshButton").text, "Cancel");
            settled();
            compare(controller().joinError, "");
            verify(table().totalRows > 10, table().totalRows);
            compare(table().shownRows, table().totalRows);
            accountsText(table().totalRows, table().totalRows);
            const readAt = named(page, "readAt");
            verify(readAt.visible);
            verify(controller().readAt !== "");
            verify(readAt.text.indexOf("read from " + controller().server + " at " + controller().readAt) >= 0, readAt.text);
            verify(readAt.text.indexOf("CRM read at") >= 0, readAt.text);
            verify(!readAt.truncated, readAt.text);
            tryVerify(() => view().rows === table().rowCount() && view().rows > 10, 5000);
            verify(cell(1, 0).display.length > 0);

            // The footer's total sits under "Total spend".
            const spend = table().columnLabels.indexOf("Total spend");
            verify(spend >= 0);
            compare(named(page, "worklistHeader").itemAtCell(Qt.point(spend, 0)).display, "Total spend");
            const footer = footerUnderHeader(spend);
            verify(table().footer(spend) !== "");
            tryCompare(footer, "text", table().footer(spend));
            verify(named(page, "footerCell0").text.length > 0);

            // The first line is current: its account can be opened and drilled into.
            compare(page.worklistTable.currentLine, 0);
            verify(named(page, "openAccountButton").enabled);
            verify(named(page, "drillDownButton").enabled);
        }

        function test_2_groupByOwnerFolds() {
            choose(named(page, "groupBox"), 1);
            compare(table().groupBy, "owner");
            tryVerify(() => view().rows === table().rowCount(), 5000);
            compare(table().lineKind(0), 0);
            const group = cell(0, 0);
            compare(group.lineKind, 0);
            verify(group.display.length > 0);
            verify(group.display.indexOf("Owner not") !== 0, group.display);
            // The group ends with its total line.
            let end = 1;
            while (table().lineKind(end) === 1)
                ++end;
            compare(table().lineKind(end), 2);
            // Group titles widen the first columns: the footer's totals move with them.
            for (let column = 0; column < 4; ++column)
                footerUnderHeader(column);

            // A click on a row of the group gives the table the keys; Up goes to the group line.
            mouseClick(cell(1, 1));
            compare(page.worklistTable.currentLine, 1);
            verify(view().activeFocus);
            compare(page.controller.table.selectedCount, 0);
            keyClick(Qt.Key_Up);
            compare(page.worklistTable.currentLine, 0);
            verify(!named(page, "drillDownButton").enabled); // a group line has no account

            const lines = table().rowCount();
            keyClick(Qt.Key_Space);
            verify(table().rowCount() < lines, table().rowCount() + " of " + lines);
            tryVerify(() => cell(0, 0).collapsed, 5000);
            keyClick(Qt.Key_Space);
            compare(table().rowCount(), lines);
            tryVerify(() => !cell(0, 0).collapsed, 5000);

            // Left folds, Right unfolds; neither undoes itself when pressed twice.
            keyClick(Qt.Key_Left);
            verify(table().rowCount() < lines);
            const folded = table().rowCount();
            keyClick(Qt.Key_Left);
            compare(table().rowCount(), folded);
            keyClick(Qt.Key_Right);
            compare(table().rowCount(), lines);
            keyClick(Qt.Key_Right);
            compare(table().rowCount(), lines);
            compare(table().selectedCount, 0); // folding never selects

            choose(named(page, "groupBox"), 0);
            compare(table().groupBy, "");
            compare(table().rowCount(), table().totalRows);
        }

        function test_3_keyboardSelectionAndFollowUps() {
            const dialog = page.followUpDialog;
            const followUp = named(page, "followUpButton");
            compare(table().selectedCount, 0);
            verify(!followUp.enabled);

            mouseClick(cell(1, 0));
            compare(page.worklistTable.currentLine, 0);
            verify(view().activeFocus);
            keyClick(Qt.Key_Down);
            compare(page.worklistTable.currentLine, 1);
            keyClick(Qt.Key_Space, Qt.ShiftModifier);
            compare(table().selectedCount, 1);
            tryVerify(() => cell(0, 1).selected, 5000);
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Space);
            compare(table().selectedCount, 2);
            verify(followUp.enabled);
            keyClick(Qt.Key_Space); // Space again clears that row
            compare(table().selectedCount, 1);
            keyClick(Qt.Key_A, Qt.ControlModifier);
            compare(table().selectedCount, table().shownRows);
            verify(named(page, "selectedCount").text.indexOf(String(table().shownRows)) >= 0);

            // Ctrl+T opens the dialog with a default subject and due date; Cancel writes nothing.
            keyClick(Qt.Key_T, Qt.ControlModifier);
            tryCompare(dialog, "opened", true, 5000);
            const subject = named(dialog, "taskSubject");
            const due = named(dialog, "taskDue");
            compare(subject.text, controller().defaultSubject());
            verify(subject.text.indexOf("Off-contract purchases") >= 0, subject.text);
            tryCompare(subject, "activeFocus", true, 5000);
            verify(/^\d{4}-\d{2}-\d{2}$/.test(due.text), due.text);
            compare(due.text, controller().defaultDueDate());
            verify(named(dialog, "createTasks").enabled);
            compare(buttonsReading(dialog.footer, "Cancel"), 1);
            mouseClick(named(dialog, "cancelTasks"));
            tryCompare(dialog, "visible", false, 5000);
            verify(!controller().writingTasks);
            compare(controller().taskSummary, "");
            verify(!named(page, "taskSummary").visible);
            for (let line = 0; line < 3; ++line)
                compare(cell(0, line).taskState, 0);

            // "Select all" with everything selected clears; then exactly two rows by keyboard.
            mouseClick(named(page, "selectAllButton"));
            compare(table().selectedCount, 0);
            verify(!followUp.enabled);
            mouseClick(cell(1, 0));
            keyClick(Qt.Key_Home);
            keyClick(Qt.Key_Space);
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Space);
            compare(table().selectedCount, 2);
            const accounts = [table().accountIdAt(0), table().accountIdAt(1)];
            verify(accounts[0] !== "" && accounts[1] !== "");
            verify(table().ownerNameAt(0) !== "" && table().ownerNameAt(1) !== "");

            // The button opens it as well; the tasks are written to the demo CRM.
            mouseClick(followUp);
            tryCompare(dialog, "opened", true, 5000);
            const subjectText = "QML follow-up " + Date.now();
            replaceText(subject, subjectText);
            const create = named(dialog, "createTasks");
            verify(create.text.indexOf("2") >= 0, create.text);
            mouseClick(create);
            tryCompare(dialog, "visible", false, 5000);
            tryCompare(controller(), "writingTasks", false, deadline);
            verify(!controller().taskSummaryIsError, controller().taskSummary);
            const summary = named(page, "taskSummary");
            verify(summary.visible);
            verify(/^2 follow-up task(s|\(s\)) created/.test(summary.text), summary.text);
            tryVerify(() => cell(0, 0).taskState === 2 && cell(0, 1).taskState === 2, 5000);
            compare(cell(0, 2).taskState, 0);

            const written = crmTasks().filter(task => task.subject === subjectText);
            compare(written.length, 2);
            const regarding = written.map(task => String(task._regardingobjectid_value).toLowerCase()).sort();
            compare(regarding, accounts.map(id => id.toLowerCase()).sort());
            for (const task of written) {
                verify(String(task.description).indexOf("Off-contract purchases") >= 0, task.description);
                verify(String(task.scheduledend).indexOf(due.text) === 0, task.scheduledend);
            }
            table().clearSelection();
        }

        function test_4_filterBar() {
            const total = table().totalRows;
            const pct = table().columnLabels.indexOf("Off-contract %");
            verify(pct >= 0);
            verify(table().isNumericColumn(pct));
            choose(named(page, "filterColumn"), pct);
            const operators = named(page, "filterOperator");
            let greater = -1;
            for (let i = 0; i < operators.model.length; ++i)
                if (operators.model[i].op === "greater")
                    greater = i;
            verify(greater >= 0);
            choose(operators, greater);

            // Ctrl+F goes to the value; a word is refused with the column's name.
            keyClick(Qt.Key_F, Qt.ControlModifier);
            const value = named(page, "filterValue");
            tryCompare(value, "activeFocus", true, 5000);
            typeText("lots");
            keyClick(Qt.Key_Return);
            const error = named(page, "filterError");
            verify(error.visible);
            verify(error.text.indexOf("Off-contract %") >= 0, error.text);
            compare(table().filters.length, 0);
            accountsText(total, total);

            replaceText(value, "25");
            mouseClick(named(page, "addFilter"));
            compare(value.text, "");
            verify(!error.visible);
            compare(table().filters.length, 1);
            const shown = table().shownRows;
            verify(shown < total, shown + " of " + total);
            accountsText(shown, total);
            compare(table().rowCount(), shown);
            const spend = table().columnLabels.indexOf("Total spend");
            tryCompare(footerUnderHeader(spend), "text", table().footer(spend)); // the totals follow the filter
            const chip = named(page, "filterChip0");
            verify(chip !== null);
            tryCompare(chip, "visible", true, 5000);
            verify(chip.text.indexOf("Off-contract %") >= 0, chip.text);

            mouseClick(chip);
            compare(table().filters.length, 0);
            compare(table().shownRows, total);
            accountsText(total, total);
        }

        function test_5_periods() {
            const periodBox = named(page, "periodBox");
            const refresh = named(page, "refreshButton");
            compare(controller().period, "last-12-months");

            choose(periodBox, 0);
            compare(controller().period, "last-90-days");
            verify(controller().loading);
            compare(refresh.text, "Cancel");
            settled();
            const range = named(page, "periodRange");
            verify(range.visible);
            compare(range.text, "2026-08-24 to 2026-11-21");
            verify(controller().sql.indexOf("'2026-08-24'") >= 0);

            // Custom… shows the dates; a date that is not one is refused in the banner.
            choose(periodBox, 2);
            verify(!controller().loading);
            const from = named(page, "periodFrom");
            const to = named(page, "periodTo");
            verify(from.visible && to.visible && named(page, "applyPeriod").visible);
            verify(!range.visible);
            replaceText(from, "2026-13-01");
            keyClick(Qt.Key_Return);
            verify(!controller().loading);
            const banner = named(page, "runError");
            verify(banner.visible);
            compare(banner.text, "Enter the period's dates as YYYY-MM-DD.");

            // A good period reads again; Esc while it reads cancels, F5 reads it again. The answer reaches the
            // page only through the event loop, so Esc sent right after the click always finds it reading.
            replaceText(from, "2026-01-01");
            replaceText(to, "2026-03-31");
            mouseClick(named(page, "applyPeriod"));
            compare(controller().period, "custom");
            verify(controller().loading);
            verify(!banner.visible);
            keyClick(Qt.Key_Escape);
            verify(!controller().loading);
            compare(refresh.text, "Refresh");
            verify(banner.visible);
            verify(banner.text.indexOf("Cancelled") === 0, banner.text);
            verify(controller().hasResult); // the last rows stay
            wait(300); // the cancelled read's answer, if it comes, is dropped
            verify(controller().sql.indexOf("'2026-03-31'") < 0);
            keyClick(Qt.Key_F5);
            verify(controller().loading);
            settled();
            verify(!banner.visible);
            verify(controller().sql.indexOf("'2026-03-31'") >= 0);
            compare(periodBox.currentIndex, 2);
            compare(from.text, "2026-01-01");
            compare(to.text, "2026-03-31");

            choose(periodBox, 1);
            settled();
            compare(controller().period, "last-12-months");
            compare(range.text, "2025-11-22 to 2026-11-21");
        }

        function test_6_drillDown() {
            const pane = named(page, "drillDownPane");
            verify(!pane.visible);
            mouseClick(cell(1, 2));
            compare(page.worklistTable.currentLine, 2);
            const number = table().accountKeyAt(2);
            verify(number !== "");
            keyClick(Qt.Key_D, Qt.ControlModifier);
            verify(controller().detailOpen);
            tryCompare(pane, "visible", true, 5000);
            tryCompare(controller(), "detailLoading", false, deadline);
            compare(controller().detailError, "");
            const title = named(pane, "detailTitle");
            verify(title.text.indexOf("Lines of ") === 0, title.text);
            verify(title.text.indexOf(number) >= 0, title.text);
            verify(controller().detail.rows > 0);
            const detail = named(pane, "detailTable");
            verify(detail.visible);
            tryVerify(() => detail.view.rows === controller().detail.rows, 5000);
            mouseClick(named(pane, "closeDrillDown"));
            verify(!controller().detailOpen);
            verify(!pane.visible);

            // The button opens it for the current line too.
            mouseClick(named(page, "drillDownButton"));
            tryCompare(pane, "visible", true, 5000);
            tryCompare(controller(), "detailLoading", false, deadline);
            verify(controller().detail.rows > 0);
            mouseClick(named(pane, "closeDrillDown"));
            verify(!pane.visible);
        }

        function test_7_crmDownDuringTheJoin() {
            compare(DemoControl.setFaults("crm", ["accounts:status=503"]), "");
            mouseClick(named(page, "refreshButton"));
            settled();
            tryVerify(() => controller().joinError !== "", deadline);
            const banner = named(page, "joinError");
            verify(banner.visible);
            verify(banner.text.indexOf("The CRM could not be read") === 0, banner.text);
            const owner = table().columnLabels.indexOf("Owner");
            verify(owner >= 0);
            view().positionViewAtColumn(owner, TableView.Contain); // the CRM's columns come last
            tryCompare(cell(owner, 0), "display", "Unknown", 5000);
            // Scrolled to the right, the totals still sit under their columns.
            footerUnderHeader(table().columnLabels.indexOf("Off-contract SKUs"));
            footerUnderHeader(table().columnLabels.indexOf("Last order"));
            verify(table().totalRows > 10); // the lakehouse rows are shown all the same

            DemoControl.setFaults("crm", []);
            mouseClick(named(page, "retryJoin"));
            verify(!banner.visible);
            settled();
            compare(controller().joinError, "");
            tryVerify(() => cell(owner, 0).display !== "Unknown" && cell(owner, 0).display !== "", 5000);
        }

        function test_8_saveAnAnswerAsWorklist() {
            page.visible = false;
            assistantPage.visible = true;
            const assistant = assistantPage.controller;
            tryCompare(assistant, "available", true, 10000);
            assistantPage.ask(cleveland);
            tryCompare(assistant, "busy", false, deadline);
            tryVerify(() => assistantPage.card(0) !== null, 5000);
            const card = assistantPage.card(0);
            compare(card.answerState, ConversationModel.Done);
            const answerRows = card.table.rows;
            verify(answerRows > 0);
            const save = named(card, "saveWorklistButton");
            tryCompare(save, "visible", true, 5000);
            verify(save.enabled);
            mouseClick(save);

            const dialog = named(assistantPage, "saveWorklistDialog");
            verify(dialog !== null);
            tryCompare(dialog, "opened", true, 5000);
            const nameField = named(dialog, "worklistName");
            const saveButton = named(dialog, "saveWorklist");
            tryCompare(nameField, "activeFocus", true, 5000);
            compare(nameField.text, cleveland);
            verify(saveButton.enabled);

            // A blank name keeps Save disabled, and Enter does not save it either.
            keyClick(Qt.Key_A, Qt.ControlModifier);
            keyClick(Qt.Key_Delete);
            compare(nameField.text, "");
            verify(!saveButton.enabled);
            typeText("   ");
            verify(!saveButton.enabled);
            keyClick(Qt.Key_Return);
            verify(dialog.visible);
            verify(!named(dialog, "saveProblem").visible);

            replaceText(nameField, savedName);
            verify(saveButton.enabled);
            mouseClick(saveButton);
            tryCompare(dialog, "visible", false, deadline);

            // The same name again is refused by the store, and the dialog says so.
            mouseClick(save);
            tryCompare(dialog, "opened", true, 5000);
            replaceText(nameField, savedName.toUpperCase());
            keyClick(Qt.Key_Return);
            const problem = named(dialog, "saveProblem");
            tryCompare(problem, "visible", true, deadline);
            verify(problem.text.length > 0);
            verify(dialog.visible);
            keyClick(Qt.Key_Escape);
            tryCompare(dialog, "visible", false, 5000);

            // The worklist is listed on the Worklists screen and opens without a period.
            assistantPage.visible = false;
            page.visible = true;
            const list = named(page, "worklistList");
            tryVerify(() => controller().worklists.count === 2, deadline);
            const id = controller().worklists.idAt(1);
            tryVerify(() => list.itemAtIndex(1) !== null, 5000);
            compare(list.itemAtIndex(1).name, savedName);
            mouseClick(list.itemAtIndex(1));
            compare(controller().currentId, id);
            settled();
            compare(table().totalRows, answerRows);
            // The owners' names arrive after the rows; their column widens for them.
            const owner = table().columnLabels.indexOf("Owner");
            view().positionViewAtColumn(owner, TableView.Contain);
            tryVerify(() => {
                const label = Array.from(cell(owner, 0).children).find(child => child.truncated !== undefined);
                return label.text !== "…" && label.text !== "" && !label.truncated;
            }, 5000, "the owner's name shown whole");
            verify(!named(page, "periodBox").visible);
            verify(controller().canRemove);
        }
    }
}
