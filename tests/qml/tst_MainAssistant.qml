import QtQuick
import QtTest

import Lakeshore
import LakeshoreTest

// The Assistant inside the real main window: Ctrl+3 shows it; the account open on the Accounts page is
// its "this account"; double-clicking an answer's row opens that account in Account 360 on the Accounts
// page; "Open Settings" goes to Settings → Lakehouse.
TestCase {
    id: testCase

    property var window: null

    name: "MainAssistant"
    when: windowShown

    function initTestCase() {
        tryCompare(Session, "ready", true, 10000);
        const component = Qt.createComponent("qrc:/qt/qml/Lakeshore/Main.qml");
        compare(component.status, Component.Ready, component.errorString());
        window = component.createObject(null);
        verify(window !== null);
        tryCompare(window.assistantPage.controller, "available", true, 10000);
    }

    function cleanupTestCase() {
        window.destroy();
    }

    function test_ctrl3ShowsTheAssistant() {
        window.requestActivate();
        tryCompare(window, "active", true, 5000);
        window.showPage(0);
        keyClick(Qt.Key_3, Qt.ControlModifier);
        compare(window.currentPage, 2);
        keyClick(Qt.Key_1, Qt.ControlModifier);
        compare(window.currentPage, 0);
    }

    function test_theOpenAccountIsThisAccount() {
        const number = DemoControl.accountNumberIn("Columbus");
        const id = DemoControl.accountIdOf(number);
        window.accountsPage.account360.open(id, number);
        const page = window.assistantPage;
        compare(page.contextAccountId, id);
        compare(page.contextAccountNumber, number);
        tryVerify(() => page.contextAccountName !== "", 10000);
        compare(page.contextAccountName, window.accountsPage.account360.header.summary.name);
    }

    function test_doubleClickingARowOpensItsAccount() {
        window.showPage(2);
        const page = window.assistantPage;
        page.ask("what is the lifetime gross margin by account in the Cleveland territory");
        tryCompare(page.controller, "busy", false, 120000);
        tryVerify(() => page.card(0) !== null, 5000);
        const card = page.card(0);
        compare(card.answerState, ConversationModel.Done);
        const view = card.resultTable.view;
        tryVerify(() => view.itemAtCell(Qt.point(1, 0)) !== null, 5000);
        const expected = card.table.accountId(0);
        verify(expected !== "");
        mouseDoubleClickSequence(view.itemAtCell(Qt.point(1, 0)));
        compare(window.currentPage, 0);
        compare(window.accountsPage.account360.accountId, expected);
        compare(window.accountsPage.account360.accountNumber, card.table.accountNumber(0));

        // Enter on the current row opens it too.
        window.showPage(2);
        card.resultTable.selectCell(2, 0, false);
        keyClick(Qt.Key_Return);
        compare(window.currentPage, 0);
        compare(window.accountsPage.account360.accountId, card.table.accountId(2));
        page.controller.clear();
    }

    function test_openSettingsGoesToTheLakehouseSection() {
        window.showPage(2);
        window.assistantPage.settingsRequested();
        compare(window.currentPage, 1);
        compare(findChild(window.contentItem, "settingsPage").section, 1);
    }
}
