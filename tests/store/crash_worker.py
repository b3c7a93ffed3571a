"""Helper process for the SIGKILL test: `python crash_worker.py DATA_DIR [URL]`.

It imports and migrates once, then for each `spawn` line on stdin forks a child that records
visits through CheckInStore in a loop, each in three states (in progress at the before-care questions, in
progress at the calendar, finished: revisions 1 to 3 of one uid), and prints `ok <uid> <revision>` after each
record() returned STORED (`spooled <uid> <revision>` after a spool write). The test kills the child with
SIGKILL at a random moment, then sends `reap <pid>`; `reaped <pid>` comes after every line the child printed.
Forking from this one process keeps each round to a few milliseconds (no Python start-up per child).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from kiosk.core.clinic import load_clinic
from kiosk.core.visit_record import VisitOutcome, VisitStep
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
            moisturised=None,
            hair=None,
            kiosk_id=f"kiosk-{os.getpid()}",
            step=VisitStep.BEFORE_CARE,
            outcome=VisitOutcome.IN_PROGRESS,
            calendar_made=False,
        )
        answered = dataclasses.replace(
            check_in, revision=2, step=VisitStep.CALENDAR, moisturised=True, hair="buzz", calendar_made=True
        )
        finished = dataclasses.replace(answered, revision=3, step=VisitStep.FINISH, outcome=VisitOutcome.FINISHED)
        for state in (check_in, answered, finished):
            outcome = store.record(state)
            say(f"{'ok' if outcome is Outcome.STORED else outcome.value} {state.uid} {state.revision}")


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
