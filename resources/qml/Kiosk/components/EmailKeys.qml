import QtQuick
import QtQuick.Layouts
import Kiosk

// The signs an email address needs, always one tap away beside the field (the on-screen keyboard keeps @
// on its second layer): they type into the field without taking its focus.
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
