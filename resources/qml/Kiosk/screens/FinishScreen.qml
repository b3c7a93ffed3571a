import QtQuick
import QtQuick.Layouts
import Kiosk

// All done: a thank-you, what happens next, and Finish, which clears the kiosk for the next person.
KioskPage {
    id: screen
    nextText: qsTr("Finish")
    onNextClicked: kiosk.finish()
    centred: true
    contentMaxWidth: 860

    Pictogram {
        Layout.alignment: Qt.AlignHCenter
        source: screen.kiosk.pictogram("check")
        size: 112
    }
    Text {
        objectName: "thanksText"
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("Thank you, %1. You are checked in.").arg(screen.kiosk.firstName)
        color: Theme.text
        font.pixelSize: Theme.titleSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    BodyText {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Your aftercare calendar is ready. Please take a seat; we will be with you shortly.")
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.topMargin: 8
        implicitHeight: contact.implicitHeight + 40
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.lineWidth
        border.color: Theme.line
        ColumnLayout {
            id: contact
            anchors.fill: parent
            anchors.margins: 20
            spacing: 8
            Text {
                Layout.fillWidth: true
                text: screen.kiosk.contactTitle
                color: Theme.text
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            BodyText {
                Layout.fillWidth: true
                color: Theme.muted
                text: screen.kiosk.contactText
            }
            BodyText {
                Layout.fillWidth: true
                text: screen.kiosk.contactDetails
            }
        }
    }
    BodyText {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        color: Theme.muted
        font.pixelSize: Theme.smallSize
        text: qsTr("Tap Finish when you are done. The screen clears for the next person.")
    }
}
