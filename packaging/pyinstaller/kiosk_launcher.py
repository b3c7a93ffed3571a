"""Entry script of the bundle: the same command line as the `smp-kiosk` console script."""

import multiprocessing

from kiosk.cli import run

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows program must call this before anything else
    run()
