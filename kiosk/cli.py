"""The command line: `smp-kiosk` / `python -m kiosk`.

Every command exits 0 on success and 2 on bad input, with one line on stderr that says what is wrong
and how to fix it. Each command lives in its own module under kiosk.commands and registers itself here.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, NoReturn

from kiosk import __version__
from kiosk.commands import COMMANDS, command_module
from kiosk.commands.kiosk import add_kiosk_options
from kiosk.errors import UserError, one_line
from kiosk.logging_setup import configure_logging, log_exception_type_only, log_file_hint
from kiosk.paths import describe_os_error

PROG = "smp-kiosk"


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not the usage block plus a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see {self.prog} --help)\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with `command` registered by its module, every other command as a stand-in that takes anything.

    Only the chosen command's module is imported, so `schedule` never loads the PDF stack (kiosk.commands).
    """
    parser = OneLineParser(prog=PROG, description="Scalp micropigmentation check-in kiosk and aftercare calendars.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="pretend today is this date (for tests and demos; default: the real date)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    if command is not None:
        command_module(command).register(subparsers)
    for name, listed in COMMANDS.items():
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=listed.help, add_help=False)
    add_kiosk_options(parser)  # no command: open the touch kiosk (--windowed, --clinic)
    return parser


class _NoCommandError(Exception):
    pass


class _CommandFinder(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NoCommandError(message)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command `argv` names, as argparse reads it (so `--today 2026-11-24` and the like are skipped).

    A parser of the options before the command and one word for the command: building the full parser twice,
    with a stand-in for each command, cost more than the rest of `smp-kiosk schedule`'s own work. `--help`,
    `--version` and a command nobody registers give None: the full parser then answers them.
    """
    parser = _CommandFinder(prog=PROG, add_help=False)
    parser.add_argument("--today")
    add_kiosk_options(parser)
    parser.add_argument("command", nargs="?")
    try:
        known, _ = parser.parse_known_args(argv)
    except _NoCommandError:  # say, an option without its value: the full parser says so in its own words
        return None
    command: str | None = known.command
    return command if command in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    # A command that reports its problems itself, in one line, keeps the store's warnings for the log file only.
    configure_logging(getattr(args, "command", None), console_level=getattr(args, "console_level", logging.WARNING))
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    if args.command is None and os.environ.get(READY_SIGNAL_ENV, "0") not in ("", "0"):
        announce_welcome_screen()
    # A stopped command unwinds: an outbox claim goes back, temporary files go.
    stoppable = args.command is not None and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _exit_on_signal) if stoppable else None
    try:
        return _run(handler, args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def run() -> NoReturn:
    """The `smp-kiosk` console script and `python -m kiosk`: main(), then the process ends.

    A command ends without Python's clean-up of its modules and objects (a third of a `calendar` process,
    about 30 ms, freeing what the process is about to give back whole): the output is flushed and the exit
    handlers run first (logging's included), and only when nothing else can still be at work (no other
    thread, no Qt). The kiosk's window ends the usual way.
    """
    code = main()
    if threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules:
        _end_now(code)
    sys.exit(code)


def _end_now(code: int) -> NoReturn:
    atexit._run_exitfuncs()  # logging.shutdown, weakref finalizers (temporary folders), ...
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing left to deliver
            stream.flush()
    os._exit(code)


def _run(handler: Any, args: argparse.Namespace) -> int:
    """The command, with every failure turned into its one line."""
    try:
        result: int = handler(args)
    except UserError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a full disk, a read-only or missing folder the command did not check itself
        return fail(describe_os_error(exc))
    except Exception as exc:
        log_exception_type_only(logging.getLogger("kiosk.cli"), args.command or "the kiosk", exc)
        return fail(
            f"the command stopped on an unexpected {type(exc).__name__}; no output file was changed."
            f" Please report it with the log{log_file_hint()}"
        )
    return result


def _exit_on_signal(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def fail(message: str) -> int:
    """The one line a failed command prints on stderr; exit code 2."""
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return 2


# ----------------------------------------------------------------------------------------------------------------
# Packaging hook (owner: packaging). With SMP_KIOSK_READY_SIGNAL=1 the kiosk prints "welcome-screen-ready" on
# stdout (and logs it) when its window has drawn the welcome screen after a start. tests/packaging uses it to prove
# the bundle starts, and that a killed kiosk is back within 5 seconds; a health check can use it too.
READY_SIGNAL_ENV = "SMP_KIOSK_READY_SIGNAL"
READY_LINE = "welcome-screen-ready"


def announce_welcome_screen() -> None:
    """Wrap kiosk.ui.app.start so that the first frame showing the welcome step prints READY_LINE."""
    from kiosk.ui import app as ui_app  # noqa: PLC0415 - Qt is loaded only for the kiosk itself

    start = ui_app.start

    def start_and_announce(*args: Any, **kwargs: Any) -> Any:
        kiosk = start(*args, **kwargs)
        announced: list[bool] = []  # frames may already be queued when the first one announces

        def on_frame() -> None:
            if not announced and kiosk.model.property("step") == "welcome":
                announced.append(True)
                kiosk.window.frameSwapped.disconnect(on_frame)
                logging.getLogger("kiosk.cli").info(READY_LINE)  # first: whoever reads stdout may stop us
                print(READY_LINE, flush=True)

        kiosk.window.frameSwapped.connect(on_frame)
        return kiosk

    setattr(ui_app, "start", start_and_announce)  # noqa: B010 - replaces the function `run` calls
