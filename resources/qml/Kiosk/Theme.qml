pragma Singleton
import QtQuick

// Colours and sizes for every screen. Main.qml binds largeText and highContrast to the kiosk model.
QtObject {
    property bool largeText: false
    property bool highContrast: false

    readonly property real scale: largeText ? 1.3 : 1.0
    readonly property int bodySize: Math.round(22 * scale)
    readonly property int smallSize: Math.round(20 * scale)
    readonly property int titleSize: Math.round(36 * scale)
    readonly property int heroSize: Math.round(48 * scale)
    readonly property int buttonSize: Math.round(22 * scale)
    readonly property int controlHeight: Math.max(64, Math.round(64 * scale))
    readonly property int spacing: 16
    readonly property int margin: 32
    readonly property int radius: 14
    readonly property int lineWidth: highContrast ? 3 : 1

    readonly property color background: highContrast ? "#ffffff" : "#f6f1ea"
    readonly property color surface: "#ffffff"
    readonly property color surfaceAlt: highContrast ? "#ffffff" : "#efe6db"
    readonly property color text: highContrast ? "#000000" : "#2b2623"
    readonly property color muted: highContrast ? "#000000" : "#5f5750"
    readonly property color line: highContrast ? "#000000" : "#d9cbbb"
    readonly property color accent: highContrast ? "#000000" : "#2e6b62"
    readonly property color accentPressed: highContrast ? "#333333" : "#245750"
    readonly property color accentText: "#ffffff"
    readonly property color accentSoft: highContrast ? "#ffe600" : "#dcebe6"
    readonly property color warm: highContrast ? "#000000" : "#b5643c"
    readonly property color problem: highContrast ? "#b00000" : "#a23b2a"
    readonly property color scrim: "#99000000"
}
