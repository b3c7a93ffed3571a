"""What staff use: settings shared by kiosks, the signed receipt, CSV export, and logs free of names."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import math
import shutil
import subprocess
from pathlib import Path

import msgspec
import pytest
from PIL import Image

from kiosk.cli import main
from kiosk.core.clinic import load_clinic
from kiosk.core.protocol import load_protocol
from kiosk.errors import UserError
from kiosk.store import (
    CheckInStore,
    ClinicSettings,
    Outcome,
    Signature,
    SmtpSettings,
    apply_day_counts,
    build_receipt_pdf,
)
from kiosk.store.export import checkins_csv, safe_cell

from .conftest import NOW, StoreFactory, make_check_in


def wave(points: int = 40) -> list[list[tuple[float, float]]]:
    return [[(10 + i * 6, 60 + 30 * math.sin(i / 3)) for i in range(points)], [(30, 110), (250, 20)]]


def test_settings_are_shared_by_kiosks_and_cached_for_outages(make_store: StoreFactory, tmp_path: Path) -> None:
    front, back = make_store("front"), make_store("back")
    assert front.settings().name == "Northside Scalp Studio"  # the clinic profile until staff change it
    changed = msgspec.structs.replace(
        front.settings(),
        name="Harbour SMP",
        printer="front-desk-laser",
        languages=("en", "pt_BR", "ar"),
        inactivity_timeout_s=120,
        day_counts={"dry": 4, "all-clear": 28},
        smtp=SmtpSettings(host="smtp.example.org", port=465, security="ssl", sender="desk@example.org"),
        receipt_required=True,
    )
    assert front.save_settings(changed)
    assert back.settings() == changed
    cache = tmp_path / "data-back" / "clinic-settings.json"
    assert "Harbour SMP" in cache.read_text(encoding="utf-8")


def test_bad_settings_are_refused_with_the_setting_named(make_store: StoreFactory) -> None:
    store = make_store()
    settings = store.settings()
    for change, message in [
        ({"name": " "}, "clinic name is empty"),
        ({"inactivity_timeout_s": 5}, "inactivity timeout"),
        ({"retention_days": 0}, "retention period"),
        ({"languages": ("english",)}, "not a language tag"),
        ({"day_counts": {"dry": 0}}, "day count 'dry'"),
        ({"smtp": SmtpSettings(host="smtp.example.org")}, "sender address"),
        ({"day_counts": {"sauna": 3}}, "matches no phase or milestone"),
        ({"logo_path": "/nowhere/logo.png"}, "logo file"),
    ]:
        with pytest.raises(UserError, match=message):
            store.save_settings(msgspec.structs.replace(settings, **change))  # type: ignore[arg-type]


def test_day_counts_reshape_the_protocol() -> None:
    protocol = apply_day_counts(load_protocol(), {"dry": 4, "gentle": 2, "all-clear": 28})
    assert [(p.id, p.first_day, p.last_day) for p in protocol.phases] == [
        ("dry", 1, 4),
        ("gentle", 5, 6),
        ("normal", 7, None),
    ]
    assert protocol.milestones[0].day == 28
    with pytest.raises(UserError, match="matches no phase or milestone"):
        apply_day_counts(load_protocol(), {"sauna": 3})


def test_stored_settings_of_the_wrong_type_fall_back_to_defaults() -> None:
    base = ClinicSettings(name="Clinic")
    merged = base.with_fields({"inactivity_timeout_s": "ninety", "printer": "desk", "unknown": 1, "smtp": {"port": 25}})
    assert (merged.inactivity_timeout_s, merged.printer, merged.smtp.port) == (90, "desk", 25)


def test_the_signature_is_kept_and_drawn_on_the_clinic_copy(make_store: StoreFactory, tmp_path: Path) -> None:
    signature = Signature.from_strokes(300, 140, wave())
    store = make_store()
    check_in = make_check_in("Zoë", "Ölsen", session=2, receipt_required=True, signature_strokes=signature.to_json())
    store.record(check_in)
    stored = store.check_in(check_in.uid)
    assert stored is not None and Signature.from_json(stored.signature_strokes or "") == signature
    pdf = store.receipt_pdf(check_in.uid, tz=dt.timezone(dt.timedelta(hours=1), "CET"))
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Northside Scalp Studio",
        "Zoë Ö.",
        "24 November 2026",  # as the date is said in the clinic's country (GB)
        "Session 2",
        "aftercare instructions",
        "11:30 CET",
    ):
        assert expected in text
    assert "Ölsen" not in text
    assert ink_in_signature_box(pdf, tmp_path) > 0.01


def test_a_receipt_without_signature_says_so(tmp_path: Path) -> None:
    pdf = build_receipt_pdf(make_check_in(session="touch-up"), "Clinic", deterministic=True)
    text = pdf_text(pdf, tmp_path)
    assert "Touch-up" in text and "Not signed" in text
    assert ink_in_signature_box(pdf, tmp_path) < 0.001


def test_empty_or_broken_signatures_are_refused() -> None:
    with pytest.raises(UserError, match="empty"):
        Signature.from_strokes(300, 100, [[]])
    with pytest.raises(UserError, match="no size"):
        Signature.from_strokes(0, 100, wave())
    with pytest.raises(UserError, match="not a position"):
        Signature.from_strokes(300, 100, [[(1.0, float("nan"))]])
    with pytest.raises(UserError, match="damaged"):
        Signature.from_json("{not json")
    clamped = Signature.from_strokes(100, 100, [[(-5, 50), (500, 50)]])
    assert clamped.strokes == (((0.0, 50.0), (100.0, 50.0)),)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_look_like_formulas_are_defused(start: str) -> None:
    assert safe_cell(start + 'HYPERLINK("http://x")') == "'" + start + 'HYPERLINK("http://x")'
    assert safe_cell("Anna") == "Anna"
    assert safe_cell("") == ""


def test_csv_export_is_formula_safe_and_covers_the_date_range(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store()
    day = dt.timedelta(days=1)
    store.record(make_check_in("=cmd|'/c calc'!A1", "@evil", when=NOW - 2 * day))
    store.record(make_check_in("+Ben", "-Smith", when=NOW - day, moisturised=False, hair=None))
    store.record(make_check_in("Outside", when=NOW + day))
    out = tmp_path / "export.csv"
    count = store.export_csv(NOW.date() - 2 * day, NOW.date(), out, tz=dt.UTC)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert count == len(rows) == 2
    assert [(r["first_name"], r["last_initial"]) for r in rows] == [("'=cmd|'/c calc'!A1", "'@"), ("'+Ben", "'-")]
    assert rows[1]["flags"] == "not-moisturised not-buzz-cut"
    assert rows[1]["moisturised"] == "no" and rows[0]["hair"] == "buzz cut"
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())
    with pytest.raises(UserError, match="before it starts"):
        store.export_csv(NOW.date(), NOW.date() - day, out)


def test_csv_has_a_bom_and_crlf_for_spreadsheets() -> None:
    data = checkins_csv([])
    assert data.startswith("\ufeff".encode()) and data.endswith(b"\r\n")


def test_logs_never_contain_a_clients_name(
    make_store: StoreFactory, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, SQLAlchemy's statement log included
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
    try:
        store = make_store()
        names = ["Quintessa", "Vradenburg", "Xiomara", "Yevgenievna"]
        store.record(make_check_in(names[0], names[1]))
        store.todays_checkins()
        store.close()
        broken = tmp_path / "data-broken"
        broken.mkdir()
        (broken / "checkins.db").write_bytes(b"garbage " * 500)
        failing = CheckInStore(data_dir=broken, fallback_dir=tmp_path / "fb", clinic=load_clinic())
        assert failing.record(make_check_in(names[2], names[3])) is Outcome.SPOOLED  # the failure path logs too
        failing.todays_checkins()
        failing.close()
        store.export_csv(NOW.date(), NOW.date(), tmp_path / "out.csv")
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.NOTSET)
    assert len(caplog.records) > 5
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    for name in names:
        assert name not in logged
        assert name[:4] not in logged


def test_records_command_lists_and_exports(
    make_store: StoreFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str | None,
) -> None:
    store = make_store(data_dir=tmp_path / "cli-data")
    store.record(make_check_in("Anna", hair=None))
    store.close()
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "cli-data"))
    database = ["--database", database_url] if database_url else []
    assert main(["records", "--from", "2026-11-24", *database]) == 0
    listing = capsys.readouterr().out
    assert "Anna K." in listing and "not-buzz-cut" in listing
    out = tmp_path / "out.csv"
    assert main(["records", "--from", "2026-11-20", "--to", "2026-11-24", "--csv", str(out), *database]) == 0
    assert "1 check-ins written" in capsys.readouterr().out
    assert "Anna" in out.read_text(encoding="utf-8-sig")
    assert main(["records", "--from", "2026-11-25", "--to", "2026-11-24"]) == 2
    assert "swap the dates" in capsys.readouterr().err


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def ink_in_signature_box(pdf: bytes, tmp_path: Path) -> float:
    """Share of dark pixels inside the signature box (rendered at 40 dpi)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "ink.pdf"
    path.write_bytes(pdf)
    subprocess.run([tool, "-png", "-r", "40", "-singlefile", str(path), str(tmp_path / "ink")], check=True)
    with Image.open(tmp_path / "ink.png") as image:
        gray = image.convert("L")
        width, height = gray.size
        # The box spans 25 mm from each side and sits about 115-175 mm from the top of the A4 page.
        box = gray.crop((int(width * 0.14), int(height * 0.42), int(width * 0.86), int(height * 0.60)))
        histogram = box.histogram()
    return sum(histogram[:100]) / sum(histogram)
