import QtQuick
import QtQuick.Layouts
import Kiosk

// Your name: first name (needed), last name (optional), typed on the on-screen keyboard.
Item {
    id: screen
    required property var kiosk
    property bool portrait: false
    property string nextText: qsTr("Next")
    property bool nextEnabled: true
    function goNext() { Qt.inputMethod.hide(); kiosk.next() }

    function send() { kiosk.setName(first.text, last.text) }

    Component.onCompleted: {
        first.text = kiosk.firstName
        last.text = kiosk.lastName
        Qt.callLater(() => first.field.forceActiveFocus())
    }

    MouseArea {  // a tap beside the fields puts the keyboard away
        anchors.fill: parent
        Accessible.ignored: true
        onClicked: Qt.inputMethod.hide()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 20

        ScreenTitle {
            Layout.fillWidth: true
            text: qsTr("What is your name?")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.muted
            text: qsTr("We write it on your aftercare calendar. Your last name is optional.")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: screen.portrait ? 1 : 2
            columnSpacing: 24
            rowSpacing: 16
            NameField {
                id: first
                objectName: "firstNameInput"
                field.objectName: "firstNameField"
                Layout.fillWidth: true
                label: qsTr("First name")
                onEdited: screen.send()
                onAccepted: last.field.forceActiveFocus()
            }
            NameField {
                id: last
                objectName: "lastNameInput"
                field.objectName: "lastNameField"
                Layout.fillWidth: true
                label: qsTr("Last name (optional)")
                onEdited: screen.send()
                onAccepted: screen.goNext()
            }
        }
        Item { Layout.fillHeight: true }
    }
}
