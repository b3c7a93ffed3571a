"""Check-in records, the signed receipt, clinic settings and retention. No Qt here.

The UI (kiosk/ui) talks to one object, `CheckInStore`; call it from a worker thread, never the GUI
thread (a locked database can take `busy_timeout` seconds to answer). No method raises because of the
database: problems show in `store.health()` and check-ins are kept in a durable spool until the database
takes them. Only the staff actions `save_settings` (bad settings), `export_csv`, `receipt_pdf` and
`replace_corrupt_database` raise `UserError`, with a message for staff.

Opening (once, when the kiosk starts; the kiosk id and database address come from the kiosk config):

    store = CheckInStore(url=None or "postgresql://user:pw@host/db")   # None: SQLite in data_dir()
    # runs the Alembic migrations, writes spooled check-ins, purges records past the retention period;
    # raises UserError only for a malformed address (a configuration mistake to show to staff)

The client flow: a visit's record from the session screen on (kiosk.core.visit_record follows the visit and
numbers its states; kiosk/ui/store_bridge.py turns each into a CheckIn), the same uid each time:

    check_in = CheckIn.create(first_name=visit.first_name, last_name=visit.last_name,
                              session=visit.session_number, session_date=visit.session_date,
                              language=visit.language, moisturised=visit.moisturised, hair=visit.hair,
                              kiosk_id=config.kiosk_id, receipt_required=settings.receipt_required,
                              uid=progress.uid, revision=progress.revision, step=progress.step,
                              outcome=progress.outcome, calendar_made=..., printed=..., emailed=...,
                              signature_strokes=signature.to_json() or None)
    store.record(check_in)   # -> Outcome.STORED / SPOOLED / IN_MEMORY / REFUSED; the flow goes on
        # an upsert: a higher revision replaces the visit's row, a lower or equal one changes nothing

Only the first name and the last initial are kept; there is no field for an email address.

The staff screen (behind the PIN; the PIN itself is kiosk/core/kiosk_config.py's):

    store.todays_checkins() -> list[CheckInSummary]   # every kiosk on the database; poll every few
        # seconds for a live list. summary.display_name ("Anna K."), .checked_in_at (UTC), .session,
        # .kiosk_id, .outcome and .step (where the visit stands), .pending (not in the database yet),
        # .cached (as last read: the database is away now), .flags: Flag.NOT_MOISTURISED (did not say
        # yes to moisturising), Flag.NOT_BUZZ_CUT (said neither "buzz cut done" nor "keeping my
        # length"), Flag.RECEIPT_MISSING (receipt asked for, no signature)
    store.health() -> StoreHealth   # .ok, .problem (Problem.CORRUPT/LOCKED/READ_ONLY/DISK_FULL/
        # UNREACHABLE/FAILED), .pending, .in_memory, .refused, .since, .message(language) for a banner
    store.retry() -> StoreHealth   # "Try again" button; also call it every few minutes from a timer
        # (worker thread): it writes waiting check-ins and runs the daily retention purge
    store.replace_corrupt_database() -> Path | None   # when problem is CORRUPT: keep the damaged file
        # aside, start a new database, write the waiting check-ins
    store.receipt_pdf(uid) -> bytes   # the clinic copy to preview or print
    store.export_csv(first_date, last_date, path) -> rows written   # formula-safe CSV
    store.settings() -> ClinicSettings; store.save_settings(settings) -> bool (False: database away)
        # settings are shared by all kiosks on the database; see kiosk.store.settings

The handover outbox (failed prints and emails) belongs to kiosk.handover, not to this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.store.checkin import CheckIn, CheckInSummary, Flag
    from kiosk.store.health import Problem, StoreHealth
    from kiosk.store.receipt import Signature, build_receipt_pdf
    from kiosk.store.service import CheckInStore, Outcome
    from kiosk.store.settings import ClinicSettings, SmtpSettings, apply_day_counts

# Where each name lives. They are imported on first use: CheckInStore brings SQLAlchemy and Alembic (about a
# third of a second), which the kiosk then loads on its store thread instead of before its first frame.
_HOMES = {
    "CheckIn": "kiosk.store.checkin",
    "CheckInSummary": "kiosk.store.checkin",
    "Flag": "kiosk.store.checkin",
    "Problem": "kiosk.store.health",
    "StoreHealth": "kiosk.store.health",
    "Signature": "kiosk.store.receipt",
    "build_receipt_pdf": "kiosk.store.receipt",
    "CheckInStore": "kiosk.store.service",
    "Outcome": "kiosk.store.service",
    "ClinicSettings": "kiosk.store.settings",
    "SmtpSettings": "kiosk.store.settings",
    "apply_day_counts": "kiosk.store.settings",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "CheckIn",
    "CheckInStore",
    "CheckInSummary",
    "ClinicSettings",
    "Flag",
    "Outcome",
    "Problem",
    "Signature",
    "SmtpSettings",
    "StoreHealth",
    "apply_day_counts",
    "build_receipt_pdf",
]
