import QtQuick
import QtQuick.Layouts
import Kiosk

// A touch date picker: day, month and year steppers, and the whole date written out in the client's language.
ColumnLayout {
    id: root
    required property var kiosk
    property string iso: ""
    property string namePrefix: "date"
    signal picked(string iso)
    spacing: 12

    readonly property var parts: iso.split("-")

    function shift(unit, amount) {
        const moved = kiosk.shiftDate(iso, unit, amount)
        if (moved !== iso)
            picked(moved)
    }

    RowLayout {
        spacing: 12
        Layout.fillWidth: true
        LayoutMirroring.enabled: false  // day, month, year read the same way in every language here
        DateStepper {
            Layout.preferredWidth: 110
            label: qsTr("Day")
            namePrefix: root.namePrefix + "Day"
            value: root.parts.length === 3 ? String(Number(root.parts[2])) : ""
            onStep: amount => root.shift("day", amount)
        }
        DateStepper {
            Layout.preferredWidth: 110
            label: qsTr("Month")
            namePrefix: root.namePrefix + "Month"
            value: root.parts.length === 3 ? String(Number(root.parts[1])) : ""
            onStep: amount => root.shift("month", amount)
        }
        DateStepper {
            Layout.preferredWidth: 130
            label: qsTr("Year")
            namePrefix: root.namePrefix + "Year"
            value: root.parts.length === 3 ? root.parts[0] : ""
            onStep: amount => root.shift("year", amount)
        }
    }
    Text {
        objectName: root.namePrefix + "Text"
        Layout.fillWidth: true
        text: root.kiosk.language, root.kiosk.dateText(root.iso)
        color: Theme.text
        font.pixelSize: Theme.bodySize
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
    }
}
