pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// Settings: the CRM and ERP connections, and the lakehouse the assistant queries through MCP servers.
Page {
    id: root

    property alias connections: connectionsSettings.connections
    property alias lakehouse: lakehouseSettings.controller
    property alias lakehouseView: lakehouseSettings
    property alias section: tabs.currentIndex // 0 connections, 1 lakehouse

    objectName: "settingsPage"

    header: TabBar {
        id: tabs

        TabButton {
            text: qsTr("Connections")
            width: implicitWidth
            leftPadding: 16
            rightPadding: 16
        }

        TabButton {
            objectName: "lakehouseTab"
            text: qsTr("Lakehouse")
            width: implicitWidth
            leftPadding: 16
            rightPadding: 16
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        ConnectionsSettings {
            id: connectionsSettings
        }

        LakehouseSettings {
            id: lakehouseSettings
        }
    }
}
