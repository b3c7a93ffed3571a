import QtQuick
import QtQuick.Layouts
import Kiosk

// Your session: which one it is, its date (today unless changed), and, if known, the dates of the next ones.
KioskPage {
    id: screen
    property bool portrait: false
    onNextClicked: kiosk.next()

    property bool adding: false
    property string draft: ""

    function startAdding() {
        const planned = kiosk.plannedDates
        const from = planned.length > 0 ? planned[planned.length - 1].iso : kiosk.sessionDate
        draft = kiosk.shiftDate(from, "day", 28)
        adding = true
    }

    GridLayout {
        id: grid
        Layout.fillWidth: true
        columns: screen.portrait || Theme.largeText ? 1 : 2
        columnSpacing: 48
        rowSpacing: 28
        // ---------------------------------------------------- which session, and when
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 1
            spacing: 16
            ScreenTitle {
                Layout.fillWidth: true
                text: qsTr("Which session is this?")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 12
                Repeater {
                    model: screen.kiosk.sessionChoices  // the clinic's numbering (protocol main_sessions)
                    ChoiceButton {
                        required property var modelData
                        objectName: "session_" + modelData.value
                        Layout.fillWidth: true
                        text: modelData.label
                        selected: screen.kiosk.sessionNumber === modelData.value
                        onClicked: screen.kiosk.setSessionNumber(modelData.value)
                    }
                }
            }
            RowLayout {
                Layout.topMargin: 12
                Layout.fillWidth: true
                spacing: 12
                Text {
                    Layout.fillWidth: true
                    text: screen.kiosk.sessionDate === screen.kiosk.today ? qsTr("Date of this session: today")
                                                                           : qsTr("Date of this session")
                    color: Theme.text
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                }
                BigButton {
                    objectName: "sessionTodayButton"
                    visible: screen.kiosk.sessionDate !== screen.kiosk.today
                    implicitHeight: 56
                    text: qsTr("Today")
                    accessibleName: qsTr("Set the date back to today")
                    onClicked: screen.kiosk.setSessionDate(screen.kiosk.today)
                }
            }
            DatePicker {
                objectName: "sessionDatePicker"
                namePrefix: "sessionDate"
                kiosk: screen.kiosk
                iso: screen.kiosk.sessionDate
                onPicked: iso => screen.kiosk.setSessionDate(iso)
            }
        }

        // ---------------------------------------------------- next sessions, optional
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 1
            spacing: 16
            ScreenTitle {
                Layout.fillWidth: true
                text: qsTr("Your next sessions")
            }
            BodyText {
                Layout.fillWidth: true
                color: Theme.muted
                text: qsTr("Optional. If you already have dates, add them and your calendar will include them.")
            }
            Repeater {
                model: screen.kiosk.plannedDates
                RowLayout {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: 12
                    BodyText {
                        Layout.fillWidth: true
                        text: modelData.text
                    }
                    BigButton {
                        objectName: "removePlanned_" + index
                        text: qsTr("Remove")
                        accessibleName: qsTr("Remove %1").arg(modelData.text)
                        onClicked: screen.kiosk.removePlannedDate(modelData.iso)
                    }
                }
            }
            BodyText {  // a gentle note, never a refusal: the clinic decides
                objectName: "gapNote"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.kiosk.gapNote
            }
            BigButton {
                objectName: "addPlannedButton"
                visible: !screen.adding && screen.kiosk.plannedDates.length < 4
                text: qsTr("Add a date")
                onClicked: screen.startAdding()
            }
            ColumnLayout {
                visible: screen.adding
                spacing: 12
                DatePicker {
                    objectName: "plannedDatePicker"
                    namePrefix: "plannedDate"
                    kiosk: screen.kiosk
                    iso: screen.draft
                    onPicked: iso => screen.draft = iso
                }
                RowLayout {
                    spacing: 12
                    BigButton {
                        objectName: "cancelPlannedButton"
                        text: qsTr("Cancel")
                        onClicked: screen.adding = false
                    }
                    BigButton {
                        objectName: "confirmPlannedButton"
                        primary: true
                        text: qsTr("Add this date")
                        onClicked: {
                            const count = screen.kiosk.plannedDates.length
                            screen.kiosk.addPlannedDate(screen.draft)
                            if (screen.kiosk.plannedDates.length > count)
                                screen.adding = false
                        }
                    }
                }
            }
        }
    }
}
