import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff screen's "Clinic settings" page: every clinic-wide setting, saved for every kiosk on the database.
// The fields are filled when the saved settings arrive (settings.loaded), never while staff type; a refused
// value keeps what was typed and its field gets a red border.
Item {
    id: page
    required property var settings  // a SettingsModel
    property var speech: null  // the kiosk's Speech: which languages have a voice for reading aloud
    property bool speakOnWelcome: false
    readonly property bool wide: width >= 900
    property var chosenLanguages: ({})  // tag -> true while its toggle is on
    property string security: "starttls"

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Clinic settings")

    // Fill the fields from the saved settings, or empty them when the staff screen closes (nothing of the
    // clinic's, its SMTP password least of all, stays in a hidden field).
    function fill() {
        const loaded = settings.values
        const values = loaded.name !== undefined ? loaded : {
            "name": "", "logo": "", "phone": "", "text": "", "email": "", "website": "", "address": "",
            "printer": "", "timeout": "", "retention": "", "receipt": false, "smtpHost": "", "smtpPort": "",
            "smtpUsername": "", "smtpPassword": "", "smtpSender": "", "smtpSecurity": "starttls",
            "languages": [], "dayCounts": {}, "speakOnWelcome": false, "readAloudVolume": ""
        }
        // A phone number has no letters to say which way it runs: a left-to-right mark keeps "+44 20" in
        // order beside right-to-left text (the model drops the mark again).
        name.text = values.name; logo.text = values.logo; phone.text = ltr(values.phone)
        textNumber.text = ltr(values.text); email.text = values.email; website.text = values.website
        address.text = values.address; printer.text = values.printer; timeout.text = values.timeout
        retention.text = values.retention; receipt.checked = values.receipt === true
        smtpHost.text = values.smtpHost; smtpPort.text = values.smtpPort; smtpUser.text = values.smtpUsername
        smtpPassword.text = values.smtpPassword; smtpSender.text = values.smtpSender
        security = values.smtpSecurity
        speakOnWelcome = values.speakOnWelcome === true; readAloudVolume.text = values.readAloudVolume ?? ""
        const chosen = {}
        for (const tag of values.languages)
            chosen[tag] = true
        chosenLanguages = chosen
        for (let i = 0; i < dayCounts.count; ++i) {
            const field = dayCounts.itemAt(i)
            field.text = values.dayCounts[field.settingId] ?? ""
        }
        flick.contentY = 0
    }

    function ltr(text) { return text === "" ? "" : "\u200e" + text }

    function values() {
        const counts = {}
        for (let i = 0; i < dayCounts.count; ++i)
            counts[dayCounts.itemAt(i).settingId] = dayCounts.itemAt(i).text
        return {
            "name": name.text, "logo": logo.text, "phone": phone.text, "text": textNumber.text,
            "email": email.text, "website": website.text, "address": address.text, "printer": printer.text,
            "languages": Object.keys(chosenLanguages).filter(tag => chosenLanguages[tag]),
            "timeout": timeout.text, "dayCounts": counts, "receipt": receipt.checked, "retention": retention.text,
            "smtpHost": smtpHost.text, "smtpPort": smtpPort.text, "smtpSecurity": security,
            "smtpUsername": smtpUser.text, "smtpPassword": smtpPassword.text, "smtpSender": smtpSender.text,
            "speakOnWelcome": speakOnWelcome, "readAloudVolume": readAloudVolume.text
        }
    }

    function toggleLanguage(tag) {
        const chosen = Object.assign({}, chosenLanguages)
        chosen[tag] = !chosen[tag]
        chosenLanguages = chosen
    }

    Connections {
        target: page.settings
        function onLoaded() { page.fill() }
    }
    component Heading: Text {
        Layout.fillWidth: true
        Layout.columnSpan: page.wide ? 2 : 1
        Layout.topMargin: 12
        color: Theme.text
        font.pixelSize: Theme.bodySize + 4
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Label: BodyText {
        Layout.preferredWidth: page.wide ? 340 : -1
        Layout.fillWidth: !page.wide
        Layout.alignment: Qt.AlignTop
        Layout.topMargin: page.wide ? 12 : 14
    }
    component Field: StaffField {
        property string settingId: ""
        Layout.fillWidth: true
        problem: settingId !== "" && page.settings.problem === settingId
        inputMethodHints: Qt.ImhNoPredictiveText
        onTextEdited: if (problem) page.settings.clearProblem()  // the red border goes once it is being fixed
    }
    component NumberField: Field {
        Layout.fillWidth: false
        Layout.preferredWidth: 220
        inputMethodHints: Qt.ImhDigitsOnly
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        StaffFlickable {
            id: flick
            objectName: "staffSettingsFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: grid.implicitHeight + 24

            GridLayout {
                id: grid
                width: flick.width - 24
                x: LayoutMirroring.enabled ? 24 : 0  // the scroll bar's side
                columns: page.wide ? 2 : 1
                columnSpacing: 16
                rowSpacing: page.wide ? 10 : 4  // in portrait a label sits close above its own field

                Heading { text: qsTr("The clinic") }
                Label { text: qsTr("Clinic name") }
                Field { id: name; objectName: "staffClinicName"; settingId: "name"; label: qsTr("Clinic name") }
                Label { text: qsTr("Logo file (PNG or JPEG)") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 12
                        Field {
                            id: logo
                            objectName: "staffLogo"
                            settingId: "logo_path"
                            label: qsTr("Logo file (PNG or JPEG)")
                            placeholderText: qsTr("No logo")
                            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        }
                        Rectangle {
                            Layout.preferredWidth: 64
                            Layout.preferredHeight: 64
                            radius: 8
                            color: Theme.surface
                            border.width: 1
                            border.color: Theme.line
                            Image {
                                objectName: "staffLogoPreview"
                                anchors.fill: parent
                                anchors.margins: 4
                                source: page.settings.logoUrl(logo.text)
                                sourceSize.width: 128
                                sourceSize.height: 128
                                fillMode: Image.PreserveAspectFit
                                asynchronous: true
                                Accessible.role: Accessible.Graphic
                                Accessible.name: qsTr("Logo preview")
                            }
                        }
                    }
                    BodyText {
                        objectName: "staffLogoProblem"
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: page.settings.logoProblem(logo.text)
                        color: Theme.problem
                    }
                }
                Label { text: qsTr("Phone") }
                Field {
                    id: phone; objectName: "staffPhone"; label: qsTr("Phone")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                }
                Label { text: qsTr("Number for text messages") }
                Field {
                    id: textNumber; objectName: "staffTextNumber"; label: qsTr("Number for text messages")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                }
                Label { text: qsTr("Email") }
                Field {
                    id: email; objectName: "staffEmail"; settingId: "email"; label: qsTr("Email")
                    inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                }
                Label { text: qsTr("Website") }
                Field {
                    id: website; objectName: "staffWebsite"; label: qsTr("Website")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                }
                Label { text: qsTr("Address") }
                Field { id: address; objectName: "staffAddress"; label: qsTr("Address") }

                Heading { text: qsTr("The kiosk") }
                Label { text: qsTr("Languages offered") }
                Flow {
                    objectName: "staffLanguages"
                    Layout.fillWidth: true
                    spacing: 10
                    Repeater {
                        model: page.settings.languages
                        ChoiceButton {
                            required property var modelData
                            objectName: "staffLanguage_" + modelData.tag
                            width: 196
                            implicitHeight: 56
                            compact: true
                            text: modelData.name
                            enabled: !modelData.fixed
                            disabledReason: qsTr("Always offered: the kiosk starts in it")
                            selected: modelData.fixed || page.chosenLanguages[modelData.tag] === true
                            Accessible.role: Accessible.CheckBox
                            Accessible.description: modelData.fixed ? qsTr("Always offered: the kiosk starts in it") : ""
                            LayoutMirroring.enabled: modelData.rtl
                            onClicked: page.toggleLanguage(modelData.tag)
                        }
                    }
                }
                Label { text: qsTr("Inactivity timeout in seconds") }
                NumberField {
                    id: timeout; objectName: "staffTimeout"; settingId: "inactivity_timeout_s"
                    label: qsTr("Inactivity timeout in seconds"); inputMethodHints: Qt.ImhDigitsOnly
                }
                Label { text: qsTr("Signed receipt") }
                Switch {  // a large track, and On/Off in words: a small switch is hard to read and to hit
                    id: receipt
                    objectName: "staffReceipt"
                    implicitHeight: 56
                    spacing: 12
                    text: checked ? qsTr("On") : qsTr("Off")
                    font.pixelSize: Theme.bodySize
                    Accessible.name: qsTr("Signed receipt")
                    indicator: Rectangle {
                        implicitWidth: 88
                        implicitHeight: 48
                        x: receipt.mirrored ? receipt.width - width - receipt.rightPadding : receipt.leftPadding
                        y: (receipt.height - height) / 2
                        radius: height / 2
                        color: receipt.checked ? Theme.accent : Theme.surfaceAlt
                        border.width: 2
                        border.color: receipt.checked ? Theme.accent : Theme.muted
                        Rectangle {
                            width: 40
                            height: 40
                            radius: 20
                            y: 4
                            x: receipt.checked !== receipt.mirrored ? parent.width - width - 4 : 4
                            color: Theme.surface
                            border.width: 1
                            border.color: Theme.muted
                        }
                    }
                    contentItem: Text {
                        leftPadding: receipt.mirrored ? 0 : receipt.indicator.width + receipt.spacing
                        rightPadding: receipt.mirrored ? receipt.indicator.width + receipt.spacing : 0
                        text: receipt.text
                        font: receipt.font
                        color: Theme.text
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                Label { text: qsTr("Printer") }
                Field {
                    id: printer; objectName: "staffPrinter"; settingId: "printer"; label: qsTr("Printer")
                    placeholderText: qsTr("The system's default printer")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                }

                Heading { text: qsTr("Aftercare: the protocol's days") }
                Repeater {
                    id: dayCounts
                    model: page.settings.dayCountFields
                    GridLayout {  // a label and its field, lined up with the other rows
                        required property var modelData
                        readonly property string settingId: modelData.id
                        property alias text: dayField.text
                        Layout.columnSpan: page.wide ? 2 : 1
                        Layout.fillWidth: true
                        columns: page.wide ? 2 : 1
                        columnSpacing: 16
                        rowSpacing: page.wide ? 10 : 4
                        Label { text: modelData.label }
                        NumberField {
                            id: dayField
                            objectName: "staffDays_" + modelData.id
                            settingId: "day_counts." + modelData.id
                            label: modelData.label
                            inputMethodHints: Qt.ImhDigitsOnly
                        }
                    }
                }

                Heading { text: qsTr("Email to clients (SMTP)") }
                Label { text: qsTr("Email server") }
                Field {
                    id: smtpHost; objectName: "staffSmtpHost"; settingId: "smtp.host"; label: qsTr("Email server")
                    placeholderText: qsTr("Empty: no email")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                }
                Label { text: qsTr("Email server port") }
                NumberField {
                    id: smtpPort; objectName: "staffSmtpPort"; settingId: "smtp.port"; label: qsTr("Email server port")
                    inputMethodHints: Qt.ImhDigitsOnly
                }
                Label { text: qsTr("Email security") }
                Flow {
                    Layout.fillWidth: true
                    spacing: 10
                    Repeater {
                        model: [["starttls", "STARTTLS"], ["ssl", "SSL"], ["none", qsTr("None")]]
                        ChoiceButton {
                            required property var modelData
                            objectName: "staffSmtpSecurity_" + modelData[0]
                            width: 160
                            implicitHeight: 56
                            compact: true
                            text: modelData[1]
                            selected: page.security === modelData[0]
                            onClicked: page.security = modelData[0]
                        }
                    }
                }
                Label { text: qsTr("User name") }
                Field {
                    id: smtpUser; objectName: "staffSmtpUser"; label: qsTr("User name")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                }
                Label { text: qsTr("Password") }
                Field {
                    id: smtpPassword; objectName: "staffSmtpPassword"; label: qsTr("Password")
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                }
                Label { text: qsTr("Sender address") }
                Field {
                    id: smtpSender; objectName: "staffSmtpSender"; settingId: "smtp.sender"; label: qsTr("Sender address")
                    inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                }

                Heading { text: qsTr("Read aloud") }
                BodyText {
                    objectName: "staffVoiceReport"
                    Layout.fillWidth: true
                    Layout.columnSpan: page.wide ? 2 : 1
                    visible: text !== ""
                    text: page.speech ? page.speech.voiceReport : ""
                }
                Label { text: qsTr("Speak on the welcome screen") }
                ChoiceButton {
                    objectName: "staffSpeakOnWelcome"
                    Layout.fillWidth: true
                    text: qsTr("At a client's first tap, say how to turn reading aloud on")
                    selected: page.speakOnWelcome
                    onClicked: page.speakOnWelcome = !page.speakOnWelcome
                }
                Label { text: qsTr("Read-aloud volume (10 to 100)") }
                NumberField {
                    id: readAloudVolume; objectName: "staffReadAloudVolume"; settingId: "read_aloud_volume"
                    label: qsTr("Read-aloud volume (10 to 100)"); inputMethodHints: Qt.ImhDigitsOnly
                }

                Heading { text: qsTr("Privacy") }
                Label { text: qsTr("Keep check-ins for (days)") }
                NumberField {
                    id: retention; objectName: "staffRetention"; settingId: "retention_days"
                    label: qsTr("Keep check-ins for (days)"); inputMethodHints: Qt.ImhDigitsOnly
                }
            }
        }

        BigButton {
            objectName: "staffSaveSettings"
            Layout.alignment: Qt.AlignRight
            primary: true
            text: qsTr("Save settings")
            enabled: page.settings.ready && !page.settings.saving
            disabledReason: qsTr("Please wait a moment.")
            onClicked: page.settings.save(page.values())
        }
    }
}
