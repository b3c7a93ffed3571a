import QtQuick
import QtQuick.Layouts
import Kiosk

// "Step 2 of 5" with a row of marks: where the client is and how much is left.
ColumnLayout {
    id: root
    property int current: 0
    property int count: 5
    spacing: 6
    Accessible.role: Accessible.ProgressBar
    Accessible.name: label.text

    Text {
        id: label
        Layout.alignment: Qt.AlignHCenter
        text: qsTr("Step %1 of %2").arg(root.current).arg(root.count)
        color: Theme.muted
        font.pixelSize: Theme.smallSize
    }
    Row {
        Layout.alignment: Qt.AlignHCenter
        spacing: 8
        Repeater {
            model: root.count
            Rectangle {
                required property int index
                width: index + 1 === root.current ? 40 : 20
                height: 10
                radius: 5
                color: index < root.current ? Theme.accent : Theme.line
                Behavior on width { NumberAnimation { duration: 150 } }
            }
        }
    }
}
