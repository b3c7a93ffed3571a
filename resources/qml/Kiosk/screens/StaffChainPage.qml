import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff screen's "All branches" page: the chain owner types the owner PIN and sees visits per branch per
// day (the last 7 days) with their flags. Nothing is shown before the right PIN; leaving the staff screen
// forgets it all (ChainModel.close).
Item {
    id: page
    required property var chain  // a ChainModel
    readonly property bool wide: width >= 900

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("All branches")

    function reset() { ownerPin.text = "" }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        BodyText {
            Layout.fillWidth: true
            visible: !page.chain.unlocked
            text: qsTr("Type the chain owner's PIN to see the visits of every branch, day by day.")
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            visible: !page.chain.unlocked
            StaffField {
                id: ownerPin
                objectName: "staffOwnerPin"
                Layout.preferredWidth: 260
                label: qsTr("Owner PIN")
                placeholderText: qsTr("Owner PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                onAccepted: page.chain.open(text)
            }
            BigButton {
                objectName: "staffOwnerOpen"
                primary: true
                enabled: ownerPin.text !== "" && !page.chain.busy
                disabledReason: page.chain.busy ? qsTr("Please wait a moment.") : qsTr("Type the owner PIN first.")
                text: qsTr("Show all branches")
                onClicked: { Qt.inputMethod.hide(); page.chain.open(ownerPin.text); ownerPin.text = "" }
            }
            Item { Layout.fillWidth: true }
        }

        BodyText {
            objectName: "staffChainMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: page.chain.message
            color: Theme.problem
            Accessible.role: Accessible.AlertMessage
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.chain.unlocked
            radius: Theme.radius
            color: Theme.surface
            border.width: Theme.lineWidth
            border.color: Theme.line
            clip: true

            BodyText {
                anchors.centerIn: parent
                visible: chainList.count === 0
                text: qsTr("No check-ins in any branch in the last 7 days.")
                color: Theme.muted
            }
            ListView {
                id: chainList
                objectName: "staffChainList"
                anchors.fill: parent
                anchors.margins: 12
                model: page.chain.rows
                spacing: 8
                delegate: GridLayout {
                    id: line
                    required property var modelData
                    required property int index
                    objectName: "staffChainRow" + index
                    width: ListView.view.width
                    columns: page.wide ? 4 : 2
                    columnSpacing: 16
                    rowSpacing: 0
                    BodyText {
                        objectName: "staffChainBranch" + line.index
                        text: line.modelData.branch
                        font.weight: Font.DemiBold
                        Layout.preferredWidth: 180
                        wrapMode: Text.NoWrap
                        elide: Text.ElideRight
                    }
                    BodyText { text: line.modelData.day; Layout.fillWidth: !page.wide; Layout.preferredWidth: 320 }
                    BodyText {
                        objectName: "staffChainVisits" + line.index
                        text: qsTr("Visits: %1").arg(line.modelData.visits)
                              + (line.modelData.walkAways > 0 ? " · " + qsTr("walked away: %1").arg(line.modelData.walkAways) : "")
                        Layout.preferredWidth: 180
                    }
                    BodyText {
                        objectName: "staffChainFlags" + line.index
                        Layout.fillWidth: true
                        text: line.modelData.flags
                        color: Theme.problem
                        visible: text !== ""
                    }
                }
            }
        }

        Item { Layout.fillHeight: true; visible: !page.chain.unlocked }  // keeps the PIN field at the top
    }
}
