"""Where the kiosk's log goes: a size-capped, rotating file in data_dir()/logs, and warnings on stderr.

The log is for staff and whoever maintains the tablet: starts, restarts, screens reached, failures with their
tracebacks. It never holds client data. The rule for every module is simple: never pass a client's name, email
address, phone number or dates of their sessions to a logger; log what happened ("calendar printed", "email
queued"), and refer to a check-in by its record id if anything. Tracebacks (`log.exception(...)`, uncaught
errors) are written with every frame but without the exceptions' messages, because a message about bad input may
quote the input: `PrivateFormatter` does that for every handler installed here.

On a Linux kiosk systemd also keeps stderr in the journal (`journalctl -u smp-kiosk`), so warnings appear twice:
once in the journal, once in the file.

Qt-free: the command line sets it up before anything imports PySide6.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from kiosk import __version__
from kiosk.paths import data_dir

LOG_FILE_NAME = "kiosk.log"
MAX_LOG_BYTES = 1_000_000  # per file: a busy clinic day is a few hundred lines
BACKUP_COUNT = 5  # kiosk.log.1 ... kiosk.log.5: about 6 MB at most, a few weeks of history
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
ROOT_LOGGER_NAME = "kiosk"

_installed: list[logging.Handler] = []


def log_dir() -> Path:
    return data_dir() / "logs"


def configure_logging(
    command: str | None = None, *, console_level: int = logging.WARNING, file_level: int = logging.INFO
) -> Path | None:
    """Send the `kiosk` loggers to the rotating file (and warnings to stderr); return the log file's path.

    Calling it again replaces the handlers it installed before (tests and repeated `main()` calls). When the
    log folder cannot be created (read-only disk, no permission) the kiosk still runs and says so on stderr:
    a missing log must never stop a client's check-in. Uncaught exceptions are logged without their message.
    `command` (the sub-command's name, never its arguments) goes into the first line.
    """
    logger = logging.getLogger(ROOT_LOGGER_NAME)
    _pending.clear()
    for handler in _installed:
        logger.removeHandler(handler)
        handler.close()
    _installed.clear()
    logger.setLevel(min(console_level, file_level))
    formatter = PrivateFormatter(LOG_FORMAT)

    console = _StderrHandler()
    # A command reports its own outcome in one line; the kiosk's warnings go to the journal through stderr.
    console.setLevel(console_level if command is None else logging.CRITICAL + 1)
    console.setFormatter(formatter)
    _installed.append(console)
    log_file = log_dir() / LOG_FILE_NAME
    rotating = _rotating_file_handler(log_file, warn=command is None)
    if rotating is not None:
        rotating.setLevel(file_level)
        rotating.setFormatter(formatter)
        _installed.append(rotating)
    for handler in _installed:
        logger.addHandler(handler)
    if sys.excepthook is sys.__excepthook__:  # leave a test runner's or a debugger's hook alone
        sys.excepthook = _log_uncaught
    frozen = "bundle" if getattr(sys, "frozen", False) else "python"
    logger.info("smp-kiosk %s started: %s (%s)", __version__, command or "kiosk", frozen)
    return log_file if rotating is not None else None


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is when a line is logged (test runners and daemons swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is None:  # a windowed program on Windows has no console at all
            return
        self.stream = sys.stderr
        super().emit(record)


class _QuietRotatingFileHandler(logging.FileHandler):
    """kiosk.log, capped in size: when a line would take it to `max_bytes`, kiosk.log.1 ... .N move up one (the
    oldest goes) and a new kiosk.log starts. This is what logging.handlers.RotatingFileHandler does; that module
    also holds the network handlers and loads sockets, queues and pickling with them (4 ms of every command).

    A log file that fails (disk full, folder gone, read-only) drops the line instead of printing logging's own
    "--- Logging error ---" traceback on stderr: a command's one line of output must stay the only one."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes, self.backup_count = max_bytes, backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(f"{self.format(record)}\n"):
                self._roll_over()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _would_overflow(self, line: str) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() > 0 and self.stream.tell() + len(line.encode("utf-8")) > self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by the next emit (delay=True)
        base = self.baseFilename
        for number in range(self.backup_count, 0, -1):
            older = f"{base}.{number - 1}" if number > 1 else base
            if os.path.exists(older):
                os.replace(older, f"{base}.{number}")  # the oldest, .N, is overwritten

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def _rotating_file_handler(log_file: Path, *, warn: bool) -> _QuietRotatingFileHandler | None:
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            log_file.parent.chmod(0o700)  # only the kiosk user reads its log
        return _QuietRotatingFileHandler(log_file, MAX_LOG_BYTES, BACKUP_COUNT)
    except OSError as exc:
        if warn:  # said once the kiosk is really starting (report_log_problem); a command says what it needs itself
            _pending.append(f"cannot write the log in {log_file.parent} ({exc.strerror}); logging to stderr only")
        return None


_pending: list[str] = []  # a log problem the kiosk reports once it starts, after any one-line refusal


def report_log_problem() -> None:
    """Print the log's problem, if any, as a warning (the journal keeps stderr): called when the kiosk starts,
    so that a kiosk refusing to start prints only its one line."""
    for message in _pending:
        print(f"smp-kiosk: warning: {message}", file=sys.stderr)
    _pending.clear()


def log_file_hint() -> str:
    """' in PATH' when the log file is being written, '' when there is none."""
    for handler in _installed:
        if isinstance(handler, _QuietRotatingFileHandler) and not getattr(handler, "failed", False):
            return f" in {handler.baseFilename}"
    return ""


def _log_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log_exception_type_only(logging.getLogger(ROOT_LOGGER_NAME), "the kiosk", exc.with_traceback(tb))


class PrivateFormatter(logging.Formatter):
    """Formats tracebacks with their frames and exception types, but leaves the exceptions' messages out."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the formatted traceback on the record for every handler; use ours, keep theirs.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        exc = ei[1]
        if not isinstance(exc, BaseException):
            return super().formatException(ei)
        return "".join(traceback_without_messages(exc)).rstrip("\n")


def traceback_without_messages(exc: BaseException, _seen: set[int] | None = None) -> list[str]:
    """Like traceback.format_exception, chained exceptions included, with each message replaced by a note."""
    seen = _seen if _seen is not None else set()
    seen.add(id(exc))
    lines: list[str] = []
    if exc.__cause__ is not None and id(exc.__cause__) not in seen:
        lines += traceback_without_messages(exc.__cause__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif exc.__context__ is not None and not exc.__suppress_context__ and id(exc.__context__) not in seen:
        lines += traceback_without_messages(exc.__context__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if exc.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_list(traceback.extract_tb(exc.__traceback__))
    kind = type(exc)
    name = (
        kind.__qualname__ if kind.__module__ in ("builtins", "__main__") else f"{kind.__module__}.{kind.__qualname__}"
    )
    lines.append(f"{name} (message left out of the log)\n")
    return lines


def log_exception_type_only(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log that `what` failed, with the traceback of `exc` (its frames and type; never its message)."""
    logger.error("%s failed: %s", what, type(exc).__name__, exc_info=exc)
