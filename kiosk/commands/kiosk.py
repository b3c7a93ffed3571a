"""The kiosk itself (`smp-kiosk` with no command) and `set-pin`, the staff PIN that unlocks it.

The touch UI is imported only when the kiosk really starts, so the other commands never load Qt. kiosk.cli
imports this module for every command (the bare command's options), so it loads the kiosk's settings code only
when the kiosk or set-pin runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kiosk.errors import UserError

if TYPE_CHECKING:
    from kiosk.core.kiosk_config import KioskConfig
    from kiosk.settings.schema import PinRecord


def add_kiosk_options(parser: argparse.ArgumentParser) -> None:
    """Options of the bare `smp-kiosk` command, which opens the touch kiosk."""
    parser.add_argument("--windowed", action="store_true", help="open the kiosk in a window, not full screen")
    parser.add_argument(
        "--clinic",
        metavar="ID_OR_FILE",
        help="clinic profile id or .toml file for the kiosk (default: kiosk.toml's `clinic`, else demo)",
    )
    parser.set_defaults(handler=run_kiosk)


def register(subparsers: Any) -> None:
    from kiosk.core.kiosk_config import PIN_MAX_DIGITS, PIN_MIN_DIGITS  # noqa: PLC0415 - see the module's doc
    from kiosk.settings.files import STATE_FILE  # noqa: PLC0415

    parser = subparsers.add_parser(
        "set-pin",
        description=f"Set the staff PIN ({PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits). It is stored hashed in "
        f"{STATE_FILE} in the kiosk's data folder and, for every kiosk of the branch, in the database. Until a PIN "
        "is set for the branch, the demo PIN from the README unlocks the kiosk; after that, never again.",
    )
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of stdin")
    parser.add_argument(
        "--owner", action="store_true", help="set the chain owner's PIN instead (opens the view of every branch)"
    )
    parser.set_defaults(handler=run_set_pin)


def run_set_pin(args: argparse.Namespace) -> int:
    from kiosk.core.kiosk_config import KioskConfig, check_pin_format, make_pin_record  # noqa: PLC0415
    from kiosk.settings.files import state_file  # noqa: PLC0415

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        import getpass  # noqa: PLC0415 - only set-pin asks (and it loads the terminal modules)

        pin = getpass.getpass("New staff PIN: ").strip()
        check_pin_format(pin)
        if getpass.getpass("The same PIN again: ").strip() != pin:
            raise UserError("the two PINs do not match: nothing was changed, run set-pin again")
    config = KioskConfig()
    if args.owner:
        return _record_for_branch(config, make_pin_record(pin), owner=True)
    record = config.set_pin(pin)
    print(f"Staff PIN set in {state_file(config.folder)}")
    return _record_for_branch(config, record, owner=False)


def _record_for_branch(config: KioskConfig, record: PinRecord, *, owner: bool) -> int:
    """Keep the PIN's hash in the database: every kiosk of the branch then knows a PIN was set (the owner PIN
    lives only there)."""
    from kiosk.core.clinic import load_clinic  # noqa: PLC0415 - see the module's doc
    from kiosk.settings.resolver import open_store  # noqa: PLC0415 - SQLAlchemy only here

    store = open_store(config, load_clinic(config.file().clinic))
    try:
        saved = store.save_pin({"salt": record.salt, "hash": record.hash}, owner=owner)
    finally:
        store.close()
    if owner and not saved:
        raise UserError("the database cannot be reached: the owner PIN was not set, try again when it is back")
    if owner:
        print(f"Owner PIN set for every branch on the database ({config.branch()} and the others)")
    elif saved:
        print(f"... and recorded for branch '{config.branch()}' in the database")
    else:
        print("The database cannot be reached: the PIN is set on this kiosk only; run set-pin again later")
    return 0


def run_kiosk(args: argparse.Namespace) -> int:
    from kiosk.core.clinic import load_clinic  # noqa: PLC0415 - see the module's doc
    from kiosk.core.kiosk_config import KioskConfig  # noqa: PLC0415
    from kiosk.logging_setup import report_log_problem  # noqa: PLC0415

    config = KioskConfig()
    clinic = load_clinic(args.clinic or config.file().clinic)  # a broken kiosk.toml: one line, before Qt starts
    report_log_problem()  # only now: a kiosk that refuses to start prints its one line and nothing else
    from kiosk.ui.app import run  # noqa: PLC0415 - Qt is loaded only for the kiosk itself

    return run(clinic, config, windowed=args.windowed, today=getattr(args, "today", None))
