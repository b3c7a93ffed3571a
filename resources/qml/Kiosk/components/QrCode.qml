import QtQuick
import Kiosk

// A QR code drawn from its module matrix ("0"/"1", row by row): whole pixels per module, black on white,
// with the 4-module quiet zone a phone camera needs. At least `minimumSide` pixels wide.
Canvas {
    id: code
    required property int modules
    required property string bits
    property int minimumSide: 220  // about 4 cm on a 10-inch 1280x800 screen
    readonly property int quiet: 4
    readonly property int cell: Math.max(3, Math.ceil(minimumSide / (modules + 2 * quiet)))

    width: (modules + 2 * quiet) * cell
    height: width
    renderTarget: Canvas.Image
    Accessible.role: Accessible.Graphic

    onBitsChanged: requestPaint()
    onPaint: {
        const ctx = getContext("2d")
        ctx.fillStyle = "#ffffff"
        ctx.fillRect(0, 0, width, height)
        ctx.fillStyle = "#000000"
        for (let row = 0; row < modules; ++row) {
            let start = -1
            for (let column = 0; column <= modules; ++column) {  // one rectangle per run of dark modules
                const dark = column < modules && bits.charCodeAt(row * modules + column) === 49
                if (dark && start < 0)
                    start = column
                else if (!dark && start >= 0) {
                    ctx.fillRect((start + quiet) * cell, (row + quiet) * cell, (column - start) * cell, cell)
                    start = -1
                }
            }
        }
    }
}
