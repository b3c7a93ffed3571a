"""`python -m kiosk` runs the same entry point as the `smp-kiosk` console script."""

from kiosk.cli import run

run()
