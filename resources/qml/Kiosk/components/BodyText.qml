import QtQuick
import Kiosk

Text {
    color: Theme.text
    font.pixelSize: Theme.bodySize
    wrapMode: Text.Wrap
    lineHeight: 1.2
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
