import QtQuick
import QtQuick.Layouts
import Kiosk

// "Here is what you told us", before the calendar is made: the name, the session and its date, the
// before-care answers, each with a Change button that goes to that answer and straight back here. The notes
// to read before a session (take a deep breath) come first.
KioskPage {
    id: screen
    property bool portrait: false
    title: qsTr("Here is what you told us")
    nextText: qsTr("Make my calendar")
    onNextClicked: kiosk.next()

    readonly property var sessionLabels: ({
        "1": qsTr("First session"), "2": qsTr("Second session"), "3": qsTr("Third session"),
        "touch-up": qsTr("Touch-up")
    })
    readonly property var hairLabels: ({
        "buzz": qsTr("Buzz cut"), "long": qsTr("Keeping my length"),
        "not-yet": qsTr("Not yet — I still need to buzz cut")
    })
    function sessionText() {
        const label = sessionLabels[kiosk.sessionNumber] || qsTr("Session %1").arg(kiosk.sessionNumber)
        let text = label + "\n" + kiosk.dateText(kiosk.sessionDate)
        const planned = kiosk.plannedDates
        if (planned.length > 0)
            text += "\n" + qsTr("Next sessions:") + " " + planned.map(date => date.text).join("; ")
        return text
    }

    Repeater {
        model: screen.kiosk.careNotes
        Rectangle {
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: note.implicitHeight + 32
            radius: Theme.radius
            color: Theme.accentSoft
            border.width: Theme.lineWidth
            border.color: Theme.line
            GridLayout {
                id: note
                anchors.fill: parent
                anchors.margins: 16
                columns: screen.portrait && Theme.largeText ? 1 : 2
                columnSpacing: 20
                rowSpacing: 12
                Pictogram {
                    source: modelData.pictogram
                    size: 96
                    Layout.alignment: Qt.AlignTop | Qt.AlignHCenter
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    Text {
                        objectName: "careNoteTitle"
                        Layout.fillWidth: true
                        text: modelData.title
                        color: Theme.text
                        font.pixelSize: Theme.bodySize
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                    }
                    BodyText { Layout.fillWidth: true; text: modelData.text }
                }
            }
        }
    }

    BodyText {
        Layout.fillWidth: true
        color: Theme.muted
        text: qsTr("Please check your answers. Tap Change to fix one.")
    }

    Repeater {
        model: [
            { key: "name", label: qsTr("Your name"), shown: true },
            { key: "session", label: qsTr("Your session"), shown: true },
            { key: "moisturised", label: qsTr("Moisturiser on your scalp"),
              shown: screen.kiosk.hasCarePage["moisturised"] === true },
            { key: "hair", label: qsTr("Your hair"), shown: screen.kiosk.hasCarePage["hair"] === true }
        ]
        Rectangle {
            id: row
            required property var modelData
            visible: modelData.shown
            Layout.fillWidth: true
            implicitHeight: rowLayout.implicitHeight + 24
            radius: Theme.radius
            color: Theme.surface
            border.width: Math.max(1, Theme.lineWidth)
            border.color: Theme.line
            GridLayout {
                id: rowLayout
                anchors.fill: parent
                anchors.margins: 12
                columns: screen.portrait && Theme.largeText ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: 8
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Text {
                        Layout.fillWidth: true
                        text: row.modelData.label
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.Wrap
                    }
                    BodyText {
                        objectName: "review_" + row.modelData.key
                        Layout.fillWidth: true
                        font.weight: Font.DemiBold
                        text: {
                            const kiosk = screen.kiosk
                            kiosk.language  // (read again when the language changes)
                            switch (row.modelData.key) {
                            case "name": return kiosk.clientName
                            case "session": return screen.sessionText()
                            case "moisturised": return kiosk.moisturised === "yes" ? qsTr("Yes, I did") : qsTr("Not yet")
                            default: return screen.hairLabels[kiosk.hair] || ""
                            }
                        }
                    }
                }
                BigButton {
                    objectName: "change_" + row.modelData.key
                    Layout.alignment: Qt.AlignVCenter | Qt.AlignRight
                    text: qsTr("Change")
                    accessibleName: qsTr("Change: %1").arg(row.modelData.label)
                    onClicked: screen.kiosk.changeAnswer(row.modelData.key)
                }
            }
        }
    }
}
