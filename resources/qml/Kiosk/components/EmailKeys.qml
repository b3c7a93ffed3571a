import QtQuick
import QtQuick.Layouts
import Kiosk

// The signs an email address needs, also beside the field, big and labelled (the on-screen email keyboard,
// keyboard/email, has them on its first layer too): they type into the field without taking its focus.
RowLayout {
    id: root
    required property var field
    signal typed()
    objectName: "emailKeys"
    spacing: 8
    LayoutMirroring.enabled: false  // an address reads left to right in every language
    Repeater {
        model: ["@", ".", ".com", "-", "_"]
        BigButton {
            required property string modelData
            objectName: "emailKey" + index
            required property int index
            Layout.preferredWidth: Math.max(Theme.controlHeight, implicitWidth * 0.5)
            implicitHeight: 56
            text: modelData
            accessibleName: modelData === "@" ? qsTr("At sign") : modelData === "." ? qsTr("Dot") : modelData
            onClicked: {
                root.field.insert(root.field.cursorPosition, modelData)
                root.typed()
            }
        }
    }
}
