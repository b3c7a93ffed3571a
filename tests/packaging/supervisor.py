"""A stand-in for systemd running packaging/linux/smp-kiosk.service: the same command, environment and restart
policy (Restart=always, RestartSec=...), read from the unit file itself, so the tests follow the unit.

Used by test_restart.py; no systemd is needed (CI machines do not run it as init).
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

UNIT = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "smp-kiosk.service"
INSTALLED_PROGRAM = "/opt/smp-kiosk/smp-kiosk"


@dataclass(frozen=True)
class ServiceSpec:
    command: list[str]
    environment: dict[str, str]
    restart: str
    restart_sec: float


def read_unit(path: Path = UNIT, *, program: Path, options: dict[str, str] | None = None) -> ServiceSpec:
    """The unit's ExecStart (with `program` in place of the installed one), Environment= and restart policy.

    `options` fills the $VARIABLES of ExecStart that /etc/smp-kiosk/environment would set (empty by default).
    """
    command: list[str] = []
    environment: dict[str, str] = {}
    restart, restart_sec = "no", 0.1  # systemd's defaults
    for raw in path.read_text(encoding="utf-8").splitlines():
        key, _, value = raw.strip().partition("=")
        if key == "ExecStart":
            command = shlex.split(value)
        elif key == "Environment":
            name, _, setting = value.partition("=")
            environment[name] = setting
        elif key == "Restart":
            restart = value
        elif key == "RestartSec":
            restart_sec = float(value)
    expanded: list[str] = []
    for word in command:
        if word.startswith("$"):  # a lone $VAR splits into zero or more words, as systemd does
            expanded += (options or {}).get(word[1:], "").split()
        else:
            expanded.append(str(program) if word == INSTALLED_PROGRAM else word)
    return ServiceSpec(expanded, environment, restart, restart_sec)


@dataclass
class Supervisor:
    """Start `command`; whenever it exits, start it again `restart_sec` later, until stopped.

    Every line the service prints (stdout and stderr together, as the journal gets them) is queued with the
    time it arrived.
    """

    command: Sequence[str]
    env: dict[str, str]
    restart_sec: float
    lines: queue.Queue[tuple[float, str]] = field(default_factory=queue.Queue)
    starts: int = 0
    process: subprocess.Popen[str] | None = None
    _stopping: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    output: list[str] = field(default_factory=list)

    def __enter__(self) -> Supervisor:
        self._thread = threading.Thread(target=self._loop, name="supervisor", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            process = subprocess.Popen(
                # No core file when the test crashes the kiosk on purpose; exec keeps the pid the kiosk's.
                ["sh", "-c", 'ulimit -c 0 && exec "$@"', "sh", *self.command],
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
                errors="replace",
                start_new_session=True,  # its own process group, like a service's cgroup
            )
            self.process = process
            self.starts += 1
            assert process.stdout is not None
            with process.stdout:
                for line in process.stdout:
                    self.output.append(line.rstrip("\n"))
                    self.lines.put((time.monotonic(), line.rstrip("\n")))
            process.wait()
            if self._stopping.wait(self.restart_sec):
                return

    def wait_for(self, matches: Callable[[str], bool], timeout: float) -> float:
        """The time the first line `matches` accepts arrived; AssertionError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                tail = "\n".join(self.output[-30:])
                raise AssertionError(f"no matching line within {timeout} s; the service said:\n{tail}")
            try:
                arrived, line = self.lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if matches(line):
                return arrived

    def drain(self) -> None:
        while not self.lines.empty():
            self.lines.get_nowait()


def children(pid: int) -> list[int]:
    """Direct child processes of `pid` (from /proc: no psutil needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses, so split after the last ')'.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def descendant_running(root: int, name: str) -> int | None:
    """The pid of the first process below `root` whose executable's name is `name`."""
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            if Path(f"/proc/{pid}/exe").resolve().name == name:
                return pid
        except OSError:
            pass
        pending += children(pid)
    return None


def matching(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda line: compiled.search(line) is not None
