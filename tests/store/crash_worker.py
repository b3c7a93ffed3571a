"""Helper process for the SIGKILL test: `python crash_worker.py DATA_DIR [URL]`.

It imports and migrates once, then for each `spawn` line on stdin forks a child that records
check-ins through CheckInStore in a loop and prints `ok <uid>` after each record() returned STORED
(`spooled <uid>` after a spool write). The test kills the child with SIGKILL at a random moment, then
sends `reap <pid>`; `reaped <pid>` comes after every line the child printed. Forking from this one
process keeps each round to a few milliseconds (no Python start-up per child).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from kiosk.core.clinic import load_clinic
from kiosk.store import CheckIn, CheckInStore, Outcome


def say(line: str) -> None:
    os.write(sys.stdout.fileno(), (line + "\n").encode())  # one unbuffered write per line


def commit_forever(data_dir: Path, url: str | None) -> None:
    clinic = load_clinic()
    store = CheckInStore(url, data_dir=data_dir, fallback_dir=data_dir / "fallback", clinic=clinic)
    number = 0
    while True:
        number += 1
        check_in = CheckIn.create(
            first_name=f"Client{os.getpid()}x{number}",
            last_name="Test",
            session=1,
            session_date=dt.date(2026, 11, 24),
            language="en",
            moisturised=True,
            hair="buzz",
            kiosk_id=f"kiosk-{os.getpid()}",
        )
        outcome = store.record(check_in)
        say(f"{'ok' if outcome is Outcome.STORED else outcome.value} {check_in.uid}")


def main() -> None:
    data_dir = Path(sys.argv[1])
    url = sys.argv[2] if len(sys.argv) > 2 else None
    CheckInStore(url, data_dir=data_dir, fallback_dir=data_dir / "fallback", clinic=load_clinic()).close()
    say("ready")
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    commit_forever(data_dir, url)
                finally:
                    os._exit(1)
            say(f"pid {pid}")
        elif command == "reap":
            os.waitpid(int(argument), 0)
            say(f"reaped {argument}")
        elif command == "quit":
            return


if __name__ == "__main__":
    main()
