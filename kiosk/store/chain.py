"""The chain owner's view: visits per branch per day with their flags and walk-aways, for the staff screen's
**All branches** page and `smp-kiosk records --all-branches --summary` alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core.visit_record import VisitOutcome
from kiosk.store.checkin import CheckInSummary, Flag, local_zone


@dataclass(frozen=True)
class BranchDay:
    branch: str
    day: dt.date  # the kiosk's local day
    visits: int
    flagged: int  # visits with at least one flag
    flags: dict[Flag, int]  # how many visits had each flag
    walk_aways: int = 0  # visits the client left before the end


def chain_days(summaries: Iterable[CheckInSummary], tz: dt.tzinfo | None = None) -> list[BranchDay]:
    """One line per branch and day that had visits: newest day first, branches in name order."""
    zone = local_zone(tz)
    groups: dict[tuple[str, dt.date], list[CheckInSummary]] = {}
    for summary in summaries:
        groups.setdefault((summary.branch, summary.checked_in_at.astimezone(zone).date()), []).append(summary)
    days = []
    for (branch, day), visits in groups.items():
        counts = {flag: sum(flag in visit.flags for visit in visits) for flag in Flag}
        flagged = sum(bool(visit.flags) for visit in visits)
        walked = sum(visit.outcome is VisitOutcome.WALKED_AWAY for visit in visits)
        days.append(BranchDay(branch, day, len(visits), flagged, {f: n for f, n in counts.items() if n}, walked))
    return sorted(days, key=lambda line: (-line.day.toordinal(), line.branch))
