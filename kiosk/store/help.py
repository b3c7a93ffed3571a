"""A call for help from a kiosk ("Ask a member of staff"), as the staff screens show it. Plain Python: the UI
imports it before Qt and before the database code (kiosk/store/help_rows.py reads and writes the table).
A call holds the kiosk, the screen and the time, never anything about the client.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SCREEN_MAX_CHARS = 32


@dataclass(frozen=True)
class HelpRequest:
    id: int
    kiosk_id: str
    screen: str
    requested_at: dt.datetime  # UTC
    answered_at: dt.datetime | None

    @property
    def waiting(self) -> bool:
        return self.answered_at is None
