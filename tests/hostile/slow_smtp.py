"""A real, hostile SMTP server on loopback: it answers one byte at a time, or stops reading, or says nothing.

Each connection runs in its own thread; the server stops (and closes every connection) when the test ends.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Literal

Mode = Literal["drip-greeting", "drip-after-ehlo", "silent", "stop-reading-data"]
DRIP_PAUSE = 0.05  # seconds between two bytes: a 30 s timeout per read never fires


class SlowSmtpServer:
    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a stalled reader fills up fast
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port: int = self.listener.getsockname()[1]
        self.stopped = threading.Event()
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket, text: bytes) -> None:
        for index in range(len(text)):
            if self.stopped.is_set():
                return
            conn.sendall(text[index : index + 1])
            time.sleep(DRIP_PAUSE)

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            if self.mode == "silent":
                self.stopped.wait()
                return
            if self.mode == "drip-greeting":
                self._drip(conn, b"220 " + b"x" * 100_000 + b"\r\n")
                return
            conn.sendall(b"220 slow.example ESMTP\r\n")
            reader = conn.makefile("rb")
            while not self.stopped.is_set():
                line = reader.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    if self.mode == "drip-after-ehlo":
                        self._drip(conn, b"250-slow.example\r\n" * 10_000)
                        return
                    conn.sendall(b"250 slow.example\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    self.stopped.wait()  # never read the message: the client's writes block
                    return
                else:
                    conn.sendall(b"250 ok\r\n")

    def stop(self) -> None:
        self.stopped.set()
        with contextlib.suppress(OSError):
            self.listener.close()
        for conn in self.connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self.thread.join(5)


@contextlib.contextmanager
def slow_smtp(mode: Mode) -> Iterator[SlowSmtpServer]:
    server = SlowSmtpServer(mode)
    try:
        yield server
    finally:
        server.stop()
