"""`smp-kiosk ARGS` run by kiosk.cli.main inside the test process, as a fresh process would see it.

What a command prints, its exit code and the files it writes are the same as with `python -m kiosk ARGS` in a
subprocess, without paying an interpreter start and every import again (about 30 tests call the command line).
Tests where the process boundary itself is the point (imports a command loads, the console script, a kill, the
ready signal) still start real processes.

Each call gets its own data folder (the log goes there) unless the test set SMP_KIOSK_DATA_DIR itself, and leaves
no logging handler or exception hook behind.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kiosk import logging_setup
from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line with `args`; its exit code and output as subprocess.run would report them."""
    argv = list(args)
    out, err = io.StringIO(), io.StringIO()
    with _isolated(cwd or ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse's usage errors, --help and --version
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            if isinstance(exit_.code, str):
                print(exit_.code, file=sys.stderr)
    return subprocess.CompletedProcess(["smp-kiosk", *argv], code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _isolated(cwd: Path) -> Iterator[None]:
    logger = logging.getLogger(logging_setup.ROOT_LOGGER_NAME)
    handlers, level, hook = list(logger.handlers), logger.level, sys.excepthook
    previous = os.environ.get("SMP_KIOSK_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="smp-kiosk-cli-") as data, contextlib.chdir(cwd):
        os.environ["SMP_KIOSK_DATA_DIR"] = previous or data
        try:
            yield
        finally:
            for handler in logging_setup._installed:
                logger.removeHandler(handler)
                handler.close()
            logging_setup._installed.clear()
            logger.handlers[:] = handlers
            logger.setLevel(level)
            sys.excepthook = hook
            if previous is None:
                del os.environ["SMP_KIOSK_DATA_DIR"]
            else:
                os.environ["SMP_KIOSK_DATA_DIR"] = previous


_FRESH_PROCESS = """
import json, sys
{prelude}
from kiosk.cli import main
code = main(sys.argv[2:])
print(json.dumps({report}), file=open(sys.argv[1], "w"))
sys.exit(code)
"""


def fresh_process_report(
    args: list[str], listing: Path, *, report: str, prelude: str = "", env: Mapping[str, str] | None = None
) -> Any:
    """`smp-kiosk ARGS` in a fresh `python -c` process, for what only a process shows: `prelude` runs first
    (to record something as it happens), and the JSON of the expression `report`, taken when the command is
    done, comes back through the file `listing`. The command must succeed."""
    result = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS.format(prelude=prelude, report=report), str(listing), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=None if env is None else dict(env),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(listing.read_text())
