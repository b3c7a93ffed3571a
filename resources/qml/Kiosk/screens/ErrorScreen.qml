import QtQuick
import QtQuick.Layouts
import Kiosk

// Something went wrong while making the calendar: say so plainly, keep every answer, offer to try again.
Item {
    id: screen
    required property var kiosk
    property string nextText: qsTr("Try again")
    property bool nextEnabled: true
    function goNext() { kiosk.retry() }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 820)
        spacing: 20
        ScreenTitle {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Sorry, your calendar could not be made")
        }
        BodyText {
            objectName: "errorText"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.kiosk.error
        }
        BodyText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.muted
            text: qsTr("Your answers are kept. Try again, go back to change them, or ask the front desk for help.")
        }
    }
}
