import QtQuick
import Kiosk

// A visit's state on the staff screen: "in progress: calendar", "walked away at: calendar" or "finished"
// (the words come from kiosk/core/visit_record.py, translated). A walk-away stands out; a finish is quiet.
BodyText {
    required property var entry  // one row of staff.checkins
    text: entry.state
    font.weight: entry.outcome === "finished" ? Font.Normal : Font.DemiBold
    color: entry.walkedAway ? Theme.warm : (entry.outcome === "finished" ? Theme.muted : Theme.text)
}
