#!/usr/bin/env python3
"""Store each shipped font's metrics beside it, so that no start parses them (kiosk/documents/pdf/font_info.py).

    python packaging/font_info.py [FOLDER]     # default: resources/fonts; only fonts whose .rlinfo is not current

bootstrap.py runs it for the checkout, build_bundle.py before PyInstaller copies resources/. A font without a
current .rlinfo file still works: the kiosk parses it as it starts, as ReportLab always did.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.documents.pdf.font_info import is_current, write_info  # noqa: E402 - the checkout's kiosk package


def store_font_info(folder: Path) -> list[Path]:
    """Write the missing or outdated .rlinfo files under `folder`; the ones written."""
    return [write_info(font) for font in sorted(folder.glob("*.ttf")) if not is_current(font)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", type=Path, default=FONTS, help="a folder of .ttf files (resources/fonts)")
    args = parser.parse_args(argv)
    written = store_font_info(args.folder)
    print(f"font_info: {len(written)} font(s) measured in {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
