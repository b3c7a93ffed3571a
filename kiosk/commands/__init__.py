"""One module per command; each has `register(subparsers)` that sets `handler` on its parser."""

from __future__ import annotations

from types import ModuleType

from kiosk.commands import backup, calendar, handover, kiosk, plan, records, settings

COMMAND_MODULES: tuple[ModuleType, ...] = (plan, records, handover, calendar, kiosk, settings, backup)
