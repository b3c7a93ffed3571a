"""What a start reads instead of working it out again: the fonts' stored metrics and the prepared clinic logo.

Both must give exactly what the slow way gives, and a missing, outdated or damaged stored copy must only cost
time (the slow way), never a wrong or broken calendar.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image
from reportlab.pdfbase import ttfonts

from kiosk.documents.pdf import build_calendar_pdf
from kiosk.documents.pdf import font_info as font_info_module
from kiosk.documents.pdf import logo as logo_module
from kiosk.documents.pdf.font_info import info_path, is_current, write_info
from kiosk.documents.pdf.fonts import fonts_dir
from kiosk.documents.pdf.logo import LOGO_PIXELS, logo_image
from kiosk.errors import UserError

SHIPPED_FONTS = sorted(fonts_dir().glob("*.ttf"))


def parsed_by_reportlab(path: Path) -> dict[str, Any]:
    """The face as ReportLab's own parse leaves it (the stored metrics bypassed)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ttfonts.TTFontFile, "extractInfo", font_info_module._parse_info)
        return dict(vars(ttfonts.TTFontFace(str(path))))


def comparable(face: dict[str, Any]) -> dict[str, Any]:
    scale = face.pop("_pdfScale")
    face["scale of 1234"] = scale(1234)
    face["names as text"] = [face[name].ustr for name in font_info_module._NAME_FIELDS]
    return face


@pytest.mark.parametrize("font", SHIPPED_FONTS, ids=lambda path: path.name)
def test_stored_metrics_are_exactly_what_reportlab_parses(font: Path, tmp_path: Path) -> None:
    copy = tmp_path / font.name
    shutil.copyfile(font, copy)
    assert not is_current(copy)
    write_info(copy)
    assert is_current(copy)
    stored = ttfonts.TTFontFace(str(copy))  # extractInfo now reads the .rlinfo file
    assert comparable(dict(vars(stored))) == comparable(parsed_by_reportlab(copy))
    assert type(stored.name) is ttfonts.TTFNameBytes


def test_a_changed_or_damaged_store_means_the_font_is_parsed_again(tmp_path: Path) -> None:
    regular, bold = fonts_dir() / "NotoSans-Regular.ttf", fonts_dir() / "NotoSans-Bold.ttf"
    copy = tmp_path / "Font.ttf"
    shutil.copyfile(regular, copy)
    write_info(copy)
    shutil.copyfile(bold, copy)  # the font replaced by another under the same name: the store no longer fits
    assert not is_current(copy)
    assert ttfonts.TTFontFace(str(copy)).name.ustr == "NotoSans-Bold"
    for damage in (b"", b"\x00not marshal data", info_path(copy).read_bytes()[:100]):
        write_info(copy)
        info_path(copy).write_bytes(damage)
        assert not is_current(copy)
        face = ttfonts.TTFontFace(str(copy))
        assert comparable(dict(vars(face))) == comparable(parsed_by_reportlab(copy))


def test_the_shipped_fonts_have_current_stored_metrics() -> None:
    """bootstrap.py stores them (packaging/font_info.py): without them every command parses fonts again."""
    stale = [font.name for font in SHIPPED_FONTS if not is_current(font)]
    assert stale == [], f"run packaging/font_info.py: {stale}"


# ----------------------------------------------------------------------------------------------------------------
# The prepared logo


@pytest.fixture
def logo_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    logo_image.cache_clear()
    yield logo_module.logo_cache_dir()
    logo_image.cache_clear()


def a_logo(path: Path, colour: str, size: tuple[int, int] = (400, 200)) -> Path:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste(Image.new("RGBA", (size[0] // 2, size[1] // 2), colour), (size[0] // 4, size[1] // 4))
    image.save(path)
    return path


def pixels(data: bytes) -> tuple[tuple[int, int], Any]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size, image.convert("RGB").getpixel((image.width // 2, image.height // 2))


def test_a_prepared_logo_is_read_from_the_cache_and_is_the_same_picture(logo_cache: Path, tmp_path: Path) -> None:
    logo = a_logo(tmp_path / "logo.png", "#1060c0")
    first = logo_image(logo)
    assert [path.name for path in logo_cache.iterdir()] == [f"{first.digest}.jpg"]
    size, centre = pixels(first.data)
    assert max(size) == LOGO_PIXELS and size == (LOGO_PIXELS, LOGO_PIXELS // 2)  # shape kept
    assert all(abs(a - b) < 12 for a, b in zip(centre, (0x10, 0x60, 0xC0), strict=True))
    logo_image.cache_clear()
    again = logo_image(logo)  # a new process: from the cache
    assert again == first
    a_logo(logo, "#c01010")  # the clinic changes its logo: a new entry, the new picture
    logo_image.cache_clear()
    changed = logo_image(logo)
    assert changed.digest != first.digest
    assert pixels(changed.data)[1][0] > 0xA0


def test_a_damaged_cache_entry_or_a_cache_that_cannot_be_written_only_costs_time(
    logo_cache: Path, tmp_path: Path
) -> None:
    logo = a_logo(tmp_path / "logo.png", "#20a040")
    good = logo_image(logo)
    entry = logo_cache / f"{good.digest}.jpg"
    entry.write_bytes(good.data[: len(good.data) // 2])  # cut short (a full disk, a crash while writing)
    logo_image.cache_clear()
    assert logo_image(logo) == good
    assert entry.read_bytes() == good.data  # and put right
    shutil.rmtree(logo_cache)
    logo_cache.parent.mkdir(parents=True, exist_ok=True)
    logo_cache.write_text("a file where the cache folder should be")
    logo_image.cache_clear()
    assert logo_image(logo) == good


def test_a_logo_that_is_not_an_image_gets_a_clear_message(logo_cache: Path, tmp_path: Path) -> None:
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("hello")
    with pytest.raises(UserError, match="cannot be read as an image"):
        logo_image(not_an_image)
    with pytest.raises(UserError, match="cannot be read"):
        logo_image(tmp_path / "missing.png")


def test_the_calendar_embeds_the_prepared_logo_once_as_a_jpeg(logo_cache: Path, make_request: Any) -> None:
    request = make_request()
    assert request.clinic.logo is not None
    pdf = build_calendar_pdf(request)
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    images = [image for page in pages for image in page.images if image.name.endswith(".jpg")]  # not QR codes
    assert len(images) == 1
    assert pdf.count(logo_image(request.clinic.logo).data) == 1  # embedded as it is, once: no re-encoding
    logo_image.cache_clear()
    assert build_calendar_pdf(request) == pdf  # from the cache: the very same file
