import QtQuick
import QtQuick.Layouts
import Kiosk

// A box to sign in with a finger (or a mouse), a line to sign on, and "Clear" beside it. The strokes are kept in the pad's
// own pixels with the pad's size (what kiosk.store.receipt.Signature takes) and go to the kiosk model after every
// stroke, so Back and a new layout lose nothing. A drag in the box never scrolls the page around it.
RowLayout {
    id: pad
    required property var kiosk
    property real boxHeight: 240
    spacing: Theme.spacing

    // The size the strokes were drawn at (set by the first stroke); points are kept in those pixels and drawn
    // scaled, so a pad that changes size (rotation, larger text) shows the same signature.
    property real baseWidth: 0
    property real baseHeight: 0
    property var strokes: []  // [[[x, y], ...], ...]
    property var current: null  // the stroke under the finger
    property int strokeCount: 0  // strokes.length, as a property that notifies
    readonly property bool empty: strokeCount === 0 && current === null
    readonly property real drawScale: baseWidth > 0 && baseHeight > 0
                                      ? Math.min(box.width / baseWidth, box.height / baseHeight) : 1
    readonly property int maxPoints: 20000  // as kiosk.store.receipt keeps at most
    property int pointCount: 0

    function load() {
        const saved = kiosk.signature
        if (saved && saved.strokes && saved.strokes.length > 0) {
            baseWidth = saved.width
            baseHeight = saved.height
            strokes = saved.strokes.map(stroke => stroke.map(point => [point[0], point[1]]))
        } else {
            baseWidth = 0
            baseHeight = 0
            strokes = []
        }
        strokeCount = strokes.length
        pointCount = strokes.reduce((sum, stroke) => sum + stroke.length, 0)
        canvas.requestPaint()
    }

    function clear() {
        strokes = []
        current = null
        strokeCount = 0
        pointCount = 0
        baseWidth = 0
        baseHeight = 0
        canvas.requestPaint()
        kiosk.clearSignature()
    }

    function toBase(x, y) {
        return [Math.max(0, Math.min(baseWidth, x / drawScale)), Math.max(0, Math.min(baseHeight, y / drawScale))]
    }

    function begin(x, y) {
        if (baseWidth <= 0 || baseHeight <= 0) {
            baseWidth = box.width
            baseHeight = box.height
        }
        current = [toBase(x, y)]
        pointCount += 1
        canvas.requestPaint()
    }

    function extend(x, y) {
        if (current === null || pointCount >= maxPoints)
            return
        const point = toBase(x, y)
        const last = current[current.length - 1]
        if (Math.abs(point[0] - last[0]) + Math.abs(point[1] - last[1]) < 1.5)
            return  // the finger barely moved: no new point
        current.push(point)
        pointCount += 1
        canvas.requestPaint()
    }

    function end() {
        if (current === null)
            return
        strokes.push(current)
        current = null
        strokeCount = strokes.length
        canvas.requestPaint()
        kiosk.sign(baseWidth, baseHeight, strokes)
    }

    Component.onCompleted: load()
    Connections {  // the model's signature changed without this pad (cleared, or signed another way): show it
        target: pad.kiosk
        function onChanged() {
            const saved = pad.kiosk.signature
            const count = saved && saved.strokes ? saved.strokes.length : 0
            if (pad.current === null && count !== pad.strokeCount)
                pad.load()
        }
    }

    Rectangle {
        id: box
        objectName: "signatureBox"
        Layout.fillWidth: true
        Layout.preferredHeight: pad.boxHeight
        radius: Theme.radius
        color: Theme.surface
        border.width: Math.max(2, Theme.lineWidth)
        border.color: Theme.highContrast ? Theme.text : Theme.accent
        clip: true
        Accessible.role: Accessible.Canvas
        Accessible.name: qsTr("Signature box. Sign here with your finger.")
        Accessible.description: pad.empty ? qsTr("Not signed yet") : qsTr("Signed")

        // The line to sign on, with a cross at its start (on the right in right-to-left languages).
        Text {
            id: cross
            anchors.left: parent.left
            anchors.leftMargin: 24
            anchors.bottom: signLine.top
            anchors.bottomMargin: 4
            text: "✕"
            color: Theme.muted
            font.pixelSize: Theme.bodySize
            Accessible.ignored: true
        }
        Rectangle {
            id: signLine
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: 24
            anchors.rightMargin: 24
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Math.round(parent.height * 0.25)
            height: Math.max(2, Theme.lineWidth)
            color: Theme.line
        }
        Text {
            objectName: "signatureHint"
            anchors.centerIn: parent
            visible: pad.empty
            text: qsTr("Sign here")
            color: Theme.muted
            opacity: Theme.highContrast ? 1.0 : 0.7
            font.pixelSize: Theme.titleSize
            Accessible.ignored: true
        }

        Canvas {
            id: canvas
            objectName: "signatureCanvas"
            anchors.fill: parent
            Accessible.ignored: true
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.strokeStyle = Theme.text
                ctx.fillStyle = Theme.text
                ctx.lineWidth = Theme.highContrast ? 5 : 4
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                const scale = pad.drawScale
                const all = pad.current === null ? pad.strokes : pad.strokes.concat([pad.current])
                for (const stroke of all) {
                    if (stroke.length === 1) {  // a dot
                        ctx.beginPath()
                        ctx.arc(stroke[0][0] * scale, stroke[0][1] * scale, ctx.lineWidth / 2, 0, 2 * Math.PI)
                        ctx.fill()
                        continue
                    }
                    ctx.beginPath()
                    ctx.moveTo(stroke[0][0] * scale, stroke[0][1] * scale)
                    for (let i = 1; i < stroke.length; ++i)
                        ctx.lineTo(stroke[i][0] * scale, stroke[i][1] * scale)
                    ctx.stroke()
                }
            }
        }
        onWidthChanged: canvas.requestPaint()
        onHeightChanged: canvas.requestPaint()

        // Mouse and touch (a touch arrives as a mouse press here); preventStealing keeps a Flickable around the
        // pad from taking the drag over as a scroll.
        MouseArea {
            id: area
            objectName: "signatureArea"
            anchors.fill: parent
            preventStealing: true
            Accessible.ignored: true
            onPressed: mouse => pad.begin(mouse.x, mouse.y)
            onPositionChanged: mouse => pad.extend(mouse.x, mouse.y)
            onReleased: pad.end()
            onCanceled: pad.end()
        }
    }

    BigButton {
        objectName: "clearSignatureButton"
        Layout.alignment: Qt.AlignBottom
        text: qsTr("Clear")
        accessibleName: qsTr("Clear the signature")
        enabled: !pad.empty
        disabledReason: qsTr("There is no signature to clear yet.")
        onClicked: pad.clear()
    }
}
