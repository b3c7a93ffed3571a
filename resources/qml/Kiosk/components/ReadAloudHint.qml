import QtQuick
import Kiosk

// The welcome screen's line on reading aloud: how to turn it on, in each offered language that has a voice on
// this kiosk, one language after another (the one on screen first), each written in its own direction.
Text {
    id: root
    required property var speech  // the kiosk's Speech (kiosk.readAloud)
    property int index: 0
    readonly property var hints: speech.welcomeHints
    readonly property var hint: hints.length > 0 ? hints[index % hints.length] : null
    property int turnInterval: 3500  // how long each language's line stays
    // The language on screen comes first, for a whole turn: a client who just chose it reads it in full.
    onHintsChanged: {
        index = 0
        turns.restart()
    }

    visible: hint !== null
    text: hint ? hint.text : ""
    color: Theme.muted
    font.pixelSize: Theme.smallSize
    wrapMode: Text.Wrap
    horizontalAlignment: Text.AlignHCenter
    LayoutMirroring.enabled: hint ? hint.rtl : false
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Timer {
        id: turns
        interval: root.turnInterval
        repeat: true
        running: root.visible && root.hints.length > 1
        onTriggered: root.index = (root.index + 1) % root.hints.length
    }
}
