import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// Take it with you: print the calendar at the desk printer, put the key dates in your phone with the QR codes
// (the same events as the PDF), or have it emailed when the clinic set up email. Slow work runs in the bridge.
KioskPage {
    id: screen
    property bool portrait: false
    readonly property var handover: kiosk.handover
    contentMaxWidth: 1400  // print and email beside three codes
    onNextClicked: kiosk.next()
    // The on-screen keyboard takes half the screen: keep the address, the consent line and "Send" in view.
    function showEmail() {
        const top = emailPanel.mapToItem(screen.scroller.contentItem, 0, 0).y - 8
        screen.scroller.contentY = Math.max(0, Math.min(top, screen.scroller.contentHeight - screen.scroller.height))
    }
    Connections {
        target: screen.scroller
        function onHeightChanged() { if (email.field.activeFocus) screen.showEmail() }
    }

    GridLayout {
        id: content
        Layout.fillWidth: true
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        // ------------------------------------------------ print and email
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: screen.portrait
            Layout.preferredWidth: screen.portrait ? -1 : 300  // leaves three codes side by side
            spacing: Theme.spacing
            ScreenTitle {
                Layout.fillWidth: true
                text: qsTr("Take it with you")
            }
            BigButton {
                objectName: "printButton"
                primary: true
                Layout.fillWidth: true
                text: qsTr("Print my calendar")
                enabled: screen.handover.canPrint
                onClicked: screen.handover.printCalendar()
            }
            BodyText {
                objectName: "printMessage"
                Layout.fillWidth: true
                visible: text !== ""
                color: screen.handover.printState === "done" || screen.handover.printState === "printing"
                       ? Theme.text : Theme.warm
                text: screen.handover.printState === "printing" ? qsTr("Printing…") : screen.handover.printMessage
                Accessible.role: Accessible.AlertMessage
            }
            PrintAgainConfirm { handover: screen.handover; Layout.fillWidth: true }

            ColumnLayout {
                id: emailPanel
                objectName: "emailPanel"
                visible: screen.handover.emailEnabled
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: 8
                NameField {
                    id: email
                    Layout.fillWidth: true
                    label: qsTr("Or get it by email")
                    field.objectName: "emailField"
                    field.maximumLength: 254
                    field.inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhLatinOnly | Qt.ImhNoAutoUppercase
                                            | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
                    field.placeholderText: "name@example.com"
                    field.onActiveFocusChanged: if (email.field.activeFocus) screen.showEmail()
                    onEdited: screen.handover.clearEmailMessage()
                    // Return sends, as the Send button does, and puts the keyboard away so the answer shows
                    onAccepted: { Qt.inputMethod.hide(); screen.handover.sendEmail(email.text) }
                }
                BodyText {
                    objectName: "consentText"
                    Layout.fillWidth: true
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                    text: qsTr("We use this address only to send you this calendar.")
                }
                BigButton {
                    objectName: "sendEmailButton"
                    Layout.fillWidth: true
                    text: qsTr("Send it to me")
                    enabled: screen.handover.canPrint && email.text !== ""
                             && screen.handover.emailState !== "sending"
                    onClicked: { Qt.inputMethod.hide(); screen.handover.sendEmail(email.text) }
                }
                BodyText {
                    objectName: "emailMessage"
                    Layout.fillWidth: true
                    visible: text !== ""
                    color: screen.handover.emailState === "invalid" || screen.handover.emailState === "failed"
                           ? Theme.problem : Theme.text
                    text: screen.handover.emailState === "sending" ? qsTr("Sending…") : screen.handover.emailMessage
                    Accessible.role: Accessible.AlertMessage
                }
            }
        }

        // ------------------------------------------------ the dates in your phone
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: 8
            ScreenTitle {
                Layout.fillWidth: true
                text: qsTr("Put the key dates in your phone")
            }
            BodyText {
                Layout.fillWidth: true
                color: Theme.muted
                text: qsTr("Point your phone's camera at a code. It adds that date to your phone's calendar.")
            }
            Flow {
                objectName: "qrCodes"
                Layout.fillWidth: true
                Layout.topMargin: 8
                spacing: Theme.spacing
                Repeater {
                    model: screen.handover.qrCodes
                    ColumnLayout {
                        id: card
                        required property var modelData
                        required property int index
                        width: qr.width
                        spacing: 4
                        QrCode {
                            id: qr
                            objectName: "qrCode" + card.index
                            modules: card.modelData.size
                            bits: card.modelData.modules
                            Accessible.name: card.modelData.date + ": " + card.modelData.summary
                        }
                        Text {
                            Layout.fillWidth: true
                            text: card.modelData.date
                            color: Theme.text
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.DemiBold
                            wrapMode: Text.Wrap
                        }
                        Text {
                            Layout.fillWidth: true
                            text: card.modelData.summary
                            color: Theme.muted
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }
}
