import QtQuick
import QtQuick.Layouts
import Kiosk

// Calls for help from the kiosks ("Ask a member of staff"), read from the database every few seconds.
// banner: the calls still waiting, each with "On my way"; otherwise every call today, for the Check-ins page.
ColumnLayout {
    id: root
    required property var staff
    property bool banner: false
    readonly property var calls: banner ? staff.helpCalls.filter(call => call.waiting) : staff.helpCalls
    visible: calls.length > 0
    spacing: 8

    BodyText {
        visible: !root.banner
        Layout.fillWidth: true
        font.weight: Font.DemiBold
        text: qsTr("Calls for help today")
    }
    Repeater {
        model: root.calls
        Rectangle {
            id: call
            required property var modelData
            required property int index
            objectName: (root.banner ? "helpBanner" : "helpCall") + index
            Layout.fillWidth: true
            implicitHeight: row.implicitHeight + 16
            radius: Theme.radius
            color: root.banner ? Theme.accentSoft : Theme.surface
            border.width: root.banner ? 3 : Theme.lineWidth
            border.color: root.banner ? Theme.warm : Theme.line
            Accessible.role: root.banner ? Accessible.AlertMessage : Accessible.StaticText
            Accessible.name: text.text
            RowLayout {
                id: row
                anchors.fill: parent
                anchors.margins: 8
                spacing: 12
                BodyText {
                    id: text
                    Layout.fillWidth: true
                    font.weight: root.banner ? Font.DemiBold : Font.Normal
                    text: (call.modelData.waiting ? qsTr("Help needed at kiosk %1, on the %2 screen, since %3")
                                                  : qsTr("Kiosk %1, %2 screen, %3: answered"))
                          .arg(call.modelData.kiosk).arg(call.modelData.screen).arg(call.modelData.time)
                }
                BigButton {
                    objectName: "answerHelp" + call.index
                    visible: root.banner
                    primary: true
                    text: qsTr("On my way")
                    onClicked: root.staff.answerHelp(call.modelData.id)
                }
            }
        }
    }
}
