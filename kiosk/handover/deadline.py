"""A total deadline for one SMTP delivery, connect to QUIT.

smtplib's `timeout` bounds each read and write, so a server that sends one byte every few seconds keeps a
delivery going for ever. `Deadline` runs a timer; when it fires, the connection's socket is shut down, which
wakes whatever read or write is waiting, and the delivery fails with DeadlinePassedError. The socket is
watched through a duplicate of its descriptor, so the shutdown reaches it under TLS too (a TLS socket wraps
the same connection). Every socket operation also waits at most the time that is left.
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
import threading
import time
from types import TracebackType
from typing import Any


class DeadlinePassedError(TimeoutError):
    """The delivery took longer than its total deadline."""


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._watched: list[socket.socket] = []
        self._passed = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._timer.cancel()
        with self._lock:
            watched, self._watched = self._watched, []
        for duplicate in watched:
            with contextlib.suppress(OSError):
                duplicate.close()
        if exc is not None and self.passed and not isinstance(exc, DeadlinePassedError):
            raise DeadlinePassedError(f"the deadline of {self.seconds:g} s passed") from None

    @property
    def passed(self) -> bool:
        return self._passed or time.monotonic() >= self._end

    def remaining(self) -> float:
        left = self._end - time.monotonic()
        if left <= 0:
            raise DeadlinePassedError(f"the deadline of {self.seconds:g} s passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        """Shut `sock` down when the deadline passes (at once if it already has)."""
        duplicate = sock.dup()
        with self._lock:
            self._watched.append(duplicate)
            expired = self._passed
        if expired:
            self._shut(duplicate)

    def _expire(self) -> None:
        with self._lock:
            self._passed = True
            watched = list(self._watched)
        for duplicate in watched:
            self._shut(duplicate)

    @staticmethod
    def _shut(duplicate: socket.socket) -> None:
        with contextlib.suppress(OSError):
            duplicate.shutdown(socket.SHUT_RDWR)


class _DeadlineSMTP:
    """Mixed into smtplib.SMTP / SMTP_SSL: every new socket is watched and waits at most the time left."""

    deadline: Deadline
    source_address: Any
    _host: str
    context: ssl.SSLContext

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        raw = socket.create_connection((host, port), min(timeout, self.deadline.remaining()), self.source_address)
        self.deadline.watch(raw)  # before the TLS handshake, which a slow server can drag out too
        if not isinstance(self, smtplib.SMTP_SSL):
            return raw
        return self.context.wrap_socket(raw, server_hostname=self._host)


class _SMTP(_DeadlineSMTP, smtplib.SMTP):
    pass


class _SMTP_SSL(_DeadlineSMTP, smtplib.SMTP_SSL):  # noqa: N801 - smtplib's name
    pass


def deadline_client(host: str, use_ssl: bool, deadline: Deadline, context: ssl.SSLContext) -> smtplib.SMTP:
    """An unconnected SMTP client for `host` (`connect` it) bound to `deadline`."""
    timeout = deadline.remaining()
    client: smtplib.SMTP = _SMTP_SSL(timeout=timeout, context=context) if use_ssl else _SMTP(timeout=timeout)
    client.deadline = deadline  # type: ignore[attr-defined]
    client._host = host  # type: ignore[attr-defined]  # what smtplib's constructor sets when given the host
    return client
