import QtQuick
import Kiosk

// A QR code drawn from its module matrix ("0"/"1", row by row): whole pixels per module, black on white,
// with at least the 4-module quiet zone a phone camera needs. Every code is `side` pixels square whatever its
// module count (the rest is white margin), so codes side by side have one size.
Canvas {
    id: code
    required property int modules
    required property string bits
    property int side: 240  // about 4 cm on a 10-inch 1280x800 screen
    readonly property int quiet: 4
    readonly property int cell: Math.max(2, Math.floor(side / (modules + 2 * quiet)))

    width: side
    height: side
    renderTarget: Canvas.Image
    Accessible.role: Accessible.Graphic

    onBitsChanged: requestPaint()
    onPaint: {
        const ctx = getContext("2d")
        ctx.fillStyle = "#ffffff"
        ctx.fillRect(0, 0, width, height)
        ctx.fillStyle = "#000000"
        const margin = Math.floor((side - modules * cell) / 2)
        for (let row = 0; row < modules; ++row) {
            let start = -1
            for (let column = 0; column <= modules; ++column) {  // one rectangle per run of dark modules
                const dark = column < modules && bits.charCodeAt(row * modules + column) === 49
                if (dark && start < 0)
                    start = column
                else if (!dark && start >= 0) {
                    ctx.fillRect(margin + start * cell, margin + row * cell, (column - start) * cell, cell)
                    start = -1
                }
            }
        }
    }
}
