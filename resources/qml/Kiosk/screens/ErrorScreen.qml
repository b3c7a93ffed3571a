import QtQuick
import QtQuick.Layouts
import Kiosk

// Something went wrong while making the calendar: say so plainly, keep every answer, offer to try again.
KioskPage {
    id: screen
    nextText: qsTr("Try again")
    onNextClicked: kiosk.retry()
    centred: true
    contentMaxWidth: 820
    title: qsTr("Sorry, your calendar could not be made")

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
