import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// A text field on the staff screen: 56 px high, body-size text, named for screen readers by its label,
// with a red border while its value is the one a save refused.
TextField {
    id: field
    property string label: ""
    property bool problem: false

    Layout.preferredHeight: 56
    font.pixelSize: Theme.bodySize
    color: Theme.text
    Accessible.name: label
    background: Rectangle {
        radius: 8
        color: Theme.surface
        border.width: field.problem ? 3 : (field.activeFocus ? 2 : 1)
        border.color: field.problem ? Theme.problem : (field.activeFocus ? Theme.accent : Theme.line)
    }
}
