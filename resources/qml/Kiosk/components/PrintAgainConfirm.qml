import QtQuick
import QtQuick.Layouts
import Kiosk

// "Print another copy?" after a print that went out: a second tap on Print asks first, so a client unsure the
// first print worked does not get two copies by accident. Inline, under the Print button, big buttons.
ColumnLayout {
    id: root
    required property var handover  // the kiosk's HandoverBridge
    visible: handover.askPrintAgain
    spacing: 8
    BodyText {
        objectName: "printAgainQuestion"
        Layout.fillWidth: true
        font.weight: Font.DemiBold
        text: qsTr("Print another copy?")
        Accessible.role: Accessible.AlertMessage
    }
    ColumnLayout {  // one under the other: each answer in full, in every language and with larger text
        Layout.fillWidth: true
        spacing: Theme.spacing
        BigButton {
            objectName: "printAgainYes"
            Layout.fillWidth: true
            text: qsTr("Yes, print again")
            onClicked: root.handover.printAgain()
        }
        BigButton {
            objectName: "printAgainNo"
            Layout.fillWidth: true
            text: qsTr("No, one is enough")
            onClicked: root.handover.keepOnePrint()
        }
    }
}
