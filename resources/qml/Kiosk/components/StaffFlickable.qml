import QtQuick
import QtQuick.Controls.Basic

// A scrolling staff page that keeps the field being typed in above the on-screen keyboard (the staff screen
// shrinks while the keyboard shows).
Flickable {
    id: flick
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    ScrollBar.vertical: ScrollBar { width: 12; policy: ScrollBar.AsNeeded }

    function reveal() {
        const item = Window.activeFocusItem
        let parent = item
        while (parent && parent !== flick.contentItem)
            parent = parent.parent
        if (!parent)
            return
        const top = item.mapToItem(flick.contentItem, 0, 0).y
        if (top < contentY)
            contentY = Math.max(0, top - 16)
        else if (top + item.height > contentY + height)
            contentY = Math.max(0, Math.min(top + item.height + 16 - height, contentHeight - height))
    }

    Connections {
        target: flick.Window.window
        function onActiveFocusItemChanged() { flick.reveal() }
    }
    onHeightChanged: reveal()
}
