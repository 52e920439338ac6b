pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

import Lakeshore

// Accounts: the live CRM list on the left, the selected account's live 360 on the right.
SplitView {
    id: root

    property alias accountList: listPane.model
    property alias account360: controller

    orientation: Qt.Horizontal

    Account360Controller {
        id: controller

        objectName: "account360"
    }

    AccountListPane {
        id: listPane

        SplitView.preferredWidth: 380
        SplitView.minimumWidth: 300
        onAccountActivated: (accountId, accountNumber) => controller.open(accountId, accountNumber)
    }

    Account360View {
        controller: controller
        SplitView.fillWidth: true
        SplitView.minimumWidth: 480
    }
}
