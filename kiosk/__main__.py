"""`python -m kiosk` runs the same entry point as the `smp-kiosk` console script."""

import sys

from kiosk.cli import main

sys.exit(main())
