"""The kiosk itself (`smp-kiosk` with no command) and `set-pin`, the staff PIN that unlocks it.

The touch UI is imported only when the kiosk really starts, so the other commands never load Qt.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kiosk.core.clinic import DEFAULT_CLINIC, load_clinic
from kiosk.core.kiosk_config import PIN_MAX_DIGITS, PIN_MIN_DIGITS, KioskConfig, check_pin_format, config_path
from kiosk.errors import UserError
from kiosk.logging_setup import report_log_problem


def add_kiosk_options(parser: argparse.ArgumentParser) -> None:
    """Options of the bare `smp-kiosk` command, which opens the touch kiosk."""
    parser.add_argument("--windowed", action="store_true", help="open the kiosk in a window, not full screen")
    parser.add_argument(
        "--clinic",
        default=DEFAULT_CLINIC,
        metavar="ID_OR_FILE",
        help=f"clinic profile id or .toml file for the kiosk (default: {DEFAULT_CLINIC})",
    )
    parser.set_defaults(handler=run_kiosk)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "set-pin",
        description=f"Set the staff PIN ({PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits). It is stored hashed in "
        f"{config_path()}. Until a PIN is set, the demo PIN from the README unlocks the kiosk.",
    )
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of stdin")
    parser.set_defaults(handler=run_set_pin)


def run_set_pin(args: argparse.Namespace) -> int:
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New staff PIN: ").strip()
        check_pin_format(pin)
        if getpass.getpass("The same PIN again: ").strip() != pin:
            raise UserError("the two PINs do not match: nothing was changed, run set-pin again")
    KioskConfig().set_pin(pin)
    print(f"Staff PIN set in {config_path()}")
    return 0


def run_kiosk(args: argparse.Namespace) -> int:
    clinic = load_clinic(args.clinic)
    config = KioskConfig()
    config.inactivity_seconds()  # a broken settings file is reported here, as one line, before Qt starts
    report_log_problem()  # only now: a kiosk that refuses to start prints its one line and nothing else
    from kiosk.ui.app import run  # noqa: PLC0415 - Qt is loaded only for the kiosk itself

    return run(clinic, config, windowed=args.windowed, today=getattr(args, "today", None))
