import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff screen's "Export and PIN" page: CSV export of a date range, the folder it goes to (this kiosk's
// own folder, a plugged-in drive, or a path typed in), and a new PIN typed twice.
Item {
    id: page
    required property var staff  // a StaffModel
    required property var settings  // its SettingsModel (the export folder is kept per kiosk)
    readonly property bool wide: width >= 900

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Export and PIN")

    function reset(today) { firstDate.text = today; lastDate.text = today; pin.text = ""; pinAgain.text = ""; folder.text = "" }

    component Heading: Text {
        Layout.fillWidth: true
        Layout.columnSpan: page.wide ? 2 : 1
        Layout.topMargin: 8
        color: Theme.text
        font.pixelSize: Theme.bodySize + 4
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Label: BodyText {
        Layout.preferredWidth: page.wide ? 300 : -1
        Layout.fillWidth: !page.wide
        Layout.alignment: Qt.AlignTop
        Layout.topMargin: page.wide ? 12 : 0
    }

    StaffFlickable {
        id: flick
        objectName: "staffExportFlick"
        anchors.fill: parent
        contentHeight: grid.implicitHeight + 24

        GridLayout {
            id: grid
            width: flick.width - 24
            x: LayoutMirroring.enabled ? 24 : 0  // the scroll bar's side
            columns: page.wide ? 2 : 1
            columnSpacing: 16
            rowSpacing: 10

            Heading { text: qsTr("Export CSV") }
            Label { text: qsTr("First day (YYYY-MM-DD)") }
            StaffField {
                id: firstDate
                objectName: "staffExportFirst"
                Layout.preferredWidth: 220
                label: qsTr("First day (YYYY-MM-DD)")
                inputMethodHints: Qt.ImhDate | Qt.ImhNoPredictiveText
            }
            Label { text: qsTr("Last day (YYYY-MM-DD)") }
            StaffField {
                id: lastDate
                objectName: "staffExportLast"
                Layout.preferredWidth: 220
                label: qsTr("Last day (YYYY-MM-DD)")
                inputMethodHints: Qt.ImhDate | Qt.ImhNoPredictiveText
            }
            Item { implicitHeight: 1; visible: page.wide }
            BigButton {
                objectName: "staffExport"
                primary: true
                text: qsTr("Export CSV")
                onClicked: page.staff.exportCsv(firstDate.text, lastDate.text)
            }
            Label { text: qsTr("Export folder") }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 10
                BodyText {
                    objectName: "staffExportFolder"
                    Layout.fillWidth: true
                    Layout.topMargin: page.wide ? 12 : 0
                    text: qsTr("CSV files go to: %1").arg("\u200e" + page.settings.exportFolder + "\u200e")  // a path runs left to right
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAnywhere
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 10
                    Repeater {
                        model: page.settings.exportChoices
                        ChoiceButton {
                            required property var modelData
                            required property int index
                            objectName: "staffExportChoice" + index
                            width: Math.min(parent.width, 420)
                            text: modelData.label
                            detail: modelData.path
                            selected: page.settings.exportFolder === modelData.path
                            onClicked: page.settings.chooseExportFolder(modelData.path)
                        }
                    }
                    BigButton {
                        objectName: "staffExportRescan"
                        implicitHeight: 56
                        text: qsTr("Look for drives again")
                        onClicked: page.settings.rescanDrives()
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    StaffField {
                        id: folder
                        objectName: "staffExportPath"
                        Layout.fillWidth: true
                        label: qsTr("Another folder (full path)")
                        placeholderText: qsTr("Another folder (full path)")
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    }
                    BigButton {
                        objectName: "staffExportUse"
                        implicitHeight: 56
                        text: qsTr("Use this folder")
                        enabled: folder.text.trim() !== ""
                        disabledReason: qsTr("Type a folder first.")
                        onClicked: page.settings.chooseExportFolder(folder.text)
                    }
                }
            }

            Heading { text: qsTr("New PIN") }
            Label { text: qsTr("New PIN") }
            StaffField {
                id: pin
                objectName: "staffPin"
                Layout.preferredWidth: 220
                label: qsTr("New PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
            }
            Label { text: qsTr("New PIN again") }
            StaffField {
                id: pinAgain
                objectName: "staffPinAgain"
                Layout.preferredWidth: 220
                label: qsTr("New PIN again")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
            }
            Item { implicitHeight: 1; visible: page.wide }
            BigButton {
                objectName: "staffSavePin"
                text: qsTr("Save PIN")
                onClicked: { page.staff.changePin(pin.text, pinAgain.text); pin.text = ""; pinAgain.text = "" }
            }
        }
    }
}
