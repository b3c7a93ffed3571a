import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// A labelled text field typed on the on-screen keyboard. No predictions: names are not words.
// Its width comes from the layout, never from the text typed in it.
ColumnLayout {
    id: root
    property alias label: label.text
    property alias field: input
    property alias text: input.text
    signal edited()
    signal accepted()
    spacing: 8

    Text {
        id: label
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        Accessible.ignored: true
    }
    TextField {
        id: input
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.preferredHeight: Theme.controlHeight + 8
        font.pixelSize: Math.round(Theme.bodySize * 1.15)
        color: Theme.text
        leftPadding: 20
        rightPadding: 20
        maximumLength: 60
        // A name starts with a capital letter: the keyboard's shift is on for the first letter.
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        Accessible.name: root.label
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: input.activeFocus ? 3 : Math.max(2, Theme.lineWidth)
            border.color: input.activeFocus ? Theme.accent : Theme.line
        }
        onTextEdited: root.edited()
        onAccepted: root.accepted()
    }
}
