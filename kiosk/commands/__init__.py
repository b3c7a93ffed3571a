"""One module per command; each has `register(subparsers)` that adds its parsers and sets `handler` on them.

The modules are imported lazily: `smp-kiosk schedule` loads the plan module only, never ReportLab and the PDF
stack that `calendar` needs, nor SQLAlchemy or the hand-over services. COMMANDS is the one list of commands:
their names, the module that registers each and the line `smp-kiosk --help` shows for it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple


class Command(NamedTuple):
    module: str  # registers this command (a module may register several)
    help: str  # the line beside the command in `smp-kiosk --help`


COMMANDS: dict[str, Command] = {
    "schedule": Command("kiosk.commands.plan", "print the day-by-day aftercare plan"),
    "ics": Command("kiosk.commands.plan", "write the aftercare plan as an .ics calendar file"),
    "records": Command("kiosk.commands.records", "list check-ins of a date range or export them as CSV"),
    "print": Command("kiosk.commands.handover", "print a calendar PDF on the kiosk printer"),
    "email": Command("kiosk.commands.handover", "email a calendar PDF (and .ics) to a client"),
    "outbox": Command("kiosk.commands.handover", "list print and email jobs waiting in the outbox; retry them"),
    "calendar": Command("kiosk.commands.calendar", "write the personalised aftercare calendar as a PDF"),
    "set-pin": Command("kiosk.commands.kiosk", "set the staff PIN that unlocks the kiosk"),
}


def command_module(name: str) -> ModuleType:
    """The module that registers command `name` (imported now, on first use)."""
    return importlib.import_module(COMMANDS[name].module)
