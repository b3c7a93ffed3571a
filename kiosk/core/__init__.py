"""Plain-Python core: the protocol, the schedule, the visit and the check-in flow. No Qt here."""
