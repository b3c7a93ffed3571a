import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// Your calendar: the real PDF pages (rendered by QtPdf from memory), scrolled with a finger, zoomed by pinching
// or with the + and − buttons.
KioskPage {
    id: screen
    title: qsTr("Your aftercare calendar")
    fillsHeight: true
    nextEnabled: kiosk.pdfStatus === "ready"
    nextReason: qsTr("Your calendar is still being made. It takes a few seconds.")
    onNextClicked: kiosk.next()
    readonly property var handover: kiosk.handover

    property real zoom: 1.0
    readonly property real minZoom: 1.0
    readonly property real maxZoom: 3.0
    function setZoom(value) { zoom = Math.max(minZoom, Math.min(maxZoom, value)) }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 12

        BodyText {
            Layout.fillWidth: true
            color: Theme.muted
            text: qsTr("Scroll to read it all. Pinch or use the buttons to zoom.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {  // the shortest way to a printed calendar; the next screen offers it again
                objectName: "calendarPrintButton"
                Layout.fillWidth: true
                primary: true
                text: screen.handover.printState === "printing" ? qsTr("Printing…") : qsTr("Print my calendar")
                enabled: screen.kiosk.pdfStatus === "ready" && screen.handover.canPrint
                         && screen.handover.printState !== "printing"
                disabledReason: screen.kiosk.pdfStatus !== "ready" ? screen.nextReason
                                                                  : qsTr("Printing is not possible right now.")
                onClicked: screen.handover.printCalendar()
            }
            BigButton {
                objectName: "zoomOutButton"
                text: "−"
                implicitWidth: Theme.controlHeight
                accessibleName: qsTr("Zoom out")
                enabled: screen.zoom > screen.minZoom
                disabledReason: qsTr("This is as small as it gets.")
                onClicked: screen.setZoom(screen.zoom / 1.5)
            }
            BigButton {
                objectName: "zoomInButton"
                text: "+"
                implicitWidth: Theme.controlHeight
                accessibleName: qsTr("Zoom in")
                enabled: screen.zoom < screen.maxZoom
                disabledReason: qsTr("This is as big as it gets.")
                onClicked: screen.setZoom(screen.zoom * 1.5)
            }
        }
        BodyText {
            objectName: "calendarPrintMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.handover.printState === "printing" ? "" : screen.handover.printMessage
            Accessible.role: Accessible.AlertMessage
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 200
            color: Theme.surfaceAlt
            radius: Theme.radius
            clip: true

            ColumnLayout {
                anchors.centerIn: parent
                visible: screen.kiosk.pdfStatus !== "ready"
                spacing: 16
                BusyIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    running: parent.visible
                    Accessible.name: qsTr("Making your calendar")
                }
                BodyText {
                    objectName: "makingText"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Making your calendar…")
                }
            }

            Flickable {
                id: pages
                objectName: "calendarPages"
                anchors.fill: parent
                visible: screen.kiosk.pdfStatus === "ready"
                contentWidth: Math.max(width, pageColumn.width + 32)
                contentHeight: pageColumn.height + 32
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ScrollBar.vertical: ScrollBar {
                    objectName: "calendarScrollBar"
                    width: 14
                    policy: pages.contentHeight > pages.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    contentItem: Rectangle { implicitWidth: 14; radius: 7; color: Theme.accent }
                    background: Rectangle { color: Theme.surface; radius: 7 }
                }
                Accessible.role: Accessible.Document
                Accessible.name: qsTr("Your aftercare calendar, %n pages", "", screen.kiosk.pageCount)

                Column {
                    id: pageColumn
                    objectName: "pageColumn"
                    x: Math.max(16, (pages.width - width) / 2)
                    y: 16
                    spacing: 16
                    width: Math.min(pages.width - 32, 900) * screen.zoom
                    Repeater {
                        model: screen.kiosk.pdfStatus === "ready" ? screen.kiosk.pageCount : 0
                        Rectangle {  // the paper: the rendered page itself has no background
                            required property int index
                            width: pageColumn.width
                            height: page.height
                            color: "#ffffff"
                            border.width: Theme.lineWidth
                            border.color: Theme.line
                            Image {
                                id: page
                                objectName: "calendarPage" + parent.index
                                width: parent.width
                                fillMode: Image.PreserveAspectFit
                                cache: false  // never keep a client's calendar in Qt's image cache
                                asynchronous: false
                                source: "image://calendar/" + screen.kiosk.pdfGeneration + "/" + parent.index
                                Accessible.role: Accessible.Graphic
                                Accessible.name: qsTr("Page %1 of %2").arg(parent.index + 1).arg(screen.kiosk.pageCount)
                            }
                        }
                    }
                }

                PinchHandler {
                    target: null
                    property real startZoom: 1.0
                    onActiveChanged: if (active) startZoom = screen.zoom
                    onActiveScaleChanged: if (active) screen.setZoom(startZoom * activeScale)
                }
            }
        }
    }
}
