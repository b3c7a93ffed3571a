import QtQuick

// The hidden staff gesture: press and hold this corner for 3 seconds to open the PIN pad.
MouseArea {
    id: corner
    signal unlockRequested()
    width: 72
    height: 72
    pressAndHoldInterval: 3000
    Accessible.name: qsTr("Staff: press and hold for 3 seconds")
    Accessible.role: Accessible.Button
    onPressAndHold: unlockRequested()
}
