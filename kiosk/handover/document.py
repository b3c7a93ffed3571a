"""Check a calendar PDF before it is queued: a PDF that failed to build is never printed or sent."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.errors import shown
from kiosk.handover.errors import InvalidDocumentError

Paper = Literal["a4", "letter"]
# Page sizes in PostScript points, as (width, height) of a portrait page.
PAPER_POINTS: dict[Paper, tuple[float, float]] = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
CUPS_MEDIA: dict[Paper, str] = {"a4": "A4", "letter": "Letter"}
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]")
_TOLERANCE = 3.0  # points
MAX_PDF_BYTES = 20 * 1024 * 1024  # a calendar is well under 1 MB
JOB_TITLE = "aftercare-calendar"  # never the client's name: CUPS lists and logs job titles
RECEIPT_JOB_TITLE = "aftercare-receipt"  # the clinic copy of a signed receipt


@dataclass(frozen=True)
class CheckedPdf:
    data: bytes
    paper: Paper | None  # None: a size that is neither A4 nor Letter (the printer's default is used)


def read_pdf(source: bytes | Path) -> CheckedPdf:
    """The PDF's bytes and paper size; InvalidDocumentError when it is not a whole PDF."""
    if isinstance(source, Path):
        where = shown(source)
        try:
            info = source.stat()
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):  # a device or a pipe would be read for ever
                raise InvalidDocumentError(f"{where} is a device or special file: give the path of the calendar PDF")
            if info.st_size > MAX_PDF_BYTES:
                raise InvalidDocumentError(f"{where} is larger than a calendar can be: give the calendar PDF")
            data = source.read_bytes()
        except FileNotFoundError:
            raise InvalidDocumentError(f"{where} does not exist: give the path of the calendar PDF") from None
        except IsADirectoryError:
            raise InvalidDocumentError(f"{where} is a folder: give the path of the calendar PDF") from None
        except OSError as exc:
            raise InvalidDocumentError(f"{where} cannot be read ({exc.strerror})") from None
    else:
        data = bytes(source)
        where = "the calendar"
    if not data:
        raise InvalidDocumentError(f"{where} is empty: the PDF was not made; make it again")
    if not data.startswith(b"%PDF-"):
        raise InvalidDocumentError(f"{where} is not a PDF (it does not start with %PDF-): make the calendar again")
    if not data.rstrip().endswith(b"%%EOF"):
        raise InvalidDocumentError(f"{where} is cut short (no %%EOF at its end): make the calendar again")
    return CheckedPdf(data, paper_of(data))


def paper_of(data: bytes) -> Paper | None:
    """A4 or Letter from the first page's MediaBox (either orientation), else None."""
    match = _MEDIA_BOX.search(data)
    if not match:
        return None
    x0, y0, x1, y1 = (float(value) for value in match.groups())
    size = sorted((abs(x1 - x0), abs(y1 - y0)))
    for paper, (width, height) in PAPER_POINTS.items():
        if abs(size[0] - width) <= _TOLERANCE and abs(size[1] - height) <= _TOLERANCE:
            return paper
    return None
