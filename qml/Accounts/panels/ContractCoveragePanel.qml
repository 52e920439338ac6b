pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// How the last twelve months were billed against the customer's contract prices.
Panel {
    id: root

    readonly property var coverage: panel.summary

    empty: false

    Label {
        text: root.coverage.hasValidContract
            ? qsTr("%n item(s) under contract · nearest expiry %1", "", root.coverage.contractedItems ?? 0).arg(root.coverage.nearestExpiry ?? "")
            : qsTr("No contract is valid today.")
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    ProgressBar {
        value: root.coverage.onContractShare ?? 0
        Layout.fillWidth: true
    }

    Label {
        text: qsTr("%1 of the last 12 months' spend (%2) billed at contract price").arg(Format.percent(root.coverage.onContractShare ?? 0)).arg(Format.compact(root.coverage.spend ?? 0))
        font.pixelSize: 12
        opacity: 0.7
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    GridLayout {
        columns: 3
        columnSpacing: 16
        Layout.fillWidth: true

        KeyValue {
            caption: qsTr("Off contract")
            value: Format.compact(root.coverage.offContractSpend ?? 0)
        }
        KeyValue {
            caption: qsTr("Leakage")
            value: Format.compact(root.coverage.leakage ?? 0)
            valueColor: (root.coverage.leakage ?? 0) > 0 ? "#b45309" : root.palette.windowText
        }
        KeyValue {
            caption: qsTr("Overbilling")
            value: Format.compact(root.coverage.overbilling ?? 0)
            valueColor: (root.coverage.overbilling ?? 0) > 0 ? "#b91c1c" : root.palette.windowText
        }
    }

    Label {
        visible: (root.coverage.expiringWithin90Days ?? 0) > 0
        text: qsTr("%n contract price(s) expire within 90 days.", "", root.coverage.expiringWithin90Days ?? 0)
        color: "#b45309"
        font.pixelSize: 12
    }
}
