import QtQuick
import QtQuick.Layouts
import Kiosk

// Before-care, one idea per page: moisturised?, buzz cut or keep the length?, and a calm note to breathe.
Item {
    id: screen
    required property var kiosk
    property bool portrait: false
    readonly property var page: kiosk.carePage
    readonly property string kind: page.kind !== undefined ? page.kind : ""
    readonly property var items: page.items !== undefined ? page.items : []
    readonly property bool answered: kind === "moisturised" ? kiosk.moisturised !== ""
                                   : kind === "hair" ? kiosk.hair !== "" : true
    property string nextText: page.last ? qsTr("Make my calendar") : qsTr("Next")
    property bool nextEnabled: answered
    function goNext() { kiosk.next() }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            x: Theme.margin + Math.max(0, (flick.width - 2 * Theme.margin - width) / 2)
            y: Theme.margin
            width: Math.min(flick.width - 2 * Theme.margin, 1000)
            spacing: 20

            Text {
                text: qsTr("Before your session · %1 of %2").arg(screen.kiosk.careIndex + 1).arg(screen.kiosk.careCount)
                color: Theme.warm
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
            }

            // ---------------------------------------------------- one item: a question or a note
            RowLayout {
                visible: screen.kind !== "hair"
                Layout.fillWidth: true
                spacing: 32
                Pictogram {
                    source: screen.items.length > 0 ? screen.items[0].pictogram : ""
                    size: screen.portrait ? 140 : 180
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 16
                    ScreenTitle {
                        objectName: "careTitle"
                        Layout.fillWidth: true
                        text: screen.items.length > 0 ? screen.items[0].title : ""
                    }
                    BodyText {
                        objectName: "careText"
                        Layout.fillWidth: true
                        text: screen.items.length > 0 ? screen.items[0].text : ""
                    }
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
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 16
                    ChoiceButton {
                        objectName: "moisturisedYes"
                        Layout.fillWidth: true
                        text: qsTr("Yes, I did")
                        selected: screen.kiosk.moisturised === "yes"
                        onClicked: screen.kiosk.answerMoisturised(true)
                    }
                    ChoiceButton {
                        objectName: "moisturisedNo"
                        Layout.fillWidth: true
                        text: qsTr("Not yet")
                        selected: screen.kiosk.moisturised === "no"
                        onClicked: screen.kiosk.answerMoisturised(false)
                    }
                }
            }

            // ---------------------------------------------------- hair: buzz cut or keep the length
            ColumnLayout {
                visible: screen.kind === "hair"
                Layout.fillWidth: true
                spacing: 20
                ScreenTitle {
                    Layout.fillWidth: true
                    text: qsTr("Your hair for the session")
                }
                GridLayout {
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
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        Layout.columnSpan: screen.portrait ? 1 : 2
                        pictogram: screen.kiosk.pictogram("clipper")
                        text: qsTr("Not yet — I still need to buzz cut")
                        selected: screen.kiosk.hair === "not-yet"
                        onClicked: screen.kiosk.chooseHair("not-yet")
                    }
                }
            }
        }
    }
}
