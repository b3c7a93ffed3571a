import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// Welcome: the clinic, one large "Check in" button, and the languages, each written in its own name.
KioskPage {
    id: screen
    centred: true
    backVisible: false
    nextText: ""
    contentMaxWidth: 900

    Image {
        source: screen.kiosk.clinicLogo
        visible: source.toString() !== ""
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 96
        Layout.preferredHeight: 96
        sourceSize.width: 240
        sourceSize.height: 240
        fillMode: Image.PreserveAspectFit
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("%1 logo").arg(screen.kiosk.clinicName)
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("Welcome to %1").arg(screen.kiosk.clinicName)
        color: Theme.text
        font.pixelSize: Theme.heroSize
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    BodyText {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        color: Theme.muted
        text: qsTr("Check in for your session. We will go through your before-care together and make your own aftercare calendar.")
    }
    BigButton {
        objectName: "checkInButton"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: Math.min(screen.bodyWidth, 420)
        Layout.preferredHeight: Theme.controlHeight + 24
        primary: true
        text: qsTr("Check in")
        font.pixelSize: Math.round(Theme.buttonSize * 1.25)
        onClicked: screen.kiosk.checkIn()
    }
    ReadAloudHint {
        objectName: "readAloudHint"
        Layout.fillWidth: true
        speech: screen.kiosk.readAloud
    }
    Text {
        Layout.fillWidth: true
        Layout.topMargin: 8
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("Choose your language")
        color: Theme.muted
        font.pixelSize: Theme.smallSize
        wrapMode: Text.Wrap
        visible: screen.kiosk.languages.length > 1
    }
    Flow {
        id: languages
        readonly property int chip: Theme.largeText ? 240 : 204
        readonly property int perRow: Math.max(1, Math.floor((screen.bodyWidth + 10) / (chip + 10)))
        Layout.preferredWidth: Math.min(screen.kiosk.languages.length, perRow) * (chip + 10) - 10
        Layout.alignment: Qt.AlignHCenter
        spacing: 10
        visible: screen.kiosk.languages.length > 1
        LayoutMirroring.enabled: false
        Repeater {
            model: screen.kiosk.languages
            ChoiceButton {
                required property var modelData
                objectName: "language_" + modelData.tag
                width: languages.chip
                implicitHeight: Math.max(56, Theme.controlHeight - 8)
                compact: true
                text: modelData.name
                selected: screen.kiosk.language === modelData.tag
                LayoutMirroring.enabled: modelData.rtl
                onClicked: screen.kiosk.chooseLanguage(modelData.tag)
            }
        }
    }
}
