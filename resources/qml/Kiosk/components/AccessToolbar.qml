import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// Always on screen: larger text, high contrast and reading aloud, for anyone who needs them. While reading aloud
// is on, large − and + buttons set its volume. The Read aloud switch shows only when this kiosk has a voice for
// the language on screen (kiosk/ui/speech.py).
// When one line does not fit in the room the header leaves it (a portrait window, larger text, a long language,
// the volume buttons), reading aloud and its volume go on a second line, so that nothing runs off screen and the
// clinic's name keeps its place.
GridLayout {
    id: root
    required property var kiosk
    property real room: Window.width  // the widest the toolbar may be: the header says how much it leaves
    readonly property real togglesWidth: toggles.implicitWidth  // the least it needs: the two switches
    // The speech row counts only when it shows (its implicit width stays while it is hidden).
    readonly property bool narrow: toggles.implicitWidth
                                   + (root.kiosk.readAloud.offered ? columnSpacing + speech.implicitWidth : 0) > room
    columns: narrow ? 1 : 2
    columnSpacing: 12
    rowSpacing: 8

    component Toggle: AbstractButton {
        id: toggle
        property string glyph
        checkable: true
        focusPolicy: Qt.NoFocus
        implicitHeight: 56
        implicitWidth: Math.max(56, row.implicitWidth + 28)
        Accessible.name: text
        Accessible.role: Accessible.CheckBox
        Accessible.checkable: true
        Accessible.checked: checked
        background: Rectangle {
            radius: 28
            color: toggle.checked ? Theme.accent : Theme.surface
            border.width: Math.max(2, Theme.lineWidth)
            border.color: Theme.accent
        }
        contentItem: Item {
            implicitWidth: row.implicitWidth
            implicitHeight: row.implicitHeight
            Row {
                id: row
                anchors.centerIn: parent
                spacing: 8
                Text {
                    text: toggle.glyph
                    color: toggle.checked ? Theme.accentText : Theme.accent
                    font.pixelSize: 24
                    font.bold: true
                    anchors.verticalCenter: parent.verticalCenter
                }
                Text {
                    text: toggle.text
                    color: toggle.checked ? Theme.accentText : Theme.text
                    font.pixelSize: Theme.smallSize
                    anchors.verticalCenter: parent.verticalCenter
                    visible: root.width > 0
                }
            }
        }
    }

    RowLayout {
        id: toggles
        spacing: 12
        Layout.alignment: Qt.AlignRight
        Toggle {
            objectName: "largeTextSwitch"
            glyph: "A+"
            text: qsTr("Larger text")
            checked: root.kiosk.largeText
            onToggled: root.kiosk.largeText = checked
        }
        Toggle {
            objectName: "contrastSwitch"
            glyph: "◐"
            text: qsTr("High contrast")
            checked: root.kiosk.highContrast
            onToggled: root.kiosk.highContrast = checked
        }
    }
    RowLayout {
        id: speech
        spacing: 12
        Layout.alignment: Qt.AlignRight
        visible: root.kiosk.readAloud.offered  // the switch needs a voice for the language on screen
        Toggle {
            id: readAloud
            objectName: "readAloudSwitch"
            glyph: "🔊"
            text: qsTr("Read aloud")
            visible: root.kiosk.readAloud.offered
            checked: root.kiosk.readAloud.enabled
            onToggled: root.kiosk.readAloud.enabled = checked
        }
        BigButton {
            objectName: "volumeDown"
            visible: root.kiosk.readAloud.enabled && root.kiosk.readAloud.offered
            implicitHeight: 56
            implicitWidth: 64
            text: "−"
            accessibleName: qsTr("Quieter")
            enabled: root.kiosk.readAloud.volume > root.kiosk.readAloud.minVolume
            disabledReason: qsTr("This is as quiet as it gets.")
            onClicked: root.kiosk.readAloud.quieter()
        }
        BigButton {
            objectName: "volumeUp"
            visible: root.kiosk.readAloud.enabled && root.kiosk.readAloud.offered
            implicitHeight: 56
            implicitWidth: 64
            text: "+"
            accessibleName: qsTr("Louder")
            enabled: root.kiosk.readAloud.volume < root.kiosk.readAloud.maxVolume
            disabledReason: qsTr("This is as loud as it gets.")
            onClicked: root.kiosk.readAloud.louder()
        }
    }
}
