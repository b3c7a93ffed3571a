import QtQuick
import QtQuick.Layouts
import Kiosk

// A touch date picker: day, month and year steppers in the order the client's language writes a date
// (day-month-year, or month-day-year for US English), the month by its short name, and the whole date written out.
ColumnLayout {
    id: root
    required property var kiosk
    property string iso: ""
    property string namePrefix: "date"
    signal picked(string iso)
    spacing: 12

    readonly property var labels: ({ "day": qsTr("Day"), "month": qsTr("Month"), "year": qsTr("Year") })
    readonly property var widths: ({ "day": Math.round(110 * Theme.scale), "month": Math.round(130 * Theme.scale),
                                      "year": Math.round(130 * Theme.scale) })

    function shift(unit, amount) {
        const moved = kiosk.shiftDate(iso, unit, amount)
        if (moved !== iso)
            picked(moved)
    }

    RowLayout {
        spacing: 12
        Layout.fillWidth: true
        Repeater {
            model: root.kiosk.dateOrder
            DateStepper {
                required property string modelData
                Layout.preferredWidth: root.widths[modelData]
                label: root.labels[modelData]
                namePrefix: root.namePrefix + modelData.charAt(0).toUpperCase() + modelData.slice(1)
                value: root.kiosk.language, root.kiosk.datePart(root.iso, modelData)
                onStep: amount => root.shift(modelData, amount)
            }
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
