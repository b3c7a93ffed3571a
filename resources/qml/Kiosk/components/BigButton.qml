import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// A large touch button: at least 64 px high, a clear label, no hover states.
Button {
    id: control
    property bool primary: false
    property string accessibleName: text

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(Theme.controlHeight * 2.2, contentItem.implicitWidth + 56)
    focusPolicy: Qt.NoFocus
    font.pixelSize: Theme.buttonSize
    font.weight: Font.DemiBold
    Accessible.name: accessibleName
    Accessible.role: Accessible.Button

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary ? Theme.accentText : Theme.text
        opacity: control.enabled ? 1.0 : 0.45
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Theme.accentPressed : Theme.accent)
                               : (control.down ? Theme.surfaceAlt : Theme.surface)
        opacity: control.enabled ? 1.0 : 0.45
        border.width: control.primary ? 0 : Math.max(2, Theme.lineWidth)
        border.color: control.primary ? "transparent" : Theme.accent
    }
}
