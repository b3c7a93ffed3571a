"""A font's metrics read ahead of time, so that a start does not parse them again.

ReportLab reads a TrueType font's tables (names, sizes, the character map, every glyph's width and place) in
pure Python when the font is registered: about 9 ms per face, on every start of every command. What that parse
yields is plain data, the same each time for the same file, so packaging/font_info.py (run by bootstrap and by
the bundle build) stores it beside the font as `<font>.rlinfo`, and TTFontFile.extractInfo loads that instead
(about 1 ms). The file is `marshal` data (numbers, strings, lists, dicts: nothing that runs code when read),
keyed by the font file's size and CRC-32, ReportLab's version and the marshal format: a font replaced or updated,
a new ReportLab or Python, or a damaged file means the font is simply parsed again, as without this module.
"""

from __future__ import annotations

import marshal
import zlib
from pathlib import Path
from typing import Any

import reportlab
from reportlab.pdfbase import ttfonts

SUFFIX = ".rlinfo"
FORMAT = 1
_NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes, kept as text
_SKIPPED = frozenset({"_pdfScale"})  # a function: rebuilt from unitsPerEm

_parse_info = ttfonts.TTFontFile.extractInfo


def info_path(font_file: str | Path) -> Path:
    return Path(font_file).with_name(Path(font_file).name + SUFFIX)


def _key(data: bytes, char_info: int) -> tuple[int, str, int, int, int, int]:
    return (FORMAT, reportlab.Version, marshal.version, len(data), zlib.crc32(data), char_info)


def parsed_info(face: Any, char_info: int = 1) -> dict[str, Any]:
    """What ReportLab's own parse sets on `face` (a TTFontFile read but not yet parsed), as plain data."""
    before = dict(vars(face))
    _parse_info(face, char_info)
    info: dict[str, Any] = {}
    for name, value in vars(face).items():
        if name in _SKIPPED or (name in before and before[name] is value):
            continue
        info[name] = value.ustr if name in _NAME_FIELDS else value
    return info


def write_info(font_file: Path, char_info: int = 1) -> Path:
    """Parse `font_file` once and store the result beside it; the path written."""
    face = ttfonts.TTFontFile.__new__(ttfonts.TTFontFile)
    ttfonts.TTFontParser.__init__(face, str(font_file), validate=0)
    info = parsed_info(face, char_info)
    target = info_path(font_file)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(marshal.dumps((_key(face._ttf_data, char_info), info)))
    partial.replace(target)  # a reader never sees half a file
    return target


def is_current(font_file: Path, char_info: int = 1) -> bool:
    """Whether `font_file` has a stored parse that a start would use."""
    face = ttfonts.TTFontFile.__new__(ttfonts.TTFontFile)
    ttfonts.TTFontParser.__init__(face, str(font_file), validate=0)
    return _stored_info(face, char_info) is not None


def _stored_info(face: Any, char_info: int) -> dict[str, Any] | None:
    """The stored parse of this very font file, or None (none stored, another version, unreadable)."""
    filename = getattr(face, "filename", None)
    if not isinstance(filename, str) or getattr(face, "subfontNameX", b"") != b"":
        return None  # a font given as a file object, or one face of a collection: parsed as usual
    try:
        key, info = marshal.loads(info_path(filename).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if key != _key(face._ttf_data, char_info) or not isinstance(info, dict):
        return None
    return info


def _extract_info(face: Any, charInfo: int = 1) -> None:  # noqa: N803 - ReportLab's parameter name
    info = _stored_info(face, charInfo)
    if info is None:
        _parse_info(face, charInfo)
        return
    for name in _NAME_FIELDS:
        info[name] = ttfonts.TTFNameBytes(info[name].encode("utf-8"))
    face.__dict__.update(info)
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)


def install() -> None:
    """Read stored metrics for every TrueType font registered from now on (fonts.py calls this once)."""
    ttfonts.TTFontFile.extractInfo = _extract_info
