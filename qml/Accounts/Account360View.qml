pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Account 360: the header and one panel per CRM and ERP part, each read live and shown as it arrives.
ScrollView {
    id: root

    required property Account360Controller controller

    contentWidth: availableWidth
    clip: true

    Label {
        anchors.centerIn: parent
        visible: root.controller.accountId === ""
        text: qsTr("Select an account to read it live from the CRM and the ERP.")
        opacity: 0.6
    }

    ColumnLayout {
        visible: root.controller.accountId !== ""
        width: root.availableWidth
        spacing: 12

        Account360Header {
            controller: root.controller
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 0
        }

        SectionLabel {
            text: qsTr("From the CRM")
            Layout.leftMargin: 12
        }

        GridLayout {
            columns: root.availableWidth > 960 ? 3 : 2
            columnSpacing: 12
            rowSpacing: 12
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12

            ContactsPanel {
                panel: root.controller.contacts
                onRetryRequested: root.controller.retry(panel.key)
            }

            OpportunitiesPanel {
                panel: root.controller.opportunities
                onRetryRequested: root.controller.retry(panel.key)
            }

            ActivitiesPanel {
                panel: root.controller.activities
                onRetryRequested: root.controller.retry(panel.key)
            }

            ConversationsPanel {
                panel: root.controller.conversations
                onRetryRequested: root.controller.retry(panel.key)
            }

            CasesPanel {
                panel: root.controller.cases
                onRetryRequested: root.controller.retry(panel.key)
            }
        }

        SectionLabel {
            text: qsTr("From the ERP")
            Layout.leftMargin: 12
        }

        GridLayout {
            columns: root.availableWidth > 960 ? 3 : 2
            columnSpacing: 12
            rowSpacing: 12
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 12

            CreditPanel {
                panel: root.controller.credit
                onRetryRequested: root.controller.retry(panel.key)
            }

            ContractCoveragePanel {
                panel: root.controller.contractCoverage
                onRetryRequested: root.controller.retry(panel.key)
            }

            OpenOrdersPanel {
                panel: root.controller.openOrders
                onRetryRequested: root.controller.retry(panel.key)
            }

            RecentInvoicesPanel {
                panel: root.controller.recentInvoices
                onRetryRequested: root.controller.retry(panel.key)
            }
        }
    }
}
