import QtQuick
import QtTest

import Lakeshore
import LakeshoreTest

// The account list against the demo CRM over loopback HTTP: paging, search, filters, keyboard.
Item {
    id: root

    width: 480
    height: 700

    AccountListPane {
        id: pane

        anchors.fill: parent
    }

    SignalSpy {
        id: activated

        target: pane
        signalName: "accountActivated"
    }

    TestCase {
        name: "AccountListPane"
        when: windowShown

        function waitLoaded() {
            tryCompare(pane.model, "loading", false, 10000);
        }

        function init() {
            tryCompare(Session, "ready", true, 10000);
            tryVerify(() => pane.model.count > 0, 10000);
            waitLoaded();
        }

        function test_firstPageAndTotal() {
            compare(pane.model.count, 20, "the demo pages by 20 here");
            verify(pane.model.totalCount > 100, "the CRM reports the total");
            verify(pane.model.canLoadMore);
            const label = findChild(pane, "countLabel");
            verify(label.text.indexOf(String(pane.model.totalCount)) >= 0, label.text);
        }

        function test_loadMoreFollowsNextLink() {
            pane.model.loadMore();
            tryCompare(pane.model, "loadingMore", false, 10000);
            compare(pane.model.count, 40);
        }

        function test_searchIsServerSide() {
            const number = DemoControl.accountNumberIn("Cleveland");
            const search = findChild(pane, "searchField");
            search.text = number;
            tryVerify(() => !pane.model.loading && pane.model.count === 1, 10000);
            compare(pane.model.get(0).accountNumber, number);
            search.text = "";
            tryVerify(() => !pane.model.loading && pane.model.count === 20, 10000);
        }

        function test_territoryFilter() {
            const cleveland = Session.territories.find(t => t.name === "Cleveland");
            verify(cleveland !== undefined);
            const everything = pane.model.totalCount;
            pane.model.territoryId = cleveland.id;
            tryVerify(() => !pane.model.loading && pane.model.totalCount > 0 && pane.model.totalCount < everything, 10000);
            for (let i = 0; i < pane.model.count; ++i)
                compare(pane.model.get(i).territory, "Cleveland");
            compare(findChild(pane, "territoryFilter").currentText, "Cleveland");
            pane.model.territoryId = "";
            tryVerify(() => !pane.model.loading && pane.model.totalCount === everything, 10000);
        }

        function test_sortByRevenueDescending() {
            function descendingByRevenue() {
                for (let i = 1; i < pane.model.count; ++i)
                    if (pane.model.get(i - 1).revenue < pane.model.get(i).revenue)
                        return false;
                return pane.model.count > 1;
            }
            pane.model.sortKey = AccountListModel.ByRevenue;
            pane.model.descending = true;
            // Name order is not revenue order, so this only holds once the CRM's sorted page arrived.
            tryVerify(() => !pane.model.loading && descendingByRevenue(), 10000);
            pane.model.sortKey = AccountListModel.ByName;
            pane.model.descending = false;
            waitLoaded();
        }

        function test_keyboardOpensAccount() {
            activated.clear();
            const list = findChild(pane, "accountListView");
            list.forceActiveFocus();
            list.currentIndex = 0;
            keyClick(Qt.Key_Down);
            compare(list.currentIndex, 1);
            keyClick(Qt.Key_Return);
            compare(activated.count, 1);
            compare(activated.signalArguments[0][1], pane.model.get(1).accountNumber);
        }

        function test_crmErrorShowsMessageAndRetry() {
            compare(DemoControl.setFaults("crm", ["accounts:status=500"]), "");
            pane.model.refresh();
            waitLoaded();
            verify(pane.model.error !== "", "an error is shown");
            verify(pane.model.error.indexOf("500") >= 0, pane.model.error);
            compare(pane.model.count, 0);
            compare(DemoControl.setFaults("crm", []), "");
            pane.model.refresh();
            waitLoaded();
            compare(pane.model.error, "");
            verify(pane.model.count > 0);
        }
    }
}
