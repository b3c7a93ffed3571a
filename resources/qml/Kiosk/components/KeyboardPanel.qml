import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk

// The on-screen keyboard (Qt's InputPanel) in the client's language, following Larger text and High contrast.
// Main.qml loads it by its address after the welcome screen's first frame, so the keyboard's plugin and style
// cost the start nothing; the first text field comes a screen later.
InputPanel {
    id: inputPanel
    objectName: "inputPanel"
    property string language: "en"
    property bool portrait: false
    property real roomWidth: 0  // the width of the band the keyboard sits in
    property real windowHeight: 800
    property Item focusItem: null  // the window's item with the keyboard focus
    readonly property QtObject keyStyle: inputPanel.keyboard.style  // Qt's built-in style, set below
    // The keyboard types in the client's language (Arabic, Hebrew, Cyrillic letters...), with
    // a key to switch to Latin letters for a name written that way.
    readonly property var layouts: ({
        "en": "en_GB", "es": "es_ES", "fr": "fr_FR", "de": "de_DE", "it": "it_IT",
        "pt_BR": "pt_BR", "nl": "nl_NL", "pl": "pl_PL", "tr": "tr_TR", "ru": "ru_RU",
        "ar": "ar_AR", "he": "he_IL"
    })
    // An email address is typed in Latin letters whatever the language (with @ and . at hand).
    readonly property bool latinOnly: focusItem !== null
        && focusItem.inputMethodHints !== undefined
        && (focusItem.inputMethodHints & (Qt.ImhLatinOnly | Qt.ImhEmailCharactersOnly)) !== 0
    readonly property string layoutLocale: latinOnly ? "en_GB" : layouts[language] || "en_GB"
    Binding {
        target: VirtualKeyboardSettings
        property: "activeLocales"
        value: inputPanel.layoutLocale === "en_GB" ? ["en_GB"] : [inputPanel.layoutLocale, "en_GB"]
    }
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: inputPanel.layoutLocale
    }
    // ... on a keyboard of its own: @ and . (and .com) on the first layer, the digits above the letters
    Binding {
        target: VirtualKeyboardSettings
        property: "layoutPath"
        when: inputPanel.latinOnly
        value: Qt.resolvedUrl("../keyboard/email")
    }
    // The keyboard follows Larger text: its style is drawn for a narrower keyboard, so every letter
    // is a quarter bigger and every key a quarter taller (the letters scale with width / design
    // width, the height with the design height / width).
    Binding {
        target: inputPanel.keyStyle
        when: Theme.largeText && inputPanel.keyStyle !== null
        property: "keyboardDesignWidth"
        value: 2048
    }
    // ... and High contrast: black keys with white letters (21:1), set apart by white gaps.
    Repeater {
        model: [["keyboardBackgroundColor", "#ffffff"], ["normalKeyBackgroundColor", "#000000"],
                ["highlightedKeyBackgroundColor", "#000000"], ["keyTextColor", "#ffffff"],
                ["keySmallTextColor", "#ffffff"], ["popupBackgroundColor", "#000000"],
                ["popupTextColor", "#ffffff"], ["popupBorderColor", "#ffffff"],
                ["selectionListBackgroundColor", "#000000"], ["selectionListTextColor", "#ffffff"]]
        delegate: Item {
            required property var modelData
            Binding {
                target: inputPanel.keyStyle
                when: Theme.highContrast && inputPanel.keyStyle !== null
                property: modelData[0]
                value: modelData[1]
            }
        }
    }
    // Larger text: the whole width in landscape too, so every key is bigger. Never taller than
    // about 40% of the window, 45% with larger text (its height follows its width).
    width: Math.min(portrait || Theme.largeText ? roomWidth : Math.min(roomWidth, 920),
                    Math.round(windowHeight * (Theme.largeText ? 1.15 : 1.25)))
}
