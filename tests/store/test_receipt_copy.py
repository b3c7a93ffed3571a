"""The clinic copy of the signed receipt speaks the clinic's language: labels through gettext, dates as said in
the clinic's country, and right to left (labels on the right, their values to the left) for Arabic and Hebrew."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import msgspec
import pytest

from kiosk.core.clinic import load_clinic
from kiosk.handover.document import paper_of
from kiosk.i18n import translations
from kiosk.store import CheckIn, Signature, build_receipt_pdf

from .conftest import StoreFactory, make_check_in
from .test_store_staff import ink_in_signature_box, pdf_text, wave

A4_WIDTH = 595.28
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, xMax, text) of every word pdftotext finds."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([tool, "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), html.unescape(text)) for a, b, c, text in _WORD.findall(out)]


def signed_check_in(language: str = "en") -> CheckIn:
    check_in = make_check_in(
        "Zoë",
        "Ölsen",
        session=2,
        receipt_required=True,
        signature_strokes=Signature.from_strokes(300, 140, wave()).to_json(),
    )
    return dataclasses.replace(check_in, language=language)


def test_the_clinic_copy_is_in_the_clinics_default_language(make_store: StoreFactory, tmp_path: Path) -> None:
    clinic = msgspec.structs.replace(load_clinic("demo"), default_language="de", region="DE")
    store = make_store(clinic=clinic)
    check_in = signed_check_in("ar")  # the client used Arabic; the clinic reads German
    store.record(check_in)
    text = " ".join(pdf_text(store.receipt_pdf(check_in.uid, tz=dt.UTC), tmp_path).split())
    _ = translations("de").gettext
    for label in ("Aftercare receipt (clinic copy)", "Client", "Session", "I received my aftercare instructions."):
        assert _(label) != label and _(label) in text
    assert "Dienstag, 24. November 2026" in text and _("Session {number}").format(number=2) in text
    assert "Arabisch" in text  # the language the client signed in, named in German
    assert "Client" not in text and "Signature of the client" not in text


@pytest.mark.parametrize("language", ["en", "ar", "he"])
def test_a_right_to_left_clinic_copy_reads_from_the_right(language: str, tmp_path: Path) -> None:
    pdf = build_receipt_pdf(signed_check_in(language), "Clinic", language=language, deterministic=True)
    found = words(pdf, tmp_path)
    [(name_left, name_top, _right, _name)] = [w for w in found if w[3] == "Zoë"]
    [(_left, _top, name_right, _initial)] = [w for w in found if w[3] == "Ö."]  # the full stop after the initial
    label = translations(language).gettext("Client")
    # pdftotext gives right-to-left words in drawing order, Arabic in presentation forms: read them back
    [(label_left, _top, label_right, _text)] = [
        w for w in found if abs(w[1] - name_top) < 5 and label in (plain(w[3]), plain(w[3])[::-1])
    ]
    margin = 25 * 72 / 25.4
    if language == "en":
        assert abs(label_left - margin) < 3 and name_left > label_right
    else:
        assert abs(label_right - (A4_WIDTH - margin)) < 3  # the label starts at the right margin
        assert name_right < label_left  # and its value follows to the left
    assert ink_in_signature_box(pdf, tmp_path) > 0.01  # the signature is drawn as signed, never mirrored


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_the_clinic_copy_has_no_transparency_so_printing_keeps_its_text(tmp_path: Path) -> None:
    logo = load_clinic("demo").logo
    assert logo is not None
    pdf = build_receipt_pdf(signed_check_in(), "Clinic", logo=logo, deterministic=True)
    assert b"/Image" in pdf and b"/SMask" not in pdf  # the logo is there, flattened on white
    assert "Aftercare receipt (clinic copy)" in pdf_text(pdf, tmp_path)


@pytest.mark.parametrize(("region", "paper"), [("US", "letter"), ("CA", "letter"), ("GB", "a4"), ("", "a4")])
def test_the_clinic_copy_is_on_the_paper_of_the_clinics_country(region: str, paper: str) -> None:
    pdf = build_receipt_pdf(signed_check_in(), "Northside Scalp Studio", region=region, deterministic=True)
    assert paper_of(pdf) == paper
