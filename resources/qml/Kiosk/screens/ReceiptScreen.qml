import QtQuick
import QtQuick.Layouts
import Kiosk

// The signed receipt (only when the clinic asks for it): "I received my aftercare instructions", the client's
// name and today's date, and a box to sign in. Next without a signature explains what to do and stays here.
KioskPage {
    id: screen
    property bool portrait: false
    contentMaxWidth: 980
    onNextClicked: kiosk.next()

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: statement.implicitHeight + 40
        radius: Theme.radius
        color: Theme.accentSoft
        border.width: Theme.lineWidth
        border.color: Theme.line
        ColumnLayout {
            id: statement
            anchors.fill: parent
            anchors.margins: 20
            spacing: 8
            ScreenTitle {
                objectName: "receiptStatement"
                Layout.fillWidth: true
                text: qsTr("I received my aftercare instructions.")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: screen.portrait ? 2 : 4
                columnSpacing: Theme.spacing
                rowSpacing: 4
                BodyText { text: qsTr("Name"); color: Theme.muted }
                BodyText {
                    objectName: "receiptName"
                    Layout.fillWidth: screen.portrait
                    Layout.rightMargin: screen.portrait ? 0 : Theme.margin
                    text: screen.kiosk.clientName
                    font.weight: Font.DemiBold
                }
                BodyText { text: qsTr("Date"); color: Theme.muted }
                BodyText {
                    objectName: "receiptDate"
                    Layout.fillWidth: true
                    text: screen.kiosk.dateText(screen.kiosk.today)
                }
            }
        }
    }

    BodyText {
        Layout.fillWidth: true
        text: qsTr("Please sign in the box with your finger. The clinic keeps your signature with your check-in.")
    }

    SignaturePad {
        id: signaturePad
        objectName: "signaturePad"
        Layout.fillWidth: true
        kiosk: screen.kiosk
        boxHeight: screen.portrait ? 320 : Math.max(200, Math.min(280, screen.scroller.height * 0.42))
    }
}
