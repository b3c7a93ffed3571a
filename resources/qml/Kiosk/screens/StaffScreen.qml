import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff screen, behind the PIN: today's check-ins on every kiosk (read again every few seconds),
// their flags, storage health, the prints and emails waiting in the outbox, CSV export of a date range, a new PIN, and the way out.
Rectangle {
    id: root
    required property var kiosk
    required property var staff
    required property string today

    color: Theme.background
    visible: false
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Staff screen")

    function open() { visible = true; staff.open(kiosk.language); firstDate.text = today; lastDate.text = today }
    function close() { Qt.inputMethod.hide(); pin.text = ""; pinAgain.text = ""; staff.close(); visible = false }

    MouseArea { anchors.fill: parent; Accessible.ignored: true }  // nothing behind the screen reacts

    Connections {  // the saved settings fill the fields when they load (not on every poll)
        target: root.staff
        function onSettingsChanged() {
            const settings = root.staff.settings
            receipt.checked = settings.receipt === true
            timeout.text = settings.timeout ?? ""
            printer.text = settings.printer ?? ""
            languages.text = settings.languages ?? ""
        }
    }  // nothing behind the screen reacts

    component StaffField: TextField {
        Layout.preferredHeight: 56
        font.pixelSize: Theme.bodySize
        color: Theme.text
        background: Rectangle { radius: 8; color: Theme.surface; border.width: 1; border.color: Theme.line }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            ScreenTitle { Layout.fillWidth: true; text: qsTr("Staff: today's check-ins") }
            BigButton {
                objectName: "staffBack"
                text: qsTr("Back to the kiosk")
                onClicked: root.close()
            }
            BigButton {
                objectName: "staffExit"
                text: qsTr("Exit kiosk")
                onClicked: { root.close(); root.kiosk.exitKiosk() }
            }
        }

        BodyText {
            objectName: "staffHealth"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.staff.health
            color: Theme.problem
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.width: Theme.lineWidth
            border.color: Theme.line
            clip: true

            BodyText {
                anchors.centerIn: parent
                visible: root.staff.loaded && staffList.count === 0
                text: qsTr("No check-ins yet today.")
                color: Theme.muted
            }
            ListView {
                id: staffList
                objectName: "staffList"
                anchors.fill: parent
                anchors.margins: 12
                model: root.staff.checkins
                spacing: 4
                delegate: GridLayout {
                    id: row
                    required property var modelData
                    required property int index
                    readonly property bool wide: width >= 1000
                    objectName: "staffRow" + index
                    width: ListView.view.width
                    columns: wide ? 5 : 4
                    columnSpacing: 16
                    rowSpacing: 0
                    BodyText { text: row.modelData.time; Layout.preferredWidth: 72; Layout.minimumHeight: 48; verticalAlignment: Text.AlignVCenter }
                    BodyText {
                        objectName: "staffName" + row.index
                        text: row.modelData.name
                        font.weight: Font.DemiBold
                        Layout.preferredWidth: 200
                        wrapMode: Text.NoWrap
                        elide: Text.ElideRight
                    }
                    BodyText {
                        text: qsTr("Session %1").arg(row.modelData.session === "touch-up" ? qsTr("touch-up")
                                                                                           : row.modelData.session)
                        Layout.preferredWidth: 160
                        wrapMode: Text.NoWrap
                    }
                    BodyText {
                        text: row.modelData.kiosk
                        color: Theme.muted
                        Layout.fillWidth: !row.wide
                        Layout.preferredWidth: 160
                        wrapMode: Text.NoWrap
                        elide: Text.ElideRight
                    }
                    BodyText {
                        objectName: "staffFlags" + row.index
                        Layout.fillWidth: true
                        Layout.columnSpan: row.wide ? 1 : 4
                        Layout.leftMargin: row.wide ? 0 : 88
                        visible: text !== ""
                        text: row.modelData.flags + (row.modelData.pending ? (row.modelData.flags ? " · " : "") + qsTr("waiting for the database") : "")
                        color: Theme.problem
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            BodyText {
                objectName: "staffOutboxTitle"
                Layout.fillWidth: true
                font.weight: Font.DemiBold
                text: outboxList.count === 0 ? qsTr("No prints or emails are waiting.")
                                             : qsTr("Prints and emails waiting: %1").arg(outboxList.count)
            }
            BigButton {
                objectName: "staffRetryOutbox"
                visible: outboxList.count > 0
                text: qsTr("Retry now")
                onClicked: root.staff.retryOutbox()
            }
        }

        ListView {
            id: outboxList
            objectName: "staffOutbox"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 168)
            visible: count > 0
            clip: true
            model: root.staff.outbox
            spacing: 4
            delegate: BodyText {
                required property var modelData
                required property int index
                objectName: "staffJob" + index
                width: ListView.view.width
                text: modelData.time + "  " + modelData.kind + "  " + modelData.target + "  · " + modelData.state
                      + "  · " + qsTr("tries: %1").arg(modelData.attempts)
                      + (modelData.error ? "\n" + modelData.error : "")
                color: Theme.problem
                wrapMode: Text.Wrap
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 5
            columnSpacing: 12
            rowSpacing: 8
            BodyText { text: qsTr("Export from") }
            StaffField {
                id: firstDate
                objectName: "staffExportFirst"
                Layout.preferredWidth: 180
                inputMethodHints: Qt.ImhDate | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("First day (YYYY-MM-DD)")
            }
            BodyText { text: qsTr("to") }
            StaffField {
                id: lastDate
                objectName: "staffExportLast"
                Layout.preferredWidth: 180
                inputMethodHints: Qt.ImhDate | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Last day (YYYY-MM-DD)")
            }
            BigButton {
                objectName: "staffExport"
                text: qsTr("Export CSV")
                onClicked: root.staff.exportCsv(firstDate.text, lastDate.text)
            }
            BodyText { text: qsTr("New PIN") }
            StaffField {
                id: pin
                objectName: "staffPin"
                Layout.preferredWidth: 180
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                Accessible.name: qsTr("New PIN")
            }
            BodyText { text: qsTr("again") }
            StaffField {
                id: pinAgain
                objectName: "staffPinAgain"
                Layout.preferredWidth: 180
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                Accessible.name: qsTr("New PIN again")
            }
            BigButton {
                objectName: "staffSavePin"
                text: qsTr("Save PIN")
                onClicked: { root.staff.changePin(pin.text, pinAgain.text); pin.text = ""; pinAgain.text = "" }
            }

            BodyText { text: qsTr("Signed receipt") }
            Switch {
                id: receipt
                objectName: "staffReceipt"
                implicitHeight: 56
                Layout.preferredWidth: 180
                Accessible.name: qsTr("Signed receipt")
            }
            BodyText { text: qsTr("Timeout (s)") }
            StaffField {
                id: timeout
                objectName: "staffTimeout"
                Layout.preferredWidth: 180
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Inactivity timeout in seconds")
            }
            Item { Layout.preferredWidth: 1 }
            BodyText { text: qsTr("Printer") }
            StaffField {
                id: printer
                objectName: "staffPrinter"
                Layout.preferredWidth: 180
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Printer")
            }
            BodyText { text: qsTr("Languages") }
            StaffField {
                id: languages
                objectName: "staffLanguages"
                Layout.preferredWidth: 180
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Languages offered (such as en, de, pt_BR)")
            }
            BigButton {
                objectName: "staffSaveSettings"
                text: qsTr("Save settings")
                enabled: root.staff.settings.timeout !== undefined
                onClicked: root.staff.saveSettings(receipt.checked, timeout.text, printer.text, languages.text)
            }
        }

        BodyText {
            objectName: "staffMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.staff.message
            wrapMode: Text.WrapAnywhere
        }
    }
}
