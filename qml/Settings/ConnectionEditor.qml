pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import Lakeshore

// The fields of one connection: service URL, authentication, timeout, and Test connection.
GroupBox {
    id: root

    required property ConnectionForm form
    required property ConnectionsController controller

    title: form.title

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12
        rowSpacing: 8

        Label {
            text: qsTr("Service URL")
        }
        TextField {
            text: root.form.baseUrl
            placeholderText: root.form.exampleUrl
            selectByMouse: true
            Layout.fillWidth: true
            onTextEdited: root.form.baseUrl = text
        }

        Label {
            text: qsTr("Authentication")
        }
        ComboBox {
            model: [qsTr("None"), qsTr("Bearer token"), qsTr("Basic (user and password)"), qsTr("OAuth2 client credentials")]
            currentIndex: root.form.authKind
            Layout.fillWidth: true
            onActivated: index => root.form.authKind = index
        }

        Label {
            visible: root.form.authKind === ConnectionForm.Basic
            text: qsTr("User name")
        }
        TextField {
            visible: root.form.authKind === ConnectionForm.Basic
            text: root.form.username
            Layout.fillWidth: true
            onTextEdited: root.form.username = text
        }

        Label {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: qsTr("Token URL")
        }
        TextField {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: root.form.tokenUrl
            placeholderText: qsTr("https://login.example.com/tenant/oauth2/v2.0/token")
            Layout.fillWidth: true
            onTextEdited: root.form.tokenUrl = text
        }

        Label {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: qsTr("Client ID")
        }
        TextField {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: root.form.clientId
            Layout.fillWidth: true
            onTextEdited: root.form.clientId = text
        }

        Label {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: qsTr("Scope")
        }
        TextField {
            visible: root.form.authKind === ConnectionForm.OAuth2ClientCredentials
            text: root.form.scope
            placeholderText: qsTr("optional")
            Layout.fillWidth: true
            onTextEdited: root.form.scope = text
        }

        Label {
            visible: root.form.authKind !== ConnectionForm.NoAuth
            text: root.form.authKind === ConnectionForm.Bearer ? qsTr("Token") : root.form.authKind === ConnectionForm.Basic ? qsTr("Password") : qsTr("Client secret")
        }
        TextField {
            visible: root.form.authKind !== ConnectionForm.NoAuth
            text: root.form.secretInput
            echoMode: TextInput.Password
            placeholderText: root.form.hasStoredSecret ? qsTr("•••••••• stored encrypted; type to replace") : qsTr("not set")
            Layout.fillWidth: true
            onTextEdited: root.form.secretInput = text
        }

        Label {
            text: qsTr("Timeout")
        }
        SpinBox {
            from: 1
            to: 300
            value: root.form.timeoutSeconds
            editable: true
            textFromValue: (value, locale) => qsTr("%1 s").arg(value)
            valueFromText: (text, locale) => parseInt(text)
            onValueModified: root.form.timeoutSeconds = value
        }

        Button {
            text: qsTr("Test connection")
            enabled: !root.form.testing
            onClicked: root.controller.test(root.form)
        }
        Label {
            text: root.form.testResult
            color: root.form.testOk ? "#15803d" : (root.form.testing ? root.palette.windowText : "#9f1c1c")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
