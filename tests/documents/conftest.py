"""Shared set-up for the PDF calendar tests: a two-session plan, requests, and ways to read a PDF back."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Callable
from typing import Any

import msgspec
import pypdf
import pypdfium2
import pytest
from PIL import Image
from pypdf.generic import ContentStream

from kiosk.core.clinic import Clinic, load_clinic
from kiosk.core.protocol import Protocol, load_protocol
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.pdf import CalendarRequest

TODAY = dt.date(2026, 11, 24)
SESSIONS = (dt.date(2026, 11, 27), dt.date(2026, 12, 18))


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    return load_protocol()


@pytest.fixture(scope="session")
def clinic() -> Clinic:
    # No country: dates and weeks follow each language's own CLDR conventions (en -> US), which is what
    # these tests spell out; tests/documents/test_paper_region.py covers a clinic that names its country.
    return msgspec.structs.replace(load_clinic(), region="")


@pytest.fixture(scope="session")
def schedule(protocol: Protocol) -> Schedule:
    return build_schedule(SESSIONS, protocol, TODAY)


@pytest.fixture(scope="session")
def make_request(schedule: Schedule, clinic: Clinic) -> Callable[..., CalendarRequest]:
    base = CalendarRequest(name="Zoë Ødegård", schedule=schedule, clinic=clinic, paper="a4", deterministic=True)

    def make(**changes: Any) -> CalendarRequest:
        return msgspec.structs.replace(base, **changes)

    return make


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page as PDFium (Chrome's PDF engine) reads it for copy and search: right-to-left
    runs in reading order; NFKC-normalised, so joined Arabic letter forms read back as plain letters."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_range()
            texts.append(unicodedata.normalize("NFKC", text).replace("\u200e", "").replace("\r\n", "\n"))
        return texts
    finally:
        document.close()


def render_pages(pdf: bytes, dpi: int = 80) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[index].render(scale=dpi / 72).to_pil().convert("RGB") for index in range(len(document))]
    finally:
        document.close()


def font_sizes(pdf: bytes) -> list[float]:
    """The font size of every piece of text shown (Tj/TJ) on every page; text is never scaled otherwise."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    sizes: list[float] = []
    for page in reader.pages:
        contents = page.get_contents()
        assert contents is not None
        size = 0.0
        for operands, operator in ContentStream(contents, reader).operations:
            if operator == b"Tf":
                size = float(operands[1])
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                sizes.append(size)
            elif operator == b"Tm":
                assert [float(v) for v in operands[:4]] == [1.0, 0.0, 0.0, 1.0], "text must not be scaled"
    return sizes


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


@pytest.fixture(scope="session")
def texts_of() -> Callable[[bytes], list[str]]:
    return page_texts


@pytest.fixture(scope="session")
def images_of() -> Callable[..., list[Image.Image]]:
    return render_pages


@pytest.fixture(scope="session")
def sizes_of() -> Callable[[bytes], list[float]]:
    return font_sizes


@pytest.fixture(scope="session")
def pages_of() -> Callable[[bytes], list[tuple[float, float]]]:
    return page_sizes
