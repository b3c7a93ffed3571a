import QtQuick
import QtQuick.Layouts
import Kiosk

// One part of a date (day, month or year) with large + and − buttons.
ColumnLayout {
    id: root
    property string label
    property string value
    property string namePrefix
    signal step(int amount)
    spacing: 8

    Text {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: root.label
        color: Theme.muted
        font.pixelSize: Theme.smallSize
    }
    BigButton {
        objectName: root.namePrefix + "Up"
        Layout.fillWidth: true
        Layout.preferredHeight: 56
        text: "+"
        accessibleName: qsTr("Later %1").arg(root.label)
        onClicked: root.step(1)
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.controlHeight
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.line
        border.width: Math.max(1, Theme.lineWidth)
        Text {
            anchors.centerIn: parent
            width: parent.width - 16
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit  // a long month name shrinks a little rather than being cut
            minimumPixelSize: Theme.smallSize
            text: root.value
            color: Theme.text
            font.pixelSize: Math.round(Theme.bodySize * 1.15)
            font.weight: Font.DemiBold
        }
    }
    BigButton {
        objectName: root.namePrefix + "Down"
        Layout.fillWidth: true
        Layout.preferredHeight: 56
        text: "−"
        accessibleName: qsTr("Earlier %1").arg(root.label)
        onClicked: root.step(-1)
    }
}
