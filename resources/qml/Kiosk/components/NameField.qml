import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// A labelled text field typed on the on-screen keyboard. No predictions: names are not words.
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
        color: Theme.text
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        Accessible.ignored: true
    }
    TextField {
        id: input
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.controlHeight + 8
        font.pixelSize: Math.round(Theme.bodySize * 1.15)
        color: Theme.text
        leftPadding: 20
        rightPadding: 20
        maximumLength: 60
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
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
