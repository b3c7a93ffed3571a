import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// One answer among a few: a card that shows clearly when it is the chosen one.
AbstractButton {
    id: control
    property string detail: ""
    property url pictogram: ""
    property bool selected: false
    property bool compact: false
    property string disabledReason: ""  // said when a greyed-out one is tapped (DisabledHints)

    implicitHeight: Math.max(Theme.controlHeight, column.implicitHeight + (compact ? 12 : 32))
    implicitWidth: Math.max(160, column.implicitWidth + 40)
    focusPolicy: Qt.NoFocus
    Accessible.name: text
    Accessible.description: detail
    Accessible.role: Accessible.RadioButton
    Accessible.checkable: true
    Accessible.checked: selected

    background: Rectangle {
        radius: Theme.radius
        color: control.selected ? Theme.accentSoft : (control.down ? Theme.surfaceAlt : Theme.surface)
        border.width: control.selected ? 3 : Math.max(1, Theme.lineWidth)
        border.color: control.selected ? Theme.accent : Theme.line
    }
    contentItem: Item {
        implicitWidth: column.implicitWidth
        implicitHeight: column.implicitHeight
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: control.compact ? 6 : 16
            spacing: 8
            Pictogram {
                visible: control.pictogram.toString() !== ""
                source: control.pictogram
                size: 96
                Layout.alignment: Qt.AlignHCenter
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                Text {
                    text: control.selected ? "✓" : ""
                    visible: control.selected && !control.compact
                    color: Theme.accent
                    font.pixelSize: Theme.buttonSize
                    font.bold: true
                }
                Text {
                    text: control.text
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignVCenter
                    verticalAlignment: Text.AlignVCenter
                    // A compact chip (a language name) stays on one line, shrinking a long name slightly
                    // rather than spilling out of its button.
                    wrapMode: control.compact ? Text.NoWrap : Text.Wrap
                    fontSizeMode: control.compact ? Text.HorizontalFit : Text.FixedSize
                    minimumPixelSize: 20
                    horizontalAlignment: control.detail === "" ? Text.AlignHCenter : Text.AlignLeft
                    color: Theme.text
                    font.pixelSize: Theme.buttonSize
                    font.weight: Font.DemiBold
                }
            }
            Text {
                visible: control.detail !== ""
                text: control.detail
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.muted
                font.pixelSize: Theme.smallSize
                lineHeight: 1.15
            }
        }
    }
}
