import QtQuick
import QtQuick.Layouts
import Kiosk

// Your name: first name (needed), last name (optional), typed on the on-screen keyboard.
KioskPage {
    id: screen
    property bool portrait: false
    title: qsTr("What is your name?")
    onNextClicked: { Qt.inputMethod.hide(); kiosk.next() }

    function send() { kiosk.setName(first.text, last.text) }

    Component.onCompleted: {
        first.text = kiosk.firstName
        last.text = kiosk.lastName
        Qt.callLater(() => first.field.forceActiveFocus())
    }

    BodyText {
        Layout.fillWidth: true
        color: Theme.muted
        text: qsTr("We write it on your aftercare calendar. Your last name is optional.")
    }
    GridLayout {
        Layout.fillWidth: true
        columns: screen.portrait || Theme.largeText ? 1 : 2
        columnSpacing: 24
        rowSpacing: 16
        NameField {
            id: first
            objectName: "firstNameInput"
            field.objectName: "firstNameField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1  // both boxes keep their width while a name is typed
            label: qsTr("First name")
            onEdited: screen.send()
            onAccepted: last.field.forceActiveFocus()
        }
        NameField {
            id: last
            objectName: "lastNameInput"
            field.objectName: "lastNameField"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            label: qsTr("Last name (optional)")
            onEdited: screen.send()
            onAccepted: screen.nextClicked()
        }
    }
}
