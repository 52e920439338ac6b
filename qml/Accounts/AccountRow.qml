import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// One account in the list: name and number, place, territory and owner, annual revenue.
ItemDelegate {
    id: root

    required property int index
    required property string accountId
    required property string accountNumber
    required property string name
    required property string city
    required property string state
    required property string territory
    required property string owner
    required property real revenue
    required property bool active

    padding: 8
    highlighted: ListView.isCurrentItem

    contentItem: RowLayout {
        spacing: 8

        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true

            Label {
                text: root.name
                font.bold: true
                elide: Text.ElideRight
                opacity: root.active ? 1 : 0.55
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("%1 · %2, %3").arg(root.accountNumber).arg(root.city).arg(root.state)
                font.pixelSize: 12
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }

            Label {
                text: root.territory === "" ? root.owner : qsTr("%1 · %2").arg(root.territory).arg(root.owner)
                font.pixelSize: 12
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }

        Label {
            text: Format.compact(root.revenue)
            opacity: 0.8
            Layout.alignment: Qt.AlignTop
        }
    }
}
