import QtQuick
import QtQuick.Controls

// A recipient's token status as a coloured badge: active, expiring, expired, revoked, no token.
Label {
    id: root

    required property string status

    readonly property var colors: ({
            "active": ["#dcfce7", "#166534"],
            "expiring": ["#fef3c7", "#92400e"],
            "expired": ["#fee2e2", "#991b1b"],
            "revoked": ["#e5e7eb", "#374151"],
            "none": ["#e0e7ff", "#3730a3"]
        })
    readonly property var pair: colors[status] ?? colors["none"]

    font.pixelSize: 11
    font.bold: true
    color: pair[1]
    padding: 2
    leftPadding: 8
    rightPadding: 8
    background: Rectangle {
        radius: 8
        color: root.pair[0]
    }
}
