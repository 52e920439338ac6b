import QtQuick
import QtQuick.Controls

Label {
    font.bold: true
    font.pixelSize: 13
    font.capitalization: Font.AllUppercase
    opacity: 0.6
    topPadding: 8
}
