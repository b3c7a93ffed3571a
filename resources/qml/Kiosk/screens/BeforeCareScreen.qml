import QtQuick
import QtQuick.Layouts
import Kiosk

// Before-care, one idea per page: moisturised?, buzz cut or keep the length?, and a calm note to breathe.
// A "Not yet" answer stays on the page with a kind next step (what to do, that it is fine, who can help).
KioskPage {
    id: screen
    property bool portrait: false
    readonly property var page: kiosk.carePage
    readonly property string kind: page.kind !== undefined ? page.kind : ""
    readonly property var items: page.items !== undefined ? page.items : []
    readonly property bool answered: kind === "moisturised" ? kiosk.moisturised !== ""
                                   : kind === "hair" ? kiosk.hair !== "" : true
    readonly property string advice: kind === "moisturised" && kiosk.moisturised === "no"
        ? qsTr("That is fine. Please tell a member of staff before your session starts; they will help you. Next time, put moisturiser on your scalp before you come in.")
        : kind === "hair" && kiosk.hair === "not-yet"
        ? qsTr("That is fine. Please tell a member of staff before your session starts; they will help you. Next time, buzz cut your hair with a zero guard the night before.")
        : ""
    title: kind === "hair" ? qsTr("Your hair for the session") : (items.length > 0 ? items[0].title : "")
    nextEnabled: answered
    nextReason: qsTr("Please choose an answer first.")
    onNextClicked: kiosk.next()

    Text {
        Layout.fillWidth: true
        text: qsTr("Before your session · %1 of %2").arg(screen.kiosk.careIndex + 1).arg(screen.kiosk.careCount)
        color: Theme.warm
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
    }

    // ---------------------------------------------------- one item: a question or a note
    GridLayout {
        visible: screen.kind !== "hair"
        Layout.fillWidth: true
        columns: screen.portrait && Theme.largeText ? 1 : 2
        columnSpacing: 32
        rowSpacing: 16
        Pictogram {
            source: screen.items.length > 0 ? screen.items[0].pictogram : ""
            size: screen.portrait ? 140 : 180
            Layout.alignment: Qt.AlignTop | Qt.AlignHCenter
        }
        BodyText {
            objectName: "careText"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            text: screen.items.length > 0 ? screen.items[0].text : ""
        }
    }

    ColumnLayout {
        visible: screen.kind === "moisturised"
        Layout.fillWidth: true
        Layout.topMargin: 12
        spacing: 16
        BodyText {
            Layout.fillWidth: true
            font.weight: Font.DemiBold
            text: qsTr("Did you put moisturiser on your scalp before coming in today?")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: screen.portrait && Theme.largeText ? 1 : 2
            columnSpacing: 16
            rowSpacing: 16
            ChoiceButton {
                objectName: "moisturisedYes"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("Yes, I did")
                selected: screen.kiosk.moisturised === "yes"
                onClicked: screen.kiosk.answerMoisturised(true)
            }
            ChoiceButton {
                objectName: "moisturisedNo"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("Not yet")
                selected: screen.kiosk.moisturised === "no"
                onClicked: screen.kiosk.answerMoisturised(false)
            }
        }
    }

    // ---------------------------------------------------- hair: buzz cut or keep the length
    GridLayout {
        visible: screen.kind === "hair"
        Layout.fillWidth: true
        columns: screen.portrait ? 1 : 2
        columnSpacing: 20
        rowSpacing: 16
        Repeater {
            model: screen.kind === "hair" ? screen.items : []
            ChoiceButton {
                required property var modelData
                objectName: "hair_" + modelData.hair
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                pictogram: modelData.pictogram
                text: modelData.title
                detail: modelData.text
                selected: screen.kiosk.hair === modelData.hair
                onClicked: screen.kiosk.chooseHair(modelData.hair)
            }
        }
        ChoiceButton {
            // Planning a buzz cut but not done yet: the calendar follows the buzz-cut branch,
            // and the front desk sees the flag.
            objectName: "hair_not-yet"
            visible: screen.kind === "hair"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.columnSpan: screen.portrait ? 1 : 2
            pictogram: screen.kiosk.pictogram("clipper")
            text: qsTr("Not yet — I still need to buzz cut")
            selected: screen.kiosk.hair === "not-yet"
            onClicked: screen.kiosk.chooseHair("not-yet")
        }
    }

    // ---------------------------------------------------- a kind next step after "Not yet"
    Rectangle {
        objectName: "careAdvice"
        visible: screen.advice !== ""
        Layout.fillWidth: true
        implicitHeight: adviceColumn.implicitHeight + 40
        radius: Theme.radius
        color: Theme.accentSoft
        border.width: Math.max(2, Theme.lineWidth)
        border.color: Theme.accent
        Accessible.role: Accessible.AlertMessage
        Accessible.name: screen.advice
        ColumnLayout {
            id: adviceColumn
            anchors.fill: parent
            anchors.margins: 20
            spacing: 16
            BodyText {
                objectName: "careAdviceText"
                Layout.fillWidth: true
                text: screen.advice
            }
            HelpButton {
                objectName: "adviceHelpButton"
                Layout.fillWidth: true
                kiosk: screen.kiosk
                screenName: screen.screenName
            }
        }
    }
}
