import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff PIN pad, opened by the hidden corner gesture. The right PIN lets the kiosk close.
Rectangle {
    id: root
    required property var lock  // the kiosk's StaffLock
    property string pin: ""
    signal cancelled()

    color: Theme.scrim
    visible: false
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Staff PIN")

    function open() { pin = ""; lock.clearPinMessage(); visible = true }
    function close() { pin = ""; visible = false; cancelled() }

    MouseArea { anchors.fill: parent; Accessible.ignored: true }  // nothing behind the pad reacts

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 440)
        height: column.implicitHeight + 56
        radius: 20
        color: Theme.surface
        border.width: Theme.lineWidth
        border.color: Theme.line

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: 28
            spacing: 12

            Text {
                Layout.fillWidth: true
                text: qsTr("Staff only: enter the PIN")
                color: Theme.text
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "pinDots"
                Layout.fillWidth: true
                Layout.preferredHeight: 48
                text: "●".repeat(root.pin.length)
                color: Theme.text
                font.pixelSize: 30
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                Accessible.name: qsTr("%n digits typed", "", root.pin.length)
            }
            Text {
                objectName: "pinMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: root.lock.pinLocked && root.lock.pinMessage === "" ? qsTr("The pad is locked. Try again later.")
                                                                              : root.lock.pinMessage
                color: Theme.problem
                font.pixelSize: Theme.smallSize
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            GridLayout {
                Layout.alignment: Qt.AlignHCenter
                columns: 3
                rowSpacing: 10
                columnSpacing: 10
                LayoutMirroring.enabled: false
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    BigButton {
                        required property string modelData
                        objectName: modelData === "⌫" ? "pinDelete" : modelData === "OK" ? "pinOk" : "pinKey" + modelData
                        Layout.preferredWidth: 100
                        text: modelData
                        primary: modelData === "OK"
                        accessibleName: modelData === "⌫" ? qsTr("Delete") : modelData === "OK" ? qsTr("Unlock") : modelData
                        enabled: modelData === "OK" ? root.pin.length >= 4 : true
                        disabledReason: qsTr("Type at least 4 digits.")
                        onClicked: {
                            if (modelData === "⌫") {
                                root.pin = root.pin.slice(0, -1)
                            } else if (modelData === "OK") {
                                const typed = root.pin
                                root.pin = ""
                                root.lock.checkPin(typed)
                            } else if (root.pin.length < 12) {
                                root.pin += modelData
                            }
                        }
                    }
                }
            }
            BigButton {
                objectName: "pinCancel"
                Layout.fillWidth: true
                text: qsTr("Cancel")
                onClicked: root.close()
            }
        }
    }
}
