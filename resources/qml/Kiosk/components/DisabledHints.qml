import QtQuick
import Kiosk

// Over the whole window, every screen and the staff screen included: a greyed-out button takes no taps, so
// this catches a tap on one and says its short reason (`disabledReason`) for a few seconds, in the page's bar
// on a client screen (KioskPage.showHint), else in a bubble over the button. Every other tap goes through.
MouseArea {
    id: root
    property string reason: ""
    property point spot: Qt.point(0, 0)  // where the bubble points: the greyed-out button's top centre
    readonly property bool passesTaps: true  // for the screen reader (kiosk/ui/screen_reading.py): look under it
    z: 1000
    Accessible.ignored: true

    // The greyed-out button with a reason under (x, y), this catcher left out; null when there is none or
    // when something that takes the tap (an enabled button, a MouseArea, a view that scrolls) is over it.
    function disabledAt(x, y) {
        const found = search(root.parent, x + root.x, y + root.y)
        return found === root ? null : found
    }
    // Over `item`'s children, the top one first: the button found, `root` when the tap is taken, else null.
    function search(item, x, y) {
        const children = Array.from(item.children).reverse().sort((a, b) => b.z - a.z)  // (stable sort)
        for (const child of children) {
            if (child === root || !child.visible)
                continue
            const local = item.mapToItem(child, x, y)
            if (local.x < 0 || local.y < 0 || local.x >= child.width || local.y >= child.height)
                continue
            if (!child.enabled && child.disabledReason !== undefined && child.disabledReason !== "")
                return child
            const found = search(child, local.x, local.y)
            if (found !== null)
                return found
            if (child.enabled && (child.pressed !== undefined || child.flicking !== undefined))
                return root  // a button, a MouseArea or a view that scrolls takes this tap
        }
        return null
    }

    onPressed: mouse => {
        const button = disabledAt(mouse.x, mouse.y)
        if (!button) {
            mouse.accepted = false  // not ours: the tap goes to what is under it
            return
        }
        let page = button.parent
        while (page && page.showHint === undefined)
            page = page.parent
        if (page) {
            page.showHint(button.disabledReason)
            return
        }
        spot = button.mapToItem(root, button.width / 2, 0)
        reason = button.disabledReason
        timer.restart()
    }

    Timer { id: timer; interval: 6000; onTriggered: root.reason = "" }

    Rectangle {
        objectName: "disabledHint"
        visible: root.reason !== ""
        width: Math.min(root.width - 2 * Theme.margin, hintText.implicitWidth + 32)
        height: hintText.implicitHeight + 20
        x: Math.max(Theme.margin, Math.min(root.spot.x - width / 2, root.width - width - Theme.margin))
        y: Math.max(Theme.margin, root.spot.y - height - 8)
        radius: Theme.radius
        color: Theme.text
        Text {
            id: hintText
            objectName: "disabledHintText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, root.width - 2 * Theme.margin - 32)
            text: root.reason
            color: Theme.background
            font.pixelSize: Theme.bodySize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
