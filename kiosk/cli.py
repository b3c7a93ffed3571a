"""The command line: `smp-kiosk` / `python -m kiosk`.

Every command exits 0 on success and 2 on bad input, with one line on stderr that says what is wrong
and how to fix it. Each command lives in its own module under kiosk.commands and registers itself here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from kiosk import __version__
from kiosk.commands import COMMAND_MODULES
from kiosk.commands.kiosk import add_kiosk_options
from kiosk.errors import UserError
from kiosk.logging_setup import configure_logging

PROG = "smp-kiosk"


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not the usage block plus a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog=PROG, description="Scalp micropigmentation check-in kiosk and aftercare calendars.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="pretend today is this date (for tests and demos; default: the real date)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    add_kiosk_options(parser)  # no command: open the touch kiosk (--windowed, --clinic)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(getattr(args, "command", None))
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        result: int = handler(args)
    except UserError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result
