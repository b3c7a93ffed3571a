import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The frame of every client screen: a title, a body that scrolls, and the bar with Back, "Ask a member of
// staff" and Next. Nothing is ever cut: what does not fit scrolls, and then a scroll bar and a "More below"
// button show that it does. A tap on a greyed-out button says why it is not ready (its `disabledReason`).
// Screens put their content inside (laid out in a column, one item under the other).
Item {
    id: page
    required property var kiosk
    property string screenName: kiosk.step  // told to staff with a call for help
    property string title: ""
    property string nextText: qsTr("Next")
    property bool nextEnabled: true
    property string nextReason: ""  // why Next is not ready yet
    property bool backVisible: true
    property bool centred: false  // a short page sits in the middle of the screen
    property bool fillsHeight: false  // the body takes the whole height and scrolls itself (the calendar)
    property real contentMaxWidth: 1000
    property alias scroller: flick
    default property alias content: body.data
    signal nextClicked()

    readonly property bool scrolls: flick.contentHeight > flick.height + 1
    readonly property real bodyWidth: column.width  // for content that arranges itself by the width it has
    property string hint: ""  // a greyed-out button's reason, for a few seconds after it was tapped

    function showHint(text) { hint = text; hintTimer.restart() }

    // Keeps the field being typed in above the on-screen keyboard (the page shrinks while it shows).
    function reveal() {
        const item = Window.activeFocusItem
        let parent = item
        while (parent && parent !== flick.contentItem)
            parent = parent.parent
        if (!parent)
            return
        const top = item.mapToItem(flick.contentItem, 0, 0).y
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - 16)
        else if (top + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(top + item.height + 16 - flick.height,
                                                  flick.contentHeight - flick.height))
    }
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() { page.reveal() }
    }

    Timer { id: hintTimer; interval: 6000; onTriggered: page.hint = "" }
    Connections {
        target: page.kiosk
        function onChanged() { if (page.kiosk.problem !== "") page.hint = "" }
    }

    // (A tap on a greyed-out button comes here through the window's DisabledHints, as `showHint`.)
    component Explainer: MouseArea {  // under the controls: a tap beside the fields puts the keyboard away
        z: -1
        Accessible.ignored: true
        onClicked: Qt.inputMethod.hide()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Flickable {
                id: flick
                objectName: "pageScroller"
                anchors.fill: parent
                contentWidth: width
                contentHeight: page.fillsHeight ? height : Math.max(column.implicitHeight + 2 * Theme.margin,
                                                                   page.centred ? height : 0)
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                // ... also when the words grow (Larger text) while the keyboard is up: after the layout has settled
                onHeightChanged: Qt.callLater(page.reveal)
                onContentHeightChanged: Qt.callLater(page.reveal)
                ScrollBar.vertical: ScrollBar {
                    id: bar
                    objectName: "pageScrollBar"
                    width: 14
                    policy: page.scrolls ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    Accessible.name: qsTr("Scroll bar")
                    contentItem: Rectangle {
                        implicitWidth: 14
                        radius: 7
                        color: Theme.accent
                    }
                    background: Rectangle { color: Theme.surfaceAlt; radius: 7 }
                }

                Explainer { width: flick.contentWidth; height: flick.contentHeight }

                ColumnLayout {
                    id: column
                    width: Math.min(flick.width - 2 * Theme.margin - (page.scrolls ? bar.width : 0),
                                    page.fillsHeight ? flick.width : page.contentMaxWidth)
                    x: Theme.margin + Math.max(0, (flick.width - 2 * Theme.margin - width) / 2)
                    y: page.centred ? Math.max(Theme.margin, (flick.height - implicitHeight) / 2) : Theme.margin
                    height: page.fillsHeight ? flick.height - 2 * Theme.margin : implicitHeight
                    spacing: Theme.spacing + 4
                    ScreenTitle {
                        objectName: "pageTitle"
                        Layout.fillWidth: true
                        visible: page.title !== ""
                        text: page.title
                        horizontalAlignment: page.centred ? Text.AlignHCenter : Text.AlignLeft
                    }
                    ColumnLayout {
                        id: body
                        Layout.fillWidth: true
                        Layout.fillHeight: page.fillsHeight
                        spacing: Theme.spacing + 4
                    }
                }
            }

            // More below: a soft fade over the last line and a button that scrolls on.
            Rectangle {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: 48
                visible: page.scrolls && !flick.atYEnd
                gradient: Gradient {
                    GradientStop { position: 0.0; color: "#00000000" }
                    GradientStop { position: 1.0; color: Qt.rgba(0, 0, 0, 0.12) }
                }
            }
        }

        // ------------------------------------------------------------ the bar: hint, problem, buttons
        Rectangle {
            objectName: "pageBar"
            Layout.fillWidth: true
            Layout.preferredHeight: barColumn.implicitHeight + 24
            color: Theme.surface
            Rectangle { width: parent.width; height: Theme.lineWidth; color: Theme.line }
            Explainer { anchors.fill: parent }

            ColumnLayout {
                id: barColumn
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                anchors.topMargin: 12
                anchors.bottomMargin: 12
                spacing: 10

                Text {
                    objectName: "problemText"
                    Layout.fillWidth: true
                    Layout.preferredHeight: text !== "" ? implicitHeight : 0
                    text: page.hint !== "" ? page.hint : page.kiosk.problem  // (no ⓘ sign: the Arabic bold font has none)
                    color: page.hint !== "" ? Theme.text : Theme.problem
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                // Help on a row of its own where the screen is narrow. The "More below" button keeps its
                // place when there is nothing to scroll: the bar never changes size with the page's height.
                GridLayout {
                    id: buttons
                    readonly property bool narrow: page.width < 900 || (Theme.largeText && page.width < 1100)
                    Layout.fillWidth: true
                    columns: 4
                    columnSpacing: Theme.spacing
                    rowSpacing: 10
                    HelpButton {
                        Layout.row: buttons.narrow ? 0 : 1
                        Layout.column: buttons.narrow ? 0 : 2
                        Layout.columnSpan: buttons.narrow ? 4 : 1
                        Layout.fillWidth: true
                        Layout.minimumWidth: Theme.controlHeight * 3
                        kiosk: page.kiosk
                        screenName: page.screenName
                    }
                    BigButton {
                        objectName: "backButton"
                        Layout.row: 1
                        Layout.column: 0
                        visible: page.backVisible
                        text: qsTr("Back")
                        accessibleName: qsTr("Go back")
                        onClicked: page.kiosk.back()
                    }
                    BigButton {
                        objectName: "moreButton"
                        Layout.row: 1
                        Layout.column: 1
                        Layout.preferredWidth: Theme.controlHeight + 16
                        opacity: page.scrolls ? 1 : 0
                        disabledReason: ""
                        enabled: page.scrolls
                        text: flick.atYEnd ? "▲" : "▼"
                        accessibleName: flick.atYEnd ? qsTr("Back to the top") : qsTr("More below")
                        onClicked: {
                            if (flick.atYEnd)
                                flick.contentY = 0
                            else
                                flick.contentY = Math.min(flick.contentHeight - flick.height,
                                                          flick.contentY + flick.height * 0.8)
                        }
                    }
                    Item {
                        Layout.row: 1
                        Layout.column: 2
                        Layout.fillWidth: true
                        visible: buttons.narrow
                    }
                    BigButton {
                        objectName: "nextButton"
                        Layout.row: 1
                        Layout.column: 3
                        primary: true
                        visible: page.nextText !== ""
                        enabled: page.nextEnabled
                        disabledReason: page.nextReason
                        text: page.nextText
                        onClicked: page.nextClicked()
                    }
                }
            }
        }
    }
}
