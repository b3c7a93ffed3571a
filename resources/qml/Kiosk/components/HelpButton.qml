import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// "Ask a member of staff", on every client screen: the staff screens of the clinic get a call (which kiosk,
// which screen, when) and the client is told someone is coming.
AbstractButton {
    id: control
    required property var kiosk
    property string screenName: ""
    objectName: "helpButton"
    text: qsTr("Ask a member of staff")
    focusPolicy: Qt.NoFocus
    implicitHeight: Math.max(Theme.controlHeight, row.implicitHeight + 16)
    implicitWidth: row.implicitWidth + 32
    Accessible.name: text
    Accessible.role: Accessible.Button
    onClicked: kiosk.askForHelp(screenName)

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Theme.surfaceAlt : Theme.surface
        border.width: Math.max(2, Theme.lineWidth)
        border.color: Theme.warm
    }
    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight
        RowLayout {
            id: row
            anchors.fill: parent
            spacing: 10
            Rectangle {  // a round "?" sign
                Layout.alignment: Qt.AlignVCenter
                implicitWidth: Math.round(Theme.buttonSize * 1.5)
                implicitHeight: implicitWidth
                radius: implicitWidth / 2
                color: Theme.warm
                Text {
                    anchors.centerIn: parent
                    text: "?"
                    color: Theme.accentText
                    font.pixelSize: Theme.buttonSize
                    font.bold: true
                    Accessible.ignored: true
                }
            }
            Text {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter
                text: control.text
                color: Theme.text
                font.pixelSize: Theme.buttonSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Accessible.ignored: true
            }
        }
    }
}
