import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The staff screen, behind the PIN, in three pages: today's check-ins on every kiosk (read again every few
// seconds) with their flags, storage health and the prints and emails waiting in the outbox; the clinic
// settings (StaffSettingsPage); CSV export, the export folder and a new PIN (StaffExportPage). The way out
// and the message line stay on top of every page.
Rectangle {
    id: root
    required property var kiosk
    required property var staff
    required property string today

    color: Theme.background
    visible: false
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Staff screen")

    property int page: 0  // 0 check-ins, 1 clinic settings, 2 export and PIN, 3 all branches (owner PIN)

    function open() { visible = true; page = 0; staff.open(kiosk.language); exportPage.reset(today) }
    function close() { Qt.inputMethod.hide(); exportPage.reset(""); chainPage.reset(); staff.close(); visible = false }

    MouseArea { anchors.fill: parent; Accessible.ignored: true }  // nothing behind the screen reacts

    component PageTab: AbstractButton {  // (not a TabBar: its object model is no QML value a test can read)
        required property int index
        readonly property bool current: root.page === index
        implicitHeight: Math.max(56, contentItem.implicitHeight + 12)  // four tabs: a long name takes two lines
        Layout.fillHeight: true  // every tab as high as the highest
        focusPolicy: Qt.NoFocus
        font.pixelSize: Theme.buttonSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.PageTab
        Accessible.name: text
        Accessible.selected: current
        onClicked: root.page = index
        contentItem: Text {
            text: parent.text
            font: parent.font
            color: parent.current ? Theme.accent : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        background: Rectangle {
            radius: 8
            color: parent.current ? Theme.accentSoft : Theme.surface
            border.width: parent.current ? 3 : 1
            border.color: parent.current ? Theme.accent : Theme.line
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12

        GridLayout {  // the title on a line of its own when it and the buttons do not fit on one (no word cut)
            id: staffHeader
            readonly property bool narrow: staffTitle.implicitWidth + staffBack.implicitWidth
                                            + staffExit.implicitWidth + 2 * columnSpacing > width
            Layout.fillWidth: true
            columns: narrow ? 2 : 3
            columnSpacing: 12
            ScreenTitle {
                id: staffTitle
                objectName: "staffTitle"
                Layout.fillWidth: true
                Layout.columnSpan: staffHeader.narrow ? 2 : 1
                text: qsTr("Staff screen")
            }
            BigButton {
                id: staffBack
                objectName: "staffBack"
                text: qsTr("Back to the kiosk")
                onClicked: root.close()
            }
            BigButton {
                id: staffExit
                objectName: "staffExit"
                text: qsTr("Exit kiosk")
                onClicked: { root.close(); root.kiosk.staffLock.exitKiosk() }
            }
        }

        StaffHelpCalls { objectName: "staffHelpBanner"; Layout.fillWidth: true; staff: root.staff; banner: true }

        RowLayout {
            objectName: "staffTabs"
            Layout.fillWidth: true
            Layout.fillHeight: false  // its tabs fill the row's height, not the row the screen's
            spacing: 8
            PageTab { index: 0; objectName: "staffTabCheckins"; text: qsTr("Check-ins"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
            PageTab { index: 1; objectName: "staffTabSettings"; text: qsTr("Clinic settings"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
            PageTab { index: 2; objectName: "staffTabExport"; text: qsTr("Export and PIN"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
            PageTab { index: 3; objectName: "staffTabChain"; text: qsTr("All branches"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.page

            ColumnLayout {  // today's check-ins and the outbox
                spacing: 12

                StaffHelpCalls { objectName: "staffHelpCalls"; Layout.fillWidth: true; staff: root.staff }

                BodyText {
                    objectName: "staffHealth"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.staff.health
                    color: Theme.problem
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: Theme.lineWidth
                    border.color: Theme.line
                    clip: true

                    BodyText {
                        anchors.centerIn: parent
                        visible: root.staff.loaded && staffList.count === 0
                        text: qsTr("No check-ins yet today.")
                        color: Theme.muted
                    }
                    ListView {
                        id: staffList
                        objectName: "staffList"
                        anchors.fill: parent
                        anchors.margins: 12
                        model: root.staff.checkins
                        spacing: 4
                delegate: GridLayout {
                    id: row
                    required property var modelData
                    required property int index
                    readonly property bool wide: width >= 1000
                    objectName: "staffRow" + index
                    width: ListView.view.width
                    columns: wide ? 6 : 4
                    columnSpacing: 16
                    rowSpacing: 0
                    BodyText { text: row.modelData.time; Layout.preferredWidth: 72; Layout.minimumHeight: 48; verticalAlignment: Text.AlignVCenter }
                    BodyText {
                        objectName: "staffName" + row.index
                        text: row.modelData.name
                        font.weight: Font.DemiBold
                        Layout.preferredWidth: 200
                        wrapMode: Text.NoWrap
                        elide: Text.ElideRight
                    }
                    BodyText {
                        objectName: "staffSession" + row.index
                        text: row.modelData.session === "touch-up" ? qsTr("Touch-up")  // never a number
                                                                   : qsTr("Session %1").arg(row.modelData.session)
                        Layout.preferredWidth: 160
                        wrapMode: Text.NoWrap
                    }
                    BodyText {
                        text: row.modelData.kiosk
                        color: Theme.muted
                        Layout.fillWidth: !row.wide
                        Layout.preferredWidth: 160
                        wrapMode: Text.NoWrap
                        elide: Text.ElideRight
                    }
                    ColumnLayout {  // where the visit is (or stopped), then its flags
                        Layout.fillWidth: true
                        Layout.columnSpan: row.wide ? 1 : (row.modelData.signed ? 3 : 4)
                        Layout.leftMargin: row.wide ? 0 : 88
                        spacing: 0
                        VisitStateText { objectName: "staffState" + row.index; entry: row.modelData; Layout.fillWidth: true }
                        BodyText {
                            objectName: "staffFlags" + row.index
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: row.modelData.flags + (row.modelData.pending ? (row.modelData.flags ? " · " : "") + qsTr("waiting for the database") : "")
                            color: Theme.problem
                        }
                    }
                    BigButton {  // the clinic copy of the signed receipt, on the clinic printer
                        objectName: "staffPrintReceipt" + row.index
                        visible: row.modelData.signed === true
                        enabled: !row.modelData.printing
                        disabledReason: qsTr("It is printing now.")
                        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                        Layout.topMargin: 4
                        Layout.bottomMargin: 4
                        text: row.modelData.printing ? qsTr("Printing…") : qsTr("Print receipt")
                        accessibleName: qsTr("Print the signed receipt of %1").arg(row.modelData.name)
                        onClicked: root.staff.printReceipt(row.modelData.uid)
                    }
                }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    BodyText {
                        objectName: "staffOutboxTitle"
                        Layout.fillWidth: true
                        font.weight: Font.DemiBold
                        text: outboxList.count === 0 ? qsTr("No prints or emails are waiting.")
                                                     : qsTr("Prints and emails waiting: %1").arg(outboxList.count)
                    }
                    BigButton {
                        objectName: "staffRetryOutbox"
                        visible: outboxList.count > 0
                        text: qsTr("Retry now")
                        onClicked: root.staff.retryOutbox()
                    }
                }

                ListView {
                    id: outboxList
                    objectName: "staffOutbox"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 168)
                    visible: count > 0
                    clip: true
                    model: root.staff.outbox
                    spacing: 4
                    delegate: BodyText {
                        required property var modelData
                        required property int index
                        objectName: "staffJob" + index
                        width: ListView.view.width
                        text: modelData.time + "  " + modelData.kind + "  " + modelData.target + "  · " + modelData.state
                              + "  · " + qsTr("tries: %1").arg(modelData.attempts)
                              + (modelData.error ? "\n" + modelData.error : "")
                        color: Theme.problem
                        wrapMode: Text.Wrap
                    }
                }
            }

            StaffSettingsPage {
                objectName: "staffSettingsPage"
                settings: root.staff.clinicSettings
                speech: root.kiosk.readAloud
            }

            StaffExportPage {
                id: exportPage
                objectName: "staffExportPage"
                staff: root.staff
                settings: root.staff.clinicSettings
            }

            StaffChainPage {
                id: chainPage
                objectName: "staffChainPage"
                chain: root.staff.chainView
            }
        }

        BodyText {
            objectName: "staffMessage"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.staff.message
            color: root.staff.clinicSettings.problem !== "" ? Theme.problem : Theme.text
            wrapMode: Text.WrapAnywhere
            Accessible.role: Accessible.AlertMessage
        }
    }
}
