import QtQuick
import Kiosk

// A pictogram in a soft round frame.
Rectangle {
    id: frame
    property alias source: image.source
    property int size: 160
    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: Theme.highContrast ? "#ffffff" : "#ffffff"
    border.width: Theme.highContrast ? 3 : 0
    border.color: Theme.text
    Accessible.ignored: true
    Image {
        id: image
        anchors.centerIn: parent
        width: frame.size * 0.66
        height: width
        sourceSize.width: width
        sourceSize.height: height
        fillMode: Image.PreserveAspectFit
        smooth: true
    }
}
