import QtQuick
import Kiosk

Text {
    color: Theme.text
    font.pixelSize: Theme.titleSize
    font.weight: Font.DemiBold
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
