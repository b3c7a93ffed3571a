"""One date formatter for every screen and the PDF: the kiosk runs as the demo clinic, a British one, and no
screen and no line of the calendar it prints writes a date in US order ("December 8, 2026", "December 8");
every whole date reads "Tuesday, 8 December 2026"."""

from __future__ import annotations

import io
import re

import pypdf
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import all_items, read_property, shown
from tests.ui.test_kiosk_layout import screens

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
US_ORDER = re.compile(rf"\b({MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{{1,2}}, \d{{4}}\b")
BRITISH = re.compile(rf"\b\d{{1,2}} ({MONTHS}) \d{{4}}\b")
US_DAY = re.compile(rf"\b({MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{{1,2}}\b")  # "Dec 8"
BRITISH_DAY = re.compile(rf"\b\d{{1,2}} ({MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def test_a_british_clinic_writes_no_us_order_date_on_any_screen(qtbot: QtBot, kiosk: KioskApp) -> None:
    assert kiosk.model.clinic.region == "GB"
    british: set[str] = set()
    pdf_text = ""
    for where in screens(kiosk, qtbot):
        qtbot.wait(50)
        if where == "calendar":
            assert kiosk.model.pdf is not None
            pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(kiosk.model.pdf)).pages)
        texts = [str(read_property(item, "text") or "") for item in all_items(kiosk.window) if shown(item)]
        texts += [str(code["date"]) for code in read_property(kiosk.model.handover_bridge, "qrCodes")]
        us = [text for text in texts if US_ORDER.search(text)]
        assert not us, f"{where}: US-order dates {us}"
        british |= {match.group(0) for text in texts for match in BRITISH.finditer(text)}
    assert "24 November 2026" in british  # the session date, on the review and receipt screens
    assert len(british) >= 3  # and the QR captions' dates
    pdf_text = " ".join(pdf_text.split())
    assert not US_DAY.search(pdf_text), f"the PDF writes a US-order date: {US_DAY.findall(pdf_text)}"
    assert len(set(BRITISH_DAY.findall(pdf_text))) >= 2, pdf_text  # its dates, day first ("8 December")
