"""Find every translatable text of the project and build the gettext template (kiosk.pot) with Babel.

Three sources, one catalog:
- Python (`kiosk/**.py`): Babel's own python extractor; the keywords are `_`, `gettext`, `ngettext`,
  `pgettext`, `npgettext`, `N_` (a marker for texts translated later) and the kiosk model's `self._t`; the
  `translate(_, text, ...)` helper is read from the syntax tree.
- QML (`resources/qml/**.qml`, `kiosk/**.qml`): `qsTr(text, disambiguation, n)` and
  `qsTranslate(context, text, disambiguation, n)`. The disambiguation becomes the gettext context; a call
  with `n` becomes a plural message (msgid and msgid_plural both the source text, which holds `%n`).
- The protocol data (`resources/protocols/*.toml`): every title, text, summary, do, avoid, milestone_title,
  aim, name and contact text, whatever table it sits in.
The QML and TOML extractors follow Babel's extractor interface, so `babel.messages.extract.extract` runs them.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract

from kiosk import __version__

PYTHON_KEYWORDS: dict[str, Any] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "_t": None,  # kiosk.ui.kiosk_model.KioskModel._t: gettext in the visit's language
}
# kiosk.documents.pdf.text.translate(_, "Text {name}", name=...) formats with an English fallback. Babel's
# token-based python extractor stops at the `_` inside the call, so these are read from the syntax tree.
HELPER_KEYWORDS: dict[str, Any] = {"translate": (2,)}
# The QML extractor reports every call as "qsTr" with (text, disambiguation) or (text, disambiguation, text).
QML_KEYWORDS: dict[str, Any] = {"qsTr": {1: (1,), 2: ((2, "c"), 1), 3: ((2, "c"), 1, 3)}}
TOML_FIELDS = frozenset({"title", "text", "summary", "do", "avoid", "milestone_title", "aim", "name"})
COMMENT_TAGS = ("TRANSLATORS:",)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the template's header date: no churn in git

_QML_CALL = re.compile(r"\b(qsTr|qsTranslate|QT_TR_NOOP|QT_TRANSLATE_NOOP)\s*\(")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


class _QmlScanner:
    """Just enough of a JavaScript tokenizer to read the arguments of a qsTr call."""

    def __init__(self, source: str) -> None:
        self.source = source

    def string_at(self, pos: int) -> tuple[str, int]:
        quote, chars, i = self.source[pos], [], pos + 1
        while i < len(self.source) and self.source[i] != quote:
            char = self.source[i]
            if char == "\\":
                nxt = self.source[i + 1]
                if nxt == "u":
                    chars.append(chr(int(self.source[i + 2 : i + 6], 16)))
                    i += 6
                    continue
                chars.append(_ESCAPES.get(nxt, nxt))
                i += 2
                continue
            chars.append(char)
            i += 1
        return "".join(chars), i + 1

    def skip_space(self, pos: int) -> int:
        while pos < len(self.source) and self.source[pos].isspace():
            pos += 1
        return pos

    def arguments(self, pos: int) -> list[str | None]:
        """Arguments from after '(' to the matching ')': a literal (or "a" + "b") or None for anything else."""
        args: list[str | None] = []
        depth, parts, other = 0, [], False
        while pos < len(self.source):
            pos = self.skip_space(pos)
            char = self.source[pos] if pos < len(self.source) else ")"
            if char in "\"'":
                text, pos = self.string_at(pos)
                parts.append(text)
                continue
            if char in "([{":
                depth += 1
            elif char in ")]}" and depth:
                depth -= 1
            elif char in ",)" and depth == 0:
                args.append(None if other or not parts else "".join(parts))
                parts, other = [], False
                if char == ")":
                    break
                pos += 1
                continue
            elif char != "+" or depth:
                other = True
            pos += 1
        return args


def _strip_comments(source: str) -> tuple[str, list[tuple[int, int]]]:
    """Blank out // and /* */ comments (keeping line numbers); also return where the string literals are."""
    out: list[str] = []
    strings: list[tuple[int, int]] = []
    i, n, length = 0, len(source), 0
    while i < n:
        char = source[i]
        if char in "\"'`":
            end = i + 1
            while end < n and source[end] != char:
                end += 2 if source[end] == "\\" else 1
            literal = source[i : end + 1]
            strings.append((length, length + len(literal)))
            out.append(literal)
            length += len(literal)
            i = end + 1
            continue
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * source.count("\n", i, end))
            length += source.count("\n", i, end)
            i = end
        else:
            out.append(char)
            length += 1
            i += 1
    return "".join(out), strings


def extract_qml(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """Babel extractor for QML files: yields (line, "qsTr", (text, disambiguation[, text]), comments)."""
    source, strings = _strip_comments(fileobj.read().decode(str(options.get("encoding", "utf-8"))))
    scanner = _QmlScanner(source)
    for match in _QML_CALL.finditer(source):
        if any(start <= match.start() < end for start, end in strings):
            continue  # "qsTr(" inside a string literal is text, not a call
        args = scanner.arguments(match.end())
        if match.group(1) in {"qsTranslate", "QT_TRANSLATE_NOOP"}:
            args = args[1:]
        if not args or args[0] is None:
            continue
        text = args[0]
        disambiguation = args[1] if len(args) > 1 and args[1] else None
        line = source.count("\n", 0, match.start()) + 1
        if len(args) > 2:
            yield line, "qsTr", (text, disambiguation, text), []
        else:
            yield line, "qsTr", (text, disambiguation), []


def extract_python_helpers(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """Babel extractor for calls like `translate(_, "Text", ...)`: the text is the second argument."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        text = node.args[1]
        if name in keywords and isinstance(text, ast.Constant) and isinstance(text.value, str):
            yield node.lineno, name, (None, text.value), []


def extract_protocol_toml(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for protocol files: every translatable field, with its dotted path as a comment."""
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()

    def line_of(text: str) -> int:
        needle = text.replace("\\", "\\\\").replace('"', '\\"')[:40]
        return next((index for index, line in enumerate(lines, start=1) if needle in line), 0)

    def walk(node: Any, path: str) -> Iterator[tuple[int, str | None, str, list[str]]]:
        if isinstance(node, dict):
            for key, value in node.items():
                where = f"{path}.{key}" if path else key
                if key in TOML_FIELDS or path.startswith("contact"):
                    for index, text in enumerate(value if isinstance(value, list) else [value]):
                        if isinstance(text, str) and text.strip():
                            label = f"{where}[{index}]" if isinstance(value, list) else where
                            yield line_of(text.strip()), None, text.strip(), [f"protocol: {label}"]
                else:
                    yield from walk(value, where)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                label = f"{path}[{item.get('id', index)}]" if isinstance(item, dict) else f"{path}[{index}]"
                yield from walk(item, label)

    yield from walk(tomllib.loads(raw), "")


def source_files(root: Path) -> list[tuple[Path, Any, Mapping[str, Any]]]:
    """(file, extraction method, keywords) for every file that holds texts, in a stable order."""
    found: list[tuple[Path, Any, Mapping[str, Any]]] = []
    for path in sorted((root / "kiosk").rglob("*.py")):
        found += [(path, "python", PYTHON_KEYWORDS), (path, extract_python_helpers, HELPER_KEYWORDS)]
    qml = sorted({*(root / "resources").rglob("*.qml"), *(root / "kiosk").rglob("*.qml")})
    found += [(path, extract_qml, QML_KEYWORDS) for path in qml]
    found += [(path, extract_protocol_toml, {}) for path in sorted((root / "resources" / "protocols").glob("*.toml"))]
    return found


def build_template(root: Path) -> Catalog:
    """The template catalog: every text of the project with its locations and translator comments."""
    catalog = Catalog(
        project="smp-kiosk",
        version=__version__,
        copyright_holder="SMP Kiosk contributors",
        msgid_bugs_address="",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )
    for path, method, keywords in source_files(root):
        relative = path.relative_to(root).as_posix()
        with path.open("rb") as handle:
            for lineno, message, comments, context in extract(
                method, handle, keywords=keywords, comment_tags=COMMENT_TAGS, strip_comment_tags=True
            ):
                catalog.add(message, None, [(relative, lineno)], auto_comments=comments, context=context)
    return catalog
