pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// AR balance, overdue amount and credit limit of the ERP customer.
Panel {
    id: root

    readonly property var credit: panel.summary

    empty: false

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 6
        Layout.fillWidth: true

        KeyValue {
            caption: qsTr("Balance")
            value: Format.format(root.credit.balance ?? 0)
        }
        KeyValue {
            caption: qsTr("Overdue")
            value: Format.format(root.credit.overdue ?? 0)
            valueColor: (root.credit.overdue ?? 0) > 0 ? "#b45309" : root.palette.windowText
        }
        KeyValue {
            caption: qsTr("Credit limit")
            value: Format.format(root.credit.creditLimit ?? 0)
        }
        KeyValue {
            caption: qsTr("Available")
            value: Format.format(root.credit.available ?? 0)
            valueColor: (root.credit.available ?? 0) < 0 ? "#b91c1c" : root.palette.windowText
        }
    }

    ProgressBar {
        value: Math.min(1, root.credit.utilization ?? 0)
        Layout.fillWidth: true
    }

    Label {
        text: qsTr("%1 of the credit limit used · terms %2").arg(Format.percent(root.credit.utilization ?? 0)).arg(root.credit.paymentTerms ?? "")
        font.pixelSize: 12
        opacity: 0.7
    }

    Label {
        visible: root.credit.blocked === true
        text: qsTr("The customer is blocked in the ERP.")
        color: "#b91c1c"
        font.bold: true
    }
}
