import QtQuick
import QtQuick.Layouts
import Kiosk

// "Are you still there?": a countdown, then the kiosk forgets the client. One large button keeps going.
// It covers the whole window with a solid colour from the moment it shows: a passer-by reads nothing of the
// client's name or answers while it waits.
Rectangle {
    id: root
    required property var kiosk
    property int secondsLeft: kiosk.warningSeconds

    color: Theme.background
    visible: kiosk.warning
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    onVisibleChanged: if (visible) secondsLeft = kiosk.warningSeconds

    MouseArea { anchors.fill: parent; Accessible.ignored: true }

    Timer {
        interval: 1000
        repeat: true
        running: root.visible
        onTriggered: {
            root.secondsLeft -= 1
            if (root.secondsLeft <= 0)
                root.kiosk.inactivityTimeout()
        }
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 620)
        height: column.implicitHeight + 64
        radius: 24
        color: Theme.surface
        border.width: Math.max(2, Theme.lineWidth)
        border.color: Theme.accent

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 32
            spacing: 20
            ScreenTitle {
                id: title
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Are you still there?")
            }
            BodyText {
                objectName: "countdownText"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("To keep your details private, this screen will clear in %n seconds.", "", root.secondsLeft)
            }
            BigButton {
                objectName: "stillHereButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.controlHeight + 24
                primary: true
                text: qsTr("I'm still here")
                onClicked: root.kiosk.stillHere()
            }
        }
    }
}
