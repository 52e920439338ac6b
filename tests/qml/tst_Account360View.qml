import QtQuick
import QtTest

import Lakeshore
import LakeshoreTest

// Account 360 against the demo CRM and ERP: every panel loads; a failing part shows its error and
// Retry while the rest still shows; opening another account replaces the first.
Item {
    id: root

    width: 1200
    height: 900

    Account360Controller {
        id: controller
    }

    Account360View {
        id: view

        anchors.fill: parent
        controller: controller
    }

    TestCase {
        name: "Account360View"
        when: windowShown

        property string number
        property string accountId

        function initTestCase() {
            tryCompare(Session, "ready", true, 10000);
            number = DemoControl.accountNumberIn("Cleveland");
            accountId = DemoControl.accountIdOf(number);
            verify(accountId !== "");
        }

        function cleanup() {
            DemoControl.setFaults("crm", []);
            DemoControl.setFaults("erp", []);
        }

        function openAndSettle(id, accountNumber) {
            controller.open(id, accountNumber);
            tryCompare(controller, "pendingCount", 0, 15000);
        }

        function test_everyPanelLoads() {
            openAndSettle(accountId, number);
            compare(controller.failedCount, 0);
            for (let i = 0; i < controller.panels.length; ++i) {
                const panel = controller.panels[i];
                compare(panel.state, Account360Panel.Loaded, panel.key);
                verify(/^(CRM|ERP) · read \d\d:\d\d:\d\d$/.test(panel.statusText), panel.statusText);
            }
            compare(controller.header.summary.number, number);
            compare(controller.header.summary.territory, "Cleveland");
            verify(controller.credit.summary.creditLimit > 0);
            const name = findChild(view, "accountName");
            compare(name.text, controller.header.summary.name);
        }

        function test_failedPartShowsErrorAndRetry() {
            compare(DemoControl.setFaults("erp", ["salesOrders:status=500"]), "");
            openAndSettle(accountId, number);
            compare(controller.openOrders.state, Account360Panel.Failed);
            verify(controller.openOrders.errorText.indexOf("500") >= 0, controller.openOrders.errorText);
            compare(controller.failedCount, 1);
            compare(controller.recentInvoices.state, Account360Panel.Loaded);
            compare(controller.contacts.state, Account360Panel.Loaded);

            DemoControl.setFaults("erp", []);
            controller.retry("openOrders");
            tryCompare(controller.openOrders, "state", Account360Panel.Loaded, 10000);
            compare(controller.failedCount, 0);
        }

        function test_malformedCrmReplyFailsOnlyThatPanel() {
            compare(DemoControl.setFaults("crm", ["incidents:body=malformed"]), "");
            openAndSettle(accountId, number);
            compare(controller.cases.state, Account360Panel.Failed);
            verify(controller.cases.errorText !== "");
            compare(controller.header.state, Account360Panel.Loaded);
            compare(controller.credit.state, Account360Panel.Loaded);
        }

        function test_openingAnotherAccountReplacesTheFirst() {
            compare(DemoControl.setFaults("erp", ["*:latency=1500"]), "");
            controller.open(accountId, number);
            const other = DemoControl.accountNumberIn("Akron");
            const otherId = DemoControl.accountIdOf(other);
            DemoControl.setFaults("erp", []);
            openAndSettle(otherId, other);
            compare(controller.accountNumber, other);
            compare(controller.credit.summary.number, other, "no late reply of the first account shows");
            wait(1600);
            compare(controller.credit.summary.number, other, "still the second account after the slow reads ended");
        }
    }
}
