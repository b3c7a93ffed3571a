import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// A large touch button: at least 64 px high, a clear label that wraps rather than being cut, no hover
// states. Greyed out, it keeps readable text (at least 4.5:1) and a short reason, shown when it is tapped
// (see KioskPage).
Button {
    id: control
    property bool primary: false
    property string accessibleName: text
    property string disabledReason: qsTr("This is not ready yet.")

    implicitHeight: Math.max(Theme.controlHeight, label.implicitHeight + 20)
    implicitWidth: Math.max(Theme.controlHeight * 2.2, label.implicitWidth + 56)
    focusPolicy: Qt.NoFocus
    font.pixelSize: Theme.buttonSize
    font.weight: Font.DemiBold
    Accessible.name: accessibleName
    Accessible.role: Accessible.Button
    Accessible.description: enabled ? "" : disabledReason

    contentItem: Text {
        id: label
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.muted : control.primary ? Theme.accentText : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.surfaceAlt
               : control.primary ? (control.down ? Theme.accentPressed : Theme.accent)
                                 : (control.down ? Theme.surfaceAlt : Theme.surface)
        border.width: control.primary && control.enabled ? 0 : Math.max(2, Theme.lineWidth)
        border.color: !control.enabled ? Theme.line : control.primary ? "transparent" : Theme.accent
    }
}
