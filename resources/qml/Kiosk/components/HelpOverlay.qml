import QtQuick
import QtQuick.Layouts
import Kiosk

// After "Ask a member of staff": someone is coming. The client can close this and carry on while they wait.
Rectangle {
    id: root
    required property var kiosk

    color: Theme.scrim
    visible: kiosk.helpRequested
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    MouseArea { anchors.fill: parent; Accessible.ignored: true }  // nothing behind the message reacts

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 660)
        height: column.implicitHeight + 64
        radius: 24
        color: Theme.surface
        border.width: Math.max(2, Theme.lineWidth)
        border.color: Theme.warm

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 32
            spacing: 20
            ScreenTitle {
                id: title
                objectName: "helpComingText"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Someone is coming to help you.")
            }
            BodyText {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Please stay at the kiosk. You can carry on while you wait; nothing you answered is lost.")
            }
            BigButton {
                objectName: "helpOkButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("OK")
                onClicked: root.kiosk.closeHelp()
            }
        }
    }
}
