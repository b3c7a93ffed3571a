import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk
import Kiosk.Models

// The kiosk window: header (clinic, progress, access switches), one screen at a time, the on-screen
// keyboard, and the overlays (help is coming, inactivity warning, staff PIN pad). Full screen, the window
// takes its size from the screen it is on (kiosk/ui/app.py), with or without a window manager.
ApplicationWindow {
    id: window
    required property KioskModel kiosk
    required property StaffModel staff
    property bool windowed: true

    width: 1280
    height: 800
    visible: true
    visibility: windowed ? Window.Windowed : Window.FullScreen
    title: kiosk.clinicName
    color: Theme.background
    font.pixelSize: Theme.bodySize

    LayoutMirroring.enabled: kiosk.rtl
    LayoutMirroring.childrenInherit: true

    Binding { target: Theme; property: "largeText"; value: window.kiosk.largeText }
    Binding { target: Theme; property: "highContrast"; value: window.kiosk.highContrast }

    // The kiosk only closes after staff typed the right PIN.
    onClosing: close => close.accepted = kiosk.staffLock.exitAllowed

    readonly property bool portrait: height > width
    readonly property real nameRoom: 240  // the header keeps this much for the clinic's logo and name
    readonly property var screens: ({
        "welcome": welcomeScreen, "name": nameScreen, "session": sessionScreen, "before-care": careScreen,
        "review": reviewScreen, "calendar": calendarScreen, "handover": handoverScreen, "receipt": receiptScreen, "finish": finishScreen,
        "error": errorScreen
    })

    Timer {
        id: idleTimer
        objectName: "idleTimer"
        interval: window.kiosk.inactivitySeconds * 1000
        running: !window.kiosk.warning && !pinPad.visible && !staffScreen.shown
        onTriggered: window.kiosk.inactivityWarning()
    }
    Connections {
        target: window.kiosk
        function onActivity() { if (!window.kiosk.warning) idleTimer.restart() }
        function onWiped() { Qt.inputMethod.hide(); pinPad.visible = false }
    }
    Connections {
        target: window.kiosk.staffLock
        function onStaffRequested() { pinPad.visible = false; staffScreen.open() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // ------------------------------------------------------------ header
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: header.implicitHeight + 24
            color: Theme.surface
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: Theme.lineWidth; color: Theme.line }
            GridLayout {
                id: header
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                anchors.topMargin: 12
                anchors.bottomMargin: 12
                columns: window.portrait ? 2 : 3
                columnSpacing: Theme.spacing
                rowSpacing: 8
                RowLayout {
                    spacing: 12
                    Layout.fillWidth: true
                    Layout.row: 0
                    Layout.column: 0
                    Image {
                        source: window.kiosk.clinicLogo
                        visible: source.toString() !== ""
                        Layout.preferredWidth: 48
                        Layout.preferredHeight: 48
                        sourceSize.width: 96
                        sourceSize.height: 96
                        fillMode: Image.PreserveAspectFit
                        Accessible.ignored: true
                    }
                    Text {
                        objectName: "headerClinicName"
                        text: window.kiosk.clinicName
                        color: Theme.text
                        font.pixelSize: Theme.smallSize
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap  // a long name takes two lines rather than being cut
                        Layout.fillWidth: true
                    }
                }
                ProgressSteps {
                    id: progressSteps
                    objectName: "progress"
                    visible: window.kiosk.progress > 0
                    current: window.kiosk.progress
                    count: window.kiosk.progressCount
                    Layout.alignment: Qt.AlignHCenter
                    Layout.row: window.portrait ? (toolbar.below ? 2 : 1) : 0
                    Layout.column: window.portrait ? 0 : 1
                    Layout.columnSpan: window.portrait ? 2 : 1
                }
                AccessToolbar {
                    id: toolbar
                    objectName: "accessToolbar"
                    kiosk: window.kiosk
                    // what is left beside the clinic's name (at least a short name's width) and the steps
                    readonly property real besideName: header.width - window.nameRoom - header.columnSpacing
                          - (window.portrait || !progressSteps.visible ? 0
                             : progressSteps.implicitWidth + header.columnSpacing)
                    // Even the two switches alone do not fit there (larger text, a long language, portrait):
                    // the toolbar takes a row of its own under the name, which keeps its whole width.
                    readonly property bool below: togglesWidth > besideName
                    room: below ? header.width : besideName
                    Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                    Layout.row: below ? 1 : 0
                    Layout.column: below ? 0 : window.portrait ? 1 : 2
                    Layout.columnSpan: below ? header.columns : 1
                }
            }
        }

        // ------------------------------------------------------------ the current screen (a KioskPage: its
        // title, a body that scrolls, and Back, "Ask a member of staff" and Next)
        Loader {
            id: screenLoader
            objectName: "screenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: window.screens[window.kiosk.step]
        }

        // The on-screen keyboard takes the bottom of the screen while a text field has focus; in landscape it
        // is kept narrower so that it does not cover the field being typed in.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: inputPanel.active ? inputPanel.height : 0
            visible: inputPanel.active
            color: Theme.highContrast ? "#ffffff" : "#2c3337"
            InputPanel {
                id: inputPanel
                objectName: "inputPanel"
                readonly property QtObject keyStyle: keyboard.style  // Qt's built-in style, set below
                // The keyboard types in the client's language (Arabic, Hebrew, Cyrillic letters...), with
                // a key to switch to Latin letters for a name written that way.
                readonly property var layouts: ({
                    "en": "en_GB", "es": "es_ES", "fr": "fr_FR", "de": "de_DE", "it": "it_IT",
                    "pt_BR": "pt_BR", "nl": "nl_NL", "pl": "pl_PL", "tr": "tr_TR", "ru": "ru_RU",
                    "ar": "ar_AR", "he": "he_IL"
                })
                // An email address is typed in Latin letters whatever the language (with @ and . at hand).
                readonly property bool latinOnly: window.activeFocusItem !== null
                    && window.activeFocusItem.inputMethodHints !== undefined
                    && (window.activeFocusItem.inputMethodHints & (Qt.ImhLatinOnly | Qt.ImhEmailCharactersOnly)) !== 0
                readonly property string layoutLocale: latinOnly ? "en_GB" : layouts[window.kiosk.language] || "en_GB"
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
                // ... on a keyboard of its own: @ and . (and .com) on the first layer, the digits above the letters.
                // Always bound (not only "when" typing an email): the settings are the application's, and a window
                // closed with the email field focused would otherwise leave every later keyboard on the email one.
                readonly property url builtInLayouts: "qrc:/qt-project.org/imports/QtQuick/VirtualKeyboard/Layouts"
                Binding {
                    target: VirtualKeyboardSettings
                    property: "layoutPath"
                    value: inputPanel.latinOnly ? Qt.resolvedUrl("keyboard/email") : inputPanel.builtInLayouts
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
                width: Math.min(window.portrait || Theme.largeText ? parent.width : Math.min(parent.width, 920),
                                Math.round(window.height * (Theme.largeText ? 1.15 : 1.25)))
                anchors.horizontalCenter: parent.horizontalCenter
            }
        }
    }

    StaffCorner {
        objectName: "staffCorner"
        anchors.top: parent.top
        anchors.left: parent.left
        onUnlockRequested: pinPad.open()
    }

    HelpOverlay {
        objectName: "helpOverlay"
        anchors.fill: parent
        kiosk: window.kiosk
    }

    InactivityOverlay {
        objectName: "inactivityOverlay"
        anchors.fill: parent
        kiosk: window.kiosk
    }

    // The staff screen is made after the welcome screen's first frame, in the background (a faster start).
    Loader {
        id: staffScreen
        readonly property bool shown: item !== null && item.visible
        property bool openWhenLoaded: false
        function open() { active = true; if (item) item.open(); else openWhenLoaded = true }
        anchors.fill: parent
        anchors.bottomMargin: inputPanel.active ? inputPanel.height : 0
        active: false
        asynchronous: true
        onLoaded: if (openWhenLoaded) item.open()
        sourceComponent: StaffScreen {
            objectName: "staffScreen"
            kiosk: window.kiosk
            staff: window.staff
            today: window.staff.today
        }
        Connections {
            target: window
            enabled: !staffScreen.active
            function onFrameSwapped() { staffScreen.active = true }
        }
    }

    PinPad {
        id: pinPad
        objectName: "pinPad"
        anchors.fill: parent
        lock: window.kiosk.staffLock
    }

    DisabledHints {  // over everything: a tap on any greyed-out button says why
        objectName: "disabledHints"
        anchors.fill: parent
    }

    Component { id: welcomeScreen; WelcomeScreen { kiosk: window.kiosk } }
    Component { id: nameScreen; NameScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: sessionScreen; SessionScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: careScreen; BeforeCareScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: reviewScreen; ReviewScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: calendarScreen; CalendarScreen { kiosk: window.kiosk } }
    Component { id: handoverScreen; HandoverScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: receiptScreen; ReceiptScreen { kiosk: window.kiosk; portrait: window.portrait } }
    Component { id: finishScreen; FinishScreen { kiosk: window.kiosk } }
    Component { id: errorScreen; ErrorScreen { kiosk: window.kiosk } }
}
